package dev.otelboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MainTest {

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void exitCodesAreTheOnesDesignMdDocuments() throws Exception {
    Path design = Path.of("../../shared/DESIGN.md");
    if (Files.exists(design)) {
      String text = Files.readString(design);
      Matcher m =
          Pattern.compile("0 ok · 1 check failed .*? 2 usage error · 3 bad input .*? 4 environment")
              .matcher(text.replace('\n', ' '));
      assertThat(m.find()).as("DESIGN.md still documents the exit codes we implement").isTrue();
    }
    assertThat(ExitCode.OK).isZero();
    assertThat(ExitCode.CHECK_FAILED).isEqualTo(1);
    assertThat(ExitCode.USAGE).isEqualTo(2);
    assertThat(ExitCode.BAD_INPUT).isEqualTo(3);
    assertThat(ExitCode.ENVIRONMENT).isEqualTo(4);
  }

  @Test
  void versionNamesTheOpenTelemetryVersionsItTargets() {
    Run r = run("--version");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .startsWith("otelboard ")
        .contains("opentelemetry-bom)        1.68.0")
        .contains("2.31.1 / 2.31.1-alpha")
        .contains("grpc-java                                        1.85.1");
  }

  @Test
  void unknownOptionIsAUsageErrorWithTheUsageMessage() {
    Run r = run("scan", "--bogus");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Usage: otelboard scan");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    Run r = run("deploy");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("Unmatched argument at index 0: 'deploy'");
  }

  @Test
  void everySubcommandHasHelpWithAnExample() {
    for (String command : new String[] {"scan", "onboard", "verify", "check", "generate", "collector"}) {
      Run r = run(command, "--help");
      assertThat(r.exitCode()).as(command).isEqualTo(ExitCode.OK);
      assertThat(r.out()).as(command).contains("Usage: otelboard " + command).contains("Example");
    }
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    Run r = run("--help");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("scan", "onboard", "verify", "check", "generate", "collector")
        .contains("Exit codes:")
        .contains("4  environment");
  }
}
