package dev.otelboard.cli.process;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Where a child's output (stdout and stderr merged) goes: through to a writer with a prefix on
 * every line, into a file, into memory whole, or nowhere. The last lines are always kept for error
 * messages ({@link RunningProcess#tail()}).
 */
public final class ProcessOutput {
  enum Kind {
    PREFIXED,
    FILE,
    CAPTURED,
    DISCARD
  }

  /** How many lines {@link #captured()} keeps at most: the last ones, as for any tail. */
  static final int CAPTURED_LINES = 100_000;

  private final Kind kind;
  private final String prefix;
  private final PrintWriter writer;
  private final Path file;

  private ProcessOutput(Kind kind, String prefix, PrintWriter writer, Path file) {
    this.kind = kind;
    this.prefix = prefix;
    this.writer = writer;
    this.file = file;
  }

  /**
   * Every line goes to {@code writer} as {@code prefix + line}, flushed per line. Several processes
   * may share one writer: lines are written whole, never interleaved.
   */
  public static ProcessOutput prefixed(String prefix, PrintWriter writer) {
    return new ProcessOutput(
        Kind.PREFIXED, requireNonNull(prefix, "prefix"), requireNonNull(writer, "writer"), null);
  }

  /**
   * The child writes into {@code file} itself (created or truncated), as a shell's {@code > file}
   * would; otelboard only reads it to follow the lines.
   */
  public static ProcessOutput toFile(Path file) {
    return new ProcessOutput(Kind.FILE, null, null, requireNonNull(file, "file").toAbsolutePath());
  }

  /**
   * Every line is kept (up to {@value #CAPTURED_LINES}) and returned as the result's {@link
   * ProcessResult#tail() tail}: for short commands whose output is the answer, such as {@code git
   * status --porcelain}.
   */
  public static ProcessOutput captured() {
    return new ProcessOutput(Kind.CAPTURED, null, null, null);
  }

  /** Output is read (for listeners and the tail) and otherwise dropped. */
  public static ProcessOutput discard() {
    return new ProcessOutput(Kind.DISCARD, null, null, null);
  }

  Kind kind() {
    return kind;
  }

  /** How many of the last lines the tail keeps. */
  int tailLines() {
    return kind == Kind.CAPTURED ? CAPTURED_LINES : OutputPump.TAIL_LINES;
  }

  String prefix() {
    return prefix;
  }

  PrintWriter writer() {
    return writer;
  }

  /** The file output goes to, or null when it doesn't go to a file. */
  public Path file() {
    return file;
  }
}
