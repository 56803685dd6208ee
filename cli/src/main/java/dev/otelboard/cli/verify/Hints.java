package dev.otelboard.cli.verify;

import static dev.otelboard.cli.rewrite.RewriteId.INIT_BOOTSTRAP;
import static dev.otelboard.cli.rewrite.RewriteId.INSTRUMENT_HTTP_SERVER;
import static dev.otelboard.cli.rewrite.RewriteId.WRAP_COMPLETABLE_FUTURE;
import static dev.otelboard.cli.rewrite.RewriteId.WRAP_EXECUTOR;
import static dev.otelboard.cli.rewrite.RewriteId.WRAP_JAVA_HTTP_CLIENT;
import static dev.otelboard.cli.rewrite.RewriteId.WRAP_OKHTTP;
import static dev.otelboard.cli.rewrite.RewriteId.WRAP_THREAD;

import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.scan.CoverageForecast.Entry;
import dev.otelboard.collector.sink.CaptureSink.CapturedLog;
import dev.otelboard.collector.sink.CaptureSink.CapturedSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What fixes a problem: the onboard rewrite (by id) or the configuration, in a sentence. Where it
 * can, it looks at the service's own sources: the class a logger is named after tells whether the
 * context was lost to an executor, a CompletableFuture or a bare thread.
 */
final class Hints {
  /** Set by the collector for records whose span never arrived (CorrelationIndex). */
  static final String CONTEXT_BUT_NO_SPAN = "(had trace context; its span was not received)";

  /**
   * A hint with the rewrites that implement it.
   *
   * @param text one sentence
   * @param rewrites the rewrites, most likely first
   * @param example evidence: a thread name, a file, an output line; may be empty
   */
  record Hint(String text, List<RewriteId> rewrites, String example) {
    /** The rewrites' wire ids, for the verdict. */
    List<String> rewriteIds() {
      return rewrites.stream().map(RewriteId::id).toList();
    }
  }

  private final Expectations expectations;
  private final List<CapturedSpan> spans;
  private final List<CapturedLog> logs;
  private java.util.Set<String> spanKeys;

  Hints(Expectations expectations, List<CapturedSpan> spans, List<CapturedLog> logs) {
    this.expectations = expectations;
    this.spans = spans;
    this.logs = logs;
  }

  Hint noSpans(String service) {
    Path dir = expectations.serviceDirectories().get(service);
    String where = dir == null ? "" : " in " + dir;
    if (expectations.agent()) {
      return new Hint(
          "the javaagent was attached through JAVA_TOOL_OPTIONS but no span arrived: look for"
              + " [otel.javaagent] lines in its output; a process that is not a JVM, or that resets"
              + " JAVA_TOOL_OPTIONS, gets no agent",
          List.of(),
          "");
    }
    ServiceSettings settings = dir == null ? new ServiceSettings(Optional.empty()) : ServiceSettings.of(dir);
    if (settings.config().filter(c -> c.mode() == OtelboardConfig.Mode.AGENT).isPresent()) {
      return new Hint(
          "otelboard.yaml says mode: agent, so the service has no SDK of its own: run `otelboard"
              + " verify --agent`",
          List.of(),
          "");
    }
    if (settings.config().isPresent()) {
      Optional<ServerCoverage> coverage = ServerCoverage.of(dir);
      Optional<Entry> uncovered = coverage.flatMap(ServerCoverage::uncovered);
      if (uncovered.isPresent()) {
        return new Hint(
            "onboarded, but its server framework is not covered in code mode: "
                + coverage.get().describe() + "; no SERVER span is made there, so run it with"
                + " `otelboard verify --agent` for now",
            List.of(),
            uncovered.get().location());
      }
      String server = coverage.filter(ServerCoverage::hasServer)
          .map(c -> "; scan finds its server framework " + c.describe())
          .orElse("");
      if (coverage.map(ServerCoverage::springBootStarter).orElse(false)
          || ServerCoverage.usesSpringBootStarter(dir)) {
        return new Hint(
            "onboarded with the OpenTelemetry Spring Boot starter but nothing was exported: the jar"
                + " that runs must be rebuilt from the onboarded sources, and otel.sdk.disabled /"
                + " OTEL_SDK_DISABLED must not be true" + server,
            List.of(RewriteId.SPRING_BOOT_STARTER),
            "");
      }
      return new Hint(
          "onboarded (otelboard.yaml) but nothing was exported: OtelBootstrap.init() must run first"
              + " in main (" + INIT_BOOTSTRAP.id() + ") and the jar that runs must be rebuilt from"
              + " the onboarded sources" + server,
          List.of(INIT_BOOTSTRAP, INSTRUMENT_HTTP_SERVER),
          "");
    }
    List<RewriteId> rewrites = SourceSignals.rewrites(dir);
    return new Hint(
        "not instrumented: run `otelboard onboard`" + where + " ("
            + (rewrites.isEmpty() ? "HTTP spans, context across threads, the log appender" : ids(rewrites))
            + "), or try `otelboard verify --agent`",
        rewrites.isEmpty() ? List.of(INSTRUMENT_HTTP_SERVER, INIT_BOOTSTRAP) : rewrites,
        "");
  }

