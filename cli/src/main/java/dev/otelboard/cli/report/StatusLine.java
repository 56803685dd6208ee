package dev.otelboard.cli.report;

import dev.otelboard.collector.EmbeddedCollector;
import dev.otelboard.collector.correlate.CorrelationStatus;
import dev.otelboard.collector.pipeline.PipelineStats;
import dev.otelboard.collector.pipeline.PipelineStats.SignalStats;
import dev.otelboard.collector.pipeline.Signal;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The collector's live one-line status: rates since the previous tick, correlation so far, queue,
 * heap and drops. On a terminal it rewrites one line in place; elsewhere it prints a line every ten
 * ticks so logs stay readable.
 */
public final class StatusLine {
  private final EmbeddedCollector collector;
  private final boolean terminal;
  private long lastNanos = System.nanoTime();
  private long lastSpans;
  private long lastLogs;
  private long lastPoints;
  private int ticks;
  private int width;

  /** A status line for {@code collector}; {@code terminal} selects in-place rewriting. */
  public StatusLine(EmbeddedCollector collector, boolean terminal) {
    this.collector = collector;
    this.terminal = terminal;
  }

  /** Prints the status (every tick on a terminal, every tenth tick elsewhere). */
  public void tick(PrintWriter err) {
    String line = next();
    ticks++;
    if (terminal) {
      String padded = String.format("%-" + Math.max(width, 1) + "s", line);
      width = line.length();
      err.print("\r" + padded);
    } else if (ticks % 10 == 0) {
      err.println(line);
    }
    err.flush();
  }

  /** Ends the in-place line so that what follows starts on its own line. */
  public void clear(PrintWriter err) {
    if (terminal && width > 0) {
      err.println();
      err.flush();
    }
  }

  String next() {
    PipelineStats stats = collector.pipeline().stats();
    SignalStats traces = stats.snapshot(Signal.TRACES);
    SignalStats logs = stats.snapshot(Signal.LOGS);
    SignalStats metrics = stats.snapshot(Signal.METRICS);
    long now = System.nanoTime();
    double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
    long spansPerSecond = Math.round((traces.acceptedItems() - lastSpans) / seconds);
    long logsPerSecond = Math.round((logs.acceptedItems() - lastLogs) / seconds);
    long pointsPerSecond = Math.round((metrics.acceptedItems() - lastPoints) / seconds);
    lastNanos = now;
    lastSpans = traces.acceptedItems();
    lastLogs = logs.acceptedItems();
    lastPoints = metrics.acceptedItems();
    CorrelationStatus c = collector.correlationStatus();
    Runtime rt = Runtime.getRuntime();
    long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
    long refused = traces.refusedRequests() + logs.refusedRequests() + metrics.refusedRequests();
    long malformed = traces.malformedRequests() + logs.malformedRequests() + metrics.malformedRequests();
    return String.format(
        Locale.ROOT,
        "spans/s %,d  logs/s %,d  points/s %,d  correlated %s  orphans %,d  queue %d  heap %d MiB"
            + "  refused %,d  malformed %,d  evicted %,d  forward drops %,d",
        spansPerSecond,
        logsPerSecond,
        pointsPerSecond,
        c.inRequestLogs() == 0
            ? "n/a"
            : String.format(Locale.ROOT, "%.1f%%", c.correlatedPercent()),
        c.orphanSpans(),
        collector.pipeline().queueDepth(),
        heapMb,
        refused,
        malformed,
        c.evictedSpans() + c.evictedLogs(),
        collector.forwardDroppedItems());
  }
}
