package dev.otelboard.collector.pipeline;

/**
 * The end of the pipeline: the correlation index, the OTLP-JSON file, the forwarder. Called from
 * the pipeline's single worker thread, in order, for every accepted batch.
 */
public interface Sink extends AutoCloseable {

  /** A short name for status lines and reports, e.g. {@code correlation} or {@code forward/host:4317}. */
  String name();

  /** Takes one batch. A sink that may lose data (forwarding) counts what it drops itself. */
  void consume(Batch batch);

  /**
   * Whether this sink may still read a batch after {@link #consume} returned: its {@link
   * Batch#payload() payload}, its scanned {@link Batch#spans() spans} or {@link Batch#logs() logs}
   * (it queues the batch for another thread, or keeps it or part of it). While any sink of a
   * pipeline does, receivers never reuse a request's array or a batch's rows for a later request
   * (see {@link Pipeline#recyclesPayloads()}); a sink that reads the batch only inside {@code
   * consume} says false and lets them.
   */
  default boolean retainsPayload() {
    return true;
  }

  /** Makes everything consumed so far durable or visible; called when the queue runs empty. */
  default void flush() {}

  /** Flushes and releases resources; idempotent. */
  @Override
  default void close() {}
}
