package dev.otelboard.collector.sink;

import dev.otelboard.collector.correlate.CorrelationIndex;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Sink;

/** Feeds scanned spans and log records into the correlation index. */
public final class CorrelationSink implements Sink {
  private final CorrelationIndex index;

  /** A sink writing into {@code index}; the pipeline worker is its only writer. */
  public CorrelationSink(CorrelationIndex index) {
    this.index = index;
  }

  @Override
  public String name() {
    return "correlation";
  }

  /** Reads only the scanned columns, inside {@link #consume}. */
  @Override
  public boolean retainsPayload() {
    return false;
  }

  @Override
  public void consume(Batch batch) {
    if (batch.spans() != null) {
      index.addSpans(batch.spans());
    }
    if (batch.logs() != null) {
      index.addLogs(batch.logs());
    }
  }

  /** The index this sink writes. */
  public CorrelationIndex index() {
    return index;
  }
}
