package dev.otelboard.cli.command;

import dev.otelboard.cli.OtelboardException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code otelboard check}: The CI step: fails on uninstrumented call sites or lost correlation; writes SARIF and JUnit XML. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "The CI step: fails on uninstrumented call sites or lost correlation; writes SARIF and JUnit XML.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard check --format sarif --output otelboard.sarif"
    })
final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw OtelboardException.environment("'check' is not built yet (issue #5); nothing was done");
  }
}
