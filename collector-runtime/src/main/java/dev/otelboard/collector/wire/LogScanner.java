package dev.otelboard.collector.wire;

import static dev.otelboard.collector.wire.OtlpScanner.EXPORT_REQUEST;
import static dev.otelboard.collector.wire.OtlpScanner.RESOURCE_SIGNAL;
import static dev.otelboard.collector.wire.OtlpScanner.SCOPE;
import static dev.otelboard.collector.wire.OtlpScanner.SCOPE_SIGNAL;
import static dev.otelboard.collector.wire.OtlpScanner.T_ITEM;
import static dev.otelboard.collector.wire.OtlpScanner.T_RESOURCE;
import static dev.otelboard.collector.wire.OtlpScanner.T_RESOURCE_SIGNAL;
import static dev.otelboard.collector.wire.OtlpScanner.T_SCOPE;
import static dev.otelboard.collector.wire.OtlpScanner.T_SCOPE_SIGNAL;
import static dev.otelboard.collector.wire.OtlpScanner.T_STRING_VALUE;
import static dev.otelboard.collector.wire.ProtoReader.FIXED32;
import static dev.otelboard.collector.wire.ProtoReader.FIXED64;
import static dev.otelboard.collector.wire.ProtoReader.LEN;
import static dev.otelboard.collector.wire.ProtoReader.VARINT;
import static dev.otelboard.collector.wire.ProtoReader.fields;
import static dev.otelboard.collector.wire.ProtoReader.longBigEndian;
import static dev.otelboard.collector.wire.ProtoReader.longLittleEndian;
import static dev.otelboard.collector.wire.ProtoReader.skipShortFields;

/**
 * Walks an {@code ExportLogsServiceRequest} down to its log records, one {@link LogBatch} row per
 * record. One instance per request.
 */
final class LogScanner {
  private static final long LOG_RECORD =
      fields(
          1, FIXED64, 2, VARINT, 3, LEN, 5, LEN, 6, LEN, 7, VARINT, 8, FIXED32, 9, LEN, 10, LEN, 11,
          FIXED64, 12, LEN);

  private static final int T_SCOPE_NAME = 1 << 3 | LEN;
  private static final int T_TIME = 1 << 3 | FIXED64;
  private static final int T_SEVERITY = 2 << 3 | VARINT;
  private static final int T_SEVERITY_TEXT = 3 << 3 | LEN;
  private static final int T_BODY = 5 << 3 | LEN;
  private static final int T_ATTRIBUTE = 6 << 3 | LEN;
  private static final int T_FLAGS = 8 << 3 | FIXED32;
  private static final int T_TRACE_ID = 9 << 3 | LEN;
  private static final int T_SPAN_ID = 10 << 3 | LEN;
  private static final int T_OBSERVED = 11 << 3 | FIXED64;

  private final OtlpScanner s;
  private final ProtoReader r;
  private final byte[] buf;
  private final RowArrays arrays;

  LogScanner(OtlpScanner s, RowArrays arrays) {
    this.s = s;
    this.r = s.r;
    this.buf = s.buf;
    this.arrays = arrays;
  }

  LogBatch scan() throws MalformedOtlpException {
    LogBatch batch = new LogBatch(buf, arrays);
    int end = s.end;
    try {
      while (r.pos < end) {
        int tag = r.readTag(end);
        if (tag == T_RESOURCE_SIGNAL) {
          int len = r.readLength(end);
          resourceLogs(batch, r.pos + len);
        } else {
          r.skipField(tag, end, EXPORT_REQUEST, "ExportLogsServiceRequest");
        }
      }
    } catch (MalformedOtlpException e) {
      // No batch to release later: its rows serve the next request.
      batch.release();
      throw e;
    }
    return batch;
  }

