package dev.otelboard.cli.generate;

import dev.otelboard.cli.fleet.Fleet.LogRules;
import dev.otelboard.cli.fleet.Fleet.Service;
import dev.otelboard.cli.generate.CollectorModel.FilterProcessor;
import dev.otelboard.cli.generate.CollectorModel.Group;
import dev.otelboard.cli.generate.CollectorModel.ServiceRules;
import dev.otelboard.cli.generate.CollectorModel.TransformProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns one service's settings into OTTL: a {@code transform/<service>} processor whose every
 * group is guarded by {@code resource.attributes["service.name"] == "<service>"}, and a
 * {@code filter/<service>} processor dropping its health-check spans and logs. Every path carries
 * its context prefix and every group names its context, so the rules read the same to the
 * collector (>= 0.120), to otelboard's validator and to the sandbox collector.
 */
public final class TransformRules {
  /** Where text-body extraction puts a trace id found in the body (a cache key). */
  static final String CACHED_TRACE_ID = "otelboardTraceId";
  /** Where text-body extraction puts a span id found in the body (a cache key). */
  static final String CACHED_SPAN_ID = "otelboardSpanId";
  static final String EMPTY_TRACE_ID = "TraceID(0x00000000000000000000000000000000)";
  static final String EMPTY_SPAN_ID = "SpanID(0x0000000000000000)";

  private TransformRules() {}

  /** The processor id for a service, e.g. {@code transform/checkout-service}. */
  public static String transformId(String service) {
    return "transform/" + service;
  }

  /** The filter processor id for a service, e.g. {@code filter/checkout-service}. */
  public static String filterId(String service) {
    return "filter/" + service;
  }

  /** The condition every rule of {@code service} runs under. */
  public static String guard(String service) {
    return "resource.attributes[\"service.name\"] == " + str(service);
  }

  /** The rules of one service; processors with nothing to do are null. */
  public static ServiceRules of(Service s) {
    List<String> guard = List.of(guard(s.name()));
    List<Group> traces = new ArrayList<>();
    List<Group> metrics = new ArrayList<>();
    List<Group> logs = new ArrayList<>();

    List<String> resource = resourceStatements(s);
    if (!resource.isEmpty()) {
      for (List<Group> signal : List.of(traces, metrics, logs)) {
        signal.add(new Group("resource", guard, resource));
      }
    }
    List<String> span = redactions("span", s);
    if (!span.isEmpty()) {
      traces.add(new Group("span", guard, span));
    }
    List<String> log = logStatements(s);
    if (!log.isEmpty()) {
      logs.add(new Group("log", guard, log));
    }
    addUserStatements(s, "traces", guard, traces);
    addUserStatements(s, "metrics", guard, metrics);
    addUserStatements(s, "logs", guard, logs);

    TransformProcessor transform = new TransformProcessor(transformId(s.name()), traces, metrics,
        logs);
    FilterProcessor filter = null;
    if (!s.healthCheckPaths().isEmpty()) {
      String regex = healthRegex(s.healthCheckPaths());
      String g = guard(s.name());
      filter = new FilterProcessor(filterId(s.name()),
          List.of(g + " and (IsMatch(span.attributes[\"url.path\"], " + str(regex)
              + ") or IsMatch(span.attributes[\"http.route\"], " + str(regex)
              + ") or IsMatch(span.attributes[\"http.target\"], " + str(regex) + "))"),
          List.of(g + " and (IsMatch(log.attributes[\"url.path\"], " + str(regex)
              + ") or IsMatch(log.attributes[\"http.target\"], " + str(regex) + "))"));
    }
    return new ServiceRules(s.name(), transform.isEmpty() ? null : transform, filter);
  }

  private static List<String> resourceStatements(Service s) {
    List<String> out = new ArrayList<>();
    if (s.namespace() != null && !s.namespace().isBlank()) {
      out.add(setIfMissing("service.namespace", s.namespace()));
    }
    if (s.environment() != null && !s.environment().isBlank()) {
      out.add(setIfMissing("deployment.environment.name", s.environment()));
    }
    return out;
  }

  private static String setIfMissing(String key, String value) {
    String path = "resource.attributes[" + str(key) + "]";
    return "set(" + path + ", " + str(value) + ") where " + path + " == nil";
  }

