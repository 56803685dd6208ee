package dev.otelboard.collector;

import dev.otelboard.collector.correlate.CorrelationReport;
import dev.otelboard.collector.pipeline.PipelineStats.SignalStats;
import dev.otelboard.collector.receiver.WrongProtocols;
import java.util.List;

/**
 * Everything the embedded collector knows at the end of a run: what each signal's receivers took
 * in, what the sinks did with it, and the correlation figures.
 *
 * @param signals per-signal counts (accepted, refused, malformed, processed)
 * @param forwards one entry per {@code --forward} upstream
 * @param memoryLimitBytes the configured bound on queued bytes
 * @param memoryPeakBytes the most bytes ever queued at once
 * @param heapPeakBytes the most heap in use at once during the run (garbage included), as seen
 *     on entry to each garbage collection
 * @param unprocessedItems items accepted but not yet through every sink when the report was taken:
 *     0 after a completed {@link EmbeddedCollector#close()}; more means the figures miss them
 * @param wrongProtocols connections that spoke another protocol than their port serves (HTTP/1.1
 *     on the gRPC port, HTTP/2 on the HTTP port, TLS): what they sent never arrived
 * @param correlation the join of logs to spans, orphans, cross-service traces
 */
public record CollectorReport(
    List<SignalStats> signals,
    List<ForwardStats> forwards,
    long fileLines,
    long memoryLimitBytes,
    long memoryPeakBytes,
    long heapPeakBytes,
    long unprocessedItems,
    List<WrongProtocols.Connection> wrongProtocols,
    CorrelationReport correlation) {

  /** Copies the list. */
  public CollectorReport {
    wrongProtocols = List.copyOf(wrongProtocols);
  }

  /** What one forwarder delivered and dropped. */
  public record ForwardStats(String target, long sentItems, long droppedItems, long retries) {}
}
