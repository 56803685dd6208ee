package dev.otelboard.cli.logconfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Log4j2ConfigEditorTest {
  static final String BEFORE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <Configuration status="WARN">
        <Appenders>
          <Console name="Console" target="SYSTEM_OUT">
            <PatternLayout pattern="%d [%t] %-5level %logger{36} - %msg%n"/>
          </Console>
        </Appenders>
        <Loggers>
          <Root level="info">
            <AppenderRef ref="Console"/>
          </Root>
        </Loggers>
      </Configuration>
      """;

  @Test
  void sdkModeAddsTraceFieldsAndTheOpenTelemetryAppender() throws Exception {
    LogConfigEdit edit = Log4j2ConfigEditor.edit(BEFORE, true);
    assertThat(edit.text())
        .isEqualTo(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Configuration packages="io.opentelemetry.instrumentation.log4j.appender.v2_17" status="WARN">
              <Appenders>
                <Console name="Console" target="SYSTEM_OUT">
                  <PatternLayout pattern="%d [%t] %-5level %logger{36} - trace_id=%X{trace_id} span_id=%X{span_id} %msg%n"/>
                </Console>
                <OpenTelemetry name="OpenTelemetryAppender"/>
              </Appenders>
              <Loggers>
                <Root level="info">
                  <AppenderRef ref="Console"/>
                  <AppenderRef ref="OpenTelemetryAppender"/>
                </Root>
              </Loggers>
            </Configuration>
            """);
    assertThat(edit.changes()).extracting(LogConfigEdit.Change::line).containsExactly(5, 7, 2, 10);
    assertThat(Log4j2ConfigEditor.edit(edit.text(), true).text()).isEqualTo(edit.text());
  }

  @Test
  void loggersThatDoNotPassEventsToTheRootGetTheAppenderToo() throws Exception {
    String before =
        """
        <Configuration status="WARN" packages="com.example.plugins">
          <Appenders>
            <Console name="Console">
              <PatternLayout pattern="%msg%n"/>
            </Console>
          </Appenders>
          <Loggers>
            <Logger name="com.example" level="info" additivity="false">
              <AppenderRef ref="Console"/>
            </Logger>
            <Logger name="com.example.noisy" level="error"/>
            <Root level="warn">
              <AppenderRef ref="Console"/>
            </Root>
          </Loggers>
        </Configuration>
        """;
    LogConfigEdit edit = Log4j2ConfigEditor.edit(before, true);
    assertThat(edit.text())
        .isEqualTo(
            """
            <Configuration status="WARN" packages="com.example.plugins,io.opentelemetry.instrumentation.log4j.appender.v2_17">
              <Appenders>
                <Console name="Console">
                  <PatternLayout pattern="trace_id=%X{trace_id} span_id=%X{span_id} %msg%n"/>
                </Console>
                <OpenTelemetry name="OpenTelemetryAppender"/>
              </Appenders>
              <Loggers>
                <Logger name="com.example" level="info" additivity="false">
                  <AppenderRef ref="Console"/>
                  <AppenderRef ref="OpenTelemetryAppender"/>
                </Logger>
                <Logger name="com.example.noisy" level="error"/>
                <Root level="warn">
                  <AppenderRef ref="Console"/>
                  <AppenderRef ref="OpenTelemetryAppender"/>
                </Root>
              </Loggers>
            </Configuration>
            """);
    assertThat(Log4j2ConfigEditor.edit(edit.text(), true).text()).isEqualTo(edit.text());
  }

  @Test
  void jsonLayoutsAreAManualItem() throws Exception {
    String json = BEFORE.replace(
        "<PatternLayout pattern=\"%d [%t] %-5level %logger{36} - %msg%n\"/>",
        "<JsonTemplateLayout eventTemplateUri=\"classpath:EcsLayout.json\"/>");
    LogConfigEdit edit = Log4j2ConfigEditor.edit(json, false);
    assertThat(edit.text()).isEqualTo(json);
    assertThat(edit.manual()).singleElement().asString().contains("JsonTemplateLayout");
  }

  @Test
  void aPatternElementAndExistingPluginPackagesAreEditedInPlace() throws Exception {
    String before =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Configuration status="WARN" packages="com.example.logging" name="inventory">
          <Appenders>
            <Console name="Stdout" target="SYSTEM_OUT">
              <PatternLayout>
                <Pattern>%d{ISO8601} %-5p [%t] %c{1.} - %m%n</Pattern>
              </PatternLayout>
            </Console>
          </Appenders>
          <Loggers>
            <Root level="${LOG_LEVEL}">
              <AppenderRef ref="Stdout"/>
            </Root>
          </Loggers>
        </Configuration>
        """;
    LogConfigEdit edit = Log4j2ConfigEditor.edit(before, true);
    assertThat(edit.text())
        .isEqualTo(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Configuration status="WARN" packages="com.example.logging,io.opentelemetry.instrumentation.log4j.appender.v2_17" name="inventory">
              <Appenders>
                <Console name="Stdout" target="SYSTEM_OUT">
                  <PatternLayout>
                    <Pattern>%d{ISO8601} %-5p [%t] %c{1.} - trace_id=%X{trace_id} span_id=%X{span_id} %m%n</Pattern>
                  </PatternLayout>
                </Console>
                <OpenTelemetry name="OpenTelemetryAppender"/>
              </Appenders>
              <Loggers>
                <Root level="${LOG_LEVEL}">
                  <AppenderRef ref="Stdout"/>
                  <AppenderRef ref="OpenTelemetryAppender"/>
                </Root>
              </Loggers>
            </Configuration>
            """);
    assertThat(edit.manual()).isEmpty();
    assertThat(Log4j2ConfigEditor.edit(edit.text(), true).text()).isEqualTo(edit.text());
  }
}
