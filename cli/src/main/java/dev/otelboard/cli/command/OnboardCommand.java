package dev.otelboard.cli.command;

import dev.otelboard.cli.OtelboardException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code otelboard onboard}: Rewrites a service for OpenTelemetry: HTTP spans, async context, log correlation, pom.xml. */
@Command(
    name = "onboard",
    mixinStandardHelpOptions = true,
    description = "Rewrites a service for OpenTelemetry: HTTP spans, async context, log correlation, pom.xml.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard onboard --dry-run        # the whole change as a unified diff",
      "  otelboard onboard examples/checkout-service"
    })
final class OnboardCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw OtelboardException.environment("'onboard' is not built yet (issue #6); nothing was done");
  }
}
