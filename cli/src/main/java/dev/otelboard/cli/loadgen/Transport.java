package dev.otelboard.cli.loadgen;

import dev.otelboard.collector.pipeline.Signal;
import java.util.function.Consumer;

/**
 * How the load generator delivers export requests: OTLP/gRPC or OTLP/HTTP. A transport opens one
 * {@link Lane} per request slot; answers arrive on the transport's own threads.
 */
interface Transport extends AutoCloseable {

  /** What the collector answered. */
  enum Answer {
    ACCEPTED,
    /** A retryable refusal (backpressure): gRPC UNAVAILABLE/RESOURCE_EXHAUSTED, HTTP 429/503. */
    REFUSED,
    FAILED
  }

  /** Where one slot's requests go, one at a time. */
  interface Lane {
    /**
     * Sends {@code body} (not copied: the caller leaves it alone until the answer) and calls
     * {@code answer} once.
     */
    void send(Signal signal, byte[] body, Consumer<Answer> answer);

    /** Whether the transport is shutting down (no point in retrying). */
    boolean closed();
  }

  /** Opens the lane of slot {@code slot} of connection {@code connection}. */
  Lane open(int connection, int slot) throws InterruptedException;

  /** Closes every connection, waiting a bounded time. */
  @Override
  void close() throws InterruptedException;
}
