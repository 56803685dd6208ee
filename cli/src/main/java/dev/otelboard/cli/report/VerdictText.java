package dev.otelboard.cli.report;

import dev.otelboard.cli.verify.Verdict;
import dev.otelboard.cli.verify.Verdict.ExternalDependency;
import dev.otelboard.cli.verify.Verdict.MissingChild;
import dev.otelboard.cli.verify.Verdict.Offender;
import dev.otelboard.cli.verify.Verdict.SemconvFinding;
import dev.otelboard.cli.verify.Verdict.ServiceVerdict;
import dev.otelboard.cli.verify.Verdict.Totals;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The verify verdict for people: the outcome first, then the figures, offenders and findings. */
public final class VerdictText {
  private static final int MAX_ATTRIBUTES_SHOWN = 6;

  private VerdictText() {}

  /** Writes {@code v} to {@code out}. */
  public static void write(Verdict v, PrintWriter out) {
    if (v.passed()) {
      out.println("Verdict: PASS");
    } else {
      out.printf(Locale.ROOT, "Verdict: FAIL (%d problem%s)%n", v.failures().size(), v.failures().size() == 1 ? "" : "s");
      for (String f : v.failures()) {
        out.println("  - " + f);
      }
    }

    out.println();
    out.println("Services");
    out.printf(
        Locale.ROOT,
        "  %-26s %9s %9s %11s %11s %8s  %s%n",
        "service", "spans", "logs", "in-request", "correlated", "orphans", "thresholds");
    for (ServiceVerdict s : v.services()) {
      out.printf(
          Locale.ROOT,
          "  %-26s %,9d %,9d %,11d %11s %,8d  %s%s%n",
          s.service() + (s.expected() ? "" : " (*)"),
          s.spans(),
          s.logs(),
          s.inRequestLogs(),
          CollectorReportText.percentOrNa(s.logCorrelation(), s.inRequestLogs()),
          s.orphanSpans(),
          String.format(
              Locale.ROOT,
              ">=%s, <=%d orphans (%s)",
              CollectorReportText.percent(s.minLogCorrelation()),
              s.maxOrphanSpans(),
              s.thresholdSource()),
          s.passed() ? "" : "  FAIL");
    }
    Totals t = v.totals();
    out.printf(
        Locale.ROOT,
        "  %-26s %,9d %,9d %,11d %11s %,8d%n",
        "all",
        t.spans(),
        t.logs(),
        t.inRequestLogs(),
        CollectorReportText.percentOrNa(t.logCorrelation(), t.inRequestLogs()),
        t.orphanSpans());
    out.printf(
        Locale.ROOT,
        "  traces %,d, cross-service %,d; log records with trace context %,d%n",
        t.traces(),
        t.crossServiceTraces(),
        t.logsWithTraceContext());
    if (v.services().stream().anyMatch(s -> !s.expected())) {
      out.println("  (*) not started by this run; judged with the default thresholds");
    }

    if (!v.missingServerChildren().isEmpty()) {
      out.println();
      out.println("CLIENT spans whose callee sent no SERVER span");
      for (MissingChild m : v.missingServerChildren()) {
        out.printf(
            Locale.ROOT,
            "  %,8d  %s  %s%s%n",
            m.count(),
            m.clientService(),
            m.spanName(),
            m.callee().isEmpty() ? "" : "  -> " + m.callee() + (m.calleeInRun() ? " (in this run)" : ""));
      }
    }

    if (!v.externalDependencies().isEmpty()) {
      out.println();
      out.println("External dependencies (databases, brokers: no SERVER span is due from them)");
      for (ExternalDependency d : v.externalDependencies()) {
        out.printf(Locale.ROOT, "  %,8d  %s  %s  -> %s%n", d.count(), d.clientService(),
            d.spanName(), d.system());
      }
    }

    if (!v.offenders().isEmpty()) {
      out.println();
      out.println("Worst offenders");
      int i = 1;
      for (Offender o : v.offenders()) {
        String count =
            o.count() == 0
                ? ""
                : String.format(
                    Locale.ROOT,
                    "  x%,d%s",
                    o.count(),
                    o.inRequestCount() > 0 ? " (" + String.format(Locale.ROOT, "%,d", o.inRequestCount()) + " in requests)" : "");
        out.printf(Locale.ROOT, "  %2d. [%s] %s  %s%s%n", i++, o.kind(), o.service(), o.subject(), count);
        out.println("      fix: " + o.hint());
        if (!o.rewrites().isEmpty()) {
          out.println("      rewrites: " + String.join(", ", o.rewrites()));
        }
        if (!o.example().isEmpty()) {
          out.println("      e.g. " + o.example());
        }
      }
    }

    if (!v.semconv().isEmpty()) {
      out.println();
      out.println("Semantic conventions");
      for (SemconvFinding f : v.semconv()) {
        out.printf(
            Locale.ROOT,
            "  %-7s %-36s %,6d of %,d  %s%n",
            f.severity(),
            f.rule(),
            f.count(),
            f.checked(),
            f.message());
        Verdict.Example e = f.example();
        out.printf(
            Locale.ROOT,
            "          e.g. %s %s '%s'%s%s%n",
            e.service(),
            e.kind(),
            e.name(),
            e.traceId().isEmpty() ? "" : " trace " + e.traceId() + " span " + e.spanId(),
            attributes(e.attributes()));
      }
    }

    if (!v.notes().isEmpty()) {
      out.println();
      out.println("Notes");
      for (String n : v.notes()) {
        out.println("  - " + n);
      }
    }
    out.flush();
  }

  private static String attributes(Map<String, String> attributes) {
    if (attributes.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" {");
    int n = 0;
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      if (n == MAX_ATTRIBUTES_SHOWN) {
        sb.append(", ...");
        break;
      }
      sb.append(n++ == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.append('}').toString();
  }
}
