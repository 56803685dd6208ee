package dev.otelboard.cli.onboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command with a deadline; on timeout the whole process tree is killed. Output
 * (stdout and stderr together) goes to a temporary file, so a chatty child never blocks on a full
 * pipe.
 */
public final class ProcessRunner {
  private ProcessRunner() {}

  /**
   * What a finished (or killed) command left.
   *
   * @param exitCode the exit code, or -1 when it was killed at the deadline
   * @param output stdout and stderr, interleaved
   * @param timedOut whether the deadline killed it
   */
  public record Result(int exitCode, String output, boolean timedOut) {}

  /** Runs {@code command} in {@code directory}, killing it and its children after {@code timeout}. */
  public static Result run(List<String> command, Path directory, Duration timeout)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("otelboard-process", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      return new Result(finished ? process.exitValue() : -1, output, !finished);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
