package dev.otelboard.collector.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the pipeline received, accepted, refused and processed, per signal. Written by receivers and
 * the worker on hot paths (striped counters), read by the status line and the final report.
 */
public final class PipelineStats {
  private final Map<Signal, Counters> bySignal = new EnumMap<>(Signal.class);

  PipelineStats() {
    for (Signal s : Signal.values()) {
      bySignal.put(s, new Counters());
    }
  }

  private static final class Counters {
    final LongAdder acceptedRequests = new LongAdder();
    final LongAdder acceptedItems = new LongAdder();
    final LongAdder rejectedItems = new LongAdder();
    final LongAdder processedItems = new LongAdder();
    final LongAdder refusedRequests = new LongAdder();
    final LongAdder malformedRequests = new LongAdder();
    final LongAdder droppedItems = new LongAdder();
    final LongAdder processorFailures = new LongAdder();
  }

  void accepted(Signal s, long items) {
    Counters c = bySignal.get(s);
    c.acceptedRequests.increment();
    c.acceptedItems.add(items);
  }

  void processed(Signal s, long items) {
    bySignal.get(s).processedItems.add(items);
  }

  void dropped(Signal s, long items) {
    bySignal.get(s).droppedItems.add(items);
  }

  void processorFailed(Signal s) {
    bySignal.get(s).processorFailures.increment();
  }

  void refused(Signal s) {
    bySignal.get(s).refusedRequests.increment();
  }

  /** Counts a request that could not be decoded (answered with a non-retryable error). */
  public void malformed(Signal s) {
    bySignal.get(s).malformedRequests.increment();
  }

  /** Counts items a receiver refused inside an otherwise accepted request (OTLP partial success). */
  public void rejectedItems(Signal s, long items) {
    bySignal.get(s).rejectedItems.add(items);
  }

  /** A consistent-enough copy for display; counters keep moving while it is taken. */
  public SignalStats snapshot(Signal s) {
    Counters c = bySignal.get(s);
    return new SignalStats(
        s,
        c.acceptedRequests.sum(),
        c.acceptedItems.sum(),
        c.rejectedItems.sum(),
        c.processedItems.sum(),
        c.refusedRequests.sum(),
        c.malformedRequests.sum(),
        c.droppedItems.sum(),
        c.processorFailures.sum());
  }

  /**
   * Counts for one signal.
   *
   * @param acceptedItems items accepted into the queue
   * @param rejectedItems items refused inside accepted requests (invalid ids: partial success)
   * @param processedItems items every sink has seen
   * @param refusedRequests requests answered with a retryable error (queue full, memory limit)
   * @param malformedRequests requests answered with a non-retryable error (undecodable)
   * @param droppedItems accepted items a processor dropped (on purpose, e.g. a filter, or because
   *     it failed)
   * @param processorFailures batches a processor failed on (each dropped, the worker kept going)
   */
  public record SignalStats(
      Signal signal,
      long acceptedRequests,
      long acceptedItems,
      long rejectedItems,
      long processedItems,
      long refusedRequests,
      long malformedRequests,
      long droppedItems,
      long processorFailures) {}
}
