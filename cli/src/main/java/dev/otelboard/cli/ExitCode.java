package dev.otelboard.cli;

/** The exit codes every otelboard command uses (DESIGN.md, "Exit codes"). */
public final class ExitCode {
  /** Everything worked. */
  public static final int OK = 0;
  /** A check failed: findings, or correlation below its threshold. */
  public static final int CHECK_FAILED = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** An input file was unparseable or a config invalid; the message names file and line. */
  public static final int BAD_INPUT = 3;
  /** The environment failed us: a busy port, a command that failed, a feature not built yet. */
  public static final int ENVIRONMENT = 4;

  private ExitCode() {}
}
