package dev.otelboard.cli.command;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code otelboard} command: holds the global options and the subcommands. */
@Command(
    name = "otelboard",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Onboards Java services to OpenTelemetry and proves the result:",
      "every log line joined to its trace, context carried across threads and services."
    },
    subcommands = {
      ScanCommand.class,
      OnboardCommand.class,
      VerifyCommand.class,
      DiffCommand.class,
      CheckCommand.class,
      GenerateCommand.class,
      CollectorCommand.class,
      LoadgenCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  ok",
      "  1  check failed (findings, correlation below threshold)",
      "  2  usage error",
      "  3  bad input (unparseable file, invalid config), with file:line",
      "  4  environment (port busy, command failed, feature not built yet)"
    })
public final class OtelboardCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces and extra diagnostics on stderr.")
  boolean verbose;

  @Override
  public void run() {
    // `otelboard` alone: show what there is to do.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line with its streams, error handling and colors decided once: colors only
   * when stdout is a terminal and NO_COLOR is unset.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
    CommandLine cl = new CommandLine(new OtelboardCommand());
    boolean colors =
        System.console() != null
            && !env.containsKey("NO_COLOR")
            && !"dumb".equals(env.getOrDefault("TERM", "dumb"));
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(colors ? Ansi.ON : Ansi.OFF));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(OtelboardCommand::handleFailure);
    return cl;
  }

  private static int handleFailure(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean verbose = verboseInAnySubcommand(parseResult);
    int code;
    String message;
    if (ex instanceof OtelboardException failure) {
      code = failure.exitCode();
      message = failure.getMessage();
    } else {
      code = ExitCode.ENVIRONMENT;
      message = describe(ex);
    }
    err.println("otelboard: " + message);
    if (verbose) {
      ex.printStackTrace(err);
    } else if (!(ex instanceof OtelboardException)) {
      err.println("otelboard: (run again with --verbose for the stack trace)");
    }
    err.flush();
    return code;
  }

  private static boolean verboseInAnySubcommand(CommandLine.ParseResult result) {
    for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable ex) {
    String message = ex.getMessage();
    String type = ex.getClass().getSimpleName();
    return message == null || message.isBlank() ? "unexpected " + type : message + " (" + type + ")";
  }
}
