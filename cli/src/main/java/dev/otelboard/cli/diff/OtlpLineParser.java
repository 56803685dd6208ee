package dev.otelboard.cli.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one line of a capture, an OTLP export request in the OTLP JSON encoding (the shape of
 * the collector's file exporter and of {@code otelboard collector --output}), straight from its
 * bytes ({@link JsonCursor}): spans and log records go to the {@link RunAggregator} one by one,
 * nothing of the line is kept, and only the values a group key or a summary needs become strings.
 * Field names are accepted in lowerCamelCase and snake_case, enums as numbers or names, ids as hex
 * (OTLP JSON) or base64 (plain protobuf JSON). Metrics requests are counted and skipped.
 */
final class OtlpLineParser {
  private static final byte[] RESOURCE_SPANS = ascii("resourceSpans");
  private static final byte[] RESOURCE_SPANS_ = ascii("resource_spans");
  private static final byte[] RESOURCE_LOGS = ascii("resourceLogs");
  private static final byte[] RESOURCE_LOGS_ = ascii("resource_logs");
  private static final byte[] RESOURCE_METRICS = ascii("resourceMetrics");
  private static final byte[] RESOURCE_METRICS_ = ascii("resource_metrics");
  private static final byte[] RESOURCE = ascii("resource");
  private static final byte[] ATTRIBUTES = ascii("attributes");
  private static final byte[] SCOPE_SPANS = ascii("scopeSpans");
  private static final byte[] SCOPE_SPANS_ = ascii("scope_spans");
  private static final byte[] LIBRARY_SPANS = ascii("instrumentationLibrarySpans");
  private static final byte[] SCOPE_LOGS = ascii("scopeLogs");
  private static final byte[] SCOPE_LOGS_ = ascii("scope_logs");
  private static final byte[] LIBRARY_LOGS = ascii("instrumentationLibraryLogs");
  private static final byte[] SCOPE = ascii("scope");
  private static final byte[] LIBRARY = ascii("instrumentationLibrary");
  private static final byte[] SPANS = ascii("spans");
  private static final byte[] LOG_RECORDS = ascii("logRecords");
  private static final byte[] LOG_RECORDS_ = ascii("log_records");
  private static final byte[] NAME = ascii("name");
  private static final byte[] TRACE_ID = ascii("traceId");
  private static final byte[] TRACE_ID_ = ascii("trace_id");
  private static final byte[] SPAN_ID = ascii("spanId");
  private static final byte[] SPAN_ID_ = ascii("span_id");
  private static final byte[] PARENT_SPAN_ID = ascii("parentSpanId");
  private static final byte[] PARENT_SPAN_ID_ = ascii("parent_span_id");
  private static final byte[] KIND = ascii("kind");
  private static final byte[] START = ascii("startTimeUnixNano");
  private static final byte[] START_ = ascii("start_time_unix_nano");
  private static final byte[] END = ascii("endTimeUnixNano");
  private static final byte[] END_ = ascii("end_time_unix_nano");
  private static final byte[] STATUS = ascii("status");
  private static final byte[] CODE = ascii("code");
  private static final byte[] BODY = ascii("body");
  private static final byte[] KEY = ascii("key");
  private static final byte[] VALUE = ascii("value");
  private static final List<String> KINDS = List.of("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER");
  private static final List<String> STATUS_CODES = List.of("UNSET", "OK", "ERROR");

  private final JsonCursor json = new JsonCursor();
  private final RunAggregator sink;
  private final List<SpanRecord> spans = new ArrayList<>();
  private int spanCount;
  private final List<LogData> logs = new ArrayList<>();
  private int logCount;
  private final List<String> resourceKeys = new ArrayList<>();
  private final List<String> resourceValues = new ArrayList<>();
  private final long[] id = new long[2];
  private final String[] interned = new String[4096];

  OtlpLineParser(RunAggregator sink) {
    this.sink = sink;
  }

  /** Thrown for a line that is not an OTLP JSON export request; the message says why. */
  static class BadLineException extends Exception {
    private static final long serialVersionUID = 1L;

    BadLineException(String message) {
      super(message);
    }
  }

  /** A log record of the current line, reused like {@link SpanRecord}. */
  private static final class LogData {
    long traceHi;
    long traceLo;
    long spanId;
    String body = "";
    String scope = "";
  }

  /** Parses {@code bytes[offset..offset+length)}; {@code lastWithoutNewline} words the error of a cut-off file. */
  void parse(byte[] bytes, int offset, int length, boolean lastWithoutNewline) throws BadLineException {
    json.reset(bytes, offset, length);
    try {
      int c = json.peek();
      if (c != '{') {
        boolean otherJson = c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f'
            || c == 'n';
        throw new BadLineException(otherJson
            ? "not OTLP JSON: a line must be one JSON object, an OTLP export request"
            : "not JSON: expected '{' at column 1, found " + (c >= 0x20 && c < 0x7f ? "'" + (char) c + "'"
                : String.format("byte 0x%02x", c & 0xff)));
      }
      json.enterObject("the line");
      boolean known = false;
      while (json.nextField()) {
        if (json.name(RESOURCE_SPANS) || json.name(RESOURCE_SPANS_)) {
          known = true;
          for (json.enterArray("resourceSpans"); json.nextElement(); ) {
            resourceSpans();
          }
        } else if (json.name(RESOURCE_LOGS) || json.name(RESOURCE_LOGS_)) {
          known = true;
          for (json.enterArray("resourceLogs"); json.nextElement(); ) {
            resourceLogs();
          }
        } else if (json.name(RESOURCE_METRICS) || json.name(RESOURCE_METRICS_)) {
          known = true;
          sink.metricsLine();
          json.skipValue();
        } else {
          json.skipValue();
        }
      }
      if (!known) {
        throw new BadLineException(
            "not OTLP JSON: the object has no resourceSpans, resourceLogs or resourceMetrics");
      }
      if (!json.atEnd()) {
        throw new BadLineException("not OTLP JSON: more than one JSON value on the line");
      }
    } catch (JsonCursor.EndOfLineException e) {
      throw new BadLineException(
          lastWithoutNewline
              ? "truncated line: the file ends inside a JSON value (was the capture cut off?)"
              : "truncated line: it ends inside a JSON value");
    }
  }

  private void resourceSpans() throws BadLineException {
    spanCount = 0;
    resourceKeys.clear();
    resourceValues.clear();
    for (json.enterObject("a resourceSpans element"); json.nextField(); ) {
      if (json.name(RESOURCE)) {
        resource();
      } else if (json.name(SCOPE_SPANS) || json.name(SCOPE_SPANS_) || json.name(LIBRARY_SPANS)) {
        for (json.enterArray("scopeSpans"); json.nextElement(); ) {
          scopeSpans();
        }
      } else {
        json.skipValue();
      }
    }
    RunAggregator.Service service = sink.resource(resourceKeys, resourceValues);
    for (int i = 0; i < spanCount; i++) {
      sink.span(service, spans.get(i));
    }
  }

  private void resource() throws BadLineException {
    for (json.enterObject("resource"); json.nextField(); ) {
      if (json.name(ATTRIBUTES)) {
        attributes(resourceKeys, resourceValues, true);
      } else {
        json.skipValue();
      }
    }
  }

  private void scopeSpans() throws BadLineException {
    int first = spanCount;
    String scope = "";
    for (json.enterObject("a scopeSpans element"); json.nextField(); ) {
      if (json.name(SCOPE) || json.name(LIBRARY)) {
        scope = scopeName();
      } else if (json.name(SPANS)) {
        for (json.enterArray("spans"); json.nextElement(); ) {
          span(nextSpan());
        }
      } else {
        json.skipValue();
      }
    }
    for (int i = first; i < spanCount; i++) {
      spans.get(i).scope = scope;
    }
  }

  private SpanRecord nextSpan() {
    if (spanCount == spans.size()) {
      spans.add(new SpanRecord());
    }
    SpanRecord s = spans.get(spanCount++);
    s.reset();
    return s;
  }

  private void span(SpanRecord s) throws BadLineException {
    for (json.enterObject("a span"); json.nextField(); ) {
      if (json.name(TRACE_ID) || json.name(TRACE_ID_)) {
        Ids.read(json, 16, "traceId", id);
        s.traceHi = id[0];
        s.traceLo = id[1];
      } else if (json.name(SPAN_ID) || json.name(SPAN_ID_)) {
        s.spanId = Ids.read(json, 8, "spanId", id);
      } else if (json.name(PARENT_SPAN_ID) || json.name(PARENT_SPAN_ID_)) {
        s.parentId = Ids.read(json, 8, "parentSpanId", id);
      } else if (json.name(NAME)) {
        s.name = json.text();
      } else if (json.name(KIND)) {
        s.kind = enumValue("SPAN_KIND_", KINDS);
      } else if (json.name(START) || json.name(START_)) {
        s.startNanos = json.unsigned();
      } else if (json.name(END) || json.name(END_)) {
        s.endNanos = json.unsigned();
      } else if (json.name(ATTRIBUTES)) {
        attributes(s.keys, s.values, false);
      } else if (json.name(STATUS)) {
        s.statusCode = statusCode();
      } else {
        json.skipValue();
      }
    }
  }

  private int statusCode() throws BadLineException {
    int code = 0;
    for (json.enterObject("status"); json.nextField(); ) {
      if (json.name(CODE)) {
        code = enumValue("STATUS_CODE_", STATUS_CODES);
      } else {
        json.skipValue();
      }
    }
    return code;
  }

  private int enumValue(String prefix, List<String> names) throws BadLineException {
    String text = json.text();
    if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    int i = names.indexOf(text.startsWith(prefix) ? text.substring(prefix.length()) : text);
    return Math.max(i, 0);
  }

  private void resourceLogs() throws BadLineException {
    logCount = 0;
    resourceKeys.clear();
    resourceValues.clear();
    for (json.enterObject("a resourceLogs element"); json.nextField(); ) {
      if (json.name(RESOURCE)) {
        resource();
      } else if (json.name(SCOPE_LOGS) || json.name(SCOPE_LOGS_) || json.name(LIBRARY_LOGS)) {
        for (json.enterArray("scopeLogs"); json.nextElement(); ) {
          scopeLogs();
        }
      } else {
        json.skipValue();
      }
    }
    RunAggregator.Service service = sink.resource(resourceKeys, resourceValues);
    for (int i = 0; i < logCount; i++) {
      LogData l = logs.get(i);
      sink.log(service, l.scope, l.traceHi, l.traceLo, l.spanId, l.body);
    }
  }

  private void scopeLogs() throws BadLineException {
    int first = logCount;
    String scope = "";
    for (json.enterObject("a scopeLogs element"); json.nextField(); ) {
      if (json.name(SCOPE) || json.name(LIBRARY)) {
        scope = scopeName();
      } else if (json.name(LOG_RECORDS) || json.name(LOG_RECORDS_)) {
        for (json.enterArray("logRecords"); json.nextElement(); ) {
          logRecord(nextLog());
        }
      } else {
        json.skipValue();
      }
    }
    for (int i = first; i < logCount; i++) {
      logs.get(i).scope = scope;
    }
  }

  private LogData nextLog() {
    if (logCount == logs.size()) {
      logs.add(new LogData());
    }
    LogData l = logs.get(logCount++);
    l.traceHi = 0;
    l.traceLo = 0;
    l.spanId = 0;
    l.body = "";
    l.scope = "";
    return l;
  }

  private void logRecord(LogData l) throws BadLineException {
    for (json.enterObject("a log record"); json.nextField(); ) {
      if (json.name(TRACE_ID) || json.name(TRACE_ID_)) {
        Ids.read(json, 16, "traceId", id);
        l.traceHi = id[0];
        l.traceLo = id[1];
      } else if (json.name(SPAN_ID) || json.name(SPAN_ID_)) {
        l.spanId = Ids.read(json, 8, "spanId", id);
      } else if (json.name(BODY)) {
        l.body = anyValue();
      } else {
        json.skipValue();
      }
    }
  }

  private String scopeName() throws BadLineException {
    String name = "";
    for (json.enterObject("scope"); json.nextField(); ) {
      if (json.name(NAME)) {
        name = json.text();
      } else {
        json.skipValue();
      }
    }
    return name;
  }

  private void attributes(List<String> keys, List<String> values, boolean allValues) throws BadLineException {
    for (json.enterArray("attributes"); json.nextElement(); ) {
      String key = null;
      String value = "";
      for (json.enterObject("an attribute"); json.nextField(); ) {
        if (json.name(KEY)) {
          key = intern();
        } else if (json.name(VALUE)) {
          // Most values are never looked at: skipping them spares decoding a string.
          if (allValues || key == null || GroupKey.READ.contains(key)) {
            value = anyValue();
          } else {
            json.skipValue();
          }
        } else {
          json.skipValue();
        }
      }
      if (key == null) {
        throw new BadLineException("not OTLP JSON: an attribute without a key");
      }
      keys.add(key);
      values.add(value);
    }
  }

  /** The text of a scalar AnyValue ({@code {"stringValue":"x"}}); {@code ""} for arrays, maps and empty values. */
  private String anyValue() throws BadLineException {
    if (json.peek() != '{') {
      json.skipValue();
      return "";
    }
    String text = "";
    for (json.enterObject("a value"); json.nextField(); ) {
      int c = json.peek();
      if (c == '{' || c == '[') {
        json.skipValue();
      } else {
        text = json.text();
      }
    }
    return text;
  }

  /**
   * The string at the cursor, canonicalized: attribute keys repeat on every span, and one instance
   * per key spares the allocation and makes every later hash lookup use a cached hash.
   */
  private String intern() throws BadLineException {
    if (!json.isString()) {
      return json.text();
    }
    long token = json.rawToken();
    int from = (int) (token >>> 32);
    int len = (int) token;
    byte[] b = json.bytes();
    for (int i = from; i < from + len; i++) {
      if (b[i] == '\\' || b[i] < 0) {
        return json.decode(from, from + len);
      }
    }
    int h = json.hash(from, len);
    int mask = interned.length - 1;
    int slot = (h ^ (h >>> 16)) & mask;
    for (int probe = 0; probe < 8; probe++, slot = (slot + 1) & mask) {
      String s = interned[slot];
      if (s == null) {
        s = new String(b, from, len, StandardCharsets.ISO_8859_1);
        interned[slot] = s;
        return s;
      }
      if (same(s, b, from, len)) {
        return s;
      }
    }
    return new String(b, from, len, StandardCharsets.ISO_8859_1);
  }

  private static boolean same(String s, byte[] b, int from, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
