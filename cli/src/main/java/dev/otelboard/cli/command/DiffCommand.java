package dev.otelboard.cli.command;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.diff.CaptureDiff;
import dev.otelboard.cli.diff.CaptureReader;
import dev.otelboard.cli.diff.DiffResult;
import dev.otelboard.cli.diff.RunSummary;
import dev.otelboard.cli.report.DiffJson;
import dev.otelboard.cli.report.DiffText;
import dev.otelboard.cli.report.html.DiffHtml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code otelboard diff A B}: what run B lost and gained against run A, matched by shape. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares two captured runs (otelboard verify --capture, otelboard collector --output, or the"
          + " OpenTelemetry Collector's file exporter: OTLP JSON lines) by shape, never by ids: spans"
          + " grouped per service by kind, normalized name or route, HTTP method and status class,"
          + " database system and operation, messaging destination; attribute coverage per group"
          + " (deprecated and stable semantic-convention names told apart); propagation (traces"
          + " across services, spans that start traces of their own, orphans); log records per"
          + " logger with trace context, and message templates written in one run only.",
      "Prints what B lost and what B gained as short ranked lists, then the services side by side."
          + " A and B are capture files or directories of them (*.jsonl, *.jsonl.gz).",
      "Exit 0 when B's losses stay within the thresholds, 1 when not, 3 when a file is not OTLP JSON"
          + " (file:line)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # the original build with the javaagent, then the onboarded build as built:",
      "  otelboard verify --plan original/verify.yaml --agent --capture agent.jsonl",
      "  otelboard verify --plan onboarded/verify.yaml --capture code.jsonl",
      "  otelboard diff agent.jsonl code.jsonl",
      "  otelboard diff a.jsonl b.jsonl --max-lost-groups 2 --report-html diff.html",
      "  otelboard diff before/ after/ --format json > diff.json      # directories",
      "  # both runs and the diff in one command:",
      "  otelboard verify --plan onboarded.yaml --compare-agent original.yaml"
    })
final class DiffCommand implements Callable<Integer> {
  private static final String PREFIX = "otelboard diff: ";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The reference run: a capture file or a directory of them.")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "The run compared with A.")
  Path b;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "Items of each ranked list in the text output; 0 for all (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--max-lost-groups",
      paramLabel = "N",
      defaultValue = "0",
      description = "Span groups B may lose before exit 1 (default: ${DEFAULT-VALUE}).")
  int maxLostGroups;

  @Option(
      names = "--min-correlation-ratio",
      paramLabel = "R",
      defaultValue = "0.9",
      description = "Lowest acceptable B/A ratio of each service's share of log records joined to"
          + " their trace, and of each SERVER/CONSUMER span group's share continuing a calling"
          + " service's trace (groups at 50%% or more in A); exit 1 below (default: ${DEFAULT-VALUE}).")
  double minCorrelationRatio;

  @Option(
      names = "--count-tolerance",
      paramLabel = "T",
      defaultValue = "0.25",
      description = "Relative change of a span group's or logger's count that is reported, when also"
          + " beyond chance (default: ${DEFAULT-VALUE}).")
  double countTolerance;

  @Option(
      names = "--report-html",
      paramLabel = "FILE",
      description = "Also write a self-contained HTML page: both runs side by side.")
  Path reportHtml;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      throw new OtelboardException(ExitCode.USAGE, "--format must be text or json, not '" + format + "'");
    }
    if (limit < 0) {
      throw new OtelboardException(ExitCode.USAGE, "--limit must not be negative");
    }
    CaptureDiff diff;
    try {
      diff = CaptureDiff.builder()
          .setMaxLostGroups(maxLostGroups)
          .setMinCorrelationRatio(minCorrelationRatio)
          .setCountTolerance(countTolerance)
          .build();
    } catch (IllegalArgumentException e) {
      throw new OtelboardException(ExitCode.USAGE, e.getMessage());
    }
    long start = System.nanoTime();
    List<RunSummary> runs = CaptureReader.builder().build().readAll(List.of(a, b));
    for (int i = 0; i < 2; i++) {
      RunSummary r = runs.get(i);
      err.println(String.format(Locale.ROOT, "%sread %s %s: %,d spans, %,d log records", PREFIX, i == 0 ? "A" : "B",
          r.info().label(), r.info().spans(), r.info().logs()));
    }
    err.println(String.format(Locale.ROOT, "%sboth read in %.1f s", PREFIX, (System.nanoTime() - start) / 1e9));
    err.flush();
    DiffResult result = diff.diff(runs.get(0), runs.get(1));

    if (format.equals("json")) {
      out.print(DiffJson.toJson(result));
    } else {
      DiffText.write(result, limit, out);
    }
    out.flush();
    if (reportHtml != null) {
      DiffHtml.write(result, reportHtml);
      err.println(PREFIX + "HTML report written to " + reportHtml);
      err.flush();
    }
    return result.gate().passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }

}