  /** Parse JSON bodies, lift legacy trace context, then redact (JSON may carry secrets too). */
  private static List<String> logStatements(Service s) {
    List<String> out = new ArrayList<>();
    LogRules rules = s.logs();
    if (rules.parseJsonBody()) {
      out.add("merge_maps(log.attributes, ParseJSON(log.body), \"insert\") where IsString(log.body)"
          + " and IsMatch(log.body, " + str("^\\s*\\{") + ")");
    }
    if (rules.liftTraceContext()
        && !(rules.traceIdKeys().isEmpty() && rules.spanIdKeys().isEmpty())) {
      String emptyTrace = "log.trace_id == " + EMPTY_TRACE_ID;
      String emptySpan = "log.span_id == " + EMPTY_SPAN_ID;
      // ids written into text bodies: "traceId=...", "trace_id: ...", "\"traceId\":\"...\""
      if (!rules.traceIdKeys().isEmpty()) {
        out.add("merge_maps(log.cache, ExtractPatterns(log.body, "
            + str(idPattern(rules.traceIdKeys(), CACHED_TRACE_ID, 32)) + "), \"upsert\") where "
            + emptyTrace + " and IsString(log.body)");
      }
      if (!rules.spanIdKeys().isEmpty()) {
        out.add("merge_maps(log.cache, ExtractPatterns(log.body, "
            + str(idPattern(rules.spanIdKeys(), CACHED_SPAN_ID, 16)) + "), \"upsert\") where "
            + emptySpan + " and IsString(log.body)");
      }
      for (String key : rules.traceIdKeys()) {
        out.add(lift("trace_id", "log.attributes[" + str(key) + "]", emptyTrace, 32));
      }
      if (!rules.traceIdKeys().isEmpty()) {
        out.add(lift("trace_id", "log.cache[" + str(CACHED_TRACE_ID) + "]", emptyTrace, 32));
      }
      for (String key : rules.spanIdKeys()) {
        out.add(lift("span_id", "log.attributes[" + str(key) + "]", emptySpan, 16));
      }
      if (!rules.spanIdKeys().isEmpty()) {
        out.add(lift("span_id", "log.cache[" + str(CACHED_SPAN_ID) + "]", emptySpan, 16));
      }
    }
    out.addAll(redactions("log", s));
    return out;
  }

  private static String lift(String field, String source, String emptyGuard, int hexDigits) {
    return "set(log." + field + ".string, " + source + ") where " + emptyGuard + " and IsMatch("
        + source + ", " + str("^[0-9a-fA-F]{" + hexDigits + "}$") + ")";
  }

  /** An RE2 pattern with one named group capturing the id after any of {@code keys}. */
  static String idPattern(List<String> keys, String group, int hexDigits) {
    String alternatives = keys.stream().map(TransformRules::quoteRegex)
        .collect(Collectors.joining("|"));
    return "(?:" + alternatives + ")[\"']?\\s*[=:]\\s*[\"']?(?P<" + group + ">[0-9a-fA-F]{"
        + hexDigits + "})\\b";
  }

  private static List<String> redactions(String context, Service s) {
    List<String> out = new ArrayList<>();
    for (String key : s.redactKeys()) {
      out.add("delete_key(" + context + ".attributes, " + str(key) + ")");
    }
    for (String key : s.hashKeys()) {
      String path = context + ".attributes[" + str(key) + "]";
      out.add("set(" + path + ", SHA256(" + path + ")) where IsString(" + path + ")");
    }
    return out;
  }

  private static void addUserStatements(Service s, String signal, List<String> guard,
      List<Group> groups) {
    List<String> statements = s.statements().getOrDefault(signal, List.of());
    if (!statements.isEmpty()) {
      groups.add(new Group(null, guard, statements));
    }
  }

  static String healthRegex(List<String> paths) {
    return "^(?:" + paths.stream().map(TransformRules::quoteRegex)
        .collect(Collectors.joining("|")) + ")/?(?:\\?.*)?$";
  }

  private static String quoteRegex(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ("\\.+*?()[]{}|^$".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** An OTTL string literal: backslashes and quotes escaped as Go's strconv.Unquote expects. */
  static String str(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
