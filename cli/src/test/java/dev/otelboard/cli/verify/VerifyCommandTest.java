package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.Main;
import dev.otelboard.cli.verify.fake.FakeService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code otelboard verify} end to end: real processes exporting through the real SDK (the {@link
 * FakeService}) into the embedded collector, judged, reported.
 */
class VerifyCommandTest {
  @TempDir Path temp;
  private final String marker = "marker=" + UUID.randomUUID();

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Run verify(List<String> options, String... fakeArgs) {
    List<String> args = new ArrayList<>(List.of("verify"));
    args.addAll(options);
    args.add("--");
    List<String> fake = new ArrayList<>(List.of(fakeArgs));
    fake.add(marker);
    args.addAll(FakeService.command(fake.toArray(String[]::new)));
    return run(args.toArray(String[]::new));
  }

  /** Processes of this test still running: there must be none after a run. */
  private List<ProcessHandle> leftovers() {
    return ProcessHandle.allProcesses()
        .filter(h -> h.info().commandLine().orElse("").contains(marker))
        .filter(ProcessHandle::isAlive)
        .toList();
  }

  @Test
  void aCleanServicePassesAndTheVerdictGoesToStdout() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("orders-service"));

    Run r = verify(List.of(dir.toString()), "scenario", "clean");

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("Verdict: PASS").contains("orders-service");
    assertThat(r.err()).contains("[orders-service] fake: scenario clean done");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void theMixedScenarioFailsWithItsExactFiguresOffendersAndFindings() throws Exception {
    Path json = temp.resolve("verdict.json");
    Path html = temp.resolve("verdict.html");

    Run r =
        verify(
            List.of("--service-name", "orders", "--report-json", json.toString(), "--report-html", html.toString()),
            "scenario", "mixed");

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out())
        .startsWith("Verdict: FAIL (2 problems)")
        .contains("orders: in-request log correlation 66.7% (4 of 6) below 99.0%")
        .contains("orders: 1 orphan span(s), more than 0 allowed");
    JsonNode v = new ObjectMapper().readTree(json.toFile());
    JsonNode orders = v.get("services").get(0);
    assertThat(orders.get("service").asText()).isEqualTo("orders");
    assertThat(orders.get("spans").asLong()).isEqualTo(4);
    assertThat(orders.get("logs").asLong()).isEqualTo(8);
    assertThat(orders.get("inRequestLogs").asLong()).isEqualTo(6);
    assertThat(orders.get("correlatedInRequestLogs").asLong()).isEqualTo(4);
    assertThat(orders.get("orphanSpans").asLong()).isEqualTo(1);
    assertThat(v.get("totals").get("traces").asLong()).isEqualTo(3);

    JsonNode first = v.get("offenders").get(0);
    assertThat(first.get("kind").asText()).isEqualTo("uncorrelated-logs");
    assertThat(first.get("subject").asText()).isEqualTo("com.example.Worker: reserved stock");
    assertThat(first.get("inRequestCount").asLong()).isEqualTo(2);
    assertThat(first.get("rewrites").toString()).contains("wrap-executor");
    assertThat(v.get("offenders").findValuesAsText("kind"))
        .contains("orphan-spans", "missing-server-child", "logs-outside-requests");
    assertThat(v.get("missingServerChildren").get(0).get("callee").asText()).isEqualTo("payments.example:443");
    assertThat(v.get("semconv").findValuesAsText("rule"))
        .contains("http-client-url.full", "deprecated-http.method", "log-severity");

    assertThat(Files.readString(html)).contains("data-trace-count=\"3\"").contains("reserved stock");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void transformRulesRunBeforeTheVerdictLikeProductionsCollector() throws Exception {
    Path rules = temp.resolve("transform.yaml");
    Files.writeString(
        rules,
        """
        processors:
          filter/orders:
            error_mode: ignore
            log_conditions:
              - 'resource.attributes["service.name"] == "orders" and log.body == "reserved stock"'
        """);

    Run r = verify(List.of("--service-name", "orders", "--transform", rules.toString()), "scenario", "mixed");

    // The two uncorrelated in-request lines are dropped by the filter: only the orphan remains.
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out())
        .startsWith("Verdict: FAIL (1 problem")
        .contains("orders: 1 orphan span(s), more than 0 allowed")
        .doesNotContain("in-request log correlation");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aStatementTheSandboxCannotRunIsBadInputUnlessPartialRunsAreAllowed() throws Exception {
    Path rules = temp.resolve("transform.yaml");
    Files.writeString(
        rules,
        """
        processors:
          transform/orders:
            error_mode: ignore
            log_statements:
              - context: log
                statements:
                  - set(attributes["ua"], UserAgent(body))
                  - set(attributes["seen"], "yes")
            metric_statements:
              - context: metric
                statements:
                  - set(description, "d")
        """);

    Run refused = verify(List.of("--service-name", "orders", "--transform", rules.toString()),
        "scenario", "mixed");

    assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(refused.err()).contains(rules + ":7: processors.transform/orders.log_statements[0]"
        + ".statements[0]: `set(attributes[\"ua\"], UserAgent(body))` is not run by the sandbox:"
        + " converter UserAgent").contains("--allow-partial-transform");
    assertThat(refused.err()).contains(rules + ":12: processors.transform/orders"
        + ".metric_statements[0].statements[0]: `set(description, \"d\")` is not run by the"
        + " sandbox: the sandbox does not run metric or datapoint statements");

    Path json = temp.resolve("verdict.json");
    Run partial = verify(List.of("--service-name", "orders", "--transform", rules.toString(),
        "--allow-partial-transform", "--report-json", json.toString()), "scenario", "mixed");

    assertThat(partial.code()).as(partial.err()).isNotEqualTo(ExitCode.BAD_INPUT);
    assertThat(partial.out()).contains("not run by the sandbox: " + rules + ":7:");
    assertThat(Files.readString(json)).contains("not run by the sandbox");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void anUnreadableTransformFileIsBadInputNamingIt() throws Exception {
    Path rules = temp.resolve("broken.yaml");
    Files.writeString(rules, "processors:\n  transform/x: [\n");

    Run r = verify(List.of("--transform", rules.toString(), temp.toString()), "scenario", "clean");

    assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("otelboard: " + rules).contains("not valid YAML");
  }

  @Test
  void aCommandThatFailsIsExit4WithItsExitCodeAfterTheVerdict() {
    Run r = verify(List.of(temp.toString()), "exit", "3");

    assertThat(r.code()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(r.err()).contains("otelboard: ").contains("exited with code 3")
        .contains("last output: fake: failing on purpose with 3");
    assertThat(r.out()).startsWith("Verdict:");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aCommandPastTheTimeoutIsStoppedAndReportedInOneLine() {
    Run r = verify(List.of("--timeout", "2s", temp.toString()), "hang");

    assertThat(r.code()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(r.err().lines().filter(l -> l.startsWith("otelboard: ")).toList())
        .singleElement()
        .asString()
        .contains("still running after 2s (--timeout); stopped it");
    assertThat(r.out()).isEmpty();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void quietWritesTheOutputToAFilePerProcess() throws Exception {
    Path logs = temp.resolve("logs");

    Run r = verify(List.of("--quiet", "--log-dir", logs.toString(), "--service-name", "svc", temp.toString()),
        "scenario", "clean");

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.err()).doesNotContain("[svc]");
    assertThat(Files.readString(logs.resolve("svc.log"))).contains("fake: scenario clean done");
  }

  @Test
  void httpProtobufIsUsedWhenAsked() {
    Run r = verify(List.of("--protocol", "http/protobuf", temp.toString()), "scenario", "clean");

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.err()).contains("[http/protobuf]");
    assertThat(r.out()).contains("Verdict: PASS");
  }

  @Test
  void theThresholdComesFromOtelboardYamlAndTheOptionOverridesIt() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("svc"));
    Files.writeString(dir.resolve("otelboard.yaml"),
        "service_name: orders\nmode: agent\nverify:\n  min_log_correlation: 0.5\n  max_orphan_spans: 1\n");

    Run lenient = verify(List.of(dir.toString()), "scenario", "mixed");
    Run strict = verify(List.of("--min-log-correlation", "0.9", dir.toString()), "scenario", "mixed");

    assertThat(lenient.code()).as(lenient.out()).isEqualTo(ExitCode.OK);
    assertThat(lenient.out()).contains("orders").contains(dir.resolve("otelboard.yaml").toString());
    assertThat(strict.code()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(strict.out()).contains("below 90.0%");
  }

  @Test
  void nothingToRunIsAUsageError() {
    Run r = run("verify");

    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("nothing to run");
  }

  @Test
  void helpHasExamples() {
    Run r = run("verify", "--help");

    assertThat(r.code()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("Examples:").contains("--plan").contains("--agent");
  }
}
