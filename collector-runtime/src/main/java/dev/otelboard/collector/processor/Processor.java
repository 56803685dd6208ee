package dev.otelboard.collector.processor;

import dev.otelboard.collector.pipeline.Batch;

/**
 * The processor contract: a step between receivers and sinks that may change or drop a batch. It
 * lives with its implementations, the OTTL {@link TransformProcessor} and {@link FilterProcessor};
 * the pipeline runs processors in the order they were added.
 */
public interface Processor {

  /** A short name for reports. */
  String name();

  /** Returns the batch to pass on (the same one when nothing changes), or null to drop it. */
  Batch process(Batch batch);

  /** Statements or conditions of its config that this processor does not run. */
  default java.util.List<Unsupported> unsupported() {
    return java.util.List.of();
  }

  /** What went wrong while it ran (failed statements, dropped batches), one line each. */
  default java.util.List<String> runtimeProblems() {
    return java.util.List.of();
  }
}
