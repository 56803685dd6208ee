package dev.otelboard.cli;

import dev.otelboard.cli.command.OtelboardCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the otelboard executable. */
public final class Main {
  private Main() {}

  /** Runs otelboard and exits with its exit code; the only place that calls System.exit. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs otelboard with the given streams and returns the exit code of {@link ExitCode}. Tests call
   * this directly.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return OtelboardCommand.commandLine(out, err, System.getenv()).execute(args);
  }
}
