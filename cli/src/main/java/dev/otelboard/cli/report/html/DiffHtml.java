package dev.otelboard.cli.report.html;

import static dev.otelboard.cli.report.html.VerdictHtml.esc;

import dev.otelboard.cli.diff.CaptureDiff;
import dev.otelboard.cli.diff.DiffResult;
import dev.otelboard.cli.diff.DiffResult.Change;
import dev.otelboard.cli.diff.DiffResult.GroupRow;
import dev.otelboard.cli.diff.DiffResult.LoggerRow;
import dev.otelboard.cli.diff.DiffResult.ServiceRow;
import dev.otelboard.cli.diff.RunSummary.GroupSummary;
import dev.otelboard.cli.diff.RunSummary.LoggerSummary;
import dev.otelboard.cli.diff.RunSummary.RunInfo;
import dev.otelboard.cli.diff.RunSummary.ServiceSummary;
import dev.otelboard.cli.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The diff of two runs as one self-contained HTML page, in the verify report's style: the gate's
 * verdict, what B lost and gained (ranked), then per service both runs side by side — figures,
 * span groups with their attribute coverage, loggers with their trace-context shares and the
 * message templates only one run wrote.
 *
 * <p>Figures for tests and scripts: {@code body[data-passed]}, {@code body[data-lost]}, {@code
 * body[data-gained]}; each group row is {@code tr.group[data-service][data-state]} with state
 * {@code lost}, {@code gained} or {@code both}.
 */
public final class DiffHtml {
  private DiffHtml() {}

  /** Writes the page for {@code diff} to {@code file} atomically. */
  public static void write(DiffResult diff, Path file) throws IOException {
    AtomicFiles.write(file, render(diff, Instant.now()));
  }

