package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.verify.VerifyCommandTest.Run;
import dev.otelboard.cli.verify.fake.FakeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --capture}: the run's telemetry as OTLP JSON lines, its metadata beside it, ready for diff. */
class VerifyCaptureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private Run verify(Path capture, String scenario) {
    List<String> args = new ArrayList<>(List.of("verify", "--service-name", "orders", "--capture", capture.toString(), "--"));
    args.addAll(FakeService.command("scenario", scenario));
    return VerifyCommandTest.run(args.toArray(String[]::new));
  }

  @Test
  void theCaptureHoldsEveryRecordAsOtlpJsonLinesAndTheSidecarTheRun() throws IOException {
    Path capture = temp.resolve("runs/mixed.jsonl");

    Run r = verify(capture, "mixed");

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.err()).contains("otelboard verify: captured ").contains("OTLP JSON lines in " + capture);
    long spans = 0;
    long logs = 0;
    for (String line : Files.readAllLines(capture)) {
      JsonNode request = JSON.readTree(line);
      assertThat(request.has("resourceSpans") || request.has("resourceLogs")).as(line).isTrue();
      for (JsonNode rs : request.path("resourceSpans")) {
        for (JsonNode ss : rs.path("scopeSpans")) {
          spans += ss.path("spans").size();
          ss.path("spans").forEach(s -> assertThat(s.path("traceId").asText()).matches("[0-9a-f]{32}"));
        }
      }
      for (JsonNode rl : request.path("resourceLogs")) {
        for (JsonNode sl : rl.path("scopeLogs")) {
          logs += sl.path("logRecords").size();
        }
      }
    }
    assertThat(spans).as("2 SERVER, 1 CLIENT, 1 orphan").isEqualTo(4);
    assertThat(logs).isEqualTo(8);

    JsonNode meta = JSON.readTree(temp.resolve("runs/mixed.jsonl.meta.json").toFile());
    assertThat(meta.path("format").asText()).isEqualTo(CaptureMeta.FORMAT);
    assertThat(meta.path("mode").asText()).isEqualTo("code");
    assertThat(meta.path("capture").asText()).isEqualTo("mixed.jsonl");
    assertThat(meta.path("command").toString()).contains("scenario", "mixed");
    assertThat(meta.path("services").get(0).path("name").asText()).isEqualTo("orders");
    assertThat(meta.path("services").get(0).path("instrumentation").asText()).isEqualTo("as-built");
    assertThat(meta.path("versions").path("otelboard").asText()).isNotBlank();
    assertThat(meta.path("versions").path("opentelemetryInstrumentation").asText()).isNotBlank();
    assertThat(meta.path("lines").asLong()).isEqualTo(Files.readAllLines(capture).size());
  }

  @Test
  void twoCapturesDiffByShape() {
    Path clean = temp.resolve("clean.jsonl");
    Path mixed = temp.resolve("mixed.jsonl");
    assertThat(verify(clean, "clean").code()).isEqualTo(ExitCode.OK);
    verify(mixed, "mixed");

    Run same = VerifyCommandTest.run("diff", clean.toString(), clean.toString());
    Run lost = VerifyCommandTest.run("diff", mixed.toString(), clean.toString());
    Run gained = VerifyCommandTest.run("diff", clean.toString(), mixed.toString());

    assertThat(same.code()).as(same.out() + same.err()).isEqualTo(ExitCode.OK);
    assertThat(same.out()).contains("Diff: PASS", "What B lost: nothing", "What B gained: nothing");
    assertThat(lost.code()).as(lost.out()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(lost.out()).contains("[span-group] orders  CLIENT GET", "[span-group] orders  INTERNAL orphan-work");
    // mixed gains spans but loses log correlation: the gate looks at what B lost only.
    assertThat(gained.code()).as(gained.out()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(gained.out()).contains(
        "orders: log records joined to their trace 100% in A, 50% in B: ratio 0.50 below --min-correlation-ratio 0.90",
        "[span-group] orders  CLIENT GET 2xx\n      none in A, 1 span(s) in B");
  }
}
