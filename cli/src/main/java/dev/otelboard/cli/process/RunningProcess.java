package dev.otelboard.cli.process;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A started process and its tree. {@link #stop(Duration)} ends the whole tree: SIGTERM to every
 * process in it, then SIGKILL to whatever is left after the grace period. {@link #close()} makes
 * sure nothing of the tree is left running, including children a command left behind when it
 * exited by itself.
 */
public final class RunningProcess implements AutoCloseable {
  /** Grace period of {@link #close()}, 10 seconds. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  private static final long POLL_MILLIS = 50;
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final ProcessSpec spec;
  private final Process process;
  private final ProcessTree tree;
  private final OutputPump pump;
  private final Thread pumpThread;
  private final long startNanos = System.nanoTime();
  private volatile long endNanos;
  private boolean forciblyKilled;
  private boolean timedOut;

  RunningProcess(
      ProcessSpec spec, Process process, boolean ownSession, OutputPump pump, Thread pumpThread) {
    this.spec = spec;
    this.process = process;
    this.tree = new ProcessTree(process.toHandle(), ownSession);
    this.pump = pump;
    this.pumpThread = pumpThread;
  }

  /** The spec's name. */
  public String name() {
    return spec.name();
  }

  /** The spec it runs. */
  public ProcessSpec spec() {
    return spec;
  }

  /** The root process's pid. */
  public long pid() {
    return process.pid();
  }

  /** Whether the root process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Whether the root process or any descendant seen so far is still running. */
  public boolean isTreeAlive() {
    return !tree.alive().isEmpty();
  }

  /** The root and its live descendants right now, e.g. for tests that nothing was left behind. */
  public List<ProcessHandle> liveTree() {
    return tree.alive();
  }

  /** Waits up to {@code timeout} for the root process to exit; its exit code, or empty. */
  public OptionalInt waitFor(Duration timeout) throws InterruptedException {
    requireNonNull(timeout, "timeout");
    if (process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
      markEnded();
      return OptionalInt.of(process.exitValue());
    }
    return OptionalInt.empty();
  }

  /** The exit code if the root process has exited. */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /** The last lines of output, oldest first. */
  public List<String> tail() {
    return pump.tail();
  }

  /** Output lines read so far. */
  public long outputLines() {
    return pump.lines();
  }

  void refreshTree() {
    tree.refresh();
  }

  void markTimedOut() {
    timedOut = true;
  }

  /**
   * Ends the whole tree: SIGTERM to every live process in it, up to {@code grace} for all of them
   * to exit, then SIGKILL to the rest. Returns how the root ended. Idempotent.
   */
  public synchronized ProcessResult stop(Duration grace) throws InterruptedException {
    requireNonNull(grace, "grace");
    List<ProcessHandle> alive = tree.alive();
    if (!alive.isEmpty()) {
      for (ProcessHandle h : alive) {
        h.destroy();
      }
      long deadline = System.nanoTime() + grace.toNanos();
      while (!(alive = tree.alive()).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(POLL_MILLIS);
      }
      if (!alive.isEmpty()) {
        forciblyKilled = true;
        killAll();
      }
    }
    return result();
  }

  /** SIGKILL to the whole tree at once, without a grace period. */
  public synchronized ProcessResult kill() throws InterruptedException {
    if (!tree.alive().isEmpty()) {
      forciblyKilled = true;
      killAll();
    }
    return result();
  }

  private void killAll() throws InterruptedException {
    long deadline = System.nanoTime() + KILL_WAIT.toNanos();
    List<ProcessHandle> alive;
    while (!(alive = tree.alive()).isEmpty() && System.nanoTime() < deadline) {
      for (ProcessHandle h : alive) {
        h.destroyForcibly();
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private ProcessResult result() throws InterruptedException {
    process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    markEnded();
    // The pump ends when the last writer of the pipe (or file) is gone.
    pumpThread.join(2000);
    return new ProcessResult(
        spec.name(),
        process.isAlive() ? -1 : process.exitValue(),
        timedOut,
        forciblyKilled,
        Duration.ofNanos((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos),
        pump.tail(),
        pump.lines());
  }

  private void markEnded() {
    if (endNanos == 0 && !process.isAlive()) {
      endNanos = System.nanoTime();
    }
  }

  /**
   * Stops the tree if anything of it still runs (SIGTERM, then SIGKILL after {@link
   * #DEFAULT_GRACE}) and forgets it.
   */
  @Override
  public void close() {
    try {
      stop(DEFAULT_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      for (ProcessHandle h : tree.alive()) {
        h.destroyForcibly();
      }
    } finally {
      ProcessRunner.forget(this);
    }
  }

  /** Kills without waiting; for the JVM shutdown hook. */
  void killNow() {
    for (ProcessHandle h : tree.alive()) {
      h.destroyForcibly();
    }
  }
}
