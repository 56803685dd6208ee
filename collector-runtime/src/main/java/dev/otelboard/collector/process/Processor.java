package dev.otelboard.collector.process;

import dev.otelboard.collector.pipeline.Batch;

/** A step between receivers and sinks that may change or drop a batch (e.g. OTTL transforms). */
public interface Processor {

  /** A short name for reports. */
  String name();

  /** Returns the batch to pass on (the same one when nothing changes), or null to drop it. */
  Batch process(Batch batch);
}
