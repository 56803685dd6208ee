package dev.otelboard.cli.verify;

import static java.util.Objects.requireNonNull;

import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.config.Durations;
import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.process.RunningProcess;
import dev.otelboard.cli.verify.Expectations.Thresholds;
import dev.otelboard.cli.verify.VerifyPlan.ServicePlan;
import dev.otelboard.cli.verify.VerifyPlan.Workload;
import dev.otelboard.collector.CollectorReport;
import dev.otelboard.collector.EmbeddedCollector;
import dev.otelboard.collector.receiver.WrongProtocols;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.sink.CaptureSink;
import dev.otelboard.collector.processor.Processor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs a {@link VerifyPlan} against an embedded collector and judges what arrived.
 *
 * <ol>
 *   <li>starts the collector on free loopback ports, capturing spans and log records in full;
 *   <li>starts the services in plan order ({@link PlanLauncher}), each with the telemetry
 *       environment ({@link TelemetryEnv}) and its placeholders filled in, and waits until each
 *       is ready;
 *   <li>runs the workload (the driver, or the command of {@code verify -- CMD}) to completion;
 *   <li>stops the services in reverse order (SIGTERM, then SIGKILL after their grace period), waits
 *       for late telemetry, drains the collector and makes the {@link Verdict}.
 * </ol>
 *
 * A service that cannot start, exits before it is ready, or is not ready in time, and a workload
 * that outlives its timeout, end the run with {@link OtelboardException#environment} (exit 4)
 * after everything started was stopped: no process is left running.
 */
public final class VerifyRunner {
  /** Spans captured in full by default, {@value}. */
  public static final int DEFAULT_CAPTURE_SPANS = 100_000;
  /** Log records captured in full by default, {@value}. */
  public static final int DEFAULT_CAPTURE_LOGS = 100_000;

  private static final String PREFIX = "otelboard verify: ";
  private static final Duration QUIET = Duration.ofMillis(500);

  private final PrintWriter progress;
  private final String protocol;
  private final Path agentJar;
  private final Path logDir;
  private final Double minLogCorrelation;
  private final Integer maxOrphanSpans;
  private final Duration workloadTimeout;
  private final int captureSpans;
  private final int captureLogs;
  private final List<Processor> processors;
  private final List<String> transformNotes;
  private final Map<String, String> inheritedEnv;
  private final Path captureFile;

  private VerifyRunner(Builder b) {
    this.progress = b.progress;
    this.protocol = b.protocol;
    this.agentJar = b.agentJar;
    this.logDir = b.logDir;
    this.minLogCorrelation = b.minLogCorrelation;
    this.maxOrphanSpans = b.maxOrphanSpans;
    this.workloadTimeout = b.workloadTimeout;
    this.captureSpans = b.captureSpans;
    this.captureLogs = b.captureLogs;
    this.processors = b.processors;
    this.transformNotes = b.transformNotes;
    this.inheritedEnv = b.inheritedEnv;
    this.captureFile = b.captureFile;
  }

  /** A builder; only {@link Builder#setProgress} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code plan}.
   *
   * @throws OtelboardException exit 4 when a process cannot start, is not ready in time, or
   *     outlives its timeout; exit 3 when a service's otelboard.yaml is invalid
   */
  public VerifyResult run(VerifyPlan plan) throws InterruptedException {
    requireNonNull(plan, "plan");
    Map<String, ServiceSettings> settings = new LinkedHashMap<>();
    plan.serviceDirectories().forEach((name, dir) -> settings.put(name, ServiceSettings.of(dir)));
    Expectations.Thresholds other = thresholds(Optional.empty(), null);

    Instant startedAt = Instant.now();
    EmbeddedCollector collector = startCollector(plan);
    Ports ports = new Ports();
    PlanLauncher launcher = new PlanLauncher(this::say, progress, protocol, agentJar, logDir,
        workloadTimeout, inheritedEnv, collector, ports);
    List<RunningProcess> started = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, Long> outputLines = new LinkedHashMap<>();
    Optional<String> workloadFailure = Optional.empty();
    try {
      for (ServicePlan service : plan.services()) {
        started.add(launcher.startService(service, settings.get(service.name())));
      }
      if (plan.workload().isPresent()) {
        Workload w = plan.workload().get();
        ProcessResult result = launcher.runWorkload(w, settings);
        outputLines.put(w.serviceName().orElse(w.name()), result.outputLines());
        if (result.timedOut()) {
          throw OtelboardException.environment(
              w.name() + " `" + PlanLauncher.shortCommand(w.command()) + "` was still running after "
                  + Durations.format(launcher.timeout(w)) + " (--timeout); stopped it"
                  + (result.forciblyKilled() ? " (killed after " + Durations.format(PlanLauncher.WORKLOAD_GRACE) + ")" : ""));
        }
        if (result.exitCode() != 0) {
          workloadFailure = Optional.of(
              w.name() + " `" + PlanLauncher.shortCommand(w.command()) + "` exited with code " + result.exitCode()
                  + PlanLauncher.lastLine(result.tail()));
        }
      }
      for (RunningProcess p : started) {
        OptionalInt code = p.exitCode();
        if (code.isPresent()) {
          String m = p.name() + " exited with code " + code.getAsInt() + " while the run was going on"
              + PlanLauncher.lastLine(p.tail());
          notes.add(m);
          workloadFailure = Optional.of(workloadFailure.map(f -> f + "; " + m).orElse(m));
        }
      }
      stopAll(started, plan, notes, outputLines);
      awaitQuiet(collector, plan.flushWindow());
    } finally {
      stopQuietly(started);
      ports.close();
      collector.close();
    }

    CollectorReport report = collector.report();
    if (captureFile != null) {
      writeCaptureMeta(plan, settings, startedAt, report.fileLines());
    }
    CaptureSink capture = collector.capture().orElseThrow();
    Map<String, Thresholds> thresholds = new LinkedHashMap<>();
    settings.forEach((name, s) -> thresholds.put(name, thresholds(s.config(), plan.serviceDirectories().get(name))));
    Map<Integer, String> servicePorts = new LinkedHashMap<>();
    Set<String> serviceNames = new HashSet<>(plan.expectedServices());
    ports.assigned().forEach((name, port) -> {
      if (serviceNames.contains(name)) {
        servicePorts.put(port, name);
      }
    });
    // what the sandbox did not run, and what failed while it ran: said in the verdict
    transformNotes.forEach(n -> notes.add("not run by the sandbox: " + n));
    processors.forEach(p -> notes.addAll(p.runtimeProblems()));
    Expectations expectations =
        new Expectations(
            plan.expectedServices(),
            plan.serviceDirectories(),
            thresholds,
            other,
            servicePorts,
            agentJar != null,
            outputLines,
            notes);
    Verdict verdict =
        Judge.judge(
            report.correlation(),
            capture.spans(),
            capture.logs(),
            capture.spansNotCaptured(),
            capture.logsNotCaptured(),
            expectations);
    long processorFailures =
        report.signals().stream().mapToLong(s -> s.processorFailures()).sum();
    if (processorFailures > 0) {
      verdict =
          verdict.failedBy(
              String.format(
                  Locale.ROOT,
                  "a processor (--transform) failed on %,d batch(es), which were dropped unjudged",
                  processorFailures));
    }
    for (WrongProtocols.Connection wrong : report.wrongProtocols()) {
      // Data sent in the wrong protocol never reached the pipeline: name it, it was lost.
      verdict = verdict.failedBy(wrong.describe());
    }
    if (report.unprocessedItems() > 0) {
      verdict =
          verdict.failedBy(
              String.format(
                  Locale.ROOT,
                  "%,d accepted items were not judged: the collector's drain timed out",
                  report.unprocessedItems()));
    }
    return new VerifyResult(
        verdict,
        Traces.build(capture.spans(), capture.logs()),
        report.correlation(),
        ports.assigned(),
        workloadFailure);
  }

  private EmbeddedCollector startCollector(VerifyPlan plan) {
    try {
      EmbeddedCollector.Builder builder =
          EmbeddedCollector.builder()
              .setGrpcPort(0)
              .setHttpPort(0)
              .setCapture(captureSpans, captureLogs)
              .setFlushWindow(plan.flushWindow());
      processors.forEach(builder::addProcessor);
      if (captureFile != null) {
        builder.setOutputFile(captureFile);
      }
      EmbeddedCollector collector = builder.start();
      say("collector listening: OTLP/gRPC " + collector.grpcEndpoint() + ", OTLP/HTTP " + collector.httpEndpoint());
      return collector;
    } catch (IOException e) {
      throw OtelboardException.environment("cannot start the embedded collector: " + e.getMessage());
    }
  }

  private void writeCaptureMeta(
      VerifyPlan plan, Map<String, ServiceSettings> settings, Instant started, long lines) {
    try {
      CaptureMeta.write(captureFile, plan, settings, agentJar, started, Instant.now(), lines);
      say(String.format(Locale.ROOT, "captured %,d OTLP JSON lines in %s (run metadata in %s)",
          lines, captureFile, CaptureMeta.sidecar(captureFile)));
    } catch (IOException e) {
      throw OtelboardException.environment("cannot write " + CaptureMeta.sidecar(captureFile) + ": " + e.getMessage());
    }
  }

  private void stopAll(
      List<RunningProcess> started, VerifyPlan plan, List<String> notes, Map<String, Long> outputLines)
      throws InterruptedException {
    for (int i = started.size() - 1; i >= 0; i--) {
      RunningProcess p = started.get(i);
      Duration grace = plan.services().get(i).stopGrace();
      if (p.isTreeAlive()) {
        say("stopping " + p.name());
      }
      ProcessResult r = p.stop(grace);
      p.close();
      outputLines.put(p.name(), p.outputLines());
      if (r.forciblyKilled()) {
        notes.add(p.name() + " did not stop within " + Durations.format(grace)
            + " of SIGTERM and was killed: telemetry it had not flushed is missing");
      }
    }
    started.clear();
  }

  private static void stopQuietly(List<RunningProcess> started) {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
  }

  /** Waits until nothing new arrived for a moment, at most {@code window}. */
  private static void awaitQuiet(EmbeddedCollector collector, Duration window) throws InterruptedException {
    long deadline = System.nanoTime() + window.toNanos();
    long last = received(collector);
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(100);
      long now = received(collector);
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
        return;
      }
    }
  }

  private static long received(EmbeddedCollector collector) {
    return collector.pipeline().stats().snapshot(Signal.TRACES).acceptedItems()
        + collector.pipeline().stats().snapshot(Signal.LOGS).acceptedItems();
  }

  private Thresholds thresholds(Optional<OtelboardConfig> config, Path dir) {
    OtelboardConfig.Verify file = config.map(OtelboardConfig::verify).orElseGet(OtelboardConfig.Verify::defaults);
    String fileSource = config.isPresent() && dir != null
        ? dir.resolve(OtelboardConfig.FILE_NAME).toString()
        : "defaults";
    double min = minLogCorrelation != null ? minLogCorrelation : file.minLogCorrelation();
    int orphans = maxOrphanSpans != null ? maxOrphanSpans : file.maxOrphanSpans();
    String source;
    if (minLogCorrelation != null && maxOrphanSpans != null) {
      source = "command line";
    } else if (minLogCorrelation != null || maxOrphanSpans != null) {
      source = "command line + " + fileSource;
    } else {
      source = fileSource;
    }
    return new Thresholds(min, orphans, source);
  }

  private void say(String message) {
    synchronized (progress) {
      progress.println(PREFIX + message);
      progress.flush();
    }
  }

  /** Options of a run; each setter validates its argument. */
  public static final class Builder {
    private PrintWriter progress;
    private String protocol;
    private Path agentJar;
    private Path logDir;
    private Double minLogCorrelation;
    private Integer maxOrphanSpans;
    private Duration workloadTimeout;
    private int captureSpans = DEFAULT_CAPTURE_SPANS;
    private int captureLogs = DEFAULT_CAPTURE_LOGS;
    private List<Processor> processors = List.of();
    private List<String> transformNotes = List.of();
    private Map<String, String> inheritedEnv = System.getenv();
    private Path captureFile;

    Builder() {}

    /** Where progress lines and (unless {@link #setLogDir}) the processes' output go. Required. */
    public Builder setProgress(PrintWriter progress) {
      this.progress = requireNonNull(progress, "progress");
      return this;
    }

    /**
     * The OTLP protocol for every process, {@code grpc} or {@code http/protobuf}; null (the
     * default) means http/protobuf for services onboarded in SDK mode and grpc otherwise. A plan's
     * per-service {@code protocol} still wins.
     */
    public Builder setProtocol(String protocol) {
      if (protocol != null && !PlanReader.PROTOCOLS.contains(protocol)) {
        throw new IllegalArgumentException("protocol must be grpc or http/protobuf: " + protocol);
      }
      this.protocol = protocol;
      return this;
    }

    /** Attach this javaagent to every instrumented process; null (the default) for none. */
    public Builder setAgentJar(Path jar) {
      this.agentJar = jar;
      return this;
    }

    /** Write each process's output to {@code <dir>/<name>.log} instead of the progress writer. */
    public Builder setLogDir(Path dir) {
      this.logDir = dir;
      return this;
    }

    /** Overrides every service's {@code verify.min_log_correlation}; null keeps theirs. */
    public Builder setMinLogCorrelation(Double ratio) {
      if (ratio != null && (ratio < 0 || ratio > 1)) {
        throw new IllegalArgumentException("minimum log correlation must be within 0..1: " + ratio);
      }
      this.minLogCorrelation = ratio;
      return this;
    }

    /** Overrides every service's {@code verify.max_orphan_spans}; null keeps theirs. */
    public Builder setMaxOrphanSpans(Integer spans) {
      if (spans != null && spans < 0) {
        throw new IllegalArgumentException("max orphan spans must not be negative: " + spans);
      }
      this.maxOrphanSpans = spans;
      return this;
    }

    /** Overrides the workload's timeout; null keeps the plan's. */
    public Builder setWorkloadTimeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.workloadTimeout = timeout;
      return this;
    }

    /**
     * How many spans and log records to keep in full for waterfalls and semantic-convention
     * checks. Defaults to {@value #DEFAULT_CAPTURE_SPANS} each.
     */
    public Builder setCapture(int spans, int logs) {
      if (spans < 0 || logs < 0) {
        throw new IllegalArgumentException("capture sizes must not be negative");
      }
      this.captureSpans = Math.max(1, spans);
      this.captureLogs = Math.max(1, logs);
      return this;
    }

    /**
     * Runs these processors (e.g. the generated OTTL transform/filter rules) in the embedded
     * collector before correlation, so the verdict judges the data as production's collector would
     * pass it on.
     */
    public Builder setProcessors(List<Processor> processors) {
      this.processors = List.copyOf(requireNonNull(processors, "processors"));
      return this;
    }

    /**
     * Runs the processors of a transform file; statements the sandbox cannot run are bad input
     * unless {@code allowPartial}, when they are listed in the verdict's notes instead.
     */
    public Builder setTransform(TransformFile.Loaded loaded, java.nio.file.Path file,
        boolean allowPartial) {
      if (loaded == null) {
        return this;
      }
      setProcessors(loaded.requireComplete(file, allowPartial));
      this.transformNotes = loaded.notRun();
      return this;
    }

    /** The environment the processes inherit, for merging JAVA_TOOL_OPTIONS; defaults to otelboard's. */
    public Builder setInheritedEnvironment(Map<String, String> env) {
      this.inheritedEnv = Map.copyOf(requireNonNull(env, "env"));
      return this;
    }

    /**
     * Also write every span and log record of the run to this file as OTLP JSON lines (the
     * collector's file format) and the run's metadata beside it ({@link CaptureMeta}); null (the
     * default) for none.
     */
    public Builder setCaptureFile(Path file) {
      this.captureFile = file;
      return this;
    }

    /** The runner. */
    public VerifyRunner build() {
      requireNonNull(progress, "progress");
      return new VerifyRunner(this);
    }
  }
}
