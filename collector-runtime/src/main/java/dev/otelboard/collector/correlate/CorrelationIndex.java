package dev.otelboard.collector.correlate;

import static java.util.Objects.requireNonNull;

import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.Resource;
import dev.otelboard.collector.wire.SpanBatch;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Joins log records to spans and measures what {@code otelboard verify} reports: in-request log
 * correlation, orphan spans, cross-service traces and CLIENT spans without a SERVER child.
 *
 * <p>Memory is bounded by the two windows: the most recent {@link Builder#setSpanCapacity spans}
 * (about 30 bytes each: 32-bit trace, span and parent keys, kind, flags and an interned (instance,
 * name) id, plus an 8-byte hash-table entry at a load of at most 0.65), and the {@link
 * Builder#setLogCapacity log records} still waiting out the flush window (20 bytes each). When a
 * window is full its oldest entry goes and is counted. Nothing is allocated per span or log record;
 * strings exist per resource, span name, logger and uncorrelated message, each table bounded.
 *
 * <p>A log record waits {@link Builder#setFlushWindow the flush window} after it arrived, because
 * its span (and the SERVER span around it) is usually exported after it; then it is judged:
 * joined and tested for being in a request. A record that passes both is counted. One that fails
 * may only have lost a race with a slow exporter (a GC pause, a busy CPU, a batch delay), so it
 * waits once more, up to {@link Builder#setLateWindow the late window}, for spans that would
 * change its verdict, and is counted then. {@link #report()} counts every waiting record as if its
 * windows had passed, so the final figures never depend on timing, only on what arrived.
 *
 * <p>Thread-safety: every method is synchronized. One pipeline thread is expected to add; {@link
 * #status()} and {@link #report()} may be called from any thread and wait for the batch being
 * added. A report walks the whole span window (a few seconds at 10 million spans) and blocks adding
 * meanwhile, so ask for it at the end of a run.
 */
public final class CorrelationIndex {
  /** Default span window, {@value}. */
  public static final int DEFAULT_SPAN_CAPACITY = 10_000_000;

  /** Default log window, {@value}. */
  public static final int DEFAULT_LOG_CAPACITY = 4_000_000;

  /** Default flush window, 2 seconds. */
  public static final Duration DEFAULT_FLUSH_WINDOW = Duration.ofSeconds(2);

  /** Default late window, 30 seconds. */
  public static final Duration DEFAULT_LATE_WINDOW = Duration.ofSeconds(30);

  private final long flushWindowNanos;
  private final long lateWindowNanos;
  private final LongSupplier clock;
  private final Coverage coverage;
  private final Instances instances = new Instances();
  private final Names names = new Names();
  private final SpanWindow spans;
  private final LogWindow logs;
  private int[] batchInstances = new int[8];

  private CorrelationIndex(Builder b) {
    this.flushWindowNanos = b.flushWindow.toNanos();
    this.lateWindowNanos = Math.max(b.lateWindow.toNanos(), flushWindowNanos);
    this.clock = b.clock;
    // At worst one merged interval per request, and a request has a SERVER span and typically
    // more than 16 spans in all; past that the oldest requests' intervals go first.
    this.coverage = new Coverage(Math.max(4096, b.spanCapacity / 16));
    this.spans = new SpanWindow(b.spanCapacity, coverage, names);
    this.logs = new LogWindow(b.logCapacity, spans.store, coverage, names, clock);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Indexes the spans of one scanned request. */
  public synchronized void addSpans(SpanBatch batch) {
    requireNonNull(batch, "batch");
    // Settled only after the batch is in: it may carry the spans of records whose window just
    // ended.
    long now = clock.getAsLong();
    int[] instanceOf = resolve(batch.resources());
    spans.add(batch, instanceOf, instances.count(), now);
    settle(now);
  }

  /** Queues the log records of one scanned request; they are settled after the flush window. */
  public synchronized void addLogs(LogBatch batch) {
    requireNonNull(batch, "batch");
    long now = clock.getAsLong();
    settle(now);
    int[] instanceOf = resolve(batch.resources());
    logs.add(batch, instanceOf, instances.count(), now);
    settle(now);
  }

  /** Cheap live figures; settles what the flush window has passed over first. */
  public synchronized CorrelationStatus status() {
    settle(clock.getAsLong());
    long inRequest = logs.settled.totalInRequest;
    long correlatedInRequest = logs.settled.totalCorrelatedInRequest;
    return new CorrelationStatus(
        spans.received,
        logs.received,
        logs.waiting(),
        inRequest,
        correlatedInRequest,
        inRequest == 0 ? 100.0 : 100.0 * correlatedInRequest / inRequest,
        spans.orphans(),
        spans.evicted,
        logs.evicted,
        estimatedBytes());
  }

  /**
   * The final figures: log records still within their flush window count as if it had passed. Walks
   * the span window; allocates per service, name and trace group, never per span.
   */
  public synchronized CorrelationReport report() {
    settle(clock.getAsLong());
    LogFigures logFigures = logs.finalFigures(instances.count(), names.templates.size());
    return new ReportAssembler(instances, names).assemble(spans, logs, logFigures);
  }

  /**
   * Heap held by the index: the lengths of its arrays times their element sizes, plus a rough
   * allowance for the few objects per service instance.
   */
  public synchronized long estimatedBytes() {
    return spans.bytes()
        + logs.bytes()
        + coverage.bytes()
        + instances.bytes()
        + names.bytes()
        + 4L * batchInstances.length;
  }

  /** Instance ids of a batch's resources, in a reused array. */
  private int[] resolve(List<Resource> resources) {
    int n = resources.size();
    if (n > batchInstances.length) {
      batchInstances = new int[Math.max(n, batchInstances.length * 2)];
    }
    for (int r = 0; r < n; r++) {
      batchInstances[r] = instances.idOf(resources.get(r));
    }
    return batchInstances;
  }

  /** Settles spans first: a record's judgment may need the spans whose window ends with its own. */
  private void settle(long now) {
    spans.settleDue(now, flushWindowNanos);
    logs.settleDue(now, flushWindowNanos, lateWindowNanos);
  }

  /** Options of the index; each setter validates its argument. */
  public static final class Builder {
    private int spanCapacity = DEFAULT_SPAN_CAPACITY;
    private int logCapacity = DEFAULT_LOG_CAPACITY;
    private Duration flushWindow = DEFAULT_FLUSH_WINDOW;
    private Duration lateWindow = DEFAULT_LATE_WINDOW;
    private LongSupplier clock = System::nanoTime;

    Builder() {}

    /**
     * Spans kept for joins before the oldest is evicted. Defaults to {@value
     * #DEFAULT_SPAN_CAPACITY}; memory grows with use up to about 30 bytes per span.
     */
    public Builder setSpanCapacity(int spans) {
      if (spans < 1) {
        throw new IllegalArgumentException("span window must be positive: " + spans);
      }
      this.spanCapacity = spans;
      return this;
    }

    /**
     * Log records that may wait out the flush window at once; when full, the oldest is settled
     * early (and counted as evicted). Defaults to {@value #DEFAULT_LOG_CAPACITY}; memory grows with
     * use up to 20 bytes per record.
     */
    public Builder setLogCapacity(int logs) {
      if (logs < 1) {
        throw new IllegalArgumentException("log window must be positive: " + logs);
      }
      this.logCapacity = logs;
      return this;
    }

    /**
     * How long a log record waits for its spans before it is settled. Defaults to {@link
     * #DEFAULT_FLUSH_WINDOW}.
     */
    public Builder setFlushWindow(Duration window) {
      requireNonNull(window, "window");
      if (window.isNegative()) {
        throw new IllegalArgumentException("flush window must not be negative: " + window);
      }
      this.flushWindow = window;
      return this;
    }

    /**
     * How long a record that was neither joined nor in a request when its flush window ended keeps
     * waiting for late spans before it is counted as such. Defaults to {@link
     * #DEFAULT_LATE_WINDOW}; never shorter than the flush window. Only live figures wait for it:
     * the report judges every waiting record at once.
     */
    public Builder setLateWindow(Duration window) {
      requireNonNull(window, "window");
      if (window.isNegative()) {
        throw new IllegalArgumentException("late window must not be negative: " + window);
      }
      this.lateWindow = window;
      return this;
    }

    /** The time source, {@link System#nanoTime} by default; tests pass a fake. */
    public Builder setClock(LongSupplier nanoTime) {
      this.clock = requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    /** Builds the index; arrays are allocated as the windows fill. */
    public CorrelationIndex build() {
      return new CorrelationIndex(this);
    }
  }
}
