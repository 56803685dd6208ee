package dev.otelboard.cli.logconfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Log4j2PropertiesEditorTest {
  static final String BEFORE =
      """
      status = warn
      appender.console.type = Console
      appender.console.name = STDOUT
      appender.console.layout.type = PatternLayout
      appender.console.layout.pattern = %d [%t] %-5level %logger{36} - %msg%n
      rootLogger.level = info
      rootLogger.appenderRef.stdout.ref = STDOUT
      """;

  @Test
  void sdkModeAddsTheTraceFieldsAndTheOpenTelemetryAppender() {
    LogConfigEdit edit = Log4j2PropertiesEditor.edit(BEFORE, true);
    assertThat(edit.text())
        .isEqualTo(
            """
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d [%t] %-5level %logger{36} - trace_id=%X{trace_id} span_id=%X{span_id} %msg%n
            rootLogger.level = info
            rootLogger.appenderRef.stdout.ref = STDOUT
            # OpenTelemetry: export log records over OTLP (opentelemetry-log4j-appender-2.17)
            packages = io.opentelemetry.instrumentation.log4j.appender.v2_17
            appender.otel.type = OpenTelemetry
            appender.otel.name = OpenTelemetryAppender
            rootLogger.appenderRef.otel.ref = OpenTelemetryAppender
            """);
    assertThat(edit.changes()).extracting(LogConfigEdit.Change::line).containsExactly(5, 8);
    assertThat(Log4j2PropertiesEditor.edit(edit.text(), true).text())
        .as("applying it again changes nothing")
        .isEqualTo(edit.text());
  }

  @Test
  void nonAdditiveLoggersAndAnExistingPackagesLineGetTheAppenderToo() {
    String before =
        """
        packages = com.example.logging
        appender.console.type = Console
        appender.console.name = STDOUT
        rootLogger.appenderRef.stdout.ref = STDOUT
        logger.audit.name = audit
        logger.audit.additivity = false
        logger.audit.appenderRef.stdout.ref = STDOUT
        """;
    LogConfigEdit edit = Log4j2PropertiesEditor.edit(before, true);
    assertThat(edit.text())
        .isEqualTo(
            """
            packages = com.example.logging,io.opentelemetry.instrumentation.log4j.appender.v2_17
            appender.console.type = Console
            appender.console.name = STDOUT
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.audit.name = audit
            logger.audit.additivity = false
            logger.audit.appenderRef.stdout.ref = STDOUT
            # OpenTelemetry: export log records over OTLP (opentelemetry-log4j-appender-2.17)
            appender.otel.type = OpenTelemetry
            appender.otel.name = OpenTelemetryAppender
            rootLogger.appenderRef.otel.ref = OpenTelemetryAppender
            logger.audit.appenderRef.otel.ref = OpenTelemetryAppender
            """);
    assertThat(Log4j2PropertiesEditor.edit(edit.text(), true).text()).isEqualTo(edit.text());
  }

  @Test
  void agentModeOnlyChangesThePattern() {
    LogConfigEdit edit = Log4j2PropertiesEditor.edit(BEFORE, false);
    assertThat(edit.text())
        .isEqualTo(BEFORE.replace(" - %msg", " - trace_id=%X{trace_id} span_id=%X{span_id} %msg"));
  }
}