  /** The page. */
  public static String render(DiffResult d, Instant generated) {
    boolean passed = d.gate().passed();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>otelboard diff: ").append(passed ? "PASS" : "FAIL").append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n");
    h.append("<body data-passed=\"").append(passed).append("\" data-lost=\"").append(d.lost().size())
        .append("\" data-gained=\"").append(d.gained().size()).append("\">\n");
    h.append("<header class=\"").append(passed ? "pass" : "fail").append("\"><h1>otelboard diff: ")
        .append(passed ? "PASS" : "FAIL").append("</h1><p class=\"muted\">generated ")
        .append(esc(generated.toString())).append("</p></header>\n");
    h.append("<section id=\"runs\" class=\"sides\">");
    run(h, "A", d.a());
    run(h, "B", d.b());
    h.append("</section>\n");
    if (!d.gate().failures().isEmpty()) {
      h.append("<section id=\"failures\"><h2>What failed</h2><ul>\n");
      d.gate().failures().forEach(f -> h.append("<li>").append(esc(f)).append("</li>\n"));
      h.append("</ul></section>\n");
    }
    h.append("<p class=\"muted\">thresholds: at most ").append(d.gate().maxLostGroups())
        .append(" lost span group(s) (").append(d.gate().lostGroups()).append(" lost), correlation ratio at least ")
        .append(String.format(Locale.ROOT, "%.2f", d.gate().minCorrelationRatio())).append(", count tolerance ")
        .append(String.format(Locale.ROOT, "%.2f", d.gate().countTolerance())).append("</p>\n");
    changes(h, "lost", "What B lost", d.lost());
    changes(h, "gained", "What B gained", d.gained());
    for (ServiceRow r : d.services()) {
      service(h, r);
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void run(StringBuilder h, String side, RunInfo r) {
    h.append("<div class=\"card\"><div class=\"value\">").append(side).append(" <span class=\"mode\">")
        .append(esc(r.mode().isEmpty() ? "" : r.mode() + " mode")).append("</span></div><div><code>")
        .append(esc(r.label())).append("</code></div>");
    if (!r.plan().isEmpty()) {
      h.append("<div class=\"muted\">plan ").append(esc(r.plan())).append("</div>");
    }
    h.append("<div class=\"muted\">").append(num(r.spans())).append(" spans, ").append(num(r.logs()))
        .append(" log records, ").append(num(r.lines())).append(" lines in ").append(r.files().size())
        .append(" file(s)").append(r.sampledShare() < 1
            ? String.format(Locale.ROOT, "; propagation from %.1f%% of traces", 100 * r.sampledShare()) : "")
        .append("</div></div>");
  }

  private static void changes(StringBuilder h, String id, String title, List<Change> changes) {
    h.append("<section id=\"").append(id).append("\"><h2>").append(title).append(" <span class=\"muted\">(")
        .append(changes.size()).append(")</span></h2>\n");
    if (changes.isEmpty()) {
      h.append("<p class=\"empty\">nothing</p></section>\n");
      return;
    }
    h.append("<table><thead><tr><th>#</th><th>what</th><th>service</th><th>subject</th><th>detail</th></tr></thead><tbody>\n");
    int i = 1;
    for (Change c : changes) {
      h.append("<tr class=\"change ").append(c.category().id()).append("\"><td>").append(i++)
          .append("</td><td><code>").append(esc(c.category().id())).append("</code></td><td>")
          .append(esc(String.join(", ", c.services()))).append("</td><td>").append(esc(c.subject()))
          .append("</td><td>").append(esc(c.detail())).append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  private static void service(StringBuilder h, ServiceRow r) {
    h.append("<section class=\"service\" data-service=\"").append(esc(r.service())).append("\"><h2>")
        .append(esc(r.service())).append("</h2>\n<table class=\"figures\"><thead><tr><th></th><th>A</th><th>B</th>")
        .append("</tr></thead><tbody>\n");
    figure(h, "spans", r, s -> num(s.spans()));
    figure(h, "log records", r, s -> num(s.logs()));
    figure(h, "log records joined to their trace", r, s -> pct(s.joinedShare()));
    figure(h, "traces", r, s -> num(s.traces()));
    figure(h, "traces with other services", r, s -> num(s.crossServiceTraces()) + " (" + pct(s.crossServiceShare()) + ")");
    figure(h, "orphan spans", r, s -> num(s.orphanSpans()));
    figure(h, "SDK", r, s -> String.join("; ", s.sdks()));
    h.append("</tbody></table>\n");

    h.append("<h3>Span groups</h3><table class=\"side\"><thead><tr><th rowspan=\"2\">group</th>")
        .append("<th colspan=\"4\" class=\"a\">A</th><th colspan=\"4\" class=\"b\">B</th></tr><tr>")
        .append("<th class=\"a\">spans</th><th class=\"a\">errors</th><th class=\"a\">mean</th><th class=\"a\">parent</th>")
        .append("<th class=\"b\">spans</th><th class=\"b\">errors</th><th class=\"b\">mean</th><th class=\"b\">parent</th>")
        .append("</tr></thead><tbody>\n");
    for (GroupRow g : r.groups()) {
      String state = g.a() == null ? "gained" : g.b() == null ? "lost" : "both";
      h.append("<tr class=\"group ").append(state).append("\" data-service=\"").append(esc(r.service()))
          .append("\" data-state=\"").append(state).append("\"><td><details><summary>").append(esc(g.key().label()))
          .append("</summary>");
      attributes(h, g);
      h.append("</details></td>");
      groupCells(h, g.a(), "a");
      groupCells(h, g.b(), "b");
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");

    if (!r.loggers().isEmpty()) {
      h.append("<h3>Loggers</h3><table class=\"side\"><thead><tr><th>logger</th>")
          .append("<th class=\"a\">A records</th><th class=\"a\">with trace context</th>")
          .append("<th class=\"b\">B records</th><th class=\"b\">with trace context</th></tr></thead><tbody>\n");
      for (LoggerRow l : r.loggers()) {
        String state = l.a() == null ? "gained" : l.b() == null ? "lost" : "both";
        h.append("<tr class=\"logger ").append(state).append("\"><td><details><summary>").append(esc(l.name()))
            .append("</summary>");
        templates(h, l);
        h.append("</details></td>");
        loggerCells(h, l.a(), "a");
        loggerCells(h, l.b(), "b");
        h.append("</tr>\n");
      }
      h.append("</tbody></table>\n");
    }
    h.append("</section>\n");
  }

  private static void figure(StringBuilder h, String label, ServiceRow r, Function<ServiceSummary, String> value) {
    h.append("<tr><td>").append(esc(label)).append("</td><td>").append(r.a() == null ? "-" : esc(value.apply(r.a())))
        .append("</td><td>").append(r.b() == null ? "-" : esc(value.apply(r.b()))).append("</td></tr>\n");
  }

  private static void groupCells(StringBuilder h, GroupSummary g, String side) {
    if (g == null) {
      h.append("<td class=\"").append(side).append(" none\" colspan=\"4\">none</td>");
      return;
    }
    String parent = g.sampled() == 0 ? "-"
        : "root " + pct(g.rootShare()) + ", other service " + pct(g.remoteParentShare())
            + (g.orphans() > 0 ? ", orphans " + num(g.orphans()) : "");
    h.append("<td class=\"num ").append(side).append("\">").append(num(g.count())).append("</td><td class=\"num ")
        .append(side).append("\">").append(g.errors() == 0 ? "" : num(g.errors())).append("</td><td class=\"num ")
        .append(side).append("\">").append(String.format(Locale.ROOT, "%.1f ms", g.meanMillis()))
        .append("</td><td class=\"").append(side).append("\">").append(esc(parent)).append("</td>");
  }

  private static void attributes(StringBuilder h, GroupRow g) {
    TreeSet<String> keys = new TreeSet<>();
    if (g.a() != null) {
      keys.addAll(g.a().attributes().keySet());
    }
    if (g.b() != null) {
      keys.addAll(g.b().attributes().keySet());
    }
    h.append("<table class=\"attrs\"><tr><th>attribute</th><th>A</th><th>B</th></tr>");
    for (String k : keys) {
      double a = g.a() == null ? 0 : g.a().attributeShare(k);
      double b = g.b() == null ? 0 : g.b().attributeShare(k);
      String cls = g.a() != null && g.b() != null
          ? (a - b >= CaptureDiff.SHARE_MARGIN ? "lost" : b - a >= CaptureDiff.SHARE_MARGIN ? "gained" : "")
          : "";
      h.append("<tr class=\"").append(cls).append("\"><td>").append(esc(k)).append("</td><td>")
          .append(g.a() == null ? "" : pct(a)).append("</td><td>").append(g.b() == null ? "" : pct(b)).append("</td></tr>");
    }
    h.append("</table>");
    List<String> scopes = g.a() != null ? g.a().scopes() : List.of();
    List<String> scopesB = g.b() != null ? g.b().scopes() : List.of();
    h.append("<div class=\"muted\">scopes: A ").append(esc(String.join(", ", scopes))).append(" &middot; B ")
        .append(esc(String.join(", ", scopesB))).append("</div>");
  }

  private static void loggerCells(StringBuilder h, LoggerSummary l, String side) {
    if (l == null) {
      h.append("<td class=\"").append(side).append(" none\" colspan=\"2\">none</td>");
      return;
    }
    h.append("<td class=\"num ").append(side).append("\">").append(num(l.count())).append("</td><td class=\"num ")
        .append(side).append("\">").append(pct(l.contextShare())).append("</td>");
  }

  private static void templates(StringBuilder h, LoggerRow l) {
    TreeSet<String> all = new TreeSet<>();
    if (l.a() != null) {
      all.addAll(l.a().templates().keySet());
    }
    if (l.b() != null) {
      all.addAll(l.b().templates().keySet());
    }
    h.append("<table class=\"attrs\"><tr><th>message template</th><th>A</th><th>B</th></tr>");
    for (String t : all) {
      long a = l.a() == null ? 0 : l.a().templates().getOrDefault(t, 0L);
      long b = l.b() == null ? 0 : l.b().templates().getOrDefault(t, 0L);
      h.append("<tr class=\"").append(a > 0 && b == 0 ? "lost" : b > 0 && a == 0 ? "gained" : "").append("\"><td>")
          .append(esc(t)).append("</td><td>").append(a == 0 ? "" : num(a)).append("</td><td>")
          .append(b == 0 ? "" : num(b)).append("</td></tr>");
    }
    h.append("</table>");
  }

  private static String pct(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  private static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static final String CSS =
      """
      :root{--fg:#1d2330;--muted:#6b7280;--bad:#c0392b;--ok:#2e7d32;--warn:#b7791f;--line:#e5e7eb;--a:#f4f7fb;--b:#f7f5fb}
      *{box-sizing:border-box}
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0 24px 48px}
      header{margin:0 -24px 16px;padding:14px 24px;color:#fff}
      header.pass{background:var(--ok)} header.fail{background:var(--bad)}
      header h1{margin:0;font-size:22px} header .muted{color:#eef}
      h2{font-size:17px;margin:22px 0 8px} h3{font-size:14px;margin:14px 0 6px}
      .muted{color:var(--muted)} code{font:12px ui-monospace,Menlo,Consolas,monospace}
      .sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}
      .card{border:1px solid var(--line);border-radius:8px;padding:10px 16px}
      .card .value{font-size:22px;font-weight:600} .mode{font-size:14px;color:var(--muted);font-weight:400}
      table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
      th{font-weight:600;background:#f7f7f9} td.num{text-align:right;white-space:nowrap}
      th.a,td.a{background:var(--a)} th.b,td.b{background:var(--b)} td.none{color:var(--muted);font-style:italic;text-align:center}
      table.figures{width:auto} table.figures td{min-width:140px}
      tr.lost>td:first-child{border-left:3px solid var(--bad)} tr.gained>td:first-child{border-left:3px solid var(--ok)}
      table.attrs{width:auto;margin:4px 0} table.attrs td,table.attrs th{font:12px ui-monospace,monospace;padding:1px 6px;border:none;background:none}
      table.attrs tr.lost td{color:var(--bad)} table.attrs tr.gained td{color:var(--ok)}
      summary{cursor:pointer}
      #failures li{color:var(--bad)}
      #lost tr.change td:nth-child(2) code{color:var(--bad)} #gained tr.change td:nth-child(2) code{color:var(--ok)}
      .empty{color:var(--muted);font-style:italic}
      """;
}
