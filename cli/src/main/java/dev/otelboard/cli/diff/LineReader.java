package dev.otelboard.cli.diff;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes, counting lines, without decoding to strings: the JSON parser
 * reads UTF-8 bytes directly. Holds one line at a time (a capture line is one export request).
 */
final class LineReader implements Closeable {
  /** Longest line read, {@value} bytes; a longer one is bad input, not a reason to run out of heap. */
  static final int MAX_LINE = 256 * 1024 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 20];
  private int pos;
  private int limit;
  private byte[] line = new byte[1 << 16];
  private int length;
  private long number;
  private boolean newline;

  LineReader(InputStream in) {
    this.in = in;
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
    length = 0;
    while (true) {
      if (pos == limit) {
        int n = in.read(buffer);
        if (n <= 0) {
          pos = 0;
          limit = 0;
          if (length == 0) {
            return false;
          }
          number++;
          newline = false;
          return true;
        }
        pos = 0;
        limit = n;
      }
      int nl = indexOfNewline(pos, limit);
      int end = nl < 0 ? limit : nl;
      append(pos, end);
      if (nl >= 0) {
        pos = nl + 1;
        number++;
        newline = true;
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        return true;
      }
      pos = limit;
    }
  }

  private int indexOfNewline(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int to) throws LineTooLongException {
    int n = to - from;
    if (length + n > line.length) {
      if ((long) length + n > MAX_LINE) {
        throw new LineTooLongException();
      }
      line = Arrays.copyOf(line, (int) Math.min(MAX_LINE, Math.max((long) line.length * 2, length + n)));
    }
    System.arraycopy(buffer, from, line, length, n);
    length += n;
  }

  /** The current line's bytes, valid up to {@link #length()} until the next call to {@link #next()}. */
  byte[] bytes() {
    return line;
  }

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
    for (int i = 0; i < length; i++) {
      byte b = line[i];
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
