package dev.otelboard.cli.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Parses one line of a capture, an OTLP export request in the OTLP JSON encoding (the shape of
 * the collector's file exporter and of {@code otelboard collector --output}), with a streaming
 * parser: spans and log records go to the {@link RunAggregator} one by one, nothing of the line is
 * kept. Field names are accepted in lowerCamelCase and snake_case, enums as numbers or names, ids
 * as hex (OTLP JSON) or base64 (plain protobuf JSON). Metrics requests are counted and skipped.
 */
final class OtlpLineParser {
  private final JsonFactory factory = JsonFactory.builder().build();
  private final RunAggregator sink;
  private final List<SpanRecord> spans = new ArrayList<>();
  private int spanCount;
  private final List<String> resourceKeys = new ArrayList<>();
  private final List<String> resourceValues = new ArrayList<>();
  private final List<LogData> logs = new ArrayList<>();
  private int logCount;
  private final long[] id = new long[2];
  private final String[] interned = new String[4096];
  private boolean hexOk;

  OtlpLineParser(RunAggregator sink) {
    this.sink = sink;
  }

  /** Thrown for a line that is not an OTLP JSON export request; the message says why. */
  static final class BadLineException extends Exception {
    private static final long serialVersionUID = 1L;

    BadLineException(String message) {
      super(message);
    }
  }

  /** Parses {@code bytes[offset..offset+length)}; {@code lastWithoutNewline} words the error of a cut-off file. */
  void parse(byte[] bytes, int offset, int length, boolean lastWithoutNewline) throws BadLineException {
    try (JsonParser p = factory.createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadLineException("not OTLP JSON: a line must be one JSON object, an OTLP export request");
      }
      boolean known = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "resourceSpans", "resource_spans" -> {
            known = true;
            for (expectArray(p, field); p.nextToken() == JsonToken.START_OBJECT; ) {
              resourceSpans(p);
            }
          }
          case "resourceLogs", "resource_logs" -> {
            known = true;
            for (expectArray(p, field); p.nextToken() == JsonToken.START_OBJECT; ) {
              resourceLogs(p);
            }
          }
          case "resourceMetrics", "resource_metrics" -> {
            known = true;
            sink.metricsLine();
            p.skipChildren();
          }
          default -> p.skipChildren();
        }
      }
      if (!known) {
        throw new BadLineException(
            "not OTLP JSON: the object has no resourceSpans, resourceLogs or resourceMetrics");
      }
      if (p.nextToken() != null) {
        throw new BadLineException("not OTLP JSON: more than one JSON value on the line");
      }
    } catch (JsonEOFException e) {
      throw new BadLineException(
          lastWithoutNewline
              ? "truncated line: the file ends inside a JSON value (was the capture cut off?)"
              : "truncated line: it ends inside a JSON value");
    } catch (StreamReadException e) {
      throw new BadLineException("not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
    } catch (IOException e) {
      throw new BadLineException("unreadable: " + e.getMessage());
    }
  }

  private void resourceSpans(JsonParser p) throws IOException, BadLineException {
    spanCount = 0;
    resourceKeys.clear();
    resourceValues.clear();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "resource" -> resource(p);
        case "scopeSpans", "scope_spans", "instrumentationLibrarySpans" -> {
          for (expectArray(p, field); p.nextToken() == JsonToken.START_OBJECT; ) {
            scopeSpans(p);
          }
        }
        default -> p.skipChildren();
      }
    }
    RunAggregator.Service service = sink.resource(resourceKeys, resourceValues);
    for (int i = 0; i < spanCount; i++) {
      sink.span(service, spans.get(i));
    }
  }

  private void resource(JsonParser p) throws IOException, BadLineException {
    expectObject(p, "resource");
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("attributes")) {
        attributes(p, resourceKeys, resourceValues, true);
      } else {
        p.skipChildren();
      }
    }
  }

  private void scopeSpans(JsonParser p) throws IOException, BadLineException {
    int first = spanCount;
    String scope = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "scope", "instrumentationLibrary" -> scope = scopeName(p);
        case "spans" -> {
          for (expectArray(p, field); p.nextToken() == JsonToken.START_OBJECT; ) {
            span(p, nextSpan());
          }
        }
        default -> p.skipChildren();
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

  private void span(JsonParser p, SpanRecord s) throws IOException, BadLineException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "traceId", "trace_id" -> {
          id(p, 16, "traceId");
          s.traceHi = id[0];
          s.traceLo = id[1];
        }
        case "spanId", "span_id" -> s.spanId = id(p, 8, "spanId");
        case "parentSpanId", "parent_span_id" -> s.parentId = id(p, 8, "parentSpanId");
        case "name" -> s.name = p.getValueAsString("");
        case "kind" -> s.kind = enumValue(p, "SPAN_KIND_", KINDS);
        case "startTimeUnixNano", "start_time_unix_nano" -> s.startNanos = nanos(p);
        case "endTimeUnixNano", "end_time_unix_nano" -> s.endNanos = nanos(p);
        case "attributes" -> attributes(p, s.keys, s.values, false);
        case "status" -> s.statusCode = statusCode(p);
        default -> p.skipChildren();
      }
    }
  }

  private static final List<String> KINDS = List.of("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER");
  private static final List<String> STATUS = List.of("UNSET", "OK", "ERROR");

  private int statusCode(JsonParser p) throws IOException, BadLineException {
    expectObject(p, "status");
    int code = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("code")) {
        code = enumValue(p, "STATUS_CODE_", STATUS);
      } else {
        p.skipChildren();
      }
    }
    return code;
  }

  private static int enumValue(JsonParser p, String prefix, List<String> names) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    String text = p.getValueAsString("");
    int i = names.indexOf(text.startsWith(prefix) ? text.substring(prefix.length()) : text);
    return Math.max(i, 0);
  }

  private void resourceLogs(JsonParser p) throws IOException, BadLineException {
    logCount = 0;
    resourceKeys.clear();
    resourceValues.clear();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "resource" -> resource(p);
        case "scopeLogs", "scope_logs", "instrumentationLibraryLogs" -> {
          for (expectArray(p, field); p.nextToken() == JsonToken.START_OBJECT; ) {
            scopeLogs(p);
          }
        }
        default -> p.skipChildren();
      }
    }
    RunAggregator.Service service = sink.resource(resourceKeys, resourceValues);
    for (int i = 0; i < logCount; i++) {
      LogData l = logs.get(i);
      sink.log(service, l.scope, l.traceHi, l.traceLo, l.spanId, l.body);
    }
  }

  private void scopeLogs(JsonParser p) throws IOException, BadLineException {
    int first = logCount;
    String scope = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "scope", "instrumentationLibrary" -> scope = scopeName(p);
        case "logRecords", "log_records" -> {
          for (expectArray(p, field); p.nextToken() == JsonToken.START_OBJECT; ) {
            logRecord(p, nextLog());
          }
        }
        default -> p.skipChildren();
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

  private void logRecord(JsonParser p, LogData l) throws IOException, BadLineException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "traceId", "trace_id" -> {
          id(p, 16, "traceId");
          l.traceHi = id[0];
          l.traceLo = id[1];
        }
        case "spanId", "span_id" -> l.spanId = id(p, 8, "spanId");
        case "body" -> l.body = anyValue(p);
        default -> p.skipChildren();
      }
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

  private String scopeName(JsonParser p) throws IOException, BadLineException {
    expectObject(p, "scope");
    String name = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("name")) {
        name = p.getValueAsString("");
      } else {
        p.skipChildren();
      }
    }
    return name;
  }

  private void attributes(JsonParser p, List<String> keys, List<String> values, boolean allValues)
      throws IOException, BadLineException {
    expectArray(p, "attributes");
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String key = null;
      String value = "";
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("key")) {
          key = intern(p);
        } else if (field.equals("value")) {
          // Most values are never looked at: skipping them spares decoding a string.
          if (allValues || key == null || GroupKey.READ.contains(key)) {
            value = anyValue(p);
          } else {
            p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
      if (key == null) {
        throw new BadLineException("not OTLP JSON: an attribute without a key");
      }
      keys.add(key);
      values.add(value);
    }
  }

  /** The text of a scalar AnyValue; {@code ""} for arrays, maps and empty values. */
  private static String anyValue(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return "";
    }
    String text = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      if (p.nextToken().isScalarValue()) {
        text = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return text;
  }

  /** Reads an id of {@code bytes} bytes into {@link #id} (high, low) and returns the low half. */
  private long id(JsonParser p, int bytes, String field) throws IOException, BadLineException {
    id[0] = 0;
    id[1] = 0;
    hexOk = true;
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      p.skipChildren();
      throw new BadLineException(field + " must be a string");
    }
    char[] chars = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (len == 0) {
      return 0;
    }
    if (len == bytes * 2) {
      long hi = bytes == 16 ? hex(chars, off) : 0;
      long lo = hex(chars, off + len - 16);
      if (hexOk) {
        id[0] = hi;
        id[1] = lo;
        return lo;
      }
    }
    String text = new String(chars, off, len);
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      raw = null;
    }
    if (raw == null || raw.length != bytes) {
      throw new BadLineException(field + " is neither " + bytes * 2 + " hex digits nor base64: \"" + abbreviate(text) + "\"");
    }
    for (int i = 0; i < bytes; i++) {
      int half = bytes == 16 && i < 8 ? 0 : 1;
      id[half] = (id[half] << 8) | (raw[i] & 0xff);
    }
    return id[1];
  }

  /** A uint64 timestamp, a JSON string in OTLP JSON (or a number); 0 when unreadable. */
  private static long nanos(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return p.getValueAsLong(0);
    }
    char[] chars = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (len == 0 || len > 19) {
      return 0;
    }
    long v = 0;
    for (int i = off; i < off + len; i++) {
      int d = chars[i] - '0';
      if (d < 0 || d > 9) {
        return 0;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static final byte[] HEX = hexDigits();

  private static byte[] hexDigits() {
    byte[] t = new byte[128];
    java.util.Arrays.fill(t, (byte) -1);
    for (int i = 0; i < 16; i++) {
      t["0123456789abcdef".charAt(i)] = (byte) i;
      t["0123456789ABCDEF".charAt(i)] = (byte) i;
    }
    return t;
  }

  /** The 16 hex digits at {@code chars[off..]} as a long; clears {@link #hexOk} on a non-digit. */
  private long hex(char[] chars, int off) {
    long v = 0;
    int bad = 0;
    for (int i = off; i < off + 16; i++) {
      char c = chars[i];
      int d = c < 128 ? HEX[c] : -1;
      bad |= d;
      v = (v << 4) | (d & 0xf);
    }
    hexOk &= bad >= 0;
    return v;
  }

  /**
   * The string value at the parser, canonicalized: attribute keys repeat on every span, and one
   * instance per key spares the allocation and makes every later hash lookup use a cached hash.
   */
  private String intern(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return p.getValueAsString("");
    }
    char[] chars = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + chars[i];
    }
    int mask = interned.length - 1;
    int slot = (h ^ (h >>> 16)) & mask;
    for (int probe = 0; probe < 8; probe++, slot = (slot + 1) & mask) {
      String s = interned[slot];
      if (s == null) {
        s = new String(chars, off, len);
        interned[slot] = s;
        return s;
      }
      if (s.length() == len && same(s, chars, off)) {
        return s;
      }
    }
    return new String(chars, off, len);
  }

  private static boolean same(String s, char[] chars, int off) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != chars[off + i]) {
        return false;
      }
    }
    return true;
  }

  private static void expectArray(JsonParser p, String field) throws BadLineException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new BadLineException("not OTLP JSON: " + field + " must be an array");
    }
  }

  private static void expectObject(JsonParser p, String field) throws BadLineException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new BadLineException("not OTLP JSON: " + field + " must be an object");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
