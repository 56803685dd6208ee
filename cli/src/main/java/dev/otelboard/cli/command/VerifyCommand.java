package dev.otelboard.cli.command;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.agent.AgentArtifact;
import dev.otelboard.cli.agent.AgentResolver;
import dev.otelboard.cli.config.Durations;
import dev.otelboard.cli.diff.AgentComparison;
import dev.otelboard.cli.diff.CaptureDiff;
import dev.otelboard.cli.report.DiffText;
import dev.otelboard.cli.report.VerdictJson;
import dev.otelboard.cli.report.VerdictText;
import dev.otelboard.cli.report.html.VerdictHtml;
import dev.otelboard.cli.verify.PlanException;
import dev.otelboard.cli.verify.PlanReader;
import dev.otelboard.cli.verify.TransformFile;
import dev.otelboard.cli.verify.VerifyPlan;
import dev.otelboard.cli.verify.VerifyPlan.Workload;
import dev.otelboard.cli.verify.VerifyResult;
import dev.otelboard.cli.verify.VerifyRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code otelboard verify}: runs a service (or several) against the embedded collector and judges it. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a command (or the services and driver of a plan) against the embedded collector, then"
          + " judges what arrived: per service spans, log records, in-request log correlation and"
          + " orphan spans; cross-service traces and CLIENT spans whose callee sent no SERVER span;"
          + " the ten worst offenders with the rewrite or setting that fixes each; HTTP semantic"
          + " conventions.",
      "Processes get OTEL_EXPORTER_OTLP_ENDPOINT/PROTOCOL, OTEL_SERVICE_NAME (otelboard.yaml's"
          + " service_name, else the directory name), OTEL_TRACES_EXPORTER=otlp,"
          + " OTEL_LOGS_EXPORTER=otlp, OTEL_METRICS_EXPORTER=none and short batch delays. Their"
          + " output is shown with a [name] prefix on stderr; the verdict goes to stdout.",
      "Exit 0 when every threshold is met, 1 when not, 4 when the command fails, a service does"
          + " not start or get ready, or something outlives --timeout (nothing is left running)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard verify -- mvn -q test",
      "  otelboard verify ../checkout-service --agent -- java -jar target/checkout-service.jar",
      "  otelboard verify --plan examples/verify.yaml --report-html verdict.html",
      "  otelboard verify --plan examples/verify.yaml --agent --quiet --report-json verdict.json",
      "  otelboard verify --plan examples/verify.yaml --agent --capture agent.jsonl",
      "  otelboard verify --plan onboarded.yaml --compare-agent original.yaml"
    })
