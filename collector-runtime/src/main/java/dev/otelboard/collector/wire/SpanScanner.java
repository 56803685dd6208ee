package dev.otelboard.collector.wire;

import static dev.otelboard.collector.wire.OtlpScanner.EXPORT_REQUEST;
import static dev.otelboard.collector.wire.OtlpScanner.RESOURCE_SIGNAL;
import static dev.otelboard.collector.wire.OtlpScanner.SCOPE_SIGNAL;
import static dev.otelboard.collector.wire.OtlpScanner.T_ITEM;
import static dev.otelboard.collector.wire.OtlpScanner.T_RESOURCE;
import static dev.otelboard.collector.wire.OtlpScanner.T_RESOURCE_SIGNAL;
import static dev.otelboard.collector.wire.OtlpScanner.T_SCOPE_SIGNAL;
import static dev.otelboard.collector.wire.ProtoReader.FIXED32;
import static dev.otelboard.collector.wire.ProtoReader.FIXED64;
import static dev.otelboard.collector.wire.ProtoReader.LEN;
import static dev.otelboard.collector.wire.ProtoReader.VARINT;
import static dev.otelboard.collector.wire.ProtoReader.fields;
import static dev.otelboard.collector.wire.ProtoReader.longBigEndian;
import static dev.otelboard.collector.wire.ProtoReader.longLittleEndian;
import static dev.otelboard.collector.wire.ProtoReader.skipShortFields;

/**
 * Walks an {@code ExportTraceServiceRequest} down to its spans, one {@link SpanBatch} row per
 * span with valid ids. One instance per request.
 */
final class SpanScanner {
  private static final long SPAN =
      fields(
          1, LEN, 2, LEN, 3, LEN, 4, LEN, 5, LEN, 6, VARINT, 7, FIXED64, 8, FIXED64, 9, LEN, 10,
          VARINT, 11, LEN, 12, VARINT, 13, LEN, 14, VARINT, 15, LEN, 16, FIXED32);

  private static final int T_TRACE_ID = 1 << 3 | LEN;
  private static final int T_SPAN_ID = 2 << 3 | LEN;
  private static final int T_PARENT = 4 << 3 | LEN;
  private static final int T_NAME = 5 << 3 | LEN;
  private static final int T_KIND = 6 << 3 | VARINT;
  private static final int T_START = 7 << 3 | FIXED64;
  private static final int T_END = 8 << 3 | FIXED64;
  private static final int T_ATTRIBUTE = 9 << 3 | LEN;
  private static final int T_STATUS = 15 << 3 | LEN;
  private static final int T_FLAGS = 16 << 3 | FIXED32;

  private final OtlpScanner s;
  private final ProtoReader r;
  private final byte[] buf;
  private final RowArrays arrays;

  SpanScanner(OtlpScanner s, RowArrays arrays) {
    this.s = s;
    this.r = s.r;
    this.buf = s.buf;
    this.arrays = arrays;
  }

  SpanBatch scan() throws MalformedOtlpException {
    SpanBatch batch = new SpanBatch(buf, arrays);
    int end = s.end;
    try {
      while (r.pos < end) {
        int tag = r.readTag(end);
        if (tag == T_RESOURCE_SIGNAL) {
          int len = r.readLength(end);
          resourceSpans(batch, r.pos + len);
        } else {
          r.skipField(tag, end, EXPORT_REQUEST, "ExportTraceServiceRequest");
        }
      }
    } catch (MalformedOtlpException e) {
      // No batch to release later: its rows serve the next request.
      batch.release();
      throw e;
    }
    return batch;
  }

  private void resourceSpans(SpanBatch batch, int end) throws MalformedOtlpException {
    // The resource may follow its spans on the wire, so spans get the index now and the
    // resource is added once the whole ResourceSpans has been read.
    int resourceIndex = batch.resources().size();
    s.startResource();
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_SCOPE_SIGNAL) {
        int len = r.readLength(end);
        scopeSpans(batch, r.pos + len, resourceIndex);
      } else if (tag == T_RESOURCE) {
        int len = r.readLength(end);
        s.resource(r.pos + len);
      } else {
        r.skipField(tag, end, RESOURCE_SIGNAL, "ResourceSpans");
      }
    }
    batch.addResource(s.finishResource());
  }

  private void scopeSpans(SpanBatch batch, int end, int resourceIndex)
      throws MalformedOtlpException {
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
        span(batch, r.pos + len, resourceIndex);
      } else {
        r.skipField(tag, end, SCOPE_SIGNAL, "ScopeSpans");
      }
    }
  }

  private void span(SpanBatch batch, int end, int resourceIndex) throws MalformedOtlpException {
    int index = s.nextOrdinal();
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
    // are the same; what is saved is the tag dispatch and the varint loops.
    byte[] b = buf;
    int p = r.pos;
    if (end - p >= 18 && b[p] == T_TRACE_ID && b[p + 1] == 16) {
      hi = longBigEndian(b, p + 2);
      lo = longBigEndian(b, p + 10);
      p += 18;
    }
    if (end - p >= 10 && b[p] == T_SPAN_ID && b[p + 1] == 8) {
      spanId = longBigEndian(b, p + 2);
      p += 10;
    }
    if (end - p >= 10 && b[p] == T_PARENT && b[p + 1] == 8) {
      parent = longBigEndian(b, p + 2);
      p += 10;
    }
    if (end - p >= 2 && b[p] == T_NAME && b[p + 1] >= 0 && b[p + 1] <= end - p - 2) {
      nameLen = b[p + 1];
      nameOff = p + 2;
      p = nameOff + nameLen;
    }
    if (end - p >= 2 && b[p] == T_KIND && b[p + 1] >= 0) {
      kind = b[p + 1];
      p += 2;
    }
    if (end - p >= 9 && b[p] == T_START) {
      start = longLittleEndian(b, p + 1);
      p += 9;
    }
    if (end - p >= 9 && b[p] == T_END) {
      stop = longLittleEndian(b, p + 1);
      p += 9;
    }
    p = skipShortFields(b, p, end, T_ATTRIBUTE);
    if (end - p >= 2 && b[p] == T_STATUS && b[p + 1] >= 0 && b[p + 1] <= end - p - 2) {
      p += 2 + b[p + 1];
    }
    // flags (field 16, fixed32: a two-byte tag), which the OTel Java SDK writes last.
    if (end - p >= 6 && b[p] == (byte) T_FLAGS && b[p + 1] == T_FLAGS >>> 7) {
      p += 6;
    }
    r.pos = p;
    while (r.pos < end) {
      int at = r.pos;
      r.pos = skipShortFields(b, at, end, T_ATTRIBUTE);
      if (r.pos != at) {
        continue;
      }
      int tag = r.readTag(end);
      if (tag == T_ATTRIBUTE) {
        // Most fields of a span are attributes: skip them by length before the switch.
        int len = r.readLength(end);
        r.pos += len;
        continue;
      }
      switch (tag) {
        case T_TRACE_ID -> {
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
        case T_SPAN_ID -> spanId = s.spanIdField(end, index, "span", "span_id");
        case T_PARENT -> parent = s.spanIdField(end, index, "span", "parent_span_id");
        case T_NAME -> {
          nameLen = r.readLength(end);
          nameOff = r.pos;
          r.pos += nameLen;
        }
        case T_KIND -> kind = (int) r.readVarint(end);
        case T_START -> start = r.readFixed64(end);
        case T_END -> stop = r.readFixed64(end);
        // The bulk of a span, skipped by length without the generic field checks.
        case T_STATUS -> {
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
}
