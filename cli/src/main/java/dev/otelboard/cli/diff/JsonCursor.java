package dev.otelboard.cli.diff;

import dev.otelboard.cli.diff.OtlpLineParser.BadLineException;
import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader of one JSON value in a byte slice, made for OTLP JSON lines: field names
 * are compared as bytes, values nobody reads are skipped without being decoded, and strings become
 * Java strings only when asked for. The structure is checked where it is walked (objects, arrays,
 * commas, colons, string ends); the inside of a skipped value only as far as finding its end takes.
 */
final class JsonCursor {
  private byte[] b;
  private int pos;
  private int end;
  private int start;
  private int nameStart;
  private int nameLength;
  private boolean first;

  /** Thrown when the line ends inside a value. */
  static final class EndOfLineException extends BadLineException {
    private static final long serialVersionUID = 1L;

    EndOfLineException() {
      super("the line ends inside a JSON value");
    }
  }

  void reset(byte[] bytes, int offset, int length) {
    this.b = bytes;
    this.pos = offset;
    this.start = offset;
    this.end = offset + length;
  }

  /** The next byte that is not whitespace, without consuming it; -1 at the end of the line. */
  int peek() {
    while (pos < end) {
      byte c = b[pos];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return c;
      }
      pos++;
    }
    return -1;
  }

  boolean atEnd() {
    return peek() < 0;
  }

  /** Consumes a {@code {}; the caller then loops over {@link #nextField()}. */
  void enterObject(String what) throws BadLineException {
    int c = peek();
    if (c != '{') {
      throw c < 0 ? new EndOfLineException() : new BadLineException("not OTLP JSON: " + what + " must be an object");
    }
    pos++;
    first = true;
  }

  /** Consumes a {@code [}; the caller then loops over {@link #nextElement()}. */
  void enterArray(String what) throws BadLineException {
    int c = peek();
    if (c != '[') {
      throw c < 0 ? new EndOfLineException() : new BadLineException("not OTLP JSON: " + what + " must be an array");
    }
    pos++;
    first = true;
  }

  /**
   * Moves to the next field of the object just entered (or whose previous field's value was
   * consumed): true with the name available to {@link #name}, positioned at its value; false after
   * consuming the closing brace.
   */
  boolean nextField() throws BadLineException {
    int c = peek();
    if (c == '}') {
      pos++;
      first = false;
      return false;
    }
    if (!first) {
      if (c != ',') {
        throw unexpected(c, "',' or '}'");
      }
      pos++;
      c = peek();
    }
    first = false;
    if (c != '"') {
      throw unexpected(c, "a field name");
    }
    nameStart = pos + 1;
    skipString();
    nameLength = pos - 1 - nameStart;
    c = peek();
    if (c != ':') {
      throw unexpected(c, "':'");
    }
    pos++;
    return true;
  }

  /** Moves to the next element of the array just entered: false after consuming {@code ]}. */
  boolean nextElement() throws BadLineException {
    int c = peek();
    if (c == ']') {
      pos++;
      first = false;
      return false;
    }
    if (!first) {
      if (c != ',') {
        throw unexpected(c, "',' or ']'");
      }
      pos++;
      c = peek();
    }
    first = false;
    if (c < 0) {
      throw new EndOfLineException();
    }
    return true;
  }

  /** Whether the current field's name is {@code ascii}. */
  boolean name(byte[] ascii) {
    if (nameLength != ascii.length) {
      return false;
    }
    for (int i = 0; i < nameLength; i++) {
      if (b[nameStart + i] != ascii[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the value at the cursor is {@code null}. */
  boolean isNull() {
    return peek() == 'n' && pos + 4 <= end && b[pos + 1] == 'u' && b[pos + 2] == 'l' && b[pos + 3] == 'l';
  }

  /** Whether the value at the cursor is a string. */
  boolean isString() {
    return peek() == '"';
  }

  /** Skips the value at the cursor, whatever it is. */
  void skipValue() throws BadLineException {
    int c = peek();
    if (c == '"') {
      skipString();
    } else if (c == '{' || c == '[') {
      int depth = 0;
      while (true) {
        if (pos >= end) {
          throw new EndOfLineException();
        }
        byte x = b[pos];
        if (x == '"') {
          skipString();
          continue;
        }
        pos++;
        if (x == '{' || x == '[') {
          depth++;
        } else if (x == '}' || x == ']') {
          if (--depth == 0) {
            return;
          }
        }
      }
    } else {
      int from = pos;
      while (pos < end && isScalarByte(b[pos])) {
        pos++;
      }
      if (pos == from) {
        throw c < 0 ? new EndOfLineException() : unexpected(c, "a value");
      }
    }
  }

  private static boolean isScalarByte(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+'
        || c == '.';
  }

  /** Positions after the closing quote of the string starting at the cursor. */
  private void skipString() throws BadLineException {
    int i = pos + 1;
    while (i < end) {
      byte x = b[i];
      if (x == '"') {
        pos = i + 1;
        return;
      }
      i += x == '\\' ? 2 : 1;
    }
    throw new EndOfLineException();
  }

  /**
   * The value at the cursor as text: a string decoded, a number or literal as written; {@code ""}
   * for an object or array (skipped).
   */
  String text() throws BadLineException {
    int c = peek();
    if (c == '"') {
      int from = pos + 1;
      skipString();
      return decode(from, pos - 1);
    }
    if (c == '{' || c == '[') {
      skipValue();
      return "";
    }
    int from = pos;
    skipValue();
    return new String(b, from, pos - from, StandardCharsets.ISO_8859_1);
  }

  /** The string (or number) value's raw bytes: start offset and length into {@link #bytes()}, for ids. */
  long rawToken() throws BadLineException {
    int c = peek();
    int from;
    int to;
    if (c == '"') {
      from = pos + 1;
      skipString();
      to = pos - 1;
    } else {
      from = pos;
      skipValue();
      to = pos;
    }
    return ((long) from << 32) | (to - from);
  }

  byte[] bytes() {
    return b;
  }

  /** A non-negative integer written as a number or a string of digits; 0 when it is neither. */
  long unsigned() throws BadLineException {
    long token = rawToken();
    int from = (int) (token >>> 32);
    int len = (int) token;
    if (len == 0 || len > 19) {
      return 0;
    }
    long v = 0;
    for (int i = from; i < from + len; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return 0;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** The JSON string content at {@code bytes()[from..to)} (between its quotes), unescaped. */
  String decode(int from, int to) {
    boolean plain = true;
    for (int i = from; i < to; i++) {
      byte x = b[i];
      if (x == '\\' || x < 0) {
        plain = false;
        break;
      }
    }
    if (plain) {
      return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
    // Escapes or non-ASCII: runs of raw bytes decode as UTF-8, escapes append their character
    // (two \\u escapes of a surrogate pair join in the builder).
    StringBuilder out = new StringBuilder(to - from);
    int run = from;
    for (int i = from; i < to; i++) {
      if (b[i] != '\\' || i + 1 >= to) {
        continue;
      }
      out.append(new String(b, run, i - run, StandardCharsets.UTF_8));
      byte e = b[++i];
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          int cp = i + 4 < to ? hex4(i + 1) : -1;
          if (cp >= 0) {
            out.append((char) cp);
            i += 4;
          } else {
            out.append('u');
          }
        }
        default -> out.append((char) e);
      }
      run = i + 1;
    }
    out.append(new String(b, run, to - run, StandardCharsets.UTF_8));
    return out.toString();
  }

  private int hex4(int at) {
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(b[i], 16);
      if (d < 0) {
        return -1;
      }
      v = (v << 4) | d;
    }
    return v;
  }

  /** The current field name, for messages. */
  String name() {
    return new String(b, nameStart, nameLength, StandardCharsets.UTF_8);
  }

  /** Hash of the string value at {@code [from, from+len)}, for interning. */
  int hash(int from, int len) {
    int h = 0;
    for (int i = from; i < from + len; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  private BadLineException unexpected(int c, String expected) {
    if (c < 0) {
      return new EndOfLineException();
    }
    String found = c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c & 0xff);
    return new BadLineException("not JSON: expected " + expected + " at column " + (pos - start + 1) + ", found " + found);
  }
}