  /**
   * The service exported spans, but no SERVER span: no request it served was traced. Names the
   * server framework scan finds and whether onboard covers it.
   */
  Hint noServerSpans(String service, Optional<ServerCoverage> coverage) {
    Path dir = expectations.serviceDirectories().get(service);
    Optional<Entry> uncovered = coverage.flatMap(ServerCoverage::uncovered);
    if (uncovered.isPresent()) {
      return new Hint(
          "its server framework is not covered: " + coverage.get().describe() + "; its spans"
              + " come from clients and other instrumentation, none from the requests it served;"
              + " `otelboard verify --agent` traces them for now",
          List.of(),
          uncovered.get().location());
    }
    if (coverage.filter(ServerCoverage::hasServer).isPresent()) {
      return new Hint(
          "scan finds its server framework " + coverage.get().describe() + ", yet no SERVER span"
              + " arrived: did the run send it requests (the plan's driver)? The jar that runs must"
              + " be rebuilt from the onboarded sources"
              + (expectations.agent() ? "; the javaagent must not have that instrumentation"
                  + " disabled (OTEL_INSTRUMENTATION_*_ENABLED)" : ""),
          List.of(),
          "");
    }
    return new Hint(
        "no SERVER span and scan finds no HTTP server framework"
            + (dir == null ? "" : " in " + dir) + ": if it serves requests through a framework"
            + " otelboard does not know, its requests are not traced (try `otelboard verify"
            + " --agent`); a batch job or a driver has no SERVER span to send",
        List.of(),
        "");
  }

  Hint noLogs(String service) {
    Path dir = expectations.serviceDirectories().get(service);
    LoggingSetup setup = LoggingSetup.detect(dir);
    long lines = expectations.outputLines().getOrDefault(service, 0L);
    String evidence = lines > 0 ? "it wrote " + lines + " output lines but exported no log record" : "";
    if (expectations.agent()) {
      return new Hint(
          "the javaagent exports Logback, Log4j2 and java.util.logging records by default, yet none"
              + " arrived: the service logs some other way (System.out, a custom appender) or"
              + " OTEL_INSTRUMENTATION_*_APPENDER_ENABLED turned it off",
          List.of(),
          evidence);
    }
    return new Hint(
        "add the OpenTelemetry log appender for " + setup.displayName() + ": rewrite "
            + setup.rewriteText() + " installs it with the trace_id/span_id fields",
        setup.rewrites(),
        evidence);
  }

  Hint contextButNoSpan() {
    return new Hint(
        "these records carried trace context but their span never reached the collector: a span"
            + " not ended, dropped by a full export queue, or lost at exit (shut the SDK down in a"
            + " shutdown hook, as " + INIT_BOOTSTRAP.id() + "'s bootstrap does)",
        List.of(INIT_BOOTSTRAP),
        "");
  }

  Hint uncorrelatedInRequest(String service, String logger, long serviceLogsWithContext) {
    String thread = threadOf(service, logger);
    String threadText = thread.isEmpty() ? "" : " (thread " + thread + ")";
    if (serviceLogsWithContext == 0) {
      LoggingSetup setup = LoggingSetup.detect(expectations.serviceDirectories().get(service));
      return new Hint(
          "no log record of " + service + " carries trace context: export logs through the"
              + " OpenTelemetry appender (" + setup.rewriteText() + ") and keep the SERVER span"
              + " current while the handler runs (" + INSTRUMENT_HTTP_SERVER.id() + ")",
          List.of(setup.rewrites().get(0), INSTRUMENT_HTTP_SERVER),
          thread.isEmpty() ? "" : "thread " + thread);
    }
    List<RewriteId> rewrites = new ArrayList<>();
    String source = "";
    Optional<Path> file = sourceOf(service, logger);
    if (file.isPresent()) {
      source = file.get().toString();
      try {
        String code = Files.readString(file.get());
        if (code.matches("(?s).*CompletableFuture\\s*\\.\\s*(supplyAsync|runAsync).*")
            || code.matches("(?s).*\\.then\\w*Async\\s*\\(.*")) {
          rewrites.add(WRAP_COMPLETABLE_FUTURE);
        }
        if (code.matches("(?s).*(Executors\\s*\\.\\s*new|ExecutorService|\\.submit\\s*\\(|\\.execute\\s*\\().*")) {
          rewrites.add(WRAP_EXECUTOR);
        }
        if (code.matches("(?s).*new\\s+Thread\\s*\\(.*")) {
          rewrites.add(WRAP_THREAD);
        }
      } catch (IOException e) {
        // No source to judge from: the generic hint below stands.
      }
    }
    if (rewrites.isEmpty()) {
      rewrites.addAll(List.of(WRAP_EXECUTOR, WRAP_COMPLETABLE_FUTURE, WRAP_THREAD));
    }
    String evidence = source.isEmpty() ? (thread.isEmpty() ? "" : "thread " + thread) : source + threadText;
    return new Hint(
        "written during a request on a thread that did not get the request's context"
            + threadText + ": carry it across the hop (" + ids(rewrites) + ")",
        rewrites,
        evidence);
  }

