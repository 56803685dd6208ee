package dev.otelboard.cli.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Reads a file that another process is still writing, like {@code tail -f}: at the end of the
 * file it waits for more until {@code finished} says the writer is done and the end is reached.
 */
final class FollowingInputStream extends InputStream {
  private static final long POLL_MILLIS = 25;

  private final Path file;
  private final BooleanSupplier finished;
  private InputStream in;

  FollowingInputStream(Path file, BooleanSupplier finished) {
    this.file = file;
    this.finished = finished;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (true) {
      if (in == null && Files.exists(file)) {
        in = Files.newInputStream(file);
      }
      // Ask before reading: whatever was written before the writer finished is read below.
      boolean done = finished.getAsBoolean();
      int n = in == null ? -1 : in.read(b, off, len);
      if (n > 0) {
        return n;
      }
      if (done) {
        return -1;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }
}
