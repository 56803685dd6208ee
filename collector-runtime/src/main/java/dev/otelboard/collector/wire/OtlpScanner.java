package dev.otelboard.collector.wire;

import static dev.otelboard.collector.wire.ProtoReader.FIXED32;
import static dev.otelboard.collector.wire.ProtoReader.FIXED64;
import static dev.otelboard.collector.wire.ProtoReader.LEN;
import static dev.otelboard.collector.wire.ProtoReader.VARINT;
import static dev.otelboard.collector.wire.ProtoReader.fields;
import static dev.otelboard.collector.wire.ProtoReader.longBigEndian;
import static dev.otelboard.collector.wire.ProtoReader.longLittleEndian;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Walks the messages of the OTLP trace and log export requests down to spans and log records (data
 * points: {@link MetricPointCounter}). Each message is a loop over its fields up to its end; the
 * fields correlation needs are read, every other field is skipped by its wire type. One instance
 * per request.
 */
final class OtlpScanner {
  // Wire types of every known field of the messages walked here (opentelemetry-proto 1.11).
  static final long EXPORT_REQUEST = fields(1, LEN);
  static final long RESOURCE_SIGNAL = fields(1, LEN, 2, LEN, 3, LEN);
  static final long SCOPE_SIGNAL = fields(1, LEN, 2, LEN, 3, LEN);
  private static final long RESOURCE = fields(1, LEN, 2, VARINT, 3, LEN);
  private static final long KEY_VALUE = fields(1, LEN, 2, LEN, 3, VARINT);
  private static final long ANY_VALUE =
      fields(1, LEN, 2, VARINT, 3, VARINT, 4, FIXED64, 5, LEN, 6, LEN, 7, LEN, 8, VARINT);
  private static final long SCOPE = fields(1, LEN, 2, LEN, 3, LEN, 4, VARINT);
  private static final long SPAN =
      fields(
          1, LEN, 2, LEN, 3, LEN, 4, LEN, 5, LEN, 6, VARINT, 7, FIXED64, 8, FIXED64, 9, LEN, 10,
          VARINT, 11, LEN, 12, VARINT, 13, LEN, 14, VARINT, 15, LEN, 16, FIXED32);
  private static final long LOG_RECORD =
      fields(
          1, FIXED64, 2, VARINT, 3, LEN, 5, LEN, 6, LEN, 7, VARINT, 8, FIXED32, 9, LEN, 10, LEN, 11,
          FIXED64, 12, LEN);

  static final int T_RESOURCE_SIGNAL = 1 << 3 | LEN;
  private static final int T_RESOURCE = 1 << 3 | LEN;
  static final int T_SCOPE_SIGNAL = 2 << 3 | LEN;
  static final int T_ITEM = 2 << 3 | LEN;
  private static final int T_SCOPE = 1 << 3 | LEN;
  private static final int T_SCOPE_NAME = 1 << 3 | LEN;
  private static final int T_ATTRIBUTE = 1 << 3 | LEN;
  private static final int T_KEY = 1 << 3 | LEN;
  private static final int T_VALUE = 2 << 3 | LEN;
  private static final int T_STRING_VALUE = 1 << 3 | LEN;

  private static final int T_SPAN_TRACE_ID = 1 << 3 | LEN;
  private static final int T_SPAN_SPAN_ID = 2 << 3 | LEN;
  private static final int T_SPAN_PARENT = 4 << 3 | LEN;
  private static final int T_SPAN_NAME = 5 << 3 | LEN;
  private static final int T_SPAN_KIND = 6 << 3 | VARINT;
  private static final int T_SPAN_START = 7 << 3 | FIXED64;
  private static final int T_SPAN_END = 8 << 3 | FIXED64;
  private static final int T_SPAN_ATTRIBUTE = 9 << 3 | LEN;
  private static final int T_SPAN_STATUS = 15 << 3 | LEN;

  private static final int T_LOG_TIME = 1 << 3 | FIXED64;
  private static final int T_LOG_SEVERITY = 2 << 3 | VARINT;
  private static final int T_LOG_SEVERITY_TEXT = 3 << 3 | LEN;
  private static final int T_LOG_BODY = 5 << 3 | LEN;
  private static final int T_LOG_ATTRIBUTE = 6 << 3 | LEN;
  private static final int T_LOG_FLAGS = 8 << 3 | FIXED32;
  private static final int T_LOG_TRACE_ID = 9 << 3 | LEN;
  private static final int T_LOG_SPAN_ID = 10 << 3 | LEN;
  private static final int T_LOG_OBSERVED = 11 << 3 | FIXED64;