  private void resourceLogs(LogBatch batch, int end) throws MalformedOtlpException {
    // The resource may follow its log records on the wire: it is added once read.
    int resourceIndex = batch.resources().size();
    s.startResource();
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_SCOPE_SIGNAL) {
        int len = r.readLength(end);
        scopeLogs(batch, r.pos + len, resourceIndex);
      } else if (tag == T_RESOURCE) {
        int len = r.readLength(end);
        s.resource(r.pos + len);
      } else {
        r.skipField(tag, end, RESOURCE_SIGNAL, "ResourceLogs");
      }
    }
    batch.addResource(s.finishResource());
  }

  private void scopeLogs(LogBatch batch, int end, int resourceIndex) throws MalformedOtlpException {
    // Like the resource, the scope may follow its log records.
    int scopeIndex = batch.nextScope();
    int nameOff = 0;
    int nameLen = 0;
    while (r.pos < end) {
      int len = r.readShortLengthField(T_ITEM, end);
      int tag = T_ITEM;
      if (len < 0) {
        tag = r.readTag(end);
        if (tag == T_ITEM) {
          len = r.readLength(end);
        }
      }
      if (tag == T_ITEM) {
        if (batch.count() == 0) {
          batch.reserve(s.rowsGuess(len, end));
        }
        logRecord(batch, r.pos + len, scopeIndex);
      } else if (tag == T_SCOPE) {
        int scopeLen = r.readLength(end);
        int scopeEnd = r.pos + scopeLen;
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
    batch.addScope(nameOff, nameLen, resourceIndex);
  }

  private void logRecord(LogBatch batch, int end, int scopeIndex) throws MalformedOtlpException {
    int index = s.nextOrdinal();
    long time = 0;
    long observed = 0;
    int severity = 0;
    long hi = 0;
    long lo = 0;
    long spanId = 0;
    int bodyOff = 0;
    int bodyLen = -1;
    // Fast path, as for spans (see SpanScanner.span): the fields in field-number order with
    // one-byte lengths, anything else left to the checked loop; but the OTel Java SDK writes
    // observed_time_unix_nano second, so it is looked for there too.
    byte[] b = buf;
    int p = r.pos;
    if (end - p >= 9 && b[p] == T_TIME) {
      time = longLittleEndian(b, p + 1);
      p += 9;
    }
    if (end - p >= 9 && b[p] == T_OBSERVED) {
      observed = longLittleEndian(b, p + 1);
      p += 9;
    }
    if (end - p >= 2 && b[p] == T_SEVERITY && b[p + 1] >= 0) {
      severity = b[p + 1];
      p += 2;
    }
    if (end - p >= 2 && b[p] == T_SEVERITY_TEXT && b[p + 1] >= 0 && b[p + 1] <= end - p - 2) {
      p += 2 + b[p + 1];
    }
    // A body that is one string value: AnyValue's field 1 filling it, both lengths one byte.
    if (end - p >= 4
        && b[p] == T_BODY
        && b[p + 1] >= 2
        && b[p + 1] <= end - p - 2
        && b[p + 2] == T_STRING_VALUE
        && b[p + 3] == b[p + 1] - 2) {
      bodyOff = p + 4;
      bodyLen = b[p + 3];
      p = bodyOff + bodyLen;
    }
    p = skipShortFields(b, p, end, T_ATTRIBUTE);
    if (end - p >= 5 && b[p] == T_FLAGS) {
      p += 5;
    }
    if (end - p >= 18 && b[p] == T_TRACE_ID && b[p + 1] == 16) {
      hi = longBigEndian(b, p + 2);
      lo = longBigEndian(b, p + 10);
      p += 18;
    }
    if (end - p >= 10 && b[p] == T_SPAN_ID && b[p + 1] == 8) {
      spanId = longBigEndian(b, p + 2);
      p += 10;
    }
    if (end - p >= 9 && b[p] == T_OBSERVED) {
      observed = longLittleEndian(b, p + 1);
      p += 9;
    }
    r.pos = p;
    while (r.pos < end) {
      int tag = r.readTag(end);
      switch (tag) {
        case T_TIME -> time = r.readFixed64(end);
        case T_OBSERVED -> observed = r.readFixed64(end);
        case T_SEVERITY -> severity = (int) r.readVarint(end);
        case T_TRACE_ID -> {
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
        case T_SPAN_ID -> spanId = s.spanIdField(end, index, "log record", "span_id");
        case T_BODY -> {
          int len = r.readLength(end);
          s.anyValue(r.pos + len, bodyOff, bodyLen);
          bodyOff = s.stringOff;
          bodyLen = s.stringLen;
        }
        // Sent by every SDK, never needed: skipped without the generic field checks.
        case T_SEVERITY_TEXT -> {
          int len = r.readLength(end);
          r.pos += len;
        }
        case T_FLAGS -> r.skipFixed32(end);
        default -> r.skipField(tag, end, LOG_RECORD, "log record", index);
      }
    }
    batch.add(time != 0 ? time : observed, severity, hi, lo, spanId, bodyOff, bodyLen, scopeIndex);
  }
}
