package dev.otelboard.cli.command;

import dev.otelboard.cli.OtelboardException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code otelboard generate}: Generates Helm values for a collector DaemonSet and per-service OTTL transform rules. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generates Helm values for a collector DaemonSet and per-service OTTL transform rules.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard generate helm --fleet examples/otelboard-fleet.yaml --out values.yaml",
      "  otelboard generate transform"
    })
final class GenerateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw OtelboardException.environment("'generate' is not built yet (issue #7); nothing was done");
  }
}