  private static final String SERVICE_NAME = "service.name";
  private static final String SERVICE_INSTANCE_ID = "service.instance.id";

  /**
   * At most this many rows per remaining request byte are reserved from a guess, so a hostile
   * request of tiny items cannot make a batch reserve many times its own size (a batch row is
   * 52 bytes); past it, batches grow by doubling as their rows arrive.
   */
  private static final int MIN_BYTES_PER_RESERVED_ROW = 48;

  private final ProtoReader r;
  private final byte[] buf;
  private final int end;

  /** Spans or log records seen so far, rejected ones included; names them in messages. */
  private int ordinal;

  // The resource being scanned: offsets of the two attribute values, -1 when absent.
  private int serviceNameOff;
  private int serviceNameLen;
  private int instanceIdOff;
  private int instanceIdLen;
  // The last AnyValue scanned: its string value, or -1 when its value is not a string.
  private int stringOff;
  private int stringLen;

  OtlpScanner(byte[] buf, int off, int len) {
    this.r = new ProtoReader(buf, off);
    this.buf = buf;
    this.end = off + len;
  }

  /**
   * Rows to reserve when an item of {@code itemLen} bytes starts at the cursor: the rest of the
   * request divided by that item's size on the wire, plus a little. Items of one request are
   * usually alike, so the batch is allocated once at about the right size instead of guessed and
   * grown (growing copied every column once or twice per request).
   */
  private int rowsGuess(int itemLen) {
    int left = end - r.pos + 2;
    int rows = left / (itemLen + 2);
    return Math.min(rows + (rows >>> 4) + 4, left / MIN_BYTES_PER_RESERVED_ROW + 8);
  }

  // ---- traces -------------------------------------------------------------------------------