  Hint outsideRequests() {
    return new Hint(
        "written outside any request (start-up, shutdown, scheduled work): not counted against"
            + " the correlation rate; nothing to fix unless it belongs to a request",
        List.of(),
        "");
  }

  Hint missingChild(String clientService, String spanName, String callee, boolean calleeInRun, long calleeSpans) {
    if (!calleeInRun) {
      return new Hint(
          "called " + (callee.isEmpty() ? "a service" : callee) + " outside this run (a database"
              + " or third-party API?): expected, unless it is an onboarded service; add it to the"
              + " plan to verify that hop",
          List.of(),
          callee);
    }
    if (calleeSpans == 0) {
      return new Hint(
          callee + " sent no spans at all: onboard it so its HTTP server continues the trace",
          List.of(INSTRUMENT_HTTP_SERVER),
          callee);
    }
    String scope = scopeOf(clientService, spanName);
    List<RewriteId> rewrites;
    if (scope.contains("okhttp")) {
      rewrites = List.of(WRAP_OKHTTP);
    } else if (scope.contains("java-http-client") || scope.contains("java.net.http")) {
      rewrites = List.of(WRAP_JAVA_HTTP_CLIENT);
    } else {
      rewrites = List.of(WRAP_JAVA_HTTP_CLIENT, WRAP_OKHTTP);
    }
    return new Hint(
        callee + " answered with spans of its own but not in the caller's trace: the request"
            + " carried no traceparent header, or " + callee + "'s server span ignores it;"
            + " propagate from the client (" + ids(rewrites) + ") and extract in"
            + " the server (" + INSTRUMENT_HTTP_SERVER.id() + ")",
        append(rewrites, INSTRUMENT_HTTP_SERVER),
        callee);
  }

  Hint orphans(String service, String spanName) {
    Optional<CapturedSpan> example =
        spans.stream()
            .filter(s -> s.service().equals(service) && s.name().equals(spanName) && !s.parentSpanId().isEmpty())
            .filter(s -> !spanKeys().contains(s.traceId() + "/" + s.parentSpanId()))
            .findFirst();
    String evidence = example.map(s -> "trace " + s.traceId()).orElse("");
    if (example.isPresent()
        && (example.get().kind() == SpanKinds.SERVER || example.get().kind() == SpanKinds.CONSUMER)) {
      return new Hint(
          "the caller sent a traceparent but its own span never arrived: the caller is not part"
              + " of this run, does not export, or samples its spans out (use"
              + " OTEL_TRACES_SAMPLER=parentbased_always_on)",
          List.of(),
          evidence);
    }
    return new Hint(
        "the parent span was never exported: a span not ended (span.end() or the scope not"
            + " closed), dropped by a full export queue, or lost at exit (flush the SDK on"
            + " shutdown: " + INIT_BOOTSTRAP.id() + ")",
        List.of(INIT_BOOTSTRAP),
        evidence);
  }

  private java.util.Set<String> spanKeys() {
    if (spanKeys == null) {
      spanKeys = new java.util.HashSet<>();
      for (CapturedSpan s : spans) {
        spanKeys.add(s.traceId() + "/" + s.spanId());
      }
    }
    return spanKeys;
  }

  private String threadOf(String service, String logger) {
    for (CapturedLog l : logs) {
      if (l.service().equals(service) && l.scope().equals(logger) && l.traceId().isEmpty()) {
        String t = l.attributes().getOrDefault("thread.name", "");
        if (!t.isEmpty()) {
          return t;
        }
      }
    }
    return "";
  }

  private String scopeOf(String service, String spanName) {
    for (CapturedSpan s : spans) {
      if (s.service().equals(service) && s.name().equals(spanName) && s.kind() == SpanKinds.CLIENT) {
        return s.scope();
      }
    }
    return "";
  }

  /** The source file of the class a logger is named after, in the service's directory. */
  private Optional<Path> sourceOf(String service, String logger) {
    Path dir = expectations.serviceDirectories().get(service);
    if (dir == null || logger.isEmpty() || !logger.matches("[\\w.$]+")) {
      return Optional.empty();
    }
    String cls = logger.contains("$") ? logger.substring(0, logger.indexOf('$')) : logger;
    Path file = dir.resolve("src/main/java").resolve(cls.replace('.', '/') + ".java");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private static List<RewriteId> append(List<RewriteId> list, RewriteId item) {
    List<RewriteId> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  /** The wire ids for a hint's text, comma-separated. */
  private static String ids(List<RewriteId> rewrites) {
    return String.join(", ", rewrites.stream().map(RewriteId::id).toList());
  }
}
