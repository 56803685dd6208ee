package dev.otelboard.cli.report.html;

import dev.otelboard.cli.io.AtomicFiles;
import dev.otelboard.cli.report.CollectorReportText;
import dev.otelboard.cli.verify.TraceView;
import dev.otelboard.cli.verify.TraceView.LogView;
import dev.otelboard.cli.verify.TraceView.SpanView;
import dev.otelboard.cli.verify.Verdict;
import dev.otelboard.cli.verify.Verdict.ExternalDependency;
import dev.otelboard.cli.verify.Verdict.MissingChild;
import dev.otelboard.cli.verify.Verdict.Offender;
import dev.otelboard.cli.verify.Verdict.SemconvFinding;
import dev.otelboard.cli.verify.Verdict.ServiceVerdict;
import dev.otelboard.cli.verify.Verdict.Totals;
import dev.otelboard.cli.verify.VerifyResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verify report as one self-contained HTML page: no network, no external script or style, so
 * it can be attached to a CI run and opened anywhere. The summary figures come first, then the
 * failures, services, offenders and semantic-convention findings, then per trace a waterfall of
 * its spans by service with the log lines that joined each span under it (and, marked, the lines
 * written during a request without trace context). Traces with problems come first; at most
 * {@value #DEFAULT_MAX_TRACES} are drawn.
 *
 * <p>The page carries its figures as data attributes for tests and scripts: {@code
 * body[data-verdict]}, {@code body[data-trace-count]} (traces captured) and {@code
 * body[data-rendered-traces]}; each trace is a {@code section.trace[data-trace-id]}.
 */
public final class VerdictHtml {
  /** Most traces drawn, {@value}. */
  public static final int DEFAULT_MAX_TRACES = 200;

  private static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#e15759", "#9c755f", "#bab0ac", "#ff9da7"
  };

  private VerdictHtml() {}

  /** Writes the page for {@code result} to {@code file} atomically. */
  public static void write(VerifyResult result, Path file) throws IOException {
    AtomicFiles.write(file, render(result, DEFAULT_MAX_TRACES, Instant.now()));
  }

  /** The page for {@code result}, drawing at most {@code maxTraces} traces. */
  public static String render(VerifyResult result, int maxTraces, Instant generated) {
    Verdict v = result.verdict();
    List<TraceView> traces = result.traces();
    int rendered = Math.min(maxTraces, traces.size());
    Map<String, String> colors = new LinkedHashMap<>();
    v.services().forEach(s -> colors.computeIfAbsent(s.service(), k -> PALETTE[colors.size() % PALETTE.length]));
    for (TraceView t : traces) {
      t.services().forEach(s -> colors.computeIfAbsent(s, k -> PALETTE[colors.size() % PALETTE.length]));
    }

    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>otelboard verify: ").append(v.passed() ? "PASS" : "FAIL").append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n");
    h.append("<body data-verdict=\"").append(v.passed() ? "pass" : "fail")
        .append("\" data-trace-count=\"").append(traces.size())
        .append("\" data-rendered-traces=\"").append(rendered)
        .append("\" data-cross-service-traces=\"").append(v.totals().crossServiceTraces())
        .append("\">\n");

    h.append("<header class=\"").append(v.passed() ? "pass" : "fail").append("\"><h1>otelboard verify: ")
        .append(v.passed() ? "PASS" : "FAIL").append("</h1><p class=\"muted\">generated ")
        .append(esc(generated.toString())).append("</p></header>\n");

    summary(h, v.totals(), traces.size());
    failures(h, v, result);
    services(h, v, colors);
    missing(h, v.missingServerChildren());
    external(h, v.externalDependencies());
    offenders(h, v.offenders());
    semconv(h, v.semconv());
    notes(h, v.notes());

    h.append("<section id=\"traces\"><h2>Traces</h2>\n<p class=\"controls\">")
        .append("<label><input type=\"checkbox\" id=\"only-problems\"> only traces with problems</label> ")
        .append("<span class=\"muted\">showing <span id=\"shown-traces\">").append(rendered)
        .append("</span> of <span id=\"trace-count\">").append(traces.size()).append("</span> traces")
        .append(rendered < traces.size() ? " (the first " + rendered + ", those with problems first)" : "")
        .append("</span></p>\n");
    if (traces.isEmpty()) {
      h.append("<p class=\"empty\">No spans arrived, so there is no trace to draw.</p>\n");
    }
    for (int i = 0; i < rendered; i++) {
      trace(h, traces.get(i), colors);
    }
    h.append("</section>\n<script>").append(JS).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, Totals t, int captured) {
    h.append("<section id=\"summary\" class=\"cards\">\n");
    card(h, "spans", String.format(Locale.ROOT, "%,d", t.spans()));
    card(h, "log records", String.format(Locale.ROOT, "%,d", t.logs()));
    card(h, "in-request logs correlated",
        CollectorReportText.percentOrNa(t.logCorrelation(), t.inRequestLogs()),
        String.format(Locale.ROOT, "%,d of %,d", t.correlatedInRequestLogs(), t.inRequestLogs()));
    card(h, "orphan spans", String.format(Locale.ROOT, "%,d", t.orphanSpans()));
    card(h, "traces", String.format(Locale.ROOT, "%,d", t.traces()),
        String.format(Locale.ROOT, "%,d captured", captured));
    card(h, "cross-service traces", String.format(Locale.ROOT, "%,d", t.crossServiceTraces()));
    h.append("</section>\n");
  }

  private static void card(StringBuilder h, String label, String value, String... sub) {
    h.append("<div class=\"card\"><div class=\"value\">").append(esc(value)).append("</div><div class=\"label\">")
        .append(esc(label)).append("</div>");
    for (String s : sub) {
      h.append("<div class=\"muted\">").append(esc(s)).append("</div>");
    }
    h.append("</div>\n");
  }

  private static void failures(StringBuilder h, Verdict v, VerifyResult result) {
    if (v.failures().isEmpty() && result.workloadFailure().isEmpty()) {
      return;
    }
    h.append("<section id=\"failures\"><h2>What failed</h2><ul>\n");
    for (String f : v.failures()) {
      h.append("<li>").append(esc(f)).append("</li>\n");
    }
    result.workloadFailure().ifPresent(f -> h.append("<li class=\"env\">").append(esc(f)).append("</li>\n"));
    h.append("</ul></section>\n");
  }

  private static void services(StringBuilder h, Verdict v, Map<String, String> colors) {
    h.append("<section id=\"services\"><h2>Services</h2><table><thead><tr><th>service</th><th>spans</th>")
        .append("<th>log records</th><th>in-request</th><th>correlated</th><th>orphan spans</th>")
        .append("<th>thresholds</th><th></th></tr></thead><tbody>\n");
    for (ServiceVerdict s : v.services()) {
      h.append("<tr class=\"").append(s.passed() ? "ok" : "bad").append("\"><td>").append(chip(s.service(), colors))
          .append(esc(s.service())).append(s.expected() ? "" : " <span class=\"muted\">(not started by this run)</span>")
          .append("</td><td class=\"num\">").append(num(s.spans()))
          .append("</td><td class=\"num\">").append(num(s.logs()))
          .append("</td><td class=\"num\">").append(num(s.inRequestLogs()))
          .append("</td><td class=\"num\">")
          .append(esc(CollectorReportText.percentOrNa(s.logCorrelation(), s.inRequestLogs())))
          .append("</td><td class=\"num\">").append(num(s.orphanSpans()))
          .append("</td><td>&ge;").append(esc(CollectorReportText.percent(s.minLogCorrelation())))
          .append(", &le;").append(s.maxOrphanSpans()).append(" orphans <span class=\"muted\">")
          .append(esc(s.thresholdSource())).append("</span></td><td>")
          .append(s.passed() ? "ok" : esc(String.join("; ", s.problems()))).append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  private static void missing(StringBuilder h, List<MissingChild> missing) {
    if (missing.isEmpty()) {
      return;
    }
    h.append("<section id=\"missing\"><h2>CLIENT spans whose callee sent no SERVER span</h2><table><thead><tr>")
        .append("<th>count</th><th>caller</th><th>span</th><th>callee</th></tr></thead><tbody>\n");
    for (MissingChild m : missing) {
      h.append("<tr class=\"").append(m.calleeInRun() ? "bad" : "").append("\"><td class=\"num\">").append(num(m.count()))
          .append("</td><td>").append(esc(m.clientService())).append("</td><td>").append(esc(m.spanName()))
          .append("</td><td>").append(esc(m.callee())).append(m.calleeInRun() ? " (in this run)" : "")
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  private static void external(StringBuilder h, List<ExternalDependency> external) {
    if (external.isEmpty()) {
      return;
    }
    h.append("<section id=\"external\"><h2>External dependencies</h2>")
        .append("<p class=\"muted\">CLIENT spans to databases and brokers: no SERVER span is due")
        .append(" from them</p><table><thead><tr>")
        .append("<th>count</th><th>caller</th><th>span</th><th>system</th></tr></thead><tbody>\n");
    for (ExternalDependency d : external) {
      h.append("<tr><td class=\"num\">").append(num(d.count())).append("</td><td>")
          .append(esc(d.clientService())).append("</td><td>").append(esc(d.spanName()))
          .append("</td><td>").append(esc(d.system())).append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  private static void offenders(StringBuilder h, List<Offender> offenders) {
    if (offenders.isEmpty()) {
      return;
    }
    h.append("<section id=\"offenders\"><h2>Worst offenders</h2><table><thead><tr><th>#</th><th>kind</th>")
        .append("<th>service</th><th>what</th><th>count</th><th>what fixes it</th></tr></thead><tbody>\n");
    int i = 1;
    for (Offender o : offenders) {
      h.append("<tr><td>").append(i++).append("</td><td><code>").append(esc(o.kind())).append("</code></td><td>")
          .append(esc(o.service())).append("</td><td>").append(esc(o.subject())).append("</td><td class=\"num\">")
          .append(o.count() == 0 ? "" : num(o.count()))
          .append(o.inRequestCount() > 0 ? " <span class=\"muted\">(" + num(o.inRequestCount()) + " in requests)</span>" : "")
          .append("</td><td>").append(esc(o.hint()));
      if (!o.rewrites().isEmpty()) {
        h.append("<div>rewrites: ");
        for (String r : o.rewrites()) {
          h.append("<code>").append(esc(r)).append("</code> ");
        }
        h.append("</div>");
      }
      if (!o.example().isEmpty()) {
        h.append("<div class=\"muted\">e.g. ").append(esc(o.example())).append("</div>");
      }
      h.append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  private static void semconv(StringBuilder h, List<SemconvFinding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    h.append("<section id=\"semconv\"><h2>Semantic conventions</h2><table><thead><tr><th>severity</th>")
        .append("<th>rule</th><th>count</th><th>finding</th><th>example</th></tr></thead><tbody>\n");
    for (SemconvFinding f : findings) {
      Verdict.Example e = f.example();
      h.append("<tr class=\"").append(esc(f.severity())).append("\"><td>").append(esc(f.severity()))
          .append("</td><td><code>").append(esc(f.rule())).append("</code></td><td class=\"num\">")
          .append(num(f.count())).append(" of ").append(num(f.checked())).append("</td><td>")
          .append(esc(f.message())).append("</td><td><details><summary>").append(esc(e.service())).append(' ')
          .append(esc(e.kind())).append(" '").append(esc(e.name())).append("'</summary>");
      if (!e.traceId().isEmpty()) {
        h.append("<div class=\"muted\">trace ").append(esc(e.traceId())).append(" span ").append(esc(e.spanId()))
            .append("</div>");
      }
      attributes(h, e.attributes());
      h.append("</details></td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  private static void notes(StringBuilder h, List<String> notes) {
    if (notes.isEmpty()) {
      return;
    }
    h.append("<section id=\"notes\"><h2>Notes</h2><ul>\n");
    notes.forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
    h.append("</ul></section>\n");
  }

  private static void trace(StringBuilder h, TraceView t, Map<String, String> colors) {
    double total = Math.max(1, t.durationNanos());
    h.append("<section class=\"trace").append(t.problems().isEmpty() ? "" : " has-problems")
        .append("\" data-trace-id=\"").append(esc(t.traceId())).append("\" data-span-count=\"")
        .append(t.spans().size()).append("\">\n<h3 class=\"trace-head\"><span class=\"toggle\">&#9662;</span> trace <code>")
        .append(esc(t.traceId())).append("</code> <span class=\"muted\">").append(esc(millis(t.durationNanos())))
        .append(", ").append(t.spans().size()).append(" spans, ");
    for (String s : t.services()) {
      h.append(chip(s, colors)).append(esc(s)).append(' ');
    }
    h.append("</span></h3>\n");
    if (!t.problems().isEmpty()) {
      h.append("<ul class=\"problems\">");
      t.problems().forEach(p -> h.append("<li>").append(esc(p)).append("</li>"));
      h.append("</ul>\n");
    }
    h.append("<div class=\"waterfall\">\n");
    for (SpanView s : t.spans()) {
      double left = 100.0 * s.offsetNanos() / total;
      double width = Math.max(0.3, 100.0 * s.durationNanos() / total);
      if (left + width > 100) {
        width = Math.max(0.3, 100 - left);
      }
      h.append("<div class=\"span-row").append(s.orphan() || s.missingServerChild() ? " flagged" : "")
          .append("\" data-span-id=\"").append(esc(s.spanId())).append("\"><div class=\"label\" style=\"padding-left:")
          .append(s.depth() * 14).append("px\">").append(chip(s.service(), colors))
          .append("<span class=\"kind\">").append(esc(s.kind())).append("</span> ")
          .append("<details><summary>").append(esc(s.name())).append("</summary><div class=\"muted\">")
          .append(esc(s.service())).append(" span ").append(esc(s.spanId()))
          .append(s.parentSpanId().isEmpty() ? "" : " parent " + esc(s.parentSpanId())).append("</div>");
      attributes(h, s.attributes());
      h.append("</details>");
      if (s.orphan()) {
        h.append(" <span class=\"badge bad\">parent missing</span>");
      }
      if (s.missingServerChild()) {
        h.append(" <span class=\"badge bad\">no SERVER child</span>");
      }
      if (s.error()) {
        h.append(" <span class=\"badge warn\">error</span>");
      }
      h.append("</div><div class=\"track\"><div class=\"bar\" style=\"left:")
          .append(String.format(Locale.ROOT, "%.3f", left)).append("%;width:")
          .append(String.format(Locale.ROOT, "%.3f", width)).append("%;background:")
          .append(colors.getOrDefault(s.service(), PALETTE[0])).append("\" title=\"")
          .append(esc(millis(s.durationNanos()))).append("\"></div><span class=\"dur\">")
          .append(esc(millis(s.durationNanos()))).append("</span></div></div>\n");
      for (LogView l : s.logs()) {
        h.append("<div class=\"log-row").append(l.joined() ? "" : " unjoined").append("\" style=\"padding-left:")
            .append(s.depth() * 14 + 22).append("px\"><span class=\"t\">+").append(esc(millis(l.offsetNanos())))
            .append("</span> <span class=\"sev\">").append(esc(l.severity())).append("</span> ")
            .append(l.joined() ? "" : "<span class=\"badge bad\">no trace context</span> ")
            .append("<span class=\"body\">").append(esc(l.body())).append("</span> <span class=\"muted\">")
            .append(esc(l.scope())).append(l.thread().isEmpty() ? "" : " [" + esc(l.thread()) + "]")
            .append("</span></div>\n");
      }
    }
    h.append("</div></section>\n");
  }

  private static void attributes(StringBuilder h, Map<String, String> attributes) {
    if (attributes.isEmpty()) {
      return;
    }
    h.append("<table class=\"attrs\">");
    attributes.forEach((k, val) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(val)).append("</td></tr>"));
    h.append("</table>");
  }

  private static String chip(String service, Map<String, String> colors) {
    return "<span class=\"chip\" style=\"background:" + colors.getOrDefault(service, PALETTE[0]) + "\"></span>";
  }

  private static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String millis(long nanos) {
    double ms = nanos / 1_000_000.0;
    return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.2f ms", ms);
  }

  /** Escapes text for HTML element content and double-quoted attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append("&#xFFFD;");
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static final String CSS =
      """
      :root{--fg:#1d2330;--muted:#6b7280;--bad:#c0392b;--ok:#2e7d32;--warn:#b7791f;--line:#e5e7eb}
      *{box-sizing:border-box}
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0 24px 48px}
      header{margin:0 -24px 16px;padding:14px 24px;color:#fff}
      header.pass{background:var(--ok)} header.fail{background:var(--bad)}
      header h1{margin:0;font-size:22px} header .muted{color:#eef}
      h2{font-size:17px;margin:22px 0 8px} h3{font-size:14px;margin:0}
      .muted{color:var(--muted)} code{font:12px ui-monospace,Menlo,Consolas,monospace}
      .cards{display:flex;flex-wrap:wrap;gap:12px}
      .card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:150px}
      .card .value{font-size:24px;font-weight:600} .card .label{color:var(--muted)}
      table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
      th{font-weight:600;background:#f7f7f9} td.num{text-align:right;white-space:nowrap}
      tr.bad td{background:#fdf0ee} tr.error td:first-child{color:var(--bad)} tr.warning td:first-child{color:var(--warn)}
      table.attrs{width:auto;margin:4px 0} table.attrs td{font:12px ui-monospace,monospace;padding:1px 6px;border:none}
      #failures li{color:var(--bad)} #failures li.env{color:var(--warn)}
      .trace{border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:8px 10px}
      .trace.has-problems{border-color:#e8b4ad}
      .trace-head{cursor:pointer} .trace.collapsed .waterfall,.trace.collapsed .problems{display:none}
      .problems{color:var(--bad);margin:4px 0 4px 18px;padding:0}
      .span-row{display:grid;grid-template-columns:minmax(260px,40%) 1fr;align-items:start;border-top:1px dotted var(--line);padding:2px 0}
      .span-row.flagged .label{color:var(--bad)}
      .label details{display:inline} .label summary{display:inline;cursor:pointer}
      .kind{font:10px ui-monospace,monospace;color:var(--muted)}
      .track{position:relative;height:18px;margin-top:2px;background:#fafafa}
      .bar{position:absolute;top:3px;height:12px;border-radius:3px;min-width:2px}
      .dur{position:absolute;right:4px;top:0;font-size:11px;color:var(--muted)}
      .log-row{font:12px ui-monospace,Menlo,Consolas,monospace;padding:1px 0;white-space:pre-wrap;word-break:break-word}
      .log-row.unjoined{background:#fdf0ee}
      .log-row .t{color:var(--muted)} .log-row .sev{font-weight:600}
      .chip{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:baseline}
      .badge{font-size:11px;border-radius:3px;padding:0 4px;color:#fff}
      .badge.bad{background:var(--bad)} .badge.warn{background:var(--warn)}
      .empty{color:var(--muted);font-style:italic}
      """;

  private static final String JS =
      """
      (function(){
        var traces=[].slice.call(document.querySelectorAll('section.trace'));
        var shown=document.getElementById('shown-traces');
        var only=document.getElementById('only-problems');
        function refresh(){
          var n=0;
          traces.forEach(function(t){
            var hide=only.checked&&!t.classList.contains('has-problems');
            t.style.display=hide?'none':'';
            if(!hide){n++;}
          });
          shown.textContent=String(n);
        }
        only.addEventListener('change',refresh);
        traces.forEach(function(t){
          t.querySelector('.trace-head').addEventListener('click',function(){t.classList.toggle('collapsed');});
        });
        document.body.setAttribute('data-ready','true');
      })();
      """;
}
