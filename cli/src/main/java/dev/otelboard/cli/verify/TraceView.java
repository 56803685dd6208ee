package dev.otelboard.cli.verify;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One trace as the HTML report draws it: spans in tree order with their depth, each with the log
 * records that joined it, and log records without trace context that were written during one of
 * its SERVER spans (shown under that span, marked as not joined).
 *
 * @param traceId hex trace id
 * @param startNanos start of the earliest span, epoch nanoseconds
 * @param durationNanos from the earliest start to the latest end
 * @param services the services with spans in it, in order of first appearance
 * @param spans the spans in depth-first order, children by start time
 * @param problems one line per problem in this trace; empty when it is clean
 */
public record TraceView(
    String traceId,
    long startNanos,
    long durationNanos,
    List<String> services,
    List<SpanView> spans,
    List<String> problems) {

  /** Copies the lists. */
  public TraceView {
    services = List.copyOf(services);
    spans = List.copyOf(spans);
    problems = List.copyOf(problems);
  }

  /**
   * A span in a trace.
   *
   * @param spanId hex span id
   * @param parentSpanId hex parent id, empty for a root
   * @param service its service
   * @param name its name
   * @param kind {@code SERVER}, {@code CLIENT}...
   * @param offsetNanos start relative to the trace's start
   * @param durationNanos its duration
   * @param depth 0 for roots (and orphans), parent's depth + 1 otherwise
   * @param error whether its status is ERROR
   * @param orphan whether its parent never arrived
   * @param missingServerChild whether it is a CLIENT span without a SERVER child
   * @param attributes its attributes, sorted by key
   * @param logs the log records under it, by time
   */
  public record SpanView(
      String spanId,
      String parentSpanId,
      String service,
      String name,
      String kind,
      long offsetNanos,
      long durationNanos,
      int depth,
      boolean error,
      boolean orphan,
      boolean missingServerChild,
      Map<String, String> attributes,
      List<LogView> logs) {
    /** Copies the collections. */
    public SpanView {
      attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
      logs = List.copyOf(logs);
    }
  }

  /**
   * A log record under a span.
   *
   * @param offsetNanos its time relative to the trace's start
   * @param severity severity text, or the number's name, or empty
   * @param body its body
   * @param joined true when it carried this span's ids; false when it had no trace context and is
   *     shown here because it was written during this SERVER span
   * @param scope the instrumentation scope: the logger name
   * @param thread the thread.name attribute, or empty
   */
  public record LogView(
      long offsetNanos, String severity, String body, boolean joined, String scope, String thread) {}
}
