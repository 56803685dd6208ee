package dev.otelboard.cli.report;

import dev.otelboard.collector.CollectorReport;
import dev.otelboard.collector.receiver.WrongProtocols;
import dev.otelboard.collector.CollectorReport.ForwardStats;
import dev.otelboard.collector.correlate.CorrelationReport;
import dev.otelboard.collector.correlate.CorrelationReport.MissingServerChild;
import dev.otelboard.collector.correlate.CorrelationReport.OrphanSpans;
import dev.otelboard.collector.correlate.CorrelationReport.ServiceFigures;
import dev.otelboard.collector.correlate.CorrelationReport.UncorrelatedLogs;
import dev.otelboard.collector.pipeline.PipelineStats.SignalStats;
import java.io.PrintWriter;
import java.util.Locale;

/** The collector's final report for people: what came in, what went out, how well logs joined. */
public final class CollectorReportText {
  private CollectorReportText() {}

  /** Writes the report to {@code out}. */
  public static void write(CollectorReport report, PrintWriter out) {
    out.println("Received");
    out.printf(
        Locale.ROOT, "  %-8s %14s %14s %10s %10s %10s%n", "signal", "accepted", "processed", "rejected", "refused", "malformed");
    for (SignalStats s : report.signals()) {
      out.printf(
          Locale.ROOT,
          "  %-8s %,14d %,14d %,10d %,10d %,10d%n",
          s.signal().name().toLowerCase(Locale.ROOT),
          s.acceptedItems(),
          s.processedItems(),
          s.rejectedItems(),
          s.refusedRequests(),
          s.malformedRequests());
    }
    out.printf(
        Locale.ROOT,
        "  queued bytes peak %,d of %,d allowed; heap peak %,d MiB%n",
        report.memoryPeakBytes(),
        report.memoryLimitBytes(),
        report.heapPeakBytes() >> 20);
    for (ForwardStats f : report.forwards()) {
      out.printf(
          Locale.ROOT,
          "  forwarded to %s: %,d sent, %,d dropped, %,d retries%n",
          f.target(),
          f.sentItems(),
          f.droppedItems(),
          f.retries());
    }
    for (SignalStats s : report.signals()) {
      if (s.processorFailures() > 0) {
        out.printf(
            Locale.ROOT,
            "  %s: a processor failed on %,d batch(es); their %,d item(s) were dropped%n",
            s.signal().name().toLowerCase(Locale.ROOT),
            s.processorFailures(),
            s.droppedItems());
      }
    }
    for (WrongProtocols.Connection wrong : report.wrongProtocols()) {
      out.println("  WRONG PROTOCOL: " + wrong.describe());
    }
    if (report.unprocessedItems() > 0) {
      out.printf(
          Locale.ROOT,
          "  NOT JUDGED: %,d accepted items had not reached every sink when the collector stopped;"
              + " the figures below miss them%n",
          report.unprocessedItems());
    }
    if (report.fileLines() > 0) {
      out.printf(Locale.ROOT, "  %,d requests written as OTLP JSON lines%n", report.fileLines());
    }
    writeCorrelation(report.correlation(), out);
  }

  /** Writes the correlation part alone; verify uses it too. */
  public static void writeCorrelation(CorrelationReport c, PrintWriter out) {
    out.println();
    out.println("Correlation");
    if (c.inRequestLogs() == 0) {
      // Nothing was scored: no log record fell inside a SERVER or CONSUMER span.
      out.println("  in-request logs correlated: n/a (no log record inside a SERVER or CONSUMER span)");
    } else {
      out.printf(
          Locale.ROOT,
          "  in-request logs correlated: %s (%,d of %,d)%n",
          percent(c.inRequestCorrelation()),
          c.correlatedInRequestLogs(),
          c.inRequestLogs());
    }
    out.printf(
        Locale.ROOT,
        "  spans %,d  logs %,d (with trace context %,d, correlated %,d)  traces %,d (cross-service %,d)"
            + "  orphan spans %,d%n",
        c.spans(),
        c.logs(),
        c.logsWithTraceContext(),
        c.correlatedLogs(),
        c.traces(),
        c.crossServiceTraces(),
        c.orphanSpans());
    if (c.evictedSpans() + c.evictedLogs() + c.duplicateSpans() > 0) {
      out.printf(
          Locale.ROOT,
          "  evicted: %,d spans, %,d logs (window full); duplicate spans: %,d%n",
          c.evictedSpans(),
          c.evictedLogs(),
          c.duplicateSpans());
    }
    if (!c.services().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "  %-24s %10s %10s %12s %12s %10s%n",
          "service", "spans", "logs", "in-request", "correlated", "orphans");
      for (ServiceFigures s : c.services()) {
        out.printf(
            Locale.ROOT,
            "  %-24s %,10d %,10d %,12d %12s %,10d%n",
            s.service(),
            s.spans(),
            s.logs(),
            s.inRequestLogs(),
            percentOrNa(s.inRequestCorrelation(), s.inRequestLogs()),
            s.orphanSpans());
      }
    }
    if (!c.topUncorrelatedLogs().isEmpty()) {
      out.println("  Log lines without a joined span (most first):");
      for (UncorrelatedLogs u : c.topUncorrelatedLogs()) {
        out.printf(
            Locale.ROOT,
            "    %,8d  %s  %s: %s%n",
            u.count(),
            u.service(),
            u.logger().isEmpty() ? "(no logger name)" : u.logger(),
            u.messageTemplate());
      }
    }
    if (!c.missingServerChildren().isEmpty()) {
      // The index reads no span attributes, so it cannot tell a database call from a service call.
      out.println("  CLIENT spans without a SERVER child (database and broker calls included;"
          + " `otelboard verify` lists those apart as external dependencies):");
      for (MissingServerChild m : c.missingServerChildren()) {
        out.printf(Locale.ROOT, "    %,8d  %s  %s%n", m.count(), m.clientService(), m.spanName());
      }
    }
    if (!c.topOrphanSpans().isEmpty()) {
      out.println("  Orphan spans (parent never arrived):");
      for (OrphanSpans o : c.topOrphanSpans()) {
        out.printf(Locale.ROOT, "    %,8d  %s  %s%n", o.count(), o.service(), o.spanName());
      }
    }
  }

  /**
   * A ratio of {@code scored} items as a percentage, or {@code n/a} when nothing was scored (a
   * rate over nothing is not 100%).
   */
  public static String percentOrNa(double ratio, long scored) {
    return scored == 0 ? "n/a" : percent(ratio);
  }

  /** A ratio as a percentage with one decimal, e.g. {@code 99.5%}. */
  public static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }
}
