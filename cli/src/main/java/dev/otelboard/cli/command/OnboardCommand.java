package dev.otelboard.cli.command;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.config.OtelboardConfig.Mode;
import dev.otelboard.cli.onboard.OnboardOptions;
import dev.otelboard.cli.onboard.OnboardOptions.HttpLibrary;
import dev.otelboard.cli.onboard.OnboardPlan;
import dev.otelboard.cli.onboard.OnboardService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code otelboard onboard}: rewrites a service for OpenTelemetry: HTTP spans, async context, log
 * correlation, pom.xml.
 */
@Command(
    name = "onboard",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Rewrites a service for OpenTelemetry: HTTP spans, async context, log correlation, pom.xml.",
      "Writes otelboard.yaml on the first run; running it again changes nothing."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard onboard --dry-run        # the whole change as a unified diff, nothing written",
      "  otelboard onboard --dry-run | git apply",
      "  otelboard onboard examples/checkout-service",
      "  otelboard onboard --mode agent     # no code changes; log correlation + agent env",
      "  otelboard onboard --keep-logging-api  # leave JUL/JCL/Log4j 1/System.out (manual items)",
      "  otelboard onboard --keep-vendor-log-keys  # dd.trace_id and trace_id side by side (dual run)"
    })
final class OnboardCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      description = "The service's directory (with pom.xml). Default: ${DEFAULT-VALUE}")
  Path directory;

  @Option(
      names = "--dry-run",
      description = "Print the full unified diff on stdout and write nothing.")
  boolean dryRun;

  @Option(
      names = "--force",
      description = "Edit files even when they have uncommitted changes in git.")
  boolean force;

  @Option(
      names = "--mode",
      description =
          "sdk (rewrite code, add the SDK) or agent (no code changes). Default: from otelboard.yaml,"
              + " else sdk.")
  String mode;

  @Option(
      names = "--service-name",
      description = "Service name for a first onboard. Default: the pom's artifactId.")
  String serviceName;

  @Option(
      names = "--http-library",
      defaultValue = "auto",
      description =
          "Instrumentation for java.net.http and the JDK HttpServer: auto (the official library when"
              + " resolvable, else a generated adapter), library, adapter. Default: ${DEFAULT-VALUE}")
  String httpLibrary;

  @Option(
      names = "--keep-logging-api",
      description =
          "Leave java.util.logging, Commons Logging, Log4j 1.x and System.out logging as they are"
              + " (each gets a manual item) instead of moving them to SLF4J.")
  boolean keepLoggingApi;

  @Option(
      names = "--keep-vendor-deps",
      description =
          "Keep vendor tracer dependencies (dd-trace-api, OpenTracing, Sleuth, Brave) that nothing"
              + " in src/main/java references (each gets a manual item) instead of removing them.")
  boolean keepVendorDeps;

  @Option(
      names = "--keep-vendor-log-keys",
      description =
          "Keep vendor MDC keys (%%X{dd.trace_id}, Sleuth's %%X{traceId}...) in log patterns next to"
              + " trace_id/span_id, for a dual run with the vendor agent.")
  boolean keepVendorLogKeys;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(directory)) {
      throw new OtelboardException(ExitCode.USAGE, "not a directory: " + directory);
    }
    OnboardOptions options =
        new OnboardOptions(parseMode(mode), serviceName, parseHttpLibrary(httpLibrary), force,
            keepLoggingApi, keepVendorDeps, keepVendorLogKeys);
    OnboardService service = OnboardService.withUserMavenRepository();
    OnboardPlan plan = service.plan(directory, options);
    if (!plan.writable()) {
      plan.printSummary(err, dryRun);
      return ExitCode.BAD_INPUT;
    }
    if (dryRun) {
      out.print(plan.diff());
      out.flush();
      plan.printSummary(err, true);
      return plan.complete() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }
    if (!force) {
      OnboardService.checkUncommitted(directory, plan);
    }
    service.apply(directory, plan);
    plan.printSummary(out, false);
    return plan.complete() ? ExitCode.OK : ExitCode.BAD_INPUT;
  }

  private static Mode parseMode(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "sdk" -> Mode.SDK;
      case "agent" -> Mode.AGENT;
      default -> throw new OtelboardException(ExitCode.USAGE,
          "--mode must be sdk or agent, not " + value);
    };
  }

  private static HttpLibrary parseHttpLibrary(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "auto" -> HttpLibrary.AUTO;
      case "library" -> HttpLibrary.LIBRARY;
      case "adapter" -> HttpLibrary.ADAPTER;
      default -> throw new OtelboardException(ExitCode.USAGE,
          "--http-library must be auto, library or adapter, not " + value);
    };
  }
}
