package dev.otelboard.cli.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of one verify run: the figures per service and overall, what failed and why, the
 * worst offenders with what fixes each, and the semantic-convention findings. Made of records,
 * lists, numbers and strings only, so it serializes to JSON as is; the text, JSON and HTML
 * writers of {@code cli.report} all read this one object.
 *
 * @param passed whether every threshold was met
 * @param failures one line per unmet expectation, most important first
 * @param services figures and thresholds per service
 * @param totals figures over all services
 * @param missingServerChildren CLIENT spans without a SERVER child, by caller and span name
 * @param externalDependencies CLIENT spans to databases, brokers and RPC systems (by their semconv
 *     attributes): no SERVER child is due from those, so they are listed apart
 * @param offenders the ten worst problems, each with a hint
 * @param semconv semantic-convention findings, errors first
 * @param notes things that limit what the figures mean (evictions, capture limits, kills)
 */
public record Verdict(
    boolean passed,
    List<String> failures,
    List<ServiceVerdict> services,
    Totals totals,
    List<MissingChild> missingServerChildren,
    List<ExternalDependency> externalDependencies,
    List<Offender> offenders,
    List<SemconvFinding> semconv,
    List<String> notes) {

  /** Most offenders listed, {@value}. */
  public static final int MAX_OFFENDERS = 10;

  /** This verdict, failed for one more reason (stated as a failure and a note). */
  public Verdict failedBy(String reason) {
    List<String> moreFailures = new ArrayList<>(failures);
    moreFailures.add(reason);
    List<String> moreNotes = new ArrayList<>(notes);
    moreNotes.add(reason);
    return new Verdict(
        false, moreFailures, services, totals, missingServerChildren, externalDependencies,
        offenders, semconv, moreNotes);
  }

  /** Copies the lists. */
  public Verdict {
    failures = List.copyOf(failures);
    services = List.copyOf(services);
    missingServerChildren = List.copyOf(missingServerChildren);
    externalDependencies = List.copyOf(externalDependencies);
    offenders = List.copyOf(offenders);
    semconv = List.copyOf(semconv);
    notes = List.copyOf(notes);
  }

  /**
   * One service's figures and how they compare with its thresholds.
   *
   * @param service the service.name
   * @param expected whether the run started it (a plan service or the instrumented command);
   *     other names are services that showed up on their own
   * @param spans spans received
   * @param logs log records received
   * @param inRequestLogs log records inside one of its SERVER or CONSUMER spans
   * @param correlatedInRequestLogs in-request log records joined to their span
   * @param logCorrelation {@code correlatedInRequestLogs / inRequestLogs}, 1.0 when there are none
   * @param orphanSpans spans whose parent never arrived
   * @param minLogCorrelation its threshold for {@code logCorrelation}
   * @param maxOrphanSpans its threshold for {@code orphanSpans}
   * @param thresholdSource where the thresholds came from (otelboard.yaml path, option, default)
   * @param passed whether it met its thresholds and sent what was expected
   * @param problems why it did not, one line each
   */
  public record ServiceVerdict(
      String service,
      boolean expected,
      long spans,
      long logs,
      long inRequestLogs,
      long correlatedInRequestLogs,
      double logCorrelation,
      long orphanSpans,
      double minLogCorrelation,
      int maxOrphanSpans,
      String thresholdSource,
      boolean passed,
      List<String> problems) {
    /** Copies the list. */
    public ServiceVerdict {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Figures over every service.
   *
   * @param spans spans received
   * @param logs log records received
   * @param logsWithTraceContext log records carrying a trace and span id
   * @param inRequestLogs in-request log records
   * @param correlatedInRequestLogs in-request log records joined to their span
   * @param logCorrelation the overall in-request correlation
   * @param orphanSpans spans whose parent never arrived
   * @param traces distinct traces
   * @param crossServiceTraces traces with spans of two or more services
   */
  public record Totals(
      long spans,
      long logs,
      long logsWithTraceContext,
      long inRequestLogs,
      long correlatedInRequestLogs,
      double logCorrelation,
      long orphanSpans,
      long traces,
      long crossServiceTraces) {}

  /**
   * CLIENT spans whose callee sent no SERVER span.
   *
   * @param clientService the caller
   * @param spanName the CLIENT span's name
   * @param count how many
   * @param callee the service of this run it called (from the span's server.address/port and the
   *     ports otelboard chose), or its address, or empty when unknown
   * @param calleeInRun whether the callee is a service of this run, so its SERVER span was due
   */
  public record MissingChild(
      String clientService, String spanName, long count, String callee, boolean calleeInRun) {}

  /**
   * CLIENT spans to a database, broker or RPC system: an external dependency, not a callee that
   * owes a SERVER span.
   *
   * @param clientService the caller
   * @param spanName the CLIENT span's name
   * @param count how many
   * @param system what the span's {@code db.system(.name)}, {@code messaging.system} or {@code
   *     rpc.system} attribute says, e.g. {@code h2}, {@code kafka}
   */
  public record ExternalDependency(String clientService, String spanName, long count, String system) {}

  /**
   * One of the worst problems.
   *
   * @param kind what sort of problem ({@link Kinds})
   * @param service the service it is in
   * @param subject what it is about: a logger and message, a span name, or the service
   * @param count how many log records or spans
   * @param inRequestCount how many of them were inside a request (for logs)
   * @param hint what fixes it, in a sentence
   * @param rewrites ids of the otelboard onboard rewrites that fix it, most likely first
   * @param example an example: a thread name, a trace id, an output line; may be empty
   */
  public record Offender(
      String kind,
      String service,
      String subject,
      long count,
      long inRequestCount,
      String hint,
      List<String> rewrites,
      String example) {
    /** Copies the list. */
    public Offender {
      rewrites = List.copyOf(rewrites);
    }
  }

  /** The values of {@link Offender#kind()}. */
  public static final class Kinds {
    /** The service sent no spans. */
    public static final String NO_SPANS = "no-spans";
    /** The service sent spans but none of kind SERVER (or CONSUMER): no request was traced. */
    public static final String NO_SERVER_SPANS = "no-server-spans";
    /** The service sent spans but no log records. */
    public static final String NO_LOGS = "no-logs";
    /** Log records inside a request without a joined span. */
    public static final String UNCORRELATED_LOGS = "uncorrelated-logs";
    /** Log records outside any request without trace context: not counted against the rate. */
    public static final String LOGS_OUTSIDE_REQUESTS = "logs-outside-requests";
    /** CLIENT spans without a SERVER child. */
    public static final String MISSING_SERVER_CHILD = "missing-server-child";
    /** Spans whose parent never arrived. */
    public static final String ORPHAN_SPANS = "orphan-spans";

    private Kinds() {}
  }

  /**
   * A semantic-convention finding.
   *
   * @param rule a stable id, e.g. {@code http-client-url-full} or {@code deprecated-http.method}
   * @param severity {@code error} (a required attribute is missing) or {@code warning}
   * @param message what is wrong and what to use instead
   * @param count how many spans or log records
   * @param checked how many spans or log records the rule looked at
   * @param example one of them
   */
  public record SemconvFinding(
      String rule, String severity, String message, long count, long checked, Example example) {}

  /**
   * A span or log record shown as an example.
   *
   * @param service its service
   * @param name the span name, or the log body cut short
   * @param kind the span kind ({@code SERVER}, {@code CLIENT}...) or {@code LOG}
   * @param traceId its trace id, hex, or empty
   * @param spanId its span id, hex, or empty
   * @param attributes its attributes
   */
  public record Example(
      String service,
      String name,
      String kind,
      String traceId,
      String spanId,
      Map<String, String> attributes) {
    /** Copies the map. */
    public Example {
      attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
  }
}
