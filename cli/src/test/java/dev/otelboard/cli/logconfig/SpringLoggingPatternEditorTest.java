package dev.otelboard.cli.logconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpringLoggingPatternEditorTest {

  @Test
  void propertiesPatternsGetTheTraceFieldsAndNothingElseChanges() {
    String before =
        """
        # logging
        server.port=8080
        logging.pattern.console=%d{HH:mm:ss} %-5level %logger{36} - %msg%n
        logging.pattern.file = %d %p %c - %m%n
        logging.level.root=INFO
        """;
    LogConfigEdit edit = SpringLoggingPatternEditor.editProperties(before);
    assertThat(edit.text())
        .isEqualTo(
            """
            # logging
            server.port=8080
            logging.pattern.console=%d{HH:mm:ss} %-5level %logger{36} - trace_id=%X{trace_id} span_id=%X{span_id} %msg%n
            logging.pattern.file = %d %p %c - trace_id=%X{trace_id} span_id=%X{span_id} %m%n
            logging.level.root=INFO
            """);
    assertThat(edit.changes()).extracting(LogConfigEdit.Change::line).containsExactly(3, 4);
    assertThat(SpringLoggingPatternEditor.editProperties(edit.text()).text())
        .as("applying it again changes nothing")
        .isEqualTo(edit.text());
  }

  @Test
  void aContinuedPropertiesValueIsAManualItemWithItsLine() {
    String before = "logging.pattern.console=%d %p \\\n    %m%n\n";
    LogConfigEdit edit = SpringLoggingPatternEditor.editProperties(before);
    assertThat(edit.text()).isEqualTo(before);
    assertThat(edit.manual()).singleElement().asString().startsWith("line 1: ");
  }

  @Test
  void yamlPatternsNestedOrDottedAndQuotedGetTheTraceFields() throws Exception {
    String before =
        """
        spring:
          application:
            name: shop
        logging:
          level:
            root: INFO
          pattern:
            # the console
            console: "%d{HH:mm:ss} %-5level %logger - %msg%n"
            file: '%d %p %c - %m%n'
        ---
        logging.pattern.console: "%d %m%n"
        """;
    LogConfigEdit edit = SpringLoggingPatternEditor.editYaml(before);
    assertThat(edit.text())
        .isEqualTo(
            """
            spring:
              application:
                name: shop
            logging:
              level:
                root: INFO
              pattern:
                # the console
                console: "%d{HH:mm:ss} %-5level %logger - trace_id=%X{trace_id} span_id=%X{span_id} %msg%n"
                file: '%d %p %c - trace_id=%X{trace_id} span_id=%X{span_id} %m%n'
            ---
            logging.pattern.console: "%d trace_id=%X{trace_id} span_id=%X{span_id} %m%n"
            """);
    assertThat(edit.changes()).extracting(LogConfigEdit.Change::line).containsExactly(9, 10, 12);
    assertThat(SpringLoggingPatternEditor.editYaml(edit.text()).changes()).isEmpty();
  }

  @Test
  void aYamlBlockScalarIsAManualItemAndOtherKeysNamedConsoleAreLeftAlone() throws Exception {
    String before =
        """
        management:
          pattern:
            console: "%m"
        logging:
          pattern:
            console: >
              %d %m%n
        """;
    LogConfigEdit edit = SpringLoggingPatternEditor.editYaml(before);
    assertThat(edit.text()).isEqualTo(before);
    assertThat(edit.manual()).singleElement().asString().startsWith("line 6: ");
  }

  @Test
  void invalidYamlIsRefusedWithItsLine() {
    String before = "logging:\n  pattern:\n    console: \"%d %m%n\n  level: [\n";
    assertThatThrownBy(() -> SpringLoggingPatternEditor.editYaml(before))
        .isInstanceOf(ConfigParseException.class)
        .satisfies(e -> assertThat(((ConfigParseException) e).line()).isPositive());
  }
}
