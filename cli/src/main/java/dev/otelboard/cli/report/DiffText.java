package dev.otelboard.cli.report;

import dev.otelboard.cli.diff.DiffResult;
import dev.otelboard.cli.diff.DiffResult.Change;
import dev.otelboard.cli.diff.DiffResult.ServiceRow;
import dev.otelboard.cli.diff.RunSummary.RunInfo;
import dev.otelboard.cli.diff.RunSummary.ServiceSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code otelboard diff} for people: the two runs, the gate's verdict, what B lost and what B
 * gained as short ranked lists (the first {@code limit} of each), and a table of the services.
 */
public final class DiffText {
  private DiffText() {}

  /** Writes the diff; {@code limit} items per list, 0 for all. */
  public static void write(DiffResult d, int limit, PrintWriter out) {
    out.println("otelboard diff");
    run(out, "A", d.a());
    run(out, "B", d.b());
    out.println();
    if (d.gate().passed()) {
      out.println("Diff: PASS (" + d.lost().size() + " loss(es) within the thresholds)");
    } else {
      out.println("Diff: FAIL (" + d.gate().failures().size() + " problem" + (d.gate().failures().size() == 1 ? "" : "s") + ")");
      d.gate().failures().forEach(f -> out.println("  - " + f));
    }
    out.println();
    list(out, "What B lost", d.lost(), limit);
    list(out, "What B gained", d.gained(), limit);
    services(out, d.services());
    out.flush();
  }

  private static void run(PrintWriter out, String side, RunInfo r) {
    StringBuilder b = new StringBuilder("  ").append(side).append("  ").append(r.label());
    if (!r.mode().isEmpty()) {
      b.append("  (").append(r.mode()).append(" mode");
      if (!r.plan().isEmpty()) {
        b.append(", plan ").append(r.plan());
      }
      b.append(')');
    }
    b.append(String.format(Locale.ROOT, ": %,d spans, %,d log records in %,d line(s)", r.spans(), r.logs(), r.lines()));
    if (r.files().size() > 1) {
      b.append(" of ").append(r.files().size()).append(" files");
    }
    if (r.sampledShare() < 1) {
      b.append(String.format(Locale.ROOT, "; propagation figures estimated from %.1f%% of traces", 100 * r.sampledShare()));
    }
    out.println(b);
  }

  private static void list(PrintWriter out, String title, List<Change> changes, int limit) {
    if (changes.isEmpty()) {
      out.println(title + ": nothing");
      out.println();
      return;
    }
    out.println(title + " (" + changes.size() + ", most important first):");
    int shown = limit <= 0 ? changes.size() : Math.min(limit, changes.size());
    for (int i = 0; i < shown; i++) {
      Change c = changes.get(i);
      out.printf(Locale.ROOT, "  %2d. [%s] %s  %s%n", i + 1, c.category().id(), String.join(", ", c.services()), c.subject());
      out.println("      " + c.detail());
    }
    if (shown < changes.size()) {
      out.println("  ... and " + (changes.size() - shown) + " more (--limit 0 lists all; --format json, --report-html)");
    }
    out.println();
  }

  private static void services(PrintWriter out, List<ServiceRow> rows) {
    if (rows.isEmpty()) {
      out.println("No spans or log records in either run.");
      return;
    }
    int width = Math.max(8, rows.stream().mapToInt(r -> r.service().length()).max().orElse(8));
    out.println("Services (A -> B)");
    out.printf(Locale.ROOT, "  %-" + width + "s  %-17s  %-17s  %-13s  %-13s  %s%n",
        "service", "spans", "log records", "joined logs", "cross-service", "span groups");
    for (ServiceRow r : rows) {
      out.printf(Locale.ROOT, "  %-" + width + "s  %-17s  %-17s  %-13s  %-13s  %s%n", r.service(),
          pair(r.a() == null ? "-" : num(r.a().spans()), r.b() == null ? "-" : num(r.b().spans())),
          pair(r.a() == null ? "-" : num(r.a().logs()), r.b() == null ? "-" : num(r.b().logs())),
          pair(share(r.a(), true), share(r.b(), true)),
          pair(share(r.a(), false), share(r.b(), false)),
          pair(r.a() == null ? "-" : Integer.toString(r.a().groups().size()),
              r.b() == null ? "-" : Integer.toString(r.b().groups().size())));
    }
  }

  private static String share(ServiceSummary s, boolean logs) {
    if (s == null) {
      return "-";
    }
    double v = logs ? s.joinedShare() : s.crossServiceShare();
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
  }

  private static String pair(String a, String b) {
    return a + " -> " + b;
  }

  private static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
