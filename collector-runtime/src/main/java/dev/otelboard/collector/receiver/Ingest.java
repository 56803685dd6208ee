package dev.otelboard.collector.receiver;

import dev.otelboard.collector.pipeline.Admission;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Pipeline;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.MalformedOtlpException;
import dev.otelboard.collector.wire.OtlpWire;
import dev.otelboard.collector.wire.SpanBatch;

/**
 * The transport-independent half of every receiver: scan the protobuf bytes on the receiving
 * thread (so malformed requests are answered at once and the worker never sees them), then offer
 * the batch to the pipeline.
 */
final class Ingest {
  private final Pipeline pipeline;
  /** Null when a sink or processor may read payloads after processing. */
  private final RequestArrays arrays;

  Ingest(Pipeline pipeline) {
    this.pipeline = pipeline;
    this.arrays = pipeline.recyclesPayloads() ? new RequestArrays() : null;
  }

  /**
   * An array for a request body of {@code length} bytes, to be filled completely and passed to
   * {@link #accept}: one the pipeline is done with when possible.
   */
  byte[] requestArray(int length) {
    return arrays == null ? new byte[length] : arrays.take(length);
  }

  /** Whether the pipeline's queue is long enough that answers should wait for processing. */
  boolean busy() {
    return pipeline.isBusy();
  }

  /**
   * Scans and offers a request; {@code onProcessed} (may be null) runs once an accepted batch has
   * been processed, see {@link Pipeline#offer(Batch, Runnable)}. The payload is the pipeline's
   * from here on: the caller must not touch it after this returns (it may be reused).
   */
  IngestResult accept(Signal signal, byte[] payload, Runnable onProcessed) {
    if (arrays == null) {
      return offer(signal, payload, onProcessed);
    }
    IngestResult result = offer(signal, payload, () -> {
      // Every sink is done with the bytes (Pipeline.recyclesPayloads): they may serve again.
      arrays.give(payload);
      if (onProcessed != null) {
        onProcessed.run();
      }
    });
    if (!result.isAccepted()) {
      // Refused or malformed: no batch holds the array.
      arrays.give(payload);
    }
    return result;
  }

  private IngestResult offer(Signal signal, byte[] payload, Runnable onProcessed) {
    Admission room = pipeline.precheck(signal, payload.length);
    if (room != Admission.ACCEPTED) {
      return new IngestResult(room, 0, refusal(room));
    }
    Batch batch;
    long rejected;
    try {
      switch (signal) {
        case TRACES -> {
          SpanBatch spans = OtlpWire.scanTraces(payload, 0, payload.length);
          rejected = spans.rejectedSpans();
          batch = new Batch(signal, payload, spans, null, spans.count());
        }
        case LOGS -> {
          LogBatch logs = OtlpWire.scanLogs(payload, 0, payload.length);
          rejected = 0;
          batch = new Batch(signal, payload, null, logs, logs.count());
        }
        case METRICS -> {
          long points = OtlpWire.countMetricPoints(payload, 0, payload.length);
          rejected = 0;
          batch = new Batch(signal, payload, null, null, points);
        }
        default -> throw new IllegalStateException("unknown signal " + signal);
      }
    } catch (MalformedOtlpException e) {
      pipeline.stats().malformed(signal);
      return IngestResult.malformed("malformed OTLP " + signal.name().toLowerCase() + ": " + e.getMessage());
    }
    Admission admission = pipeline.offer(batch, onProcessed);
    if (admission != Admission.ACCEPTED) {
      return new IngestResult(admission, 0, refusal(admission));
    }
    if (rejected > 0) {
      pipeline.stats().rejectedItems(signal, rejected);
      return new IngestResult(
          admission, rejected, rejected + " " + signal.itemName() + " with an invalid trace or span id");
    }
    return new IngestResult(admission, 0, "");
  }

  private static String refusal(Admission admission) {
    return switch (admission) {
      case QUEUE_FULL -> "collector queue is full; retry later";
      case MEMORY_LIMIT -> "collector memory limit reached; retry later";
      case SHUTTING_DOWN -> "collector is shutting down";
      case ACCEPTED -> "";
    };
  }
}
