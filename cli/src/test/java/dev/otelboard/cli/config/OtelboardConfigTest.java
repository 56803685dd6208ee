package dev.otelboard.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OtelboardConfigTest {
  @Test
  void writtenYamlReadsBackEqual() {
    OtelboardConfig config =
        new OtelboardConfig("checkout-service", OtelboardConfig.Mode.AGENT,
            new OtelboardConfig.Verify(0.95, 2));
    assertThat(OtelboardConfig.parse(Path.of("otelboard.yaml"), config.toYaml()))
        .isEqualTo(config);
  }

  @Test
  void defaultsAreSdkModeAnd99PercentAndNoOrphans() {
    OtelboardConfig config = OtelboardConfig.parse(Path.of("otelboard.yaml"), "service_name: a\n");
    assertThat(config).isEqualTo(OtelboardConfig.defaults("a"));
    assertThat(config.verify().minLogCorrelation()).isEqualTo(0.99);
  }

  @Test
  void everyErrorIsReportedWithItsKeyPathAndTheFirstLine() {
    String yaml = "service_name: a\nmode: turbo\nverify:\n  min_log_correlation: 2\n  colour: red\n";
    assertThatThrownBy(() -> OtelboardConfig.parse(Path.of("otelboard.yaml"), yaml))
        .isInstanceOfSatisfying(OtelboardException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageStartingWith("otelboard.yaml:2: ")
        .hasMessageContaining("mode: must be sdk or agent")
        .hasMessageContaining("verify.min_log_correlation")
        .hasMessageContaining("verify.colour: unknown key");
  }
}
