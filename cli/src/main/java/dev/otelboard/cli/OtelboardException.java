package dev.otelboard.cli;

import java.nio.file.Path;

/**
 * The one exception type commands throw to stop with a message and an exit code. Main prints
 * {@code otelboard: <message>} on one line; {@code --verbose} adds the stack trace.
 */
public final class OtelboardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** Creates a failure with the given {@link ExitCode} and one-line message. */
  public OtelboardException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** Creates a failure that keeps its cause for {@code --verbose}. */
  public OtelboardException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A bad input file: exit 3, message {@code file:line: what}. A line below 1 is left out. */
  public static OtelboardException badInput(Path file, int line, String what) {
    String where = line > 0 ? file + ":" + line : file.toString();
    return new OtelboardException(ExitCode.BAD_INPUT, where + ": " + what);
  }

  /** The environment failed (port busy, child command failed): exit 4. */
  public static OtelboardException environment(String message) {
    return new OtelboardException(ExitCode.ENVIRONMENT, message);
  }

  /** The exit code from {@link ExitCode} this failure maps to. */
  public int exitCode() {
    return exitCode;
  }
}
