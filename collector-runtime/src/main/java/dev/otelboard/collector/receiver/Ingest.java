package dev.otelboard.collector.receiver;

import dev.otelboard.collector.pipeline.Admission;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Pipeline;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.MalformedOtlpException;
import dev.otelboard.collector.wire.OtlpWire;
import dev.otelboard.collector.wire.RowArrays;
import dev.otelboard.collector.wire.SpanBatch;

/**
 * The transport-independent half of every receiver: scan the protobuf bytes on the receiving
 * thread (so malformed requests are answered at once and the worker never sees them), then offer
 * the batch to the pipeline.
 */
final class Ingest {
  private final Pipeline pipeline;
  /** Null when a sink or processor may read payloads or scanned batches after processing. */
  private final RequestArrays arrays;
  /** The scanned batches' rows; null exactly when {@link #arrays} is. */
  private final RowArrays rows;

  Ingest(Pipeline pipeline) {
    this.pipeline = pipeline;
    boolean recycles = pipeline.recyclesPayloads();
    this.arrays = recycles ? new RequestArrays() : null;
    this.rows = recycles ? new RowArrays() : null;
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
    Admission room = pipeline.precheck(signal, payload.length);
    if (room != Admission.ACCEPTED) {
      recycle(payload);
      return new IngestResult(room, 0, refusal(room));
    }
    Batch batch;
    long rejected;
    try {
      switch (signal) {
        case TRACES -> {
          SpanBatch spans = OtlpWire.scanTraces(payload, 0, payload.length, rows);
          rejected = spans.rejectedSpans();
          batch = new Batch(signal, payload, spans, null, spans.count());
        }
        case LOGS -> {
          LogBatch logs = OtlpWire.scanLogs(payload, 0, payload.length, rows);
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
      // The scanner gave the rows back already.
      recycle(payload);
      pipeline.stats().malformed(signal);
      return IngestResult.malformed("malformed OTLP " + signal.name().toLowerCase() + ": " + e.getMessage());
    }
    Runnable done = onProcessed;
    if (arrays != null) {
      done = () -> {
        // Every sink is done with the batch (Pipeline.recyclesPayloads): bytes and rows may serve
        // again.
        recycle(batch);
        if (onProcessed != null) {
          onProcessed.run();
        }
      };
    }
    Admission admission = pipeline.offer(batch, done);
    if (admission != Admission.ACCEPTED) {
      // Refused: nothing holds the batch.
      recycle(batch);
      return new IngestResult(admission, 0, refusal(admission));
    }
    // Not a word about the batch from here on: the worker may have released it already.
    if (rejected > 0) {
      pipeline.stats().rejectedItems(signal, rejected);
      return new IngestResult(
          admission, rejected, rejected + " " + signal.itemName() + " with an invalid trace or span id");
    }
    return new IngestResult(admission, 0, "");
  }

  private void recycle(byte[] payload) {
    if (arrays != null) {
      arrays.give(payload);
    }
  }

  private void recycle(Batch batch) {
    if (arrays == null) {
      return;
    }
    if (batch.spans() != null) {
      batch.spans().release();
    }
    if (batch.logs() != null) {
      batch.logs().release();
    }
    arrays.give(batch.payload());
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
