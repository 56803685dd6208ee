package dev.otelboard.cli.command;

import dev.otelboard.cli.OtelboardException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code otelboard scan}: Inventories a service repo: loggers, HTTP clients and servers, async hops, messaging, build files. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Inventories a service repo: loggers, HTTP clients and servers, async hops, messaging, build files.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard scan examples/checkout-service",
      "  otelboard scan --format sarif --output scan.sarif"
    })
final class ScanCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw OtelboardException.environment("'scan' is not built yet (issue #5); nothing was done");
  }
}
