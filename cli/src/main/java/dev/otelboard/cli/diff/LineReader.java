package dev.otelboard.cli.diff;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes, counting lines, without copying or decoding them: a line is
 * handed out as a slice of the read buffer, which the JSON parser reads as UTF-8 directly. The
 * buffer grows only for a line longer than itself (a capture line is one export request).
 */
final class LineReader implements Closeable {
  /** Longest line read, {@value} bytes; a longer one is bad input, not a reason to run out of heap. */
  static final int MAX_LINE = 256 * 1024 * 1024;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final InputStream in;
  private byte[] buffer;
  private int pos;
  private int limit;
  private int offset;
  private int length;
  private long number;
  private boolean newline;

  LineReader(InputStream in) {
    this(in, 1 << 20);
  }

  LineReader(InputStream in, int bufferSize) {
    this.in = in;
    this.buffer = new byte[bufferSize];
  }

  /** Thrown for a line longer than {@link #MAX_LINE}. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException() {
      super("line longer than " + MAX_LINE / (1024 * 1024) + " MiB");
    }
  }

  /** Advances to the next line; false at the end of the file. */
  boolean next() throws IOException {
    int start = pos;
    int scan = pos;
    while (true) {
      int nl = indexOfNewline(scan, limit);
      if (nl >= 0) {
        offset = start;
        length = nl - start;
        if (length > 0 && buffer[nl - 1] == '\r') {
          length--;
        }
        pos = nl + 1;
        number++;
        newline = true;
        return true;
      }
      // No newline in what is buffered: keep the line's start, read more behind it.
      int have = limit - start;
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, have);
      }
      start = 0;
      limit = have;
      scan = have;
      if (limit == buffer.length) {
        if (buffer.length >= MAX_LINE) {
          throw new LineTooLongException();
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_LINE, 2L * buffer.length));
      }
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n <= 0) {
        pos = limit;
        if (have == 0) {
          return false;
        }
        offset = 0;
        length = have;
        number++;
        newline = false;
        return true;
      }
      limit += n;
    }
  }

  /** The first {@code \n} in {@code buffer[from..to)}, eight bytes at a time. */
  private int indexOfNewline(int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(buffer, i) ^ 0x0A0A0A0A0A0A0A0AL;
      long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The array holding the current line, valid until the next call to {@link #next()}. */
  byte[] bytes() {
    return buffer;
  }

  /** Where the current line starts in {@link #bytes()}. */
  int offset() {
    return offset;
  }

  /** The current line's length in bytes, without its line break. */
  int length() {
    return length;
  }

  /** 1-based number of the current line. */
  long number() {
    return number;
  }

  /** Whether the current line ended with a newline (the last line of a cut-off file does not). */
  boolean endedWithNewline() {
    return newline;
  }

  /** Whether the current line is empty or only whitespace. */
  boolean blank() {
    for (int i = offset; i < offset + length; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