final class VerifyCommand implements Callable<Integer> {
  private static final String PREFIX = "otelboard verify: ";

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "[DIR] -- CMD",
      arity = "0..*",
      description = "The service directory (default: the current one), then -- and the command to run in it.")
  List<String> positionals = new ArrayList<>();

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description = "Run the services and driver of this plan instead of one command (see docs/verify.md).")
  Path plan;

  @Option(
      names = "--agent",
      description = "Attach the OpenTelemetry javaagent (" + "io.opentelemetry.javaagent:opentelemetry-javaagent:2.31.1"
          + ") through JAVA_TOOL_OPTIONS; it is fetched once into a cache.")
  boolean agent;

  @Option(
      names = "--agent-jar",
      paramLabel = "JAR",
      description = "Use this javaagent jar (implies --agent); for machines without access to Maven Central.")
  Path agentJar;

  @Option(
      names = "--protocol",
      paramLabel = "PROTOCOL",
      description = "OTLP protocol the processes export with: grpc or http/protobuf (default: http/protobuf"
          + " for services onboarded in SDK mode, grpc otherwise).")
  String protocol;

  @Option(
      names = "--service-name",
      paramLabel = "NAME",
      description = "OTEL_SERVICE_NAME for CMD (default: otelboard.yaml's service_name, else the directory name).")
  String serviceName;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "How long CMD (or the plan's driver) may run, e.g. 90s or 5m (default: 10m, or the plan's).")
  String timeout;

  @Option(
      names = "--flush-window",
      paramLabel = "DURATION",
      description = "How long to wait for late telemetry after everything stopped (default: 2s, or the plan's).")
  String flushWindow;

  @Option(
      names = "--min-log-correlation",
      paramLabel = "RATIO",
      description = "Lowest acceptable in-request log correlation, 0..1, for every service (default:"
          + " otelboard.yaml's verify.min_log_correlation, else 0.99).")
  Double minLogCorrelation;

  @Option(
      names = "--max-orphan-spans",
      paramLabel = "N",
      description = "Most orphan spans allowed per service (default: otelboard.yaml's verify.max_orphan_spans, else 0).")
  Integer maxOrphanSpans;

  @Option(
      names = "--quiet",
      description = "Write each process's output to <log-dir>/<name>.log instead of the terminal.")
  boolean quiet;

  @Option(
      names = "--log-dir",
      paramLabel = "DIR",
      description = "Where --quiet writes output (default: a new temporary directory, printed).")
  Path logDir;

  @Option(
      names = "--transform",
      paramLabel = "FILE",
      description = "Apply the transform/filter processors of this file (otelboard generate transform's"
          + " output, or a values.yaml's config:) in the embedded collector before judging, as"
          + " production's collector would. A statement the sandbox cannot run is bad input (exit"
          + " 3, each listed with file:line) unless --allow-partial-transform.")
  Path transform;

  @Option(
      names = "--allow-partial-transform",
      description = "With --transform: run the statements the sandbox supports and list every one"
          + " it did not run in the verdict (text, JSON, HTML) instead of refusing the file.")
  boolean allowPartialTransform;

  @Option(
      names = "--capture",
      paramLabel = "FILE",
      description = "Also write every span and log record of the run to FILE as OTLP JSON lines (the"
          + " collector's file format) and the run's metadata (plan, agent or code mode, services,"
          + " versions) to FILE.meta.json; compare two captures with otelboard diff.")
  Path capture;

  @Option(
      names = "--compare-agent",
      paramLabel = "BASE",
      description = "With --plan P: first run BASE, a plan for the original, un-onboarded build, with the"
          + " javaagent as the reference, then P as built (never with the agent), and print after P's"
          + " verdict what P lost against the agent (otelboard diff). With --capture FILE, BASE is"
          + " captured to FILE's name with .agent.jsonl; otherwise both go to a temporary directory.")
  Path compareAgent;

  @Option(names = "--report-json", paramLabel = "FILE", description = "Also write the verdict as JSON.")
  Path reportJson;

  @Option(
      names = "--report-html",
      paramLabel = "FILE",
      description = "Also write a self-contained HTML report: summary, offenders, and a waterfall per trace with its logs.")
  Path reportHtml;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    VerifyPlan verifyPlan;
    try {
      verifyPlan = plan();
    } catch (PlanException e) {
      for (String problem : e.problems()) {
        err.println("otelboard: " + problem);
      }
      err.flush();
      return ExitCode.BAD_INPUT;
    }

    if (capture != null && Files.isDirectory(capture)) {
      throw usage("--capture " + capture + " is a directory; give a file name");
    }
    Path agentPath = agentJar;
    if (agentPath != null && !Files.isRegularFile(agentPath)) {
      throw usage("--agent-jar " + agentPath + " is not a file");
    }
    if (compareAgent != null) {
      checkCompareAgent();
    }
    if ((agent || compareAgent != null) && agentPath == null) {
      try {
        agentPath = AgentResolver.builder().build().resolve(AgentArtifact.OPENTELEMETRY_JAVAAGENT, err);
      } catch (IOException e) {
        throw OtelboardException.environment("cannot get the javaagent: " + e.getMessage());
      }
    }

    Path outputDir = null;
    if (quiet) {
      outputDir = logDir != null ? logDir : Files.createTempDirectory("otelboard-verify-");
      Files.createDirectories(outputDir);
      err.println(PREFIX + "output of each process goes to " + outputDir.resolve("<name>.log"));
    }

    if (compareAgent != null) {
      return compareWithAgent(verifyPlan, agentPath, outputDir, out, err);
    }
    VerifyResult result = runner(err, agentPath, outputDir, capture).run(verifyPlan);

    VerdictText.write(result.verdict(), out);
    out.flush();
    writeReports(result, err);
    if (result.workloadFailure().isPresent()) {
      throw OtelboardException.environment(result.workloadFailure().get());
    }
    return result.verdict().passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }

  private VerifyRunner runner(PrintWriter err, Path agentPath, Path outputDir, Path captureFile) {
    try {
      return VerifyRunner.builder()
          .setProgress(err)
          .setProtocol(protocol)
          .setAgentJar(agentPath)
          .setLogDir(outputDir)
          .setMinLogCorrelation(minLogCorrelation)
          .setMaxOrphanSpans(maxOrphanSpans)
          .setWorkloadTimeout(timeout == null ? null : duration("--timeout", timeout))
          .setTransform(transform == null ? null : TransformFile.load(transform),
              transform, allowPartialTransform)
          .setCaptureFile(captureFile)
          .build();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private void checkCompareAgent() {
    if (plan == null) {
      throw usage("--compare-agent BASE compares with --plan P: give the plan of the onboarded build");
    }
    if (agent) {
      throw usage("--compare-agent runs BASE with the javaagent and the plan as built; leave out --agent");
    }
    if (!Files.isRegularFile(compareAgent)) {
      throw usage("--compare-agent " + compareAgent + ": no such file");
    }
  }

  /** {@code --compare-agent}: BASE with the agent, then the plan as built, then the diff. */
  private int compareWithAgent(VerifyPlan verifyPlan, Path agentPath, Path outputDir, PrintWriter out, PrintWriter err)
      throws Exception {
    VerifyPlan base;
    try {
      base = PlanReader.read(compareAgent);
    } catch (PlanException e) {
      e.problems().forEach(p -> err.println("otelboard: " + p));
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    AgentComparison.requireOriginal(base);
    Path dir = capture != null ? null : Files.createTempDirectory("otelboard-compare-");
    Path planCapture = capture != null ? capture : dir.resolve("code.jsonl");
    Path baseCapture = capture != null
        ? capture.resolveSibling(capture.getFileName().toString().replaceFirst("\\.jsonl$", "") + ".agent.jsonl")
        : dir.resolve("agent.jsonl");
    err.println(PREFIX + "reference run: " + compareAgent + " with the javaagent");
    AgentComparison.Outcome o = AgentComparison.run(
        base,
        verifyPlan,
        runner(err, agentPath, outputDir == null ? null : Files.createDirectories(outputDir.resolve("agent")), baseCapture),
        runner(err, null, outputDir, planCapture),
        baseCapture,
        planCapture,
        CaptureDiff.builder().build());
    if (o.reference().workloadFailure().isPresent()) {
      throw OtelboardException.environment("reference run: " + o.reference().workloadFailure().get());
    }
    VerifyResult result = o.result();
    VerdictText.write(result.verdict(), out);
    out.println();
    out.println("Compared with " + compareAgent + " under the javaagent (A = agent, B = this build):");
    DiffText.write(o.diff(), 10, out);
    out.flush();
    writeReports(result, err);
    err.println(PREFIX + "captures: " + baseCapture + " (agent) and " + planCapture
        + " (as built); otelboard diff them for JSON or an HTML page");
    err.flush();
    if (result.workloadFailure().isPresent()) {
      throw OtelboardException.environment(result.workloadFailure().get());
    }
    return result.verdict().passed() && o.diff().gate().passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }

  private void writeReports(VerifyResult result, PrintWriter err) throws IOException {
    if (reportJson != null) {
      VerdictJson.write(result, reportJson);
      err.println(PREFIX + "JSON report written to " + reportJson);
    }
    if (reportHtml != null) {
      VerdictHtml.write(result, reportHtml);
      err.println(PREFIX + "HTML report written to " + reportHtml);
    }
    err.flush();
  }

  /** The plan from --plan, or the one-command plan of {@code [DIR] -- CMD}. */
  private VerifyPlan plan() {
    List<String> command = commandAfterDashes();
    List<String> before = positionals.subList(0, positionals.size() - command.size());
    if (protocol != null && !protocol.equals("grpc") && !protocol.equals("http/protobuf")) {
      throw usage("--protocol must be grpc or http/protobuf, not '" + protocol + "'");
    }
    if (minLogCorrelation != null && (minLogCorrelation < 0 || minLogCorrelation > 1)) {
      throw usage("--min-log-correlation must be between 0 and 1, not " + minLogCorrelation);
    }
    if (maxOrphanSpans != null && maxOrphanSpans < 0) {
      throw usage("--max-orphan-spans must not be negative");
    }
    Duration flush = flushWindow == null ? null : duration("--flush-window", flushWindow);
    if (plan != null) {
      if (!positionals.isEmpty()) {
        throw usage("--plan runs the plan's services and driver; give no DIR or -- CMD with it");
      }
      if (serviceName != null) {
        throw usage("--service-name is for -- CMD; a plan names its services");
      }
      if (!Files.isRegularFile(plan)) {
        throw usage("--plan " + plan + ": no such file");
      }
      VerifyPlan p = PlanReader.read(plan);
      return flush == null ? p : new VerifyPlan(p.services(), p.workload(), flush, p.source());
    }
    if (command.isEmpty()) {
      throw usage(
          before.isEmpty()
              ? "nothing to run: give a command after -- (otelboard verify -- mvn -q test) or --plan FILE"
              : "nothing to run: put -- before the command (otelboard verify " + before.get(0) + " -- CMD ...)");
    }
    if (before.size() > 1) {
      throw usage("one DIR at most before --, got " + String.join(" ", before));
    }
    Path dir = Path.of(before.isEmpty() ? "." : before.get(0)).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw usage("DIR " + dir + " is not a directory");
    }
    String name = serviceName;
    if (name == null) {
      name = VerifyPlan.defaultServiceName(dir);
    }
    Workload workload =
        new Workload(name, dir, command, Map.of(), Workload.DEFAULT_TIMEOUT, Optional.of(name), Optional.empty());
    return new VerifyPlan(
        List.of(), Optional.of(workload), flush == null ? VerifyPlan.DEFAULT_FLUSH_WINDOW : flush, null);
  }

  /** The words after {@code --} on the command line, which picocli hands over as positionals. */
  private List<String> commandAfterDashes() {
    List<String> original = spec.commandLine().getParseResult().originalArgs();
    int dashes = original.indexOf("--");
    if (dashes < 0) {
      return List.of();
    }
    int words = original.size() - dashes - 1;
    return positionals.subList(positionals.size() - Math.min(words, positionals.size()), positionals.size());
  }

  private static Duration duration(String option, String text) {
    try {
      Duration d = Durations.parse(text);
      if (d.isZero()) {
        throw new IllegalArgumentException("must be longer than 0");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new OtelboardException(ExitCode.USAGE, option + ": " + e.getMessage());
    }
  }

  private OtelboardException usage(String message) {
    return new OtelboardException(ExitCode.USAGE, message);
  }
}
