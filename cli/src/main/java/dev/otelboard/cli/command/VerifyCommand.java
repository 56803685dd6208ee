package dev.otelboard.cli.command;

import dev.otelboard.cli.OtelboardException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code otelboard verify}: Runs a service against the embedded collector and judges log/trace correlation. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Runs a service against the embedded collector and judges log/trace correlation.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard verify -- mvn -q test",
      "  otelboard verify --plan examples/verify.yaml --report-html verdict.html"
    })
final class VerifyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw OtelboardException.environment("'verify' is not built yet (issue #4); nothing was done");
  }
}
