package dev.otelboard.cli.ottl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checking every transform/filter processor of a YAML file, with file, line and column. */
class OttlFileCheckTest {
  @TempDir Path tmp;

  @Test
  void aCollectorConfigsProcessorsAreCheckedWithLineAndColumn() throws IOException {
    Path file = tmp.resolve("collector.yaml");
    Files.writeString(file, """
        processors:
          batch: {}
          transform/logs:
            error_mode: ignore
            log_statements:
              - context: log
                statements:
                  - set(attributes["ok"], true)
                  - set(atributes["x"], 1)
          filter/health:
            trace_conditions:
              - IsMatch(span.attributes["url.path"], "^/health$")
              - span.name = "GET /ready"
        """);

    assertThat(OttlFileCheck.check(file)).containsExactly(
        file + ":9: processors.transform/logs.log_statements[0].statements[1]: column 5: segment"
            + " \"atributes\" from path \"atributes[...]\" is not a valid path for the log context;"
            + " did you mean attributes?",
        file + ":13: processors.filter/health.trace_conditions[1]: column 11: expected a comparison"
            + " operator (==, !=, <, <=, >, >=) after the value, got '='");
  }

  @Test
  void helmValuesAreCheckedUnderConfigProcessors() throws IOException {
    Path file = tmp.resolve("values.yaml");
    Files.writeString(file, """
        mode: daemonset
        config:
          processors:
            transform:
              trace_statements:
                - set(span.name, "x") where span.kind == SPAN_KIND_SERVR
        """);

    assertThat(OttlFileCheck.check(file)).singleElement().asString()
        .startsWith(file + ":6: config.processors.transform.trace_statements[0]: column 40:"
            + " unknown enum symbol SPAN_KIND_SERVR in the span context; did you mean SPAN_KIND_SERVER?");
  }

  @Test
  void aFileWithoutOttlIsBadInputNotAnEmptyPass() throws IOException {
    Path file = tmp.resolve("other.yaml");
    Files.writeString(file, "receivers:\n  otlp: {}\n");

    assertThatThrownBy(() -> OttlFileCheck.check(file))
        .isInstanceOfSatisfying(OtelboardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageContaining("no OTTL in it");
  }
}
