package dev.otelboard.collector.correlate;

import java.util.List;

/**
 * The correlation verdict's figures (see DESIGN.md "Correlation: what verify measures"). Counts of
 * spans and logs cover everything received; figures that need the spans themselves (orphans,
 * traces, missing server children) cover the span window plus, for orphans, the spans evicted from
 * it. Made only of records, lists, numbers and strings so it serializes to JSON as is.
 *
 * @param spans spans received (duplicates included)
 * @param logs log records received
 * @param logsWithTraceContext log records carrying a trace id and span id
 * @param inRequestLogs log records whose time falls inside a SERVER or CONSUMER span of the same
 *     service instance
 * @param correlatedInRequestLogs in-request log records whose (trace id, span id) names a received
 *     span
 * @param correlatedLogs all log records whose (trace id, span id) names a received span
 * @param inRequestCorrelation {@code correlatedInRequestLogs / inRequestLogs}, or 1.0 when there
 *     are no in-request logs (nothing to correlate is not a failure)
 * @param orphanSpans spans whose parent span never arrived
 * @param traces distinct traces among the spans in the window
 * @param crossServiceTraces traces in the window holding spans of two or more services
 * @param services figures per service, by service name
 * @param missingServerChildren CLIENT spans in the window without a SERVER child, by service and
 *     span name, most first (at most 100 entries)
 * @param topUncorrelatedLogs the 10 most frequent uncorrelated logs by service, logger and message,
 *     in-request ones first
 * @param unaggregatedUncorrelatedLogs uncorrelated logs whose (logger, message) did not fit the
 *     bounded aggregation; counted everywhere else
 * @param topOrphanSpans the 10 most frequent orphan span names
 * @param evictedSpans spans dropped from the full span window, oldest first
 * @param evictedLogs log records settled before their flush window ended because the log window was
 *     full
 * @param duplicateSpans spans received again while the first copy was in the window (retried
 *     exports); indexed once
 */
public record CorrelationReport(
    long spans,
    long logs,
    long logsWithTraceContext,
    long inRequestLogs,
    long correlatedInRequestLogs,
    long correlatedLogs,
    double inRequestCorrelation,
    long orphanSpans,
    long traces,
    long crossServiceTraces,
    List<ServiceFigures> services,
    List<MissingServerChild> missingServerChildren,
    List<UncorrelatedLogs> topUncorrelatedLogs,
    long unaggregatedUncorrelatedLogs,
    List<OrphanSpans> topOrphanSpans,
    long evictedSpans,
    long evictedLogs,
    long duplicateSpans) {

  /** Copies the lists so the report is immutable. */
  public CorrelationReport {
    services = List.copyOf(services);
    missingServerChildren = List.copyOf(missingServerChildren);
    topUncorrelatedLogs = List.copyOf(topUncorrelatedLogs);
    topOrphanSpans = List.copyOf(topOrphanSpans);
  }

  /**
   * The figures of one service (all its instances).
   *
   * @param service the service.name
   * @param spans spans received
   * @param logs log records received
   * @param logsWithTraceContext log records carrying a trace id and span id
   * @param inRequestLogs log records inside a SERVER or CONSUMER span of their instance
   * @param correlatedInRequestLogs in-request log records whose span was received
   * @param correlatedLogs log records whose span was received
   * @param orphanSpans spans whose parent never arrived
   * @param inRequestCorrelation {@code correlatedInRequestLogs / inRequestLogs}, or 1.0 when there
   *     are no in-request logs
   */
  public record ServiceFigures(
      String service,
      long spans,
      long logs,
      long logsWithTraceContext,
      long inRequestLogs,
      long correlatedInRequestLogs,
      long correlatedLogs,
      long orphanSpans,
      double inRequestCorrelation) {}

  /**
   * CLIENT spans that no SERVER span names as parent: the callee was not instrumented, or lost the
   * propagated context, or is not onboarded (a database, a third party).
   *
   * @param clientService the calling service
   * @param spanName the CLIENT span's name
   * @param count how many such spans
   */
  public record MissingServerChild(String clientService, String spanName, long count) {}

  /**
   * Uncorrelated log records with the same service, logger and message.
   *
   * @param service the service that logged them
   * @param logger the instrumentation scope name, which the OTel log appenders set to the logger
   * @param messageTemplate the body cut to 120 characters; for records that had trace context but
   *     whose span never arrived, a fixed note (their bodies are not kept)
   * @param count how many
   * @param inRequestCount how many of them were inside a request
   */
  public record UncorrelatedLogs(
      String service, String logger, String messageTemplate, long count, long inRequestCount) {}

  /**
   * Orphan spans with the same service and name.
   *
   * @param service the service that sent them
   * @param spanName their name
   * @param count how many
   */
  public record OrphanSpans(String service, String spanName, long count) {}
}
