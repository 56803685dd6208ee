package dev.otelboard.cli.command;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.check.Baseline;
import dev.otelboard.cli.check.CheckItem;
import dev.otelboard.cli.check.CheckReports;
import dev.otelboard.cli.check.CheckResult;
import dev.otelboard.cli.check.Checker;
import dev.otelboard.cli.check.FailOn;
import dev.otelboard.cli.io.AtomicFiles;
import dev.otelboard.cli.scan.RepoScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code otelboard check}: the CI step. Fails on uninstrumented call sites, lost correlation and
 * invalid OTTL; writes SARIF and JUnit XML.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "The CI step: fails (exit 1) on uninstrumented call sites in service code, on a verify"
            + " verdict below its thresholds and on invalid OTTL; writes SARIF and JUnit XML."
            + " A baseline accepts today's findings so only new ones fail. Summary on stdout.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard check                        # this directory; summary on stdout",
      "  otelboard check --sarif otelboard.sarif --junit otelboard-junit.xml",
      "  otelboard check --format sarif --output otelboard.sarif",
      "  otelboard check --write-baseline otelboard-baseline.json   # adopt",
      "  otelboard check --baseline otelboard-baseline.json   # only new sites fail",
      "  otelboard check --verdict verdict.json --ottl deploy/otel/transform.yaml",
      "",
      "Exit codes: 0 passed, 1 a check failed, 2 usage, 3 bad baseline/verdict/OTTL",
      "file (or an unparseable Java file with --strict), 4 environment."
    })
final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      description = "The repo or service directory. Default: ${DEFAULT-VALUE}")
  Path directory;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Report on stdout (or --output): text, sarif or junit. Default: ${DEFAULT-VALUE}")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the --format report to FILE, not stdout.")
  Path output;

  @Option(names = "--sarif", paramLabel = "FILE", description = "Also write SARIF 2.1.0 to FILE.")
  Path sarif;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML to FILE.")
  Path junit;

  @Option(
      names = "--verdict",
      paramLabel = "FILE",
      description = "A verify report (otelboard verify --report-json FILE); fail when its thresholds failed.")
  Path verdict;

  @Option(
      names = "--ottl",
      paramLabel = "FILE",
      description = "A collector config, transform.yaml or Helm values file; fail on invalid OTTL. Repeatable.")
  List<Path> ottl = new ArrayList<>();

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Accept the findings listed in FILE; fail only on new ones.")
  Path baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Write today's failing and warning findings to FILE as the baseline, then check against it.")
  Path writeBaseline;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "uninstrumented",
      description = "uninstrumented: sites onboard can fix fail, manual ones warn; manual: both fail."
          + " Default: ${DEFAULT-VALUE}")
  String failOn;

  @Option(
      names = "--strict",
      description = "Exit 3 (with file:line) when a Java file does not parse. Default: report it as not checked.")
  boolean strict;

  @Option(names = "--threads", paramLabel = "N", description = "Parser threads. Default: the available processors.")
  int threads;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String kind = format.toLowerCase(Locale.ROOT);
    if (!List.of("text", "sarif", "junit").contains(kind)) {
      throw new OtelboardException(ExitCode.USAGE, "--format must be text, sarif or junit, not " + format);
    }
    FailOn level = switch (failOn.toLowerCase(Locale.ROOT)) {
      case "uninstrumented" -> FailOn.UNINSTRUMENTED;
      case "manual" -> FailOn.MANUAL;
      default -> throw new OtelboardException(ExitCode.USAGE,
          "--fail-on must be uninstrumented or manual, not " + failOn);
    };
    if (threads < 0) {
      throw new OtelboardException(ExitCode.USAGE, "--threads must be positive");
    }
    if (!Files.isDirectory(directory)) {
      throw new OtelboardException(ExitCode.USAGE, "not a directory: " + directory);
    }
    if (baseline != null && writeBaseline != null) {
      err.println("check: --baseline " + baseline + " is not read: --write-baseline replaces it");
    }
    // Read the baseline before scanning, so a typo fails fast.
    Baseline accepted = baseline != null && writeBaseline == null ? Baseline.read(baseline) : null;
    Checker.Builder checker = Checker.builder()
        .setScanner(RepoScanner.builder()
            .setThreads(threads > 0 ? threads : RepoScanner.DEFAULT_THREADS).build())
        .setFailOn(level)
        .setStrict(strict)
        .setVerdict(verdict);
    ottl.forEach(checker::addOttlFile);
    CheckResult result;
    try {
      result = checker.build().check(directory);
    } catch (IOException e) {
      throw OtelboardException.environment("cannot read " + directory + ": " + e.getMessage());
    }
    if (writeBaseline != null) {
      accepted = Baseline.of(result, writeBaseline.toString());
      write(writeBaseline, accepted.toJson());
      err.println("check: baseline of " + accepted.size() + " finding(s) written to " + writeBaseline);
    }
    if (accepted != null) {
      result = accepted.apply(result);
    }
    String version = VersionProvider.versions().getProperty("otelboard.version", "dev");
    String root = sourceRoot(directory);
    if (sarif != null) {
      write(sarif, CheckReports.sarif(result, version, root));
      err.println("check: SARIF written to " + sarif);
    }
    if (junit != null) {
      write(junit, CheckReports.junit(result));
      err.println("check: JUnit XML written to " + junit);
    }
    String report = switch (kind) {
      case "sarif" -> CheckReports.sarif(result, version, root);
      case "junit" -> CheckReports.junit(result);
      default -> CheckReports.text(result);
    };
    if (output != null) {
      write(output, report);
      err.println("check: " + kind + " report written to " + output);
      if (!kind.equals("text")) {
        out.print(CheckReports.text(result));
      }
    } else {
      out.print(report);
    }
    out.flush();
    err.flush();
    if (strict) {
      CheckItem first = result.items().stream()
          .filter(i -> i.outcome() == CheckItem.Outcome.ERROR && "parse.unparseable".equals(i.ruleId()))
          .findFirst().orElse(null);
      if (first != null) {
        throw OtelboardException.badInput(Path.of(first.file()), first.line(),
            String.valueOf(first.properties().get("parserMessage")));
      }
    }
    return result.failed() ? ExitCode.CHECK_FAILED : ExitCode.OK;
  }

  private static void write(Path file, String text) {
    try {
      AtomicFiles.write(file, text);
    } catch (IOException e) {
      throw OtelboardException.environment("cannot write " + file + ": " + e.getMessage());
    }
  }

  private static String sourceRoot(Path directory) {
    String uri = directory.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }
}
