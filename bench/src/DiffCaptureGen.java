import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic capture for bench/diff.sh: OTLP JSON lines as `otelboard verify --capture`
 * writes them, 256 spans (or log records) of one service per line. Every trace is a checkout:
 *
 * <pre>
 * frontend  SERVER GET /api/orders/{id} -> CLIENT POST /checkout
 * checkout  SERVER POST /checkout -> CLIENT postgresql SELECT, CLIENT POST /reserve
 * inventory SERVER POST /reserve -> INTERNAL Stock.lookup
 * </pre>
 *
 * plus two log records per trace with trace context (one from an executor thread). Variant b is
 * the same traffic with what a botched migration loses: checkout's call to inventory is not
 * instrumented (no CLIENT span, inventory's SERVER span starts its own trace), the executor is not
 * wrapped (its log records carry no trace context), and no span has thread.name.
 *
 * <p>Usage: java DiffCaptureGen.java OUT.jsonl SPANS a|b
 */
public final class DiffCaptureGen {
  private static final int BATCH = 256;

  private final BufferedWriter out;
  private final boolean broken;
  private final SplittableRandom random = new SplittableRandom(42);
  private final Map<String, StringBuilder> spanLines = new HashMap<>();
  private final Map<String, Integer> spanCounts = new HashMap<>();
  private final Map<String, StringBuilder> logLines = new HashMap<>();
  private final Map<String, Integer> logCounts = new HashMap<>();
  private long spans;
  private long logs;
  private long now = 1_764_000_000_000_000_000L;

  private DiffCaptureGen(BufferedWriter out, boolean broken) {
    this.out = out;
    this.broken = broken;
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    long target = Long.parseLong(args[1]);
    boolean broken = args[2].equals("b");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      DiffCaptureGen g = new DiffCaptureGen(w, broken);
      while (g.spans < target) {
        g.trace();
      }
      g.flushAll();
      System.err.printf(Locale.ROOT, "wrote %s: %,d spans, %,d log records, %,d MB%n", file, g.spans, g.logs,
          Files.size(file) / 1_000_000);
    }
  }

  private void trace() throws IOException {
    String trace = hex(random.nextLong()) + hex(random.nextLong());
    String order = "ord-" + random.nextInt(1_000_000);
    now += 1_000_000;
    String fe = span("frontend", trace, "", "GET /api/orders/{id}", 2, "io.opentelemetry.servlet-5.0",
        server("GET", "/api/orders/{id}", "/api/orders/" + order, 200));
    String feClient = span("frontend", trace, fe, "POST", 3, "io.opentelemetry.java-http-client",
        client("POST", "http://checkout:8080/checkout", 201));
    String co = span("checkout", trace, feClient, "POST /checkout", 2, "io.opentelemetry.servlet-5.0",
        server("POST", "/checkout", "/checkout", 201));
    span("checkout", trace, co, "SELECT orders", 3, "io.opentelemetry.jdbc",
        "{\"key\":\"db.system.name\",\"value\":{\"stringValue\":\"postgresql\"}},"
            + "{\"key\":\"db.operation.name\",\"value\":{\"stringValue\":\"SELECT\"}},"
            + "{\"key\":\"db.collection.name\",\"value\":{\"stringValue\":\"orders\"}},"
            + "{\"key\":\"db.query.text\",\"value\":{\"stringValue\":\"select * from orders where id = ?\"}}");
    String parent = "";
    if (!broken) {
      parent = span("checkout", trace, co, "POST", 3, "io.opentelemetry.okhttp-3.0",
          client("POST", "http://inventory:8081/reserve", 200));
    }
    // Without the CLIENT span nothing propagates: inventory's request starts a trace of its own.
    String invTrace = broken ? hex(random.nextLong()) + hex(random.nextLong()) : trace;
    String inv = span("inventory", invTrace, parent, "POST /reserve", 2, "io.opentelemetry.servlet-5.0",
        server("POST", "/reserve", "/reserve", 200));
    span("inventory", invTrace, inv, "Stock.lookup", 1, "com.example.inventory", "");
    log("checkout", trace, co, "com.example.checkout.CheckoutHandler", "order " + order + " placed for 2 x ABC-1");
    log("checkout", broken ? "" : trace, broken ? "" : co, "com.example.checkout.ConfirmationSender",
        "confirmation for " + order + " sent in " + random.nextInt(50) + " ms");
  }

  private String server(String method, String route, String path, int status) {
    return "{\"key\":\"http.request.method\",\"value\":{\"stringValue\":\"" + method + "\"}},"
        + "{\"key\":\"http.route\",\"value\":{\"stringValue\":\"" + route + "\"}},"
        + "{\"key\":\"url.path\",\"value\":{\"stringValue\":\"" + path + "\"}},"
        + "{\"key\":\"url.scheme\",\"value\":{\"stringValue\":\"http\"}},"
        + "{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\"" + status + "\"}},"
        + "{\"key\":\"server.address\",\"value\":{\"stringValue\":\"10.0.0.7\"}},"
        + "{\"key\":\"client.address\",\"value\":{\"stringValue\":\"10.0.3." + random.nextInt(250) + "\"}},"
        + "{\"key\":\"user_agent.original\",\"value\":{\"stringValue\":\"Java-http-client/17.0.15\"}}";
  }

  private String client(String method, String url, int status) {
    return "{\"key\":\"http.request.method\",\"value\":{\"stringValue\":\"" + method + "\"}},"
        + "{\"key\":\"url.full\",\"value\":{\"stringValue\":\"" + url + "\"}},"
        + "{\"key\":\"server.address\",\"value\":{\"stringValue\":\"" + url.substring(7, url.indexOf(':', 7)) + "\"}},"
        + "{\"key\":\"server.port\",\"value\":{\"intValue\":\"8080\"}},"
        + "{\"key\":\"network.protocol.version\",\"value\":{\"stringValue\":\"1.1\"}},"
        + "{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\"" + status + "\"}}";
  }

  private String span(String service, String trace, String parent, String name, int kind, String scope, String attrs)
      throws IOException {
    String id = hex(random.nextLong());
    StringBuilder b = spanLines.computeIfAbsent(service, s -> new StringBuilder(256 * 1024));
    if (b.length() == 0) {
      b.append("{\"resourceSpans\":[{").append(resource(service)).append(",\"scopeSpans\":[{\"scope\":{\"name\":\"")
          .append(scope).append("\"},\"spans\":[");
    } else {
      b.append(',');
    }
    long start = now + random.nextInt(1000);
    String thread = broken ? "" : "{\"key\":\"thread.name\",\"value\":{\"stringValue\":\"http-nio-" + random.nextInt(16) + "\"}},"
        + "{\"key\":\"thread.id\",\"value\":{\"intValue\":\"" + random.nextInt(200) + "\"}}";
    String all = attrs.isEmpty() ? thread : thread.isEmpty() ? attrs : attrs + "," + thread;
    b.append("{\"traceId\":\"").append(trace).append("\",\"spanId\":\"").append(id).append('"');
    if (!parent.isEmpty()) {
      b.append(",\"parentSpanId\":\"").append(parent).append('"');
    }
    b.append(",\"name\":\"").append(name).append("\",\"kind\":").append(kind)
        .append(",\"startTimeUnixNano\":\"").append(start).append("\",\"endTimeUnixNano\":\"")
        .append(start + 100_000 + random.nextInt(5_000_000)).append("\",\"attributes\":[").append(all)
        .append("],\"status\":{}}");
    spans++;
    int n = spanCounts.merge(service, 1, Integer::sum);
    if (n == BATCH) {
      out.append(b).append("]}]}]}\n");
      b.setLength(0);
      spanCounts.put(service, 0);
    }
    return id;
  }

  private void log(String service, String trace, String span, String logger, String body) throws IOException {
    String line = service + "|" + logger;
    StringBuilder b = logLines.computeIfAbsent(line, s -> new StringBuilder(128 * 1024));
    if (b.length() == 0) {
      b.append("{\"resourceLogs\":[{").append(resource(service)).append(",\"scopeLogs\":[{\"scope\":{\"name\":\"")
          .append(logger).append("\"},\"logRecords\":[");
    } else {
      b.append(',');
    }
    b.append("{\"timeUnixNano\":\"").append(now).append("\",\"severityNumber\":9,\"severityText\":\"INFO\",")
        .append("\"body\":{\"stringValue\":\"").append(body).append("\"}");
    if (!trace.isEmpty()) {
      b.append(",\"traceId\":\"").append(trace).append("\",\"spanId\":\"").append(span).append("\",\"flags\":1");
    }
    b.append('}');
    logs++;
    int n = logCounts.merge(line, 1, Integer::sum);
    if (n == BATCH) {
      out.append(b).append("]}]}]}\n");
      b.setLength(0);
      logCounts.put(line, 0);
    }
  }

  private static String resource(String service) {
    return "\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"" + service + "\"}},"
        + "{\"key\":\"telemetry.sdk.name\",\"value\":{\"stringValue\":\"opentelemetry\"}},"
        + "{\"key\":\"telemetry.sdk.version\",\"value\":{\"stringValue\":\"1.65.0\"}},"
        + "{\"key\":\"host.name\",\"value\":{\"stringValue\":\"node-1\"}}]}";
  }

  private void flushAll() throws IOException {
    for (StringBuilder b : spanLines.values()) {
      if (b.length() > 0) {
        out.append(b).append("]}]}]}\n");
      }
    }
    for (StringBuilder b : logLines.values()) {
      if (b.length() > 0) {
        out.append(b).append("]}]}]}\n");
      }
    }
  }

  private static String hex(long v) {
    String s = Long.toHexString(v);
    return "0000000000000000".substring(s.length()) + s;
  }
}
