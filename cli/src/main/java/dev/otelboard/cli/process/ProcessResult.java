package dev.otelboard.cli.process;

import java.time.Duration;
import java.util.List;

/**
 * How a process ended.
 *
 * @param name the spec's name
 * @param exitCode the exit code; for a process ended by a signal, 128 + the signal number
 * @param timedOut whether the deadline of {@link ProcessRunner#run} ended it
 * @param forciblyKilled whether some process of its tree had to be killed after the grace period
 * @param elapsed from start to the end of the last process of the tree
 * @param tail the last lines of its output, oldest first; every line for {@link
 *     ProcessOutput#captured()}
 * @param outputLines how many lines it wrote in all
 */
public record ProcessResult(
    String name,
    int exitCode,
    boolean timedOut,
    boolean forciblyKilled,
    Duration elapsed,
    List<String> tail,
    long outputLines) {

  /** Copies the tail. */
  public ProcessResult {
    tail = List.copyOf(tail);
  }

  /** Whether it ended by itself with exit code 0. */
  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }
}
