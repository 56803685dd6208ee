package dev.otelboard.cli.command;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.io.AtomicFiles;
import dev.otelboard.cli.report.ScanJsonReport;
import dev.otelboard.cli.report.ScanSarifReport;
import dev.otelboard.cli.report.ScanTextReport;
import dev.otelboard.cli.scan.RepoScanner;
import dev.otelboard.cli.scan.ScanProgress;
import dev.otelboard.cli.scan.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code otelboard scan}: inventories a service repo: loggers, HTTP clients and servers, async
 * hops, messaging, existing tracing, build files.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Inventories a service repo: loggers, HTTP clients and servers, async hops, messaging,"
            + " existing tracing, build files. Each finding names the rewrite onboard applies, or"
            + " why it is manual. Results on stdout, progress on stderr.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard scan                              # the current directory, as text",
      "  otelboard scan examples/checkout-service --format json",
      "  otelboard scan --format sarif --output scan.sarif",
      "  otelboard scan --strict                     # exit 3 on an unparseable file"
    })
final class ScanCommand implements Callable<Integer> {
  /** Repos with at least this many Java files get progress lines on stderr. */
  private static final int PROGRESS_THRESHOLD = 500;

  private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      description = "The repo or service directory. Default: ${DEFAULT-VALUE}")
  Path directory;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json (docs/scan-schema.json) or sarif (2.1.0). Default: ${DEFAULT-VALUE}")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE, not stdout.")
  Path output;

  @Option(
      names = "--strict",
      description = "Exit 3 (with file:line) when a Java file does not parse. Default: list it, exit 0.")
  boolean strict;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Parser threads. Default: the available processors.")
  int threads;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String kind = format.toLowerCase(Locale.ROOT);
    if (!kind.equals("text") && !kind.equals("json") && !kind.equals("sarif")) {
      throw new OtelboardException(ExitCode.USAGE,
          "--format must be text, json or sarif, not " + format);
    }
    if (threads < 0) {
      throw new OtelboardException(ExitCode.USAGE, "--threads must be positive");
    }
    if (!Files.isDirectory(directory)) {
      throw new OtelboardException(ExitCode.USAGE, "not a directory: " + directory);
    }
    RepoScanner scanner =
        RepoScanner.builder()
            .setThreads(threads > 0 ? threads : RepoScanner.DEFAULT_THREADS)
            .setProgress(progress(err))
            .build();
    ScanResult result;
    try {
      result = scanner.scan(directory);
    } catch (IOException e) {
      throw OtelboardException.environment("cannot read " + directory + ": " + e.getMessage());
    }
    String version = VersionProvider.versions().getProperty("otelboard.version", "dev");
    StringWriter report = new StringWriter();
    switch (kind) {
      case "json" -> ScanJsonReport.write(result, version, report);
      case "sarif" -> ScanSarifReport.write(result, version, sourceRoot(directory), report);
      default -> ScanTextReport.write(result, new PrintWriter(report));
    }
    if (output != null) {
      try {
        AtomicFiles.write(output, report.toString());
      } catch (IOException e) {
        throw OtelboardException.environment("cannot write " + output + ": " + e.getMessage());
      }
      err.println("scan: " + kind + " report written to " + output + " ("
          + result.findings().size() + " findings)");
    } else {
      out.print(report);
      out.flush();
    }
    if (!result.parseFailures().isEmpty()) {
      if (!kind.equals("text") || output != null) {
        err.println("scan: " + result.parseFailures().size()
            + " Java file(s) did not parse and have no findings; first: "
            + result.parseFailures().get(0));
      }
      if (strict) {
        ScanResult.ParseFailure first = result.parseFailures().get(0);
        int more = result.parseFailures().size() - 1;
        throw OtelboardException.badInput(Path.of(first.file()), first.line(),
            first.message() + (more > 0 ? " (and " + more + " more unparseable files)" : ""));
      }
    }
    err.flush();
    return ExitCode.OK;
  }

  private static String sourceRoot(Path directory) {
    String uri = directory.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /** Throttled progress lines on stderr for large repos. */
  private static ScanProgress progress(PrintWriter err) {
    long[] last = {System.nanoTime()};
    return (done, total) -> {
      if (total < PROGRESS_THRESHOLD) {
        return;
      }
      long now = System.nanoTime();
      synchronized (last) {
        if (done == total || now - last[0] >= PROGRESS_INTERVAL_NANOS) {
          last[0] = now;
          err.printf(Locale.ROOT, "scan: %d/%d Java files parsed%n", done, total);
          err.flush();
        }
      }
    };
  }
}
