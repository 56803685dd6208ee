package dev.otelboard.cli.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.otelboard.cli.process.ProcessOutput;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium (Debian's package, which .ci/run installs)
 * loads the file with the network off, runs its script, and the rendered DOM shows the trace count;
 * a screenshot is taken. Skipped, saying why, where Chromium is not installed.
 */
class VerdictHtmlChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final int TRACES = 12;

  @TempDir static Path temp;
  private static Path page;

  @BeforeAll
  static void writeThePage() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM),
        "skipped: " + CHROMIUM + " is not installed (apt-get install chromium; .ci/run does it)");
    page = temp.resolve("verdict.html");
    VerdictHtml.write(Reports.sample(TRACES), page);
  }

  private static ProcessResult chromium(Path output, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createTempDirectory(temp, "profile")));
    command.addAll(List.of(args));
    command.add(page.toUri().toString());
    ProcessSpec spec =
        ProcessSpec.builder(command).setName("chromium").setOutput(ProcessOutput.toFile(output)).build();
    return ProcessRunner.run(spec, Duration.ofSeconds(90),
        Duration.ofSeconds(5));
  }

  @Test
  void thePageRendersWithItsScriptRunAndShowsTheTraceCount() throws Exception {
    Path output = temp.resolve("dom.txt");
    ProcessResult r = chromium(output, "--dump-dom");
    assertThat(r.exitCode()).as(String.join("\n", r.tail())).isZero();
    // The dumped DOM, with Chromium's own stderr chatter around it.
    String dom = Files.readString(output);
    Matcher body = Pattern.compile("<body ([^>]*)>").matcher(dom);

    assertThat(body.find()).as(dom).isTrue();
    assertThat(body.group(1))
        .contains("data-trace-count=\"" + TRACES + "\"")
        .contains("data-ready=\"true\"");
    assertThat(dom).contains("<span id=\"shown-traces\">" + TRACES + "</span>");
  }

  @Test
  void aScreenshotIsTaken() throws Exception {
    Path shot = temp.resolve("verdict.png");

    ProcessResult r = chromium(temp.resolve("screenshot.txt"), "--window-size=1280,1600", "--screenshot=" + shot);

    assertThat(r.exitCode()).as(String.join("\n", r.tail())).isZero();
    byte[] png = Files.readAllBytes(shot);
    assertThat(png.length).isGreaterThan(20_000);
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }
}
