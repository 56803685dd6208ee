package dev.otelboard.collector.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A cursor over protobuf wire bytes: tags, varints, fixed-width values and length prefixes, each
 * checked against the end of the message being read (not only the end of the buffer), so a nested
 * length can never reach outside its parent.
 */
final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LEN = 2;
  static final int FIXED32 = 5;

  /** Wire types 0, 1, 2 and 5; 3 and 4 are groups (long deprecated, never used by OTLP). */
  private static final int SUPPORTED_WIRE_TYPES = 1 | 1 << 1 | 1 << 2 | 1 << 5;

  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  final byte[] buf;

  /** Where the request starts in {@link #buf}; positions in messages are relative to it. */
  private final int base;

  int pos;

  ProtoReader(byte[] buf, int off) {
    this.buf = buf;
    this.base = off;
    this.pos = off;
  }

  /**
   * Packs the wire type of each known field of a message (numbers 1..20) into a long, three bits
   * per field, so that {@link #skipField} can reject a known field sent with the wrong wire type.
   * Arguments are pairs: field number, wire type.
   */
  static long fields(int... fieldAndWireType) {
    long packed = 0;
    for (int i = 0; i < fieldAndWireType.length; i += 2) {
      int field = fieldAndWireType[i];
      if (field < 1 || field > 20) {
        throw new IllegalArgumentException("field numbers 1..20 only: " + field);
      }
      packed |= (long) (fieldAndWireType[i + 1] + 1) << (3 * field);
    }
    return packed;
  }

  /** Reads a tag; {@link #pos} must be below {@code end}. Rejects field 0 and groups. */
  int readTag(int end) throws MalformedOtlpException {
    int at = pos;
    int tag = buf[at];
    if (tag >= 0) {
      pos = at + 1;
    } else {
      long wide = readVarint(end);
      if (wide >>> 32 != 0) {
        throw malformed("tag does not fit 32 bits at byte " + (at - base));
      }
      tag = (int) wide;
    }
    if (tag >>> 3 == 0) {
      throw malformed("field number 0 at byte " + (at - base));
    }
    if ((SUPPORTED_WIRE_TYPES & 1 << (tag & 7)) == 0) {
      throw malformed(
          "field "
              + (tag >>> 3)
              + " at byte "
              + (at - base)
              + " has wire type "
              + (tag & 7)
              + (((tag & 7) == 3 || (tag & 7) == 4)
                  ? " (groups are not supported)"
                  : " (invalid)"));
    }
    return tag;
  }

  long readVarint(int end) throws MalformedOtlpException {
    int p = pos;
    if (p >= end) {
      throw truncated(p);
    }
    byte b = buf[p++];
    if (b >= 0) {
      pos = p;
      return b;
    }
    long value = b & 0x7F;
    for (int shift = 7; shift < 64; shift += 7) {
      if (p >= end) {
        throw truncated(p);
      }
      b = buf[p++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        pos = p;
        return value;
      }
    }
    throw malformed("varint longer than 10 bytes at byte " + (pos - base));
  }

  /**
   * Reads the one-byte tag {@code tag} and a length of one or two bytes that fits before {@code
   * end}, as an item of a repeated field mostly is, and returns the length, the cursor after it;
   * returns -1 with the cursor unmoved when the bytes are anything else, for the checked path.
   */
  int readShortLengthField(int tag, int end) {
    byte[] b = buf;
    int p = pos;
    if (end - p < 3 || b[p] != tag) {
      return -1;
    }
    int len = b[p + 1];
    int at = p + 2;
    if (len < 0) {
      int high = b[at];
      if (high < 0) {
        return -1;
      }
      len = len & 0x7F | high << 7;
      at++;
    }
    if (len > end - at) {
      return -1;
    }
    pos = at;
    return len;
  }

  /** Reads a length prefix and checks that that many bytes remain before {@code end}. */
  int readLength(int end) throws MalformedOtlpException {
    int at = pos;
    long length = readVarint(end);
    if (length < 0 || length > end - pos) {
      throw malformed(
          "length "
              + length
              + " at byte "
              + (at - base)
              + " runs past the end of its message ("
              + (end - pos)
              + " bytes left)");
    }
    return (int) length;
  }

  long readFixed64(int end) throws MalformedOtlpException {
    if (end - pos < 8) {
      throw truncated(end);
    }
    long value = (long) LONG_LE.get(buf, pos);
    pos += 8;
    return value;
  }

  /** Skips a fixed32 value. */
  void skipFixed32(int end) throws MalformedOtlpException {
    skipBytes(4, end);
  }

  /** The 8 bytes at {@code at} as a big-endian long (an id); checked by the caller. */
  static long longBigEndian(byte[] buf, int at) {
    return (long) LONG_BE.get(buf, at);
  }

  /** The 8 bytes at {@code at} as a little-endian long (a fixed64); checked by the caller. */
  static long longLittleEndian(byte[] buf, int at) {
    return (long) LONG_LE.get(buf, at);
  }

  /**
   * Skips a run of fields with tag {@code tag} (one byte) from {@code p} whose lengths fit one byte
   * and stay inside {@code end}, and returns where the run ends: the bulk of a span is such
   * attributes, and this costs a few instructions each. Anything else is left to the checked path.
   * Static, on locals: a loop over the {@link #pos} field would store it at every step.
   */
  static int skipShortFields(byte[] buf, int p, int end, int tag) {
    while (end - p >= 2 && buf[p] == tag) {
      int len = buf[p + 1];
      if (len < 0 || len > end - p - 2) {
        break;
      }
      p += 2 + len;
    }
    return p;
  }

  /** Reads 8 bytes as a big-endian long; the caller has checked they are there. */
  long readLongBigEndian() {
    long value = (long) LONG_BE.get(buf, pos);
    pos += 8;
    return value;
  }

  /**
   * Skips a field the caller does not interpret; when its number is one of {@code known} (see
   * {@link #fields}) its wire type must match.
   */
  void skipField(int tag, int end, long known, String message) throws MalformedOtlpException {
    skipField(tag, end, known, message, -1);
  }

  /**
   * As {@link #skipField(int, int, long, String)} inside the {@code item}-th span or log record,
   * which an error message then names ({@code message} is "span" or "log record"); the message is
   * only built when thrown, as this runs for every attribute of every span.
   */
  void skipField(int tag, int end, long known, String message, int item)
      throws MalformedOtlpException {
    int field = tag >>> 3;
    int wireType = tag & 7;
    if (field <= 20) {
      int want = (int) (known >>> (3 * field)) & 7;
      if (want != 0 && want - 1 != wireType) {
        throw malformed(
            (item < 0 ? message : message + " " + item + ":")
                + " field "
                + field
                + " has wire type "
                + wireType
                + ", want "
                + (want - 1)
                + " (byte "
                + (pos - base - varintSize(tag))
                + ")");
      }
    }
    switch (wireType) {
      case VARINT -> readVarint(end);
      case FIXED64 -> skipBytes(8, end);
      case LEN -> {
        int length = readLength(end);
        pos += length;
      }
      case FIXED32 -> skipBytes(4, end);
      default -> throw new AssertionError("readTag admits no wire type " + wireType);
    }
  }

  private static int varintSize(int value) {
    return (31 - Integer.numberOfLeadingZeros(value | 1)) / 7 + 1;
  }

  private void skipBytes(int n, int end) throws MalformedOtlpException {
    if (end - pos < n) {
      throw truncated(end);
    }
    pos += n;
  }

  MalformedOtlpException truncated(int at) {
    return malformed("truncated at byte " + (at - base));
  }

  MalformedOtlpException malformed(String message) {
    return new MalformedOtlpException(message);
  }
}
