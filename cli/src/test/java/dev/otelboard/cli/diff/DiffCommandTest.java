package dev.otelboard.cli.diff;

import static dev.otelboard.cli.diff.Capture.id;
import static dev.otelboard.cli.diff.Capture.log;
import static dev.otelboard.cli.diff.Capture.span;
import static dev.otelboard.cli.diff.Capture.trace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code otelboard diff} through Main: outputs, exit codes, errors. */
class DiffCommandTest {
  @TempDir Path temp;
  private Path full;
  private Path partial;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void captures() throws IOException {
    Capture a = new Capture();
    Capture b = new Capture();
    for (int i = 0; i < 10; i++) {
      String server = span(trace(i), id(2 * i), "", "GET /a", 2, "http.request.method", "GET", "url.path", "/a/" + i);
      String client = span(trace(i), id(2 * i + 1), id(2 * i), "GET", 3, "http.request.method", "GET",
          "url.full", "http://b/b?i=" + i);
      a.spans("svc", server, client).logs("svc", "com.example.A", log(trace(i), id(2 * i), "request " + i));
      b.spans("svc", server).logs("svc", "com.example.A", log(trace(i), id(2 * i), "request " + i));
    }
    full = a.write(temp.resolve("a.jsonl"));
    partial = b.write(temp.resolve("b.jsonl"));
  }

  @Test
  void sameRunsExitZeroWithResultsOnStdoutAndProgressOnStderr() {
    Run r = run("diff", full.toString(), full.toString());

    assertThat(r.code()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("otelboard diff\n").contains("Diff: PASS").doesNotContain("otelboard diff: read");
    assertThat(r.err()).contains("otelboard diff: read A " + full + ": 20 spans, 10 log records");
  }

  @Test
  void aLostGroupExitsOneAndIsRankedFirst() {
    Run r = run("diff", full.toString(), partial.toString());

    assertThat(r.code()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out()).contains("Diff: FAIL (1 problem)", "  - B lost 1 span group(s); --max-lost-groups allows 0",
        "What B lost (1, most important first):\n   1. [span-group] svc  CLIENT GET /b\n      10 span(s) in A, none in B");
  }

  @Test
  void maxLostGroupsLetsAKnownLossPass() {
    assertThat(run("diff", full.toString(), partial.toString(), "--max-lost-groups", "1").code()).isEqualTo(ExitCode.OK);
  }

  @Test
  void jsonHasTheGateTheRankedListsAndBothSides() throws IOException {
    Run r = run("diff", full.toString(), partial.toString(), "--format", "json");

    JsonNode d = new ObjectMapper().readTree(r.out());
    assertThat(d.path("passed").asBoolean()).isFalse();
    assertThat(d.path("lostGroups").asInt()).isEqualTo(1);
    assertThat(d.path("lost").get(0).path("category").asText()).isEqualTo("span-group");
    assertThat(d.path("lost").get(0).path("subject").asText()).isEqualTo("CLIENT GET /b");
    JsonNode group = d.path("services").get(0).path("groups").get(0);
    assertThat(group.path("label").asText()).isEqualTo("CLIENT GET /b");
    assertThat(group.path("a").path("count").asLong()).isEqualTo(10);
    assertThat(group.path("b").isNull()).isTrue();
  }

  @Test
  void theHtmlPageIsSelfContainedAndSideBySide() throws IOException {
    Path html = temp.resolve("out/diff.html");

    Run r = run("diff", full.toString(), partial.toString(), "--report-html", html.toString());

    assertThat(r.err()).contains("HTML report written to " + html);
    String page = Files.readString(html);
    assertThat(page).contains("data-passed=\"false\"", "data-lost=\"1\"",
        "data-service=\"svc\" data-state=\"lost\"><td><details><summary>CLIENT GET /b</summary>");
    assertThat(page).doesNotContain("<script src", "<link ", "http://cdn");
  }

  @Test
  void aLineThatIsNotOtlpJsonIsBadInputWithFileAndLine() throws IOException {
    Path bad = temp.resolve("bad.jsonl");
    Files.writeString(bad, Files.readString(full) + "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\"");

    Run r = run("diff", full.toString(), bad.toString());

    assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
    int line = Files.readAllLines(full).size() + 1;
    assertThat(r.err()).isEqualTo("otelboard: " + bad + ":" + line
        + ": truncated line: the file ends inside a JSON value (was the capture cut off?)\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void usageErrors() {
    assertThat(run("diff", full.toString()).code()).isEqualTo(ExitCode.USAGE);
    assertThat(run("diff", full.toString(), temp.resolve("missing").toString()).code()).isEqualTo(ExitCode.USAGE);
    assertThat(run("diff", full.toString(), full.toString(), "--format", "xml").code()).isEqualTo(ExitCode.USAGE);
    assertThat(run("diff", full.toString(), full.toString(), "--min-correlation-ratio", "2").code())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void helpShowsExamples() {
    Run r = run("diff", "--help");

    assertThat(r.out()).contains("Examples:", "otelboard diff agent.jsonl code.jsonl", "--max-lost-groups=N",
        "--min-correlation-ratio=R");
  }
}
