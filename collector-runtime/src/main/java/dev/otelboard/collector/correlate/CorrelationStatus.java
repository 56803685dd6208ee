package dev.otelboard.collector.correlate;

/**
 * Live figures of the correlation index for a once-per-second status line. Log figures cover the
 * records whose flush window has passed; the final {@link CorrelationReport} also counts the rest.
 *
 * @param spans spans received
 * @param logs log records received
 * @param pendingLogs log records still waiting for their flush window
 * @param inRequestLogs settled log records inside a SERVER or CONSUMER span of their instance
 * @param correlatedInRequestLogs those of them whose span was received
 * @param correlatedPercent {@code 100 * correlatedInRequestLogs / inRequestLogs}, or 100 while
 *     there are no in-request logs yet
 * @param orphanSpans spans whose parent had not arrived when they settled or were evicted (a span
 *     whose parent arrives later still counts here until the report recomputes it)
 * @param evictedSpans spans dropped from the full span window, oldest first
 * @param evictedLogs log records settled before their flush window ended because the log window was
 *     full
 * @param estimatedBytes heap held by the index: the sum of its arrays' lengths times element size
 */
public record CorrelationStatus(
    long spans,
    long logs,
    long pendingLogs,
    long inRequestLogs,
    long correlatedInRequestLogs,
    double correlatedPercent,
    long orphanSpans,
    long evictedSpans,
    long evictedLogs,
    long estimatedBytes) {}
