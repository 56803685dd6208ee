package dev.otelboard.collector.wire;

import static dev.otelboard.collector.wire.ProtoReader.FIXED64;
import static dev.otelboard.collector.wire.ProtoReader.LEN;
import static dev.otelboard.collector.wire.ProtoReader.VARINT;
import static dev.otelboard.collector.wire.ProtoReader.fields;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * What the trace and log scanners ({@link SpanScanner}, {@link LogScanner}) share: the cursor over
 * one export request, the two resource attributes correlation needs, string attribute values, and
 * the sizing of batches. Each message is a loop over its fields up to its end; the fields
 * correlation needs are read, every other field is skipped by its wire type. One instance per
 * request.
 */
final class OtlpScanner {
  // Wire types of every known field of the messages walked here (opentelemetry-proto 1.11).
  static final long EXPORT_REQUEST = fields(1, LEN);
  static final long RESOURCE_SIGNAL = fields(1, LEN, 2, LEN, 3, LEN);
  static final long SCOPE_SIGNAL = fields(1, LEN, 2, LEN, 3, LEN);
  static final long SCOPE = fields(1, LEN, 2, LEN, 3, LEN, 4, VARINT);
  private static final long RESOURCE = fields(1, LEN, 2, VARINT, 3, LEN);
  private static final long KEY_VALUE = fields(1, LEN, 2, LEN, 3, VARINT);
  private static final long ANY_VALUE =
      fields(1, LEN, 2, VARINT, 3, VARINT, 4, FIXED64, 5, LEN, 6, LEN, 7, LEN, 8, VARINT);

  static final int T_RESOURCE_SIGNAL = 1 << 3 | LEN;
  static final int T_RESOURCE = 1 << 3 | LEN;
  static final int T_SCOPE_SIGNAL = 2 << 3 | LEN;
  static final int T_ITEM = 2 << 3 | LEN;
  static final int T_SCOPE = 1 << 3 | LEN;
  static final int T_STRING_VALUE = 1 << 3 | LEN;
  private static final int T_ATTRIBUTE = 1 << 3 | LEN;
  private static final int T_KEY = 1 << 3 | LEN;
  private static final int T_VALUE = 2 << 3 | LEN;

  private static final String SERVICE_NAME = "service.name";
  private static final String SERVICE_INSTANCE_ID = "service.instance.id";

  /**
   * At most this many rows per remaining request byte are reserved from a guess, so a hostile
   * request of tiny items cannot make a batch reserve many times its own size (a batch row is 48
   * or 64 bytes); past it, batches grow by doubling as their rows arrive.
   */
  private static final int MIN_BYTES_PER_RESERVED_ROW = 48;

  /** Items whose mean size sizes a batch. */
  private static final int SAMPLE_ITEMS = 8;

  final ProtoReader r;
  final byte[] buf;

  /** The end of the request in {@link #buf}. */
  final int end;

  /** Spans or log records seen so far, rejected ones included; names them in messages. */
  private int ordinal;

  // The resource being scanned: offsets of the two attribute values, -1 when absent.
  private int serviceNameOff;
  private int serviceNameLen;
  private int instanceIdOff;
  private int instanceIdLen;

  /** The string value of the last AnyValue scanned: where it starts in {@link #buf}. */
  int stringOff;

  /** The length of {@link #stringOff}'s value, or -1 when that AnyValue is not a string. */
  int stringLen;

  OtlpScanner(byte[] buf, int off, int len) {
    this.r = new ProtoReader(buf, off);
    this.buf = buf;
    this.end = off + len;
  }

  /** The index of the next span or log record in the request, for error messages. */
  int nextOrdinal() {
    return ordinal++;
  }

  /**
   * Rows to reserve when an item of {@code itemLen} bytes starts at the cursor, in a scope ending
   * at {@code scopeEnd}: the rest of the request divided by the mean wire size of this item and up
   * to {@link #SAMPLE_ITEMS} - 1 that follow, plus a little. Items of one request are alike on
   * average, so the batch is allocated once at about the right size (the first item alone is
   * often a smaller root span: 20% too many rows for the load generator's requests, each row
   * zeroed for nothing).
   */
  int rowsGuess(int itemLen, int scopeEnd) {
    byte[] b = buf;
    int items = 1;
    long bytes = itemLen + 2;
    // A lenient peek: an item not where expected ends it; the scan proper checks everything.
    int p = r.pos + itemLen;
    while (items < SAMPLE_ITEMS && scopeEnd - p >= 3 && b[p] == T_ITEM) {
      int len = b[p + 1];
      int size = 2;
      if (len < 0) {
        if (b[p + 2] < 0) {
          break;
        }
        len = len & 0x7F | b[p + 2] << 7;
        size = 3;
      }
      if (len > scopeEnd - p - size) {
        break;
      }
      bytes += len + size;
      items++;
      p += size + len;
    }
    int left = end - r.pos + 2;
    int rows = (int) (left * (long) items / bytes);
    return Math.min(rows + (rows >>> 4) + 4, left / MIN_BYTES_PER_RESERVED_ROW + 8);
  }

  /** An 8-byte id field (span id, parent span id); empty reads as 0 (absent). */
  long spanIdField(int end, int index, String item, String field) throws MalformedOtlpException {
    int len = r.readLength(end);
    if (len == 8) {
      return r.readLongBigEndian();
    }
    if (len == 0) {
      return 0;
    }
    throw r.malformed(item + " " + index + ": " + field + " has " + len + " bytes, want 8");
  }

  // ---- resources and attribute values --------------------------------------------------------

  void startResource() {
    serviceNameOff = -1;
    serviceNameLen = 0;
    instanceIdOff = -1;
    instanceIdLen = 0;
  }

  Resource finishResource() {
    return new Resource(
        serviceNameOff < 0
            ? Resource.UNKNOWN_SERVICE
            : new String(buf, serviceNameOff, serviceNameLen, UTF_8),
        instanceIdOff < 0 ? "" : new String(buf, instanceIdOff, instanceIdLen, UTF_8));
  }

  /** A Resource message ending at {@code end}; keeps the two attributes correlation needs. */
  void resource(int end) throws MalformedOtlpException {
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
    int valueOff = 0;
    int valueLen = -1;
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_KEY) {
        keyLen = r.readLength(end);
        keyOff = r.pos;
        r.pos += keyLen;
      } else if (tag == T_VALUE) {
        int len = r.readLength(end);
        anyValue(r.pos + len, valueOff, valueLen);
        valueOff = stringOff;
        valueLen = stringLen;
      } else {
        r.skipField(tag, end, KEY_VALUE, "KeyValue");
      }
    }
    if (valueLen < 0) {
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
   * {@code stringLen} when the value is of another kind or unset. Nested values are skipped. A
   * message field sent twice is merged, as protobuf does: {@code off}/{@code len} is the value the
   * field's earlier occurrences left ({@code len} -1 for none or not a string), and it stays when
   * this occurrence sets no member of the oneof.
   */
  void anyValue(int end, int off, int len) throws MalformedOtlpException {
    int p = r.pos;
    // The usual value: one string field filling the message, with a one-byte length.
    if (end - p >= 2 && buf[p] == T_STRING_VALUE && buf[p + 1] == end - p - 2) {
      stringOff = p + 2;
      stringLen = end - p - 2;
      r.pos = end;
      return;
    }
    stringOff = off;
    stringLen = len;
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
