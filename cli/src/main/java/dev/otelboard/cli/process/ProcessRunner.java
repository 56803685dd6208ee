package dev.otelboard.cli.process;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one way otelboard runs an external command. Every process it starts is tracked with its
 * descendants until it is closed: a watcher refreshes each tree every {@value #WATCH_MILLIS} ms
 * (so children that outlive their parent are still known), and a JVM shutdown hook kills whatever
 * is left if otelboard itself is stopped. Output never blocks the child: it is pumped on a thread
 * per process (or written by the child into a file and followed).
 */
public final class ProcessRunner {
  static final long WATCH_MILLIS = 200;

  /** setsid(1) where available (Linux): each command leads its own session, see {@link ProcessTree}. */
  private static final Path SETSID = setsid();

  private static final Set<RunningProcess> RUNNING = ConcurrentHashMap.newKeySet();
  private static final ScheduledExecutorService WATCHER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "otelboard-process-watcher");
            t.setDaemon(true);
            return t;
          });

  static {
    WATCHER.scheduleWithFixedDelay(
        () -> RUNNING.forEach(RunningProcess::refreshTree),
        WATCH_MILLIS,
        WATCH_MILLIS,
        TimeUnit.MILLISECONDS);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(RunningProcess::killNow), "otelboard-process-reaper"));
  }

  private ProcessRunner() {}

  /**
   * Starts {@code spec}'s command with stdin from the null device. The caller owns the result and
   * must {@link RunningProcess#close() close} it.
   *
   * @throws IOException when the program cannot be started (not found, not executable, no such
   *     directory); the message says which
   */
  public static RunningProcess start(ProcessSpec spec) throws IOException {
    requireNonNull(spec, "spec");
    if (!spec.directory().toFile().isDirectory()) {
      throw new IOException(
          "cannot run " + spec.name() + ": directory " + spec.directory() + " does not exist");
    }
    Path program = findProgram(spec);
    List<String> command = new ArrayList<>();
    boolean ownSession = SETSID != null;
    if (ownSession) {
      command.add(SETSID.toString());
    }
    command.add(program.toString());
    command.addAll(spec.command().subList(1, spec.command().size()));
    ProcessBuilder pb = new ProcessBuilder(command).directory(spec.directory().toFile());
    Map<String, String> env = pb.environment();
    spec.removedEnvironment().forEach(env::remove);
    env.putAll(spec.environment());
    pb.redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    ProcessOutput output = spec.output();
    if (output.kind() == ProcessOutput.Kind.FILE) {
      File parent = output.file().toFile().getParentFile();
      if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
        throw new IOException("cannot create directory " + parent);
      }
      pb.redirectOutput(ProcessBuilder.Redirect.to(output.file().toFile()));
    }
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot run `" + spec.commandLine() + "` in " + spec.directory()
          + ": " + rootMessage(e), e);
    }
    InputStream in =
        output.kind() == ProcessOutput.Kind.FILE
            ? new FollowingInputStream(output.file(), () -> !process.isAlive())
            : process.getInputStream();
    OutputPump pump =
        new OutputPump(
            in,
            output.kind() == ProcessOutput.Kind.PREFIXED ? output.prefix() : "",
            output.kind() == ProcessOutput.Kind.PREFIXED ? output.writer() : null,
            spec.lineListeners(),
            output.tailLines());
    Thread pumpThread = new Thread(pump, "otelboard-output-" + spec.name());
    pumpThread.setDaemon(true);
    RunningProcess running = new RunningProcess(spec, process, ownSession, pump, pumpThread);
    RUNNING.add(running);
    pumpThread.start();
    return running;
  }

  /**
   * Runs {@code spec} to completion. Past {@code timeout} the tree is stopped (SIGTERM, then SIGKILL
   * after {@code grace}) and the result says it timed out; children left behind by a command that
   * exited by itself are stopped the same way.
   */
  public static ProcessResult run(ProcessSpec spec, Duration timeout, Duration grace)
      throws IOException, InterruptedException {
    requireNonNull(timeout, "timeout");
    requireNonNull(grace, "grace");
    RunningProcess running = start(spec);
    try {
      OptionalInt code = running.waitFor(timeout);
      if (code.isEmpty()) {
        running.markTimedOut();
      }
      return running.stop(grace);
    } finally {
      running.close();
    }
  }

  /**
   * The program to execute: a name with a slash is taken relative to the working directory, a
   * bare name is looked up on PATH. Done here rather than by the OS so that a missing program is
   * reported as such even when {@code setsid} is in front of it.
   */
  private static Path findProgram(ProcessSpec spec) throws IOException {
    String name = spec.command().get(0);
    if (name.contains("/") || name.contains(File.separator)) {
      Path p = spec.directory().resolve(name).normalize();
      if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
        throw new IOException("cannot run `" + spec.commandLine() + "` in " + spec.directory()
            + ": " + p + (Files.exists(p) ? " is not executable" : " does not exist"));
      }
      return p;
    }
    String path = System.getenv("PATH");
    String override = spec.environment().get("PATH");
    for (String dir : (override != null ? override : path == null ? "" : path).split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir).resolve(name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IOException("cannot run `" + spec.commandLine() + "`: " + name + " is not on PATH");
  }

  private static Path setsid() {
    if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return null;
    }
    for (String candidate : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
      Path p = Path.of(candidate);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  static void forget(RunningProcess process) {
    RUNNING.remove(process);
  }

  private static String rootMessage(IOException e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int cut = m.indexOf("error=");
    return cut >= 0 ? m.substring(cut) : m;
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
