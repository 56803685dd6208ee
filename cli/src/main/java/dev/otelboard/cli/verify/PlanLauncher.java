package dev.otelboard.cli.verify;

import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.process.ProcessOutput;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import dev.otelboard.cli.process.RunningProcess;
import dev.otelboard.cli.verify.VerifyPlan.ServicePlan;
import dev.otelboard.cli.verify.VerifyPlan.Workload;
import dev.otelboard.collector.EmbeddedCollector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Starts the processes of one {@link VerifyRunner} run: each with its placeholders filled in from
 * the run's {@link Ports} and the telemetry environment ({@link TelemetryEnv}) pointing it at the
 * run's collector. A port stays held until just before the process that mentions it starts.
 */
final class PlanLauncher {
  /** How long a workload past its timeout gets between SIGTERM and SIGKILL. */
  static final Duration WORKLOAD_GRACE = Duration.ofSeconds(10);

  private static final int START_ATTEMPTS = 3;

  private final Consumer<String> say;
  private final PrintWriter progress;
  private final String protocol;
  private final Path agentJar;
  private final Path logDir;
  private final Duration workloadTimeout;
  private final Map<String, String> inheritedEnv;
  private final EmbeddedCollector collector;
  private final Ports ports;
  /** Port names of services that are up: a later start's retry must not give them new ports. */
  private final Set<String> portsInUse = new HashSet<>();

  /**
   * @param say where progress lines go
   * @param progress where the processes' output goes unless {@code logDir} is set
   * @param protocol the OTLP protocol for every process, or null to take each service's
   * @param agentJar the javaagent to attach, or null
   * @param logDir where each process's output file goes, or null
   * @param workloadTimeout overrides the workload's timeout, or null
   */
  PlanLauncher(
      Consumer<String> say,
      PrintWriter progress,
      String protocol,
      Path agentJar,
      Path logDir,
      Duration workloadTimeout,
      Map<String, String> inheritedEnv,
      EmbeddedCollector collector,
      Ports ports) {
    this.say = say;
    this.progress = progress;
    this.protocol = protocol;
    this.agentJar = agentJar;
    this.logDir = logDir;
    this.workloadTimeout = workloadTimeout;
    this.inheritedEnv = inheritedEnv;
    this.collector = collector;
    this.ports = ports;
  }

