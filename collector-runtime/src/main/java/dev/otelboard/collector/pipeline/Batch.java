package dev.otelboard.collector.pipeline;

import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.SpanBatch;

/**
 * One accepted export request on its way through the pipeline: the raw OTLP protobuf bytes (for
 * sinks that forward or re-encode them) plus what the receiver already scanned out of them.
 *
 * @param signal which Export call carried it
 * @param payload the request exactly as received (decompressed protobuf)
 * @param spans the scanned spans, for {@link Signal#TRACES}; otherwise null
 * @param logs the scanned log records, for {@link Signal#LOGS}; otherwise null
 * @param items spans, log records or metric data points accepted in this batch
 */
public record Batch(Signal signal, byte[] payload, SpanBatch spans, LogBatch logs, long items) {

  /** Bytes this batch holds while queued; what the memory limit accounts for. */
  long retainedBytes() {
    return retainedBytes(payload.length);
  }

  static long retainedBytes(int payloadBytes) {
    // The scanned columns cost roughly as much again as the wire bytes they came from.
    return 2L * payloadBytes + 64;
  }
}
