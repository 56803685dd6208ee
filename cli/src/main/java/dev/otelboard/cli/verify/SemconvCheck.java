package dev.otelboard.cli.verify;

import dev.otelboard.cli.verify.Verdict.Example;
import dev.otelboard.cli.verify.Verdict.SemconvFinding;
import dev.otelboard.collector.sink.CaptureSink.CapturedLog;
import dev.otelboard.collector.sink.CaptureSink.CapturedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks captured spans against the stable HTTP semantic conventions (1.23+) and log records for
 * severity and body. An HTTP span is a SERVER or CLIENT span with an {@code http.*} or {@code
 * url.*} attribute; a span of another kind with such attributes is flagged for its kind.
 *
 * <ul>
 *   <li>both kinds: {@code http.request.method}; {@code http.response.status_code} unless {@code
 *       error.type} says why there is none;
 *   <li>CLIENT: {@code url.full} and {@code server.address} (both required);
 *   <li>SERVER: {@code url.path} and {@code url.scheme} (required), {@code server.address}
 *       (recommended: a warning);
 *   <li>pre-1.0 names ({@code http.method}, {@code http.url}, {@code http.status_code}, {@code
 *       net.peer.name}...) are warnings naming their replacement.
 * </ul>
 */
final class SemconvCheck {
  static final String ERROR = "error";
  static final String WARNING = "warning";

  /** Deprecated attribute -> its stable replacement. */
  static final Map<String, String> DEPRECATED = deprecated();

  private final Map<String, Rule> rules = new LinkedHashMap<>();
  private long httpSpans;
  private long httpClientSpans;
  private long httpServerSpans;
  private long logs;

  private static Map<String, String> deprecated() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("http.method", "http.request.method");
    m.put("http.url", "url.full");
    m.put("http.status_code", "http.response.status_code");
    m.put("http.target", "url.path and url.query");
    m.put("http.scheme", "url.scheme");
    m.put("http.host", "server.address");
    m.put("http.user_agent", "user_agent.original");
    m.put("http.flavor", "network.protocol.version");
    m.put("http.client_ip", "client.address");
    m.put("http.request_content_length", "http.request.body.size");
    m.put("http.response_content_length", "http.response.body.size");
    m.put("net.peer.name", "server.address");
    m.put("net.peer.port", "server.port");
    m.put("net.host.name", "server.address");
    m.put("net.host.port", "server.port");
    m.put("net.sock.peer.addr", "network.peer.address");
    m.put("net.sock.peer.port", "network.peer.port");
    return Map.copyOf(m);
  }

  /** The findings over {@code spans} and {@code logs}: errors first, then by count. */
  static List<SemconvFinding> check(List<CapturedSpan> spans, List<CapturedLog> logs) {
    SemconvCheck check = new SemconvCheck();
    spans.forEach(check::span);
    logs.forEach(check::log);
    return check.findings();
  }

  private void span(CapturedSpan s) {
    Map<String, String> a = s.attributes();
    boolean http = a.keySet().stream().anyMatch(k -> k.startsWith("http.") || k.startsWith("url."));
    if (!http) {
      return;
    }
    httpSpans++;
    if (s.kind() != SpanKinds.SERVER && s.kind() != SpanKinds.CLIENT) {
      hit("http-span-kind", WARNING,
          "HTTP spans must be SERVER or CLIENT; kind " + SpanKinds.name(s.kind())
              + " hides them from service maps and from the CLIENT/SERVER join",
          s);
    } else {
      boolean client = s.kind() == SpanKinds.CLIENT;
      if (client) {
        httpClientSpans++;
      } else {
        httpServerSpans++;
      }
      String side = client ? "http-client-" : "http-server-";
      String role = client ? "HTTP CLIENT" : "HTTP SERVER";
      requireAttr(s, side + "http.request.method", "http.request.method", role);
      if (!a.containsKey("http.response.status_code") && !a.containsKey("error.type")) {
        hit(side + "http.response.status_code", ERROR,
            role + " spans need http.response.status_code (or error.type when no response came)", s);
      }
      if (client) {
        requireAttr(s, side + "url.full", "url.full", role);
        requireAttr(s, side + "server.address", "server.address", role);
      } else {
        requireAttr(s, side + "url.path", "url.path", role);
        requireAttr(s, side + "url.scheme", "url.scheme", role);
        if (!a.containsKey("server.address")) {
          hit(side + "server.address", WARNING,
              "HTTP SERVER spans should have server.address (recommended)", s);
        }
      }
    }
    for (Map.Entry<String, String> d : DEPRECATED.entrySet()) {
      if (a.containsKey(d.getKey())) {
        hit("deprecated-" + d.getKey(), WARNING,
            d.getKey() + " is a pre-1.0 HTTP attribute; the stable name is " + d.getValue(), s);
      }
    }
  }

  private void requireAttr(CapturedSpan s, String rule, String attribute, String role) {
    if (!s.attributes().containsKey(attribute)) {
      hit(rule, ERROR, role + " spans need " + attribute + " (required)", s);
    }
  }

  private void log(CapturedLog l) {
    logs++;
    if (l.severityNumber() == 0 && (l.severityText() == null || l.severityText().isEmpty())) {
      hitLog("log-severity", "log records need a severity (severity_number or severity_text)", l);
    }
    if (l.body() == null || l.body().isBlank()) {
      hitLog("log-body", "log records need a body: the message", l);
    }
  }

  private void hit(String rule, String severity, String message, CapturedSpan s) {
    rules.computeIfAbsent(rule, r -> new Rule(rule, severity, message, example(s))).count++;
  }

  private void hitLog(String rule, String message, CapturedLog l) {
    rules.computeIfAbsent(rule, r -> new Rule(rule, WARNING, message, example(l))).count++;
  }

  private List<SemconvFinding> findings() {
    List<SemconvFinding> out = new ArrayList<>();
    for (Rule r : rules.values()) {
      long checked;
      if (r.id.startsWith("log-")) {
        checked = logs;
      } else if (r.id.startsWith("http-client-")) {
        checked = httpClientSpans;
      } else if (r.id.startsWith("http-server-")) {
        checked = httpServerSpans;
      } else {
        checked = httpSpans;
      }
      out.add(new SemconvFinding(r.id, r.severity, r.message, r.count, checked, r.example));
    }
    out.sort(
        Comparator.comparing((SemconvFinding f) -> ERROR.equals(f.severity()) ? 0 : 1)
            .thenComparing(Comparator.comparingLong(SemconvFinding::count).reversed())
            .thenComparing(SemconvFinding::rule));
    return out;
  }

  static Example example(CapturedSpan s) {
    return new Example(
        s.service(), s.name(), SpanKinds.name(s.kind()), s.traceId(), s.spanId(), s.attributes());
  }

  static Example example(CapturedLog l) {
    String body = l.body() == null ? "" : l.body();
    return new Example(
        l.service(),
        body.length() > 120 ? body.substring(0, 120) + "..." : body,
        "LOG",
        l.traceId(),
        l.spanId(),
        l.attributes());
  }

  private static final class Rule {
    final String id;
    final String severity;
    final String message;
    final Example example;
    long count;

    Rule(String id, String severity, String message, Example example) {
      this.id = id;
      this.severity = severity;
      this.message = message;
      this.example = example;
    }
  }
}