  /**
   * Starts {@code service} and waits until it is ready; a start that failed because its port was
   * taken meanwhile is retried with new ports.
   *
   * @throws OtelboardException exit 4 when it cannot start, exits or is not ready in time
   */
  RunningProcess startService(ServicePlan service, ServiceSettings settings)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Set<String> mentioned = mentionedPorts(service.command(), service.env(), service.readiness().target());
      ProcessSpec.Builder spec = ProcessSpec.builder(resolve(service.command())).setName(service.name());
      spec.setDirectory(service.dir());
      Map<String, String> env = resolve(service.env());
      String proto = service.protocol().orElseGet(() -> protocolFor(settings));
      environment(spec, env, service.name(), proto);
      spec.setOutput(output(service.name()));
      ReadinessProbe.LogLine logLine = null;
      if (service.readiness().kind() == VerifyPlan.Readiness.Kind.LOG) {
        logLine = new ReadinessProbe.LogLine(service.readiness().target());
        spec.addLineListener(logLine);
      }
      String readyUrl =
          service.readiness().kind() == VerifyPlan.Readiness.Kind.HTTP
              ? ports.resolve(service.readiness().target())
              : null;
      ports.release(mentioned);
      RunningProcess process;
      ProcessSpec built = spec.build();
      say.accept("starting " + service.name() + ": " + built.shortCommandLine()
          + (agentJar != null ? " (with the javaagent)" : "") + " [" + proto + "]");
      try {
        process = ProcessRunner.start(built);
      } catch (IOException e) {
        throw OtelboardException.environment(service.name() + ": " + e.getMessage());
      }
      try {
        switch (service.readiness().kind()) {
          case HTTP -> ReadinessProbe.awaitHttp(process, readyUrl, service.startupTimeout());
          case LOG -> ReadinessProbe.awaitLog(process, logLine, service.readiness().target(), service.startupTimeout());
          default -> { }
        }
        portsInUse.addAll(mentioned);
        say.accept(service.name() + " is ready (pid " + process.pid() + ")");
        return process;
      } catch (ReadinessProbe.NotReady e) {
        ProcessResult stopped = process.stop(service.stopGrace());
        process.close();
        Set<String> ownPorts = new HashSet<>(mentioned);
        ownPorts.removeAll(portsInUse);
        if (e.exited && attempt < START_ATTEMPTS && bindFailure(stopped.tail()) && !ownPorts.isEmpty()) {
          say.accept(service.name() + " could not bind its port (taken meanwhile); retrying with new ports");
          ports.forget(ownPorts);
          continue;
        }
        throw OtelboardException.environment(
            e.getMessage() + (e.exited ? lastLine(stopped.tail()) : "; stopped it") + logHint(service.name()));
      }
    }
  }

  /** Runs the workload to its end or its timeout. */
  ProcessResult runWorkload(Workload w, Map<String, ServiceSettings> settings)
      throws InterruptedException {
    ProcessSpec.Builder spec = ProcessSpec.builder(resolve(w.command())).setName(w.name());
    spec.setDirectory(w.dir());
    Map<String, String> env = resolve(w.env());
    String proto = "";
    if (w.serviceName().isPresent()) {
      proto = w.protocol().orElseGet(() -> protocolFor(settings.get(w.serviceName().get())));
      environment(spec, env, w.serviceName().get(), proto);
    } else {
      spec.putAllEnvironment(env);
    }
    spec.setOutput(output(w.name()));
    ProcessSpec built = spec.build();
    ports.release(mentionedPorts(w.command(), w.env(), ""));
    say.accept("running " + w.name() + ": " + built.shortCommandLine()
        + (w.serviceName().isPresent() && agentJar != null ? " (with the javaagent)" : "")
        + (proto.isEmpty() ? "" : " [" + proto + "]"));
    try {
      return ProcessRunner.run(built, timeout(w), WORKLOAD_GRACE);
    } catch (IOException e) {
      throw OtelboardException.environment(w.name() + ": " + e.getMessage());
    }
  }

  private void environment(
      ProcessSpec.Builder spec,
      Map<String, String> own,
      String serviceName,
      String proto) {
    for (String key : TelemetryEnv.OVERRIDDEN_INHERITED) {
      spec.removeEnvironment(key);
    }
    // A protocol the plan's env sets wins, and gets the endpoint of that protocol: an HTTP
    // exporter pointed at the gRPC port would lose everything without a word.
    String effective = own.getOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL", proto);
    Map<String, String> telemetry =
        TelemetryEnv.of(
            serviceName,
            endpointFor(effective, ""),
            effective,
            agentJar,
            own.getOrDefault("JAVA_TOOL_OPTIONS", inheritedEnv.get("JAVA_TOOL_OPTIONS")));
    Map<String, String> merged = new LinkedHashMap<>(telemetry);
    for (String signal : List.of("traces", "logs")) {
      String upper = signal.toUpperCase(Locale.ROOT);
      String signalProtocol = own.get("OTEL_EXPORTER_OTLP_" + upper + "_PROTOCOL");
      if (signalProtocol != null && !own.containsKey("OTEL_EXPORTER_OTLP_" + upper + "_ENDPOINT")) {
        merged.put("OTEL_EXPORTER_OTLP_" + upper + "_ENDPOINT",
            endpointFor(signalProtocol, "/v1/" + signal));
      }
    }
    own.forEach((k, v) -> {
      if (!k.equals("JAVA_TOOL_OPTIONS")) {
        merged.put(k, v);
      }
    });
    spec.putAllEnvironment(merged);
  }

  /** The collector's endpoint for an OTLP protocol; a per-signal HTTP endpoint carries its path. */
  private String endpointFor(String protocol, String httpPath) {
    return "grpc".equals(protocol) ? collector.grpcEndpoint() : collector.httpEndpoint() + httpPath;
  }

  private String protocolFor(ServiceSettings settings) {
    if (protocol != null) {
      return protocol;
    }
    return settings == null ? "grpc" : settings.protocol("grpc");
  }

  private ProcessOutput output(String name) {
    return logDir == null
        ? ProcessOutput.prefixed("[" + name + "] ", progress)
        : ProcessOutput.toFile(logDir.resolve(name + ".log"));
  }

  /** The workload's timeout: --timeout, or the plan's. */
  Duration timeout(Workload w) {
    return workloadTimeout != null ? workloadTimeout : w.timeout();
  }

  private List<String> resolve(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    words.forEach(w -> out.add(ports.resolve(w)));
    return out;
  }

  private Map<String, String> resolve(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    env.forEach((k, v) -> out.put(k, ports.resolve(v)));
    return out;
  }

  private static Set<String> mentionedPorts(List<String> command, Map<String, String> env, String extra) {
    Set<String> names = new HashSet<>();
    command.forEach(w -> names.addAll(Ports.names(w)));
    env.values().forEach(v -> names.addAll(Ports.names(v)));
    names.addAll(Ports.names(extra));
    return names;
  }

  private static boolean bindFailure(List<String> tail) {
    return tail.stream().anyMatch(l -> l.contains("Address already in use") || l.contains("BindException"));
  }

  /** Where the output of process {@code name} is, when it went to a file. */
  String logHint(String name) {
    return logDir == null ? "" : "; its output is in " + logDir.resolve(name + ".log");
  }

  /** "; last output: LINE" for the last non-blank line of {@code tail}, or "". */
  static String lastLine(List<String> tail) {
    for (int i = tail.size() - 1; i >= 0; i--) {
      String line = tail.get(i).strip();
      if (!line.isEmpty()) {
        return "; last output: " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
      }
    }
    return "";
  }

  /** {@code command} on one line, at most 80 characters. */
  static String shortCommand(List<String> command) {
    String s = String.join(" ", command);
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
