package dev.otelboard.cli;

import dev.otelboard.cli.command.OtelboardCommand;
import io.netty.util.ResourceLeakDetector;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the otelboard executable. */
public final class Main {
  private Main() {}

  /** Runs otelboard and exits with its exit code; the only place that calls System.exit. */
  public static void main(String[] args) {
    quietNettyLeakDetection();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Netty's leak detector samples 1 in 128 buffer allocations and fills in a stack trace for each
   * (0.4% of the collector's CPU and 0.6% of the load generator's under load): off for the
   * otelboard process unless Netty's own property chose a level. Set here, not in the collector or
   * the load generator, because the level is JVM-wide: tests and embedders keep Netty's default.
   */
  private static void quietNettyLeakDetection() {
    if (System.getProperty("io.netty.leakDetection.level") == null
        && System.getProperty("io.netty.leakDetectionLevel") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }

  /**
   * Runs otelboard with the given streams and returns the exit code of {@link ExitCode}. Tests call
   * this directly.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return OtelboardCommand.commandLine(out, err, System.getenv()).execute(args);
  }
}
