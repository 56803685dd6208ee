package dev.otelboard.cli.logconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import org.junit.jupiter.api.Test;

class LogbackConfigEditorTest {
  static final String BEFORE =
      """
      <configuration>
        <!-- console only -->
        <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
          <encoder>
            <pattern>%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n</pattern>
          </encoder>
        </appender>

        <root level="INFO">
          <appender-ref ref="CONSOLE"/>
        </root>
      </configuration>
      """;

  @Test
  void sdkModeAddsTraceFieldsTheMdcWrapperAndTheExportingAppender() throws Exception {
    LogConfigEdit edit = LogbackConfigEditor.edit(BEFORE, true);
    assertThat(edit.text())
        .isEqualTo(
            """
            <configuration>
              <!-- console only -->
              <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                <encoder>
                  <pattern>%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - trace_id=%X{trace_id} span_id=%X{span_id} %msg%n</pattern>
                </encoder>
              </appender>
              <appender name="OTEL_MDC_CONSOLE" class="io.opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender">
                <appender-ref ref="CONSOLE"/>
              </appender>
              <appender name="OTEL" class="io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender"/>

              <root level="INFO">
                <appender-ref ref="OTEL_MDC_CONSOLE"/>
                <appender-ref ref="OTEL"/>
              </root>
            </configuration>
            """);
    assertThat(edit.changes()).extracting(LogConfigEdit.Change::line).contains(5, 10);
    assertThat(LogbackConfigEditor.edit(edit.text(), true).text())
        .as("applying it again changes nothing")
        .isEqualTo(edit.text());
  }

  @Test
  void agentModeOnlyChangesThePattern() throws Exception {
    LogConfigEdit edit = LogbackConfigEditor.edit(BEFORE, false);
    assertThat(edit.text())
        .isEqualTo(BEFORE.replace(" - %msg", " - trace_id=%X{trace_id} span_id=%X{span_id} %msg"));
    assertThat(LogbackConfigEditor.edit(edit.text(), false).changes()).isEmpty();
  }

  @Test
  void aSpringConfigWhoseRootComesFromAnIncludeGetsARootWithTheExportingAppender()
      throws Exception {
    String before =
        """
        <configuration>
          <include resource="org/springframework/boot/logging/logback/base.xml"/>
          <logger name="com.example" level="DEBUG"/>
        </configuration>
        """;

    LogConfigEdit edit = LogbackConfigEditor.edit(before, true);

    assertThat(edit.text())
        .isEqualTo(
            """
            <configuration>
              <property name="LOG_LEVEL_PATTERN" value="${LOG_LEVEL_PATTERN:-%5p} [trace_id=%X{trace_id} span_id=%X{span_id}]"/>
              <include resource="org/springframework/boot/logging/logback/base.xml"/>
              <logger name="com.example" level="DEBUG"/>
              <appender name="OTEL" class="io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender"/>
              <root>
                <appender-ref ref="OTEL"/>
              </root>
            </configuration>
            """);
    assertThat(edit.changes()).extracting(LogConfigEdit.Change::line).containsExactly(2, 5, 7);
    assertThat(edit.changes().get(0).what()).contains("LOG_LEVEL_PATTERN");
    assertThat(edit.manual()).isEmpty();
    assertThat(LogbackConfigEditor.edit(edit.text(), true).text())
        .as("applying it again changes nothing")
        .isEqualTo(edit.text());
  }

  @Test
  void bootsLevelPatternIsLeftAloneWhenTheApplicationSetsItsOwnConsolePattern() throws Exception {
    String before =
        """
        <configuration>
          <include resource="org/springframework/boot/logging/logback/defaults.xml"/>
          <include resource="org/springframework/boot/logging/logback/console-appender.xml"/>
          <root level="INFO">
            <appender-ref ref="CONSOLE"/>
          </root>
        </configuration>
        """;

    String withOwnPattern = LogbackConfigEditor.edit(before, false, false).text();
    String withBootPattern = LogbackConfigEditor.edit(before, false, true).text();

    assertThat(withOwnPattern).as("logging.pattern.console is edited where it is set")
        .isEqualTo(before);
    assertThat(withBootPattern)
        .startsWith("""
            <configuration>
              <property name="LOG_LEVEL_PATTERN" value="${LOG_LEVEL_PATTERN:-%5p} \
            [trace_id=%X{trace_id} span_id=%X{span_id}]"/>
              <include resource="org/springframework/boot/logging/logback/defaults.xml"/>
            """);
    assertThat(LogbackConfigEditor.edit(withBootPattern, false, true).text())
        .isEqualTo(withBootPattern);
  }

  @Test
  void rootsOnlyInsideSpringProfilesGetATopLevelRootAfterTheAppenders() throws Exception {
    String before =
        """
        <configuration>
          <include resource="org/springframework/boot/logging/logback/defaults.xml"/>
          <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
            <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
          </appender>
          <springProfile name="prod">
            <root level="INFO">
              <appender-ref ref="JSON"/>
            </root>
          </springProfile>
        </configuration>
        """;

    LogConfigEdit edit = LogbackConfigEditor.edit(before, true);

    assertThat(edit.text())
        .isEqualTo(
            """
            <configuration>
              <include resource="org/springframework/boot/logging/logback/defaults.xml"/>
              <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
                <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
              </appender>
              <appender name="OTEL" class="io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender"/>
              <springProfile name="prod">
                <root level="INFO">
                  <appender-ref ref="JSON"/>
                </root>
              </springProfile>
              <root>
                <appender-ref ref="OTEL"/>
              </root>
            </configuration>
            """);
    assertThat(LogbackConfigEditor.edit(edit.text(), true).text()).isEqualTo(edit.text());
  }

  @Test
  void aConfigWithNoRootAnywhereIsAManualItem() throws Exception {
    String before =
        """
        <configuration>
          <logger name="com.example" level="DEBUG"/>
        </configuration>
        """;

    LogConfigEdit edit = LogbackConfigEditor.edit(before, true);

    assertThat(edit.text()).isEqualTo(before);
    assertThat(edit.manual()).singleElement().asString().startsWith("no <root> logger");
  }

  @Test
  void aMalformedFileIsRefusedWithItsLine() {
    assertThatThrownBy(() -> LogbackConfigEditor.edit("<configuration>\n  <root>\n</configuration>\n", true))
        .isInstanceOf(XmlParseException.class)
        .satisfies(e -> assertThat(((XmlParseException) e).line()).isEqualTo(3));
  }
}
