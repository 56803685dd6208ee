package dev.otelboard.cli.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a child's output line by line on its own thread, so a chatty child never blocks on a full
 * pipe: each line goes to the prefixed writer (if any), to the listeners, and into a bounded tail
 * ({@value #TAIL_LINES} lines, or more for {@link ProcessOutput#captured()}).
 */
final class OutputPump implements Runnable {
  static final int TAIL_LINES = 40;
  private static final int MAX_LINE_BYTES = 16 * 1024;

  private final InputStream in;
  private final String prefix;
  private final PrintWriter writer;
  private final List<Consumer<String>> listeners;
  private final int tailLines;
  private final Deque<String> tail = new ArrayDeque<>();
  private long lines;

  OutputPump(
      InputStream in,
      String prefix,
      PrintWriter writer,
      List<Consumer<String>> listeners,
      int tailLines) {
    this.in = in;
    this.prefix = prefix;
    this.writer = writer;
    this.listeners = listeners;
    this.tailLines = tailLines;
  }

  @Override
  public void run() {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '\n') {
            emit(line);
          } else {
            line.write(b);
            if (line.size() >= MAX_LINE_BYTES) {
              emit(line);
            }
          }
        }
      }
    } catch (IOException e) {
      // The stream closed under us (the process was killed): what was read is kept.
    }
    if (line.size() > 0) {
      emit(line);
    }
  }

  private void emit(ByteArrayOutputStream bytes) {
    String text = bytes.toString(StandardCharsets.UTF_8);
    bytes.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    synchronized (this) {
      lines++;
      tail.addLast(text);
      if (tail.size() > tailLines) {
        tail.removeFirst();
      }
    }
    if (writer != null) {
      synchronized (writer) {
        writer.print(prefix);
        writer.println(text);
        writer.flush();
      }
    }
    for (Consumer<String> listener : listeners) {
      try {
        listener.accept(text);
      } catch (RuntimeException e) {
        // A listener's bug must not stop the output from being drained.
      }
    }
  }

  synchronized List<String> tail() {
    return new ArrayList<>(tail);
  }

  synchronized long lines() {
    return lines;
  }
}
