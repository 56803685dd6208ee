package dev.otelboard.cli.logconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DropwizardLogFormatEditorTest {

  @Test
  void eachAppendersLogFormatGetsTheTraceFieldsWithQuotingAndCommentsKept() throws Exception {
    String before =
        """
        server:
          applicationConnectors:
            - type: http
              port: ${PORT:-8080}   # from the environment

        logging:
          level: INFO
          loggers:
            "com.example.audit":
              level: INFO
              additive: false
              appenders:
                - type: file
                  currentLogFilename: audit.log
                  archive: false
                  logFormat: audit %-5p %c{0} - %m%n
          appenders:
            # stdout, one line per event
            - type: console
              logFormat: "%-5p [%d{ISO8601,UTC}] %c: %m%n%rEx"   # kept
            - type: file
              logFormat: '%d %msg%n'
              currentLogFilename: app.log
              archive: false
        """;
    LogConfigEdit edit = DropwizardLogFormatEditor.edit(before);
    assertThat(edit.text()).isEqualTo(before
        .replace("logFormat: audit %-5p %c{0} - %m%n",
            "logFormat: audit %-5p %c{0} - trace_id=%X{trace_id} span_id=%X{span_id} %m%n")
        .replace("%c: %m%n%rEx\"   # kept",
            "%c: trace_id=%X{trace_id} span_id=%X{span_id} %m%n%rEx\"   # kept")
        .replace("'%d %msg%n'", "'%d trace_id=%X{trace_id} span_id=%X{span_id} %msg%n'"));
    assertThat(edit.changes()).extracting(LogConfigEdit.Change::line)
        .containsExactly(16, 20, 22);
    assertThat(edit.manual()).isEmpty();
    assertThat(DropwizardLogFormatEditor.edit(edit.text()).text())
        .as("applying it again changes nothing").isEqualTo(edit.text());
  }

  @Test
  void anAppenderWithoutLogFormatGetsDropwizardsDefaultWithTheFields() throws Exception {
    String before = "logging:\n  appenders:\n    - type: console\n      threshold: INFO\n"
        + "    - type: console\n      layout:\n        type: json\n";
    LogConfigEdit edit = DropwizardLogFormatEditor.edit(before);
    assertThat(edit.text()).isEqualTo("logging:\n  appenders:\n    - type: console\n"
        + "      logFormat: \"%-5p [%d{ISO8601,UTC}] %c: trace_id=%X{trace_id} span_id=%X{span_id}"
        + " %m%n%rEx\"\n      threshold: INFO\n    - type: console\n      layout:\n"
        + "        type: json\n");
    assertThat(edit.changes()).extracting(LogConfigEdit.Change::line).containsExactly(4);
    assertThat(edit.manual()).singleElement().asString()
        .startsWith("line 5: logging.appenders[1] has a layout");
    assertThat(DropwizardLogFormatEditor.edit(edit.text()).text()).isEqualTo(edit.text());
  }

  @Test
  void blockScalarsAndMissingAppendersAreManualItemsWithTheirLine() throws Exception {
    String before = "logging:\n  level: INFO\n  loggers:\n    com.example:\n      appenders:\n"
        + "        - type: console\n          logFormat: |\n            %m%n\n";
    LogConfigEdit edit = DropwizardLogFormatEditor.edit(before);
    assertThat(edit.text()).isEqualTo(before);
    assertThat(edit.manual()).containsExactly(
        "line 7: logging.loggers.com.example.appenders[0].logFormat is a block scalar: add "
            + "trace_id=%X{trace_id} span_id=%X{span_id} to it by hand",
        "line 1: logging has no appenders, so Dropwizard's default console appender prints no "
            + "trace ids: add appenders: [{type: console, logFormat: \"%-5p [%d{ISO8601,UTC}] "
            + "%c: trace_id=%X{trace_id} span_id=%X{span_id} %m%n%rEx\"}]");
  }

  @Test
  void unparseableYamlIsRefusedWithItsLine() {
    String before = "logging:\n  appenders:\n    - type: console\n     logFormat: \"%m%n\n";
    assertThatThrownBy(() -> DropwizardLogFormatEditor.edit(before))
        .isInstanceOf(ConfigParseException.class)
        .satisfies(e -> assertThat(((ConfigParseException) e).line()).isPositive());
  }

  @Test
  void onlyAFileWithATopLevelLoggingMapIsADropwizardConfig() {
    assertThat(DropwizardLogFormatEditor.isDropwizardConfig("logging:\n  level: INFO\n")).isTrue();
    assertThat(DropwizardLogFormatEditor.isDropwizardConfig("app:\n  logging: true\n")).isFalse();
    assertThat(DropwizardLogFormatEditor.isDropwizardConfig("logging: [\n")).isFalse();
  }
}
