package dev.otelboard.cli.diff;

import dev.otelboard.cli.diff.OtlpLineParser.BadLineException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Trace and span ids as two longs, read from hex (OTLP JSON) or base64 (protobuf's JSON mapping). */
final class Ids {
  private static final byte[] HEX = hexDigits();

  private Ids() {}

  /**
   * Reads the id of {@code bytes} bytes at the cursor into {@code id} (high, low halves; 0 for an
   * empty or null id) and returns the low half.
   */
  static long read(JsonCursor json, int bytes, String field, long[] id) throws BadLineException {
    id[0] = 0;
    id[1] = 0;
    if (json.isNull()) {
      json.skipValue();
      return 0;
    }
    if (!json.isString()) {
      json.skipValue();
      throw new BadLineException(field + " must be a string");
    }
    long token = json.rawToken();
    int from = (int) (token >>> 32);
    int len = (int) token;
    if (len == 0) {
      return 0;
    }
    byte[] b = json.bytes();
    if (len == bytes * 2) {
      int bad = 0;
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < len; i++) {
        int c = b[from + i];
        int d = c >= 0 ? HEX[c] : -1;
        bad |= d;
        if (i < len - 16) {
          hi = (hi << 4) | (d & 0xf);
        } else {
          lo = (lo << 4) | (d & 0xf);
        }
      }
      if (bad >= 0) {
        id[0] = hi;
        id[1] = lo;
        return lo;
      }
    }
    String text = new String(b, from, len, StandardCharsets.ISO_8859_1);
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      raw = null;
    }
    if (raw == null || raw.length != bytes) {
      throw new BadLineException(field + " is neither " + bytes * 2 + " hex digits nor base64: \""
          + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"");
    }
    for (int i = 0; i < bytes; i++) {
      int half = bytes == 16 && i < 8 ? 0 : 1;
      id[half] = (id[half] << 8) | (raw[i] & 0xff);
    }
    return id[1];
  }

  private static byte[] hexDigits() {
    byte[] t = new byte[128];
    Arrays.fill(t, (byte) -1);
    for (int i = 0; i < 16; i++) {
      t["0123456789abcdef".charAt(i)] = (byte) i;
      t["0123456789ABCDEF".charAt(i)] = (byte) i;
    }
    return t;
  }
}
