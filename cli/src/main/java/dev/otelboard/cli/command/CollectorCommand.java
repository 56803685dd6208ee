package dev.otelboard.cli.command;

import dev.otelboard.cli.OtelboardException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code otelboard collector}: Runs the embedded OTLP collector with live stats and a correlation report. */
@Command(
    name = "collector",
    mixinStandardHelpOptions = true,
    description = "Runs the embedded OTLP collector with live stats and a correlation report.")
final class CollectorCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw OtelboardException.environment("'collector' is not built yet (issue #3); nothing was done");
  }
}
