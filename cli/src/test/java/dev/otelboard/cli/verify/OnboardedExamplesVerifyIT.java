package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.verify.VerifyCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end promise of otelboard on the real examples: copies of checkout-service and
 * inventory-service are onboarded by {@code otelboard onboard}, built, and run under plain
 * {@code otelboard verify --plan} (no agent). Every in-request log line must join its trace, every
 * checkout must be one cross-service trace with SERVER children, no span may be orphaned, and the
 * lines logged on the executor thread and in the CompletableFuture must carry the request's
 * trace_id.
 */
@Tag("integration")
class OnboardedExamplesVerifyIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final int CHECKOUTS = 20;
  private static final Pattern TRACE_ID = Pattern.compile("trace_id=([0-9a-f]{32})");

  @TempDir Path temp;

  @Test
  void onboardedExamplesCorrelateEveryInRequestLogAcrossThreadsAndServices() throws Exception {
    Path examples = REPO.resolve("examples");
    assumeTrue(Files.isRegularFile(examples.resolve("checkout-service/pom.xml")), "no examples");
    for (String service : List.of("inventory-service", "checkout-service")) {
      Path copy = VerifyExamplesIT.copy(examples.resolve(service), temp.resolve(service));
      Run onboard = VerifyCommandTest.run("onboard", copy.toString());
      assertThat(onboard.code()).as(onboard.out() + onboard.err()).isEqualTo(ExitCode.OK);
      ProcessResult build = VerifyExamplesIT.maven(copy);
      assertThat(build.exitCode()).as(service + " build:\n" + String.join("\n", build.tail())).isZero();
    }
    Path plan = temp.resolve("verify.yaml");
    Files.copy(examples.resolve("verify.yaml"), plan);
    Path json = temp.resolve("verdict.json");
    Path logs = temp.resolve("logs");

    Run r = VerifyCommandTest.run("verify", "--plan", plan.toString(), "--quiet", "--log-dir",
        logs.toString(), "--report-json", json.toString());

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    JsonNode v = new ObjectMapper().readTree(json.toFile());
    JsonNode totals = v.get("totals");
    assertThat(totals.get("crossServiceTraces").asLong()).isEqualTo(CHECKOUTS);
    assertThat(totals.get("orphanSpans").asLong()).isZero();
    assertThat(totals.get("logCorrelation").asDouble()).isGreaterThanOrEqualTo(0.99);
    assertThat(v.get("missingServerChildren")).isEmpty();
    for (JsonNode s : v.get("services")) {
      String name = s.get("service").asText();
      assertThat(s.get("spans").asLong()).as(name).isGreaterThanOrEqualTo(2L * CHECKOUTS);
      assertThat(s.get("inRequestLogs").asLong()).as(name).isGreaterThanOrEqualTo(2L * CHECKOUTS);
      assertThat((double) s.get("correlatedInRequestLogs").asLong() / s.get("inRequestLogs").asLong())
          .as(name).isGreaterThanOrEqualTo(0.99);
    }

    // The onboarded log patterns print the ids: the async lines carry the request's trace.
    assertAsyncLinesJoinTheRequest(logs.resolve("checkout-service.log"),
        "ConfirmationSender - trace_id=", "CheckoutHandler - trace_id=");
    assertAsyncLinesJoinTheRequest(logs.resolve("inventory-service.log"),
        "WarehouseLocator - trace_id=", "ReserveHandler - trace_id=");
  }

  private static void assertAsyncLinesJoinTheRequest(Path log, String asyncMarker, String requestMarker)
      throws IOException {
    List<String> lines = Files.readAllLines(log);
    Set<String> requestTraces = traceIds(lines, requestMarker);
    Set<String> asyncTraces = traceIds(lines, asyncMarker);
    assertThat(requestTraces).as(log + ": request lines with a trace id").hasSizeGreaterThanOrEqualTo(CHECKOUTS);
    assertThat(asyncTraces).as(log + ": async lines with a trace id").hasSizeGreaterThanOrEqualTo(CHECKOUTS);
    assertThat(requestTraces).as(log.toString()).containsAll(asyncTraces);
    assertThat(lines.stream().filter(l -> l.contains(asyncMarker) && !TRACE_ID.matcher(l).find()))
        .as(log + ": async lines without a trace id").isEmpty();
  }

  private static Set<String> traceIds(List<String> lines, String marker) {
    return lines.stream()
        .filter(l -> l.contains(marker))
        .map(TRACE_ID::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .collect(Collectors.toSet());
  }
}