  SpanBatch scanTraces() throws MalformedOtlpException {
    SpanBatch batch = new SpanBatch(buf, 0);
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_RESOURCE_SIGNAL) {
        int len = r.readLength(end);
        resourceSpans(batch, r.pos + len);
      } else {
        r.skipField(tag, end, EXPORT_REQUEST, "ExportTraceServiceRequest");
      }
    }
    return batch;
  }

  private void resourceSpans(SpanBatch batch, int end) throws MalformedOtlpException {
    // The resource may follow its spans on the wire, so spans get the index now and the
    // resource is added once the whole ResourceSpans has been read.
    int resourceIndex = batch.resources().size();
    startResource();
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_SCOPE_SIGNAL) {
        int len = r.readLength(end);
        scopeSpans(batch, r.pos + len, resourceIndex);
      } else if (tag == T_RESOURCE) {
        int len = r.readLength(end);
        resource(r.pos + len);
      } else {
        r.skipField(tag, end, RESOURCE_SIGNAL, "ResourceSpans");
      }
    }
    batch.addResource(finishResource());
  }

  private void scopeSpans(SpanBatch batch, int end, int resourceIndex)
      throws MalformedOtlpException {
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_ITEM) {
        int len = r.readLength(end);
        if (batch.count() == 0) {
          batch.reserve(rowsGuess(len));
        }
        span(batch, r.pos + len, resourceIndex);
      } else {
        r.skipField(tag, end, SCOPE_SIGNAL, "ScopeSpans");
      }
    }
  }

  private void span(SpanBatch batch, int end, int resourceIndex) throws MalformedOtlpException {
    int index = ordinal++;
    long hi = 0;
    long lo = 0;
    long spanId = 0;
    long parent = 0;
    long start = 0;
    long stop = 0;
    int kind = 0;
    int nameOff = 0;
    int nameLen = 0;
    // Fast path: the fields before the attributes in field-number order, as every SDK writes
    // them, each with a one-byte length or value. A field that differs (or is absent) is left to
    // the checked loop below, which then reads it exactly as it would have, so results and errors
    // are the same; only the tag dispatch and the varint loops are saved.
    byte[] b = buf;
    int p = r.pos;
    if (end - p >= 18 && b[p] == T_SPAN_TRACE_ID && b[p + 1] == 16) {
      hi = longBigEndian(b, p + 2);
      lo = longBigEndian(b, p + 10);
      p += 18;
    }
    if (end - p >= 10 && b[p] == T_SPAN_SPAN_ID && b[p + 1] == 8) {
      spanId = longBigEndian(b, p + 2);
      p += 10;
    }
    if (end - p >= 10 && b[p] == T_SPAN_PARENT && b[p + 1] == 8) {
      parent = longBigEndian(b, p + 2);
      p += 10;
    }
    if (end - p >= 2 && b[p] == T_SPAN_NAME && b[p + 1] >= 0 && b[p + 1] <= end - p - 2) {
      nameLen = b[p + 1];
      nameOff = p + 2;
      p = nameOff + nameLen;
    }
    if (end - p >= 2 && b[p] == T_SPAN_KIND && b[p + 1] >= 0) {
      kind = b[p + 1];
      p += 2;
    }
    if (end - p >= 9 && b[p] == T_SPAN_START) {
      start = longLittleEndian(b, p + 1);
      p += 9;
    }
    if (end - p >= 9 && b[p] == T_SPAN_END) {
      stop = longLittleEndian(b, p + 1);
      p += 9;
    }
    r.pos = p;
    while (r.pos < end) {
      if (skipShortFields(T_SPAN_ATTRIBUTE, end)) {
        continue;
      }
      int tag = r.readTag(end);
      if (tag == T_SPAN_ATTRIBUTE) {
        // Most fields of a span are attributes: skip them by length before the switch.
        int len = r.readLength(end);
        r.pos += len;
        continue;
      }
      switch (tag) {
        case T_SPAN_TRACE_ID -> {
          int len = r.readLength(end);
          if (len == 16) {
            hi = r.readLongBigEndian();
            lo = r.readLongBigEndian();
          } else if (len == 0) {
            hi = 0;
            lo = 0;
          } else {
            throw r.malformed("span " + index + ": trace_id has " + len + " bytes, want 16");
          }
        }
        case T_SPAN_SPAN_ID -> spanId = spanIdField(end, index, "span", "span_id");
        case T_SPAN_PARENT -> parent = spanIdField(end, index, "span", "parent_span_id");
        case T_SPAN_NAME -> {
          nameLen = r.readLength(end);
          nameOff = r.pos;
          r.pos += nameLen;
        }
        case T_SPAN_KIND -> kind = (int) r.readVarint(end);
        case T_SPAN_START -> start = r.readFixed64(end);
        case T_SPAN_END -> stop = r.readFixed64(end);
        // The bulk of a span, skipped by length without the generic field checks.
        case T_SPAN_STATUS -> {
          int len = r.readLength(end);
          r.pos += len;
        }
        default -> r.skipField(tag, end, SPAN, "span", index);
      }
    }
    if ((hi | lo) == 0 || spanId == 0) {
      batch.reject();
    } else {
      batch.add(hi, lo, spanId, parent, kind, start, stop, resourceIndex, nameOff, nameLen);
    }
  }

  /** An 8-byte id field; empty reads as 0 (absent). */
  private long spanIdField(int end, int index, String item, String field)
      throws MalformedOtlpException {
    int len = r.readLength(end);
    if (len == 8) {
      return r.readLongBigEndian();
    }
    if (len == 0) {
      return 0;
    }
    throw r.malformed(item + " " + index + ": " + field + " has " + len + " bytes, want 8");
  }

  // ---- logs ---------------------------------------------------------------------------------

  LogBatch scanLogs() throws MalformedOtlpException {
    LogBatch batch = new LogBatch(buf, 0);
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_RESOURCE_SIGNAL) {
        int len = r.readLength(end);
        resourceLogs(batch, r.pos + len);
      } else {
        r.skipField(tag, end, EXPORT_REQUEST, "ExportLogsServiceRequest");
      }
    }
    return batch;
  }

  private void resourceLogs(LogBatch batch, int end) throws MalformedOtlpException {
    int resourceIndex = batch.resources().size();
    startResource();
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_SCOPE_SIGNAL) {
        int len = r.readLength(end);
        scopeLogs(batch, r.pos + len, resourceIndex);
      } else if (tag == T_RESOURCE) {
        int len = r.readLength(end);
        resource(r.pos + len);
      } else {
        r.skipField(tag, end, RESOURCE_SIGNAL, "ResourceLogs");
      }
    }
    batch.addResource(finishResource());
  }

  private void scopeLogs(LogBatch batch, int end, int resourceIndex) throws MalformedOtlpException {
    // Like the resource, the scope may follow its log records.
    int scopeIndex = batch.nextScope();
    int nameOff = 0;
    int nameLen = 0;
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_ITEM) {
        int len = r.readLength(end);
        if (batch.count() == 0) {
          batch.reserve(rowsGuess(len));
        }
        logRecord(batch, r.pos + len, resourceIndex, scopeIndex);
      } else if (tag == T_SCOPE) {
        int len = r.readLength(end);
        int scopeEnd = r.pos + len;
        while (r.pos < scopeEnd) {
          int scopeTag = r.readTag(scopeEnd);
          if (scopeTag == T_SCOPE_NAME) {
            nameLen = r.readLength(scopeEnd);
            nameOff = r.pos;
            r.pos += nameLen;
          } else {
            r.skipField(scopeTag, scopeEnd, SCOPE, "InstrumentationScope");
          }
        }
      } else {
        r.skipField(tag, end, SCOPE_SIGNAL, "ScopeLogs");
      }
    }
    batch.addScope(nameOff, nameLen);
  }

  private void logRecord(LogBatch batch, int end, int resourceIndex, int scopeIndex)
      throws MalformedOtlpException {
    int index = ordinal++;
    long time = 0;
    long observed = 0;
    int severity = 0;
    long hi = 0;
    long lo = 0;
    long spanId = 0;
    int bodyOff = 0;
    int bodyLen = -1;
    // Fast path, as for spans: the fields in field-number order with one-byte lengths.
    byte[] b = buf;
    int p = r.pos;
    if (end - p >= 9 && b[p] == T_LOG_TIME) {
      time = longLittleEndian(b, p + 1);
      p += 9;
    }
    if (end - p >= 2 && b[p] == T_LOG_SEVERITY && b[p + 1] >= 0) {
      severity = b[p + 1];
      p += 2;
    }
    if (end - p >= 2 && b[p] == T_LOG_SEVERITY_TEXT && b[p + 1] >= 0 && b[p + 1] <= end - p - 2) {
      p += 2 + b[p + 1];
    }
    // A body that is one string value: AnyValue's field 1 filling it, both lengths one byte.
    if (end - p >= 4
        && b[p] == T_LOG_BODY
        && b[p + 1] >= 2
        && b[p + 1] <= end - p - 2
        && b[p + 2] == T_STRING_VALUE
        && b[p + 3] == b[p + 1] - 2) {
      bodyOff = p + 4;
      bodyLen = b[p + 3];
      p = bodyOff + bodyLen;
    }
    r.pos = p;
    skipShortFields(T_LOG_ATTRIBUTE, end);
    p = r.pos;
    if (end - p >= 5 && b[p] == T_LOG_FLAGS) {
      p += 5;
    }
    if (end - p >= 18 && b[p] == T_LOG_TRACE_ID && b[p + 1] == 16) {
      hi = longBigEndian(b, p + 2);
      lo = longBigEndian(b, p + 10);
      p += 18;
    }
    if (end - p >= 10 && b[p] == T_LOG_SPAN_ID && b[p + 1] == 8) {
      spanId = longBigEndian(b, p + 2);
      p += 10;
    }
    if (end - p >= 9 && b[p] == T_LOG_OBSERVED) {
      observed = longLittleEndian(b, p + 1);
      p += 9;
    }
    r.pos = p;
    while (r.pos < end) {
      int tag = r.readTag(end);
      switch (tag) {
        case T_LOG_TIME -> time = r.readFixed64(end);
        case T_LOG_OBSERVED -> observed = r.readFixed64(end);
        case T_LOG_SEVERITY -> severity = (int) r.readVarint(end);
        case T_LOG_TRACE_ID -> {
          int len = r.readLength(end);
          if (len == 16) {
            hi = r.readLongBigEndian();
            lo = r.readLongBigEndian();
          } else if (len == 0) {
            hi = 0;
            lo = 0;
          } else {
            throw r.malformed("log record " + index + ": trace_id has " + len + " bytes, want 16");
          }
        }
        case T_LOG_SPAN_ID -> spanId = spanIdField(end, index, "log record", "span_id");
        case T_LOG_BODY -> {
          int len = r.readLength(end);
          anyValue(r.pos + len);
          bodyOff = stringOff;
          bodyLen = stringLen;
        }
        // Sent by every SDK, never needed: skipped without the generic field checks.
        case T_LOG_SEVERITY_TEXT -> {
          int len = r.readLength(end);
          r.pos += len;
        }
        case T_LOG_FLAGS -> r.skipFixed32(end);
        default -> r.skipField(tag, end, LOG_RECORD, "log record", index);
      }
    }
    batch.add(
        time != 0 ? time : observed,
        severity,
        hi,
        lo,
        spanId,
        bodyOff,
        bodyLen,
        resourceIndex,
        scopeIndex);
  }

  // ---- resources and attribute values --------------------------------------------------------

  private void startResource() {
    serviceNameOff = -1;
    serviceNameLen = 0;
    instanceIdOff = -1;
    instanceIdLen = 0;
  }

  private Resource finishResource() {
    return new Resource(
        serviceNameOff < 0
            ? Resource.UNKNOWN_SERVICE
            : new String(buf, serviceNameOff, serviceNameLen, UTF_8),
        instanceIdOff < 0 ? "" : new String(buf, instanceIdOff, instanceIdLen, UTF_8));
  }

  private void resource(int end) throws MalformedOtlpException {
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_ATTRIBUTE) {
        int len = r.readLength(end);
        resourceAttribute(r.pos + len);
      } else {
        r.skipField(tag, end, RESOURCE, "Resource");
      }
    }
  }

  /** A KeyValue of the resource; only the two keys correlation needs are kept. */
  private void resourceAttribute(int end) throws MalformedOtlpException {
    int keyOff = 0;
    int keyLen = 0;
    int valueOff = -1;
    int valueLen = 0;
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_KEY) {
        keyLen = r.readLength(end);
        keyOff = r.pos;
        r.pos += keyLen;
      } else if (tag == T_VALUE) {
        int len = r.readLength(end);
        anyValue(r.pos + len);
        valueOff = stringLen < 0 ? -1 : stringOff;
        valueLen = stringLen;
      } else {
        r.skipField(tag, end, KEY_VALUE, "KeyValue");
      }
    }
    if (valueOff < 0) {
      return;
    }
    if (asciiEquals(keyOff, keyLen, SERVICE_NAME)) {
      serviceNameOff = valueOff;
      serviceNameLen = valueLen;
    } else if (asciiEquals(keyOff, keyLen, SERVICE_INSTANCE_ID)) {
      instanceIdOff = valueOff;
      instanceIdLen = valueLen;
    }
  }

  /**
   * Scans an AnyValue, leaving its string value in {@link #stringOff}/{@link #stringLen}, or -1 in
   * {@code stringLen} when the value is of another kind or unset. Nested values are skipped.
   */
  private void anyValue(int end) throws MalformedOtlpException {
    int p = r.pos;
    // The usual value: one string field filling the message, with a one-byte length.
    if (end - p >= 2 && buf[p] == T_STRING_VALUE && buf[p + 1] == end - p - 2) {
      stringOff = p + 2;
      stringLen = end - p - 2;
      r.pos = end;
      return;
    }
    stringOff = 0;
    stringLen = -1;
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_STRING_VALUE) {
        stringLen = r.readLength(end);
        stringOff = r.pos;
        r.pos += stringLen;
      } else {
        int field = tag >>> 3;
        r.skipField(tag, end, ANY_VALUE, "AnyValue");
        if (field <= 8) {
          // Another member of the oneof: the last one on the wire wins.
          stringLen = -1;
        }
      }
    }
  }

  /**
   * Skips a run of fields with tag {@code tag} (one byte) whose lengths fit one byte and stay
   * inside {@code end}: the bulk of a span is such attributes, and this costs a few instructions
   * each. Anything else is left to the checked path. Returns whether it skipped any.
   */
  private boolean skipShortFields(int tag, int end) {
    int start = r.pos;
    int p = start;
    while (end - p >= 2 && buf[p] == tag) {
      int len = buf[p + 1];
      if (len < 0 || len > end - p - 2) {
        break;
      }
      p += 2 + len;
    }
    r.pos = p;
    return p != start;
  }

  /** Compares key bytes to an ASCII constant without decoding them. */
  private boolean asciiEquals(int off, int len, String ascii) {
    if (len != ascii.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (buf[off + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
