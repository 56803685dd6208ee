package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.verify.VerifyCommandTest.Run;
import dev.otelboard.cli.verify.fake.FakeService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code otelboard verify --plan}: several services, a driver, readiness, ordered start and clean stop. */
class VerifyPlanRunTest {
  @TempDir Path temp;
  private final String marker = "marker=" + UUID.randomUUID();

  /** The fake service's command as a YAML flow list, with this test's marker. */
  private String fake(String... args) {
    List<String> words = new ArrayList<>(FakeService.command(args));
    words.add(marker);
    StringBuilder sb = new StringBuilder("[");
    for (String w : words) {
      sb.append(sb.length() > 1 ? ", " : "").append('"').append(w.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append(']').toString();
  }

  private Path plan(String yaml) throws Exception {
    Path file = temp.resolve("verify.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private List<ProcessHandle> leftovers() {
    return ProcessHandle.allProcesses()
        .filter(h -> h.info().commandLine().orElse("").contains(marker))
        .filter(ProcessHandle::isAlive)
        .toList();
  }

  private String twoServices(boolean loseContext) {
    return """
        services:
          - name: back
            start: %s
            env:
              PORT: ${port:back}
              LOSE_CONTEXT: "%s"
            ready:
              http: http://127.0.0.1:${port:back}/health
            startupTimeout: 60s
          - name: front
            start: %s
            env:
              PORT: ${port:front}
              DOWNSTREAM_URL: http://127.0.0.1:${port:back}
            ready:
              log: "listening on \\\\d+"
        driver:
          run: %s
          timeout: 60s
        """.formatted(fake("server"), loseContext, fake("server"),
            fake("drive", "http://127.0.0.1:${port:front}/work", "5"));
  }

  @Test
  void twoServicesAndADriverGiveCrossServiceTracesAndPass() throws Exception {
    Path json = temp.resolve("v.json");

    Run r = VerifyCommandTest.run("verify", "--plan", plan(twoServices(false)).toString(), "--report-json", json.toString());

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.err())
        .contains("back is ready")
        .contains("front is ready")
        .contains("[driver] fake driver: sent 5 requests")
        .contains("stopping front");
    assertThat(r.err().indexOf("starting back")).isLessThan(r.err().indexOf("starting front"));
    assertThat(r.err().indexOf("stopping front")).isLessThan(r.err().indexOf("stopping back"));
    JsonNode v = new ObjectMapper().readTree(json.toFile());
    assertThat(v.get("totals").get("traces").asLong()).isEqualTo(5);
    assertThat(v.get("totals").get("crossServiceTraces").asLong()).isEqualTo(5);
    assertThat(v.get("services").findValuesAsText("service")).containsExactly("back", "front");
    assertThat(v.get("services").get(0).get("inRequestLogs").asLong()).isEqualTo(5);
    assertThat(v.get("missingServerChildren")).isEmpty();
    assertThat(v.get("ports").get("back").asInt()).isPositive();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aProtocolSetInThePlansEnvGetsTheEndpointOfThatProtocol() throws Exception {
    Path json = temp.resolve("v.json");
    Path file = plan("""
        driver:
          run: %s
          serviceName: http-only
          env:
            OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf
          timeout: 60s
        """.formatted(fake("scenario", "clean")));

    Run r = VerifyCommandTest.run("verify", "--plan", file.toString(), "--report-json", json.toString());

    JsonNode v = new ObjectMapper().readTree(json.toFile());
    assertThat(v.get("services").get(0).get("service").asText()).as(r.out() + r.err()).isEqualTo("http-only");
    assertThat(v.get("services").get(0).get("spans").asLong()).as(r.out() + r.err()).isPositive();
    assertThat(v.get("services").get(0).get("logs").asLong()).isPositive();
  }

  @Test
  void spansWithoutAServerSpanNameTheUncoveredServerFrameworkAndDatabaseCallsAreExternal()
      throws Exception {
    Path dir = temp.resolve("orders");
    Files.createDirectories(dir.resolve("src/main/java/shop"));
    Files.writeString(dir.resolve("otelboard.yaml"), "service_name: orders\n");
    Files.writeString(dir.resolve("src/main/java/shop/Orders.java"), """
        package shop;

        import javax.ws.rs.GET;

        public class Orders {
          public static void main(String[] args) {}

          @GET
          public String list() { return "[]"; }
        }
        """);
    Path json = temp.resolve("v.json");
    Path file = plan("""
        driver:
          run: %s
          dir: %s
          serviceName: orders
          timeout: 60s
        """.formatted(fake("scenario", "clients-only"), dir));

    Run r = VerifyCommandTest.run("verify", "--plan", file.toString(), "--report-json",
        json.toString());

    JsonNode v = new ObjectMapper().readTree(json.toFile());
    JsonNode orders = v.get("services").get(0);
    assertThat(orders.get("spans").asLong()).as(r.out() + r.err()).isEqualTo(5);
    // Logs inside CLIENT spans only: nothing to score, so n/a, not 100%.
    assertThat(orders.get("inRequestLogs").asLong()).isZero();
    assertThat(orders.get("logCorrelation").isNull()).isTrue();
    assertThat(r.out()).contains("n/a");
    assertThat(v.get("missingServerChildren")).isEmpty();
    assertThat(v.get("externalDependencies")).hasSize(2);
    assertThat(r.out()).doesNotContain("CLIENT spans whose callee sent no SERVER span")
        .contains("External dependencies (databases, brokers: no SERVER span is due from them)")
        .containsPattern("3  orders  SELECT orders  -> h2")
        .containsPattern("2  orders  orders publish  -> kafka");
    boolean jaxrsManual = dev.otelboard.cli.catalog.HttpLibraries.JAXRS.onboarding().isManual();
    assertThat(r.out()).contains("orders: 5 span(s) but no SERVER span: no request it served was"
        + " traced (JAX-RS resources (1 JAX-RS resource method site(s), first at"
        + " src/main/java/shop/Orders.java:9): ");
    if (jaxrsManual) {
      assertThat(r.code()).isEqualTo(ExitCode.CHECK_FAILED);
      assertThat(r.out()).contains("[no-server-spans] orders")
          .contains("its server framework is not covered: JAX-RS resources");
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void anHttpExporterSendingToTheGrpcPortIsNamedInTheVerdict() throws Exception {
    Path json = temp.resolve("v.json");
    Path file = plan("""
        driver:
          run: %s
          serviceName: lost
          protocol: grpc
          timeout: 60s
        """.formatted(fake("http-to-grpc")));

    Run r = VerifyCommandTest.run("verify", "--plan", file.toString(), "--report-json",
        json.toString());

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.CHECK_FAILED);
    JsonNode v = new ObjectMapper().readTree(json.toFile());
    assertThat(v.get("failures").toString())
        .contains("connection(s) spoke HTTP/1.1 to the OTLP/gRPC port")
        .contains("(POST /v1/traces HTTP/1.1)")
        .contains("OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf");
    assertThat(r.out()).contains("spoke HTTP/1.1 to the OTLP/gRPC port");
  }

  @Test
  void contextLostOnABareThreadFailsAndNamesTheLogger() throws Exception {
    Run r = VerifyCommandTest.run("verify", "--plan", plan(twoServices(true)).toString());

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out())
        .contains("back: in-request log correlation 50.0% (5 of 10) below 99.0%")
        .contains("[uncorrelated-logs] back  com.example.BareThread: on a bare thread  x5 (5 in requests)")
        .contains("wrap-thread");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aServiceThatNeverGetsReadyIsExit4InOneLineAndEverythingIsStopped() throws Exception {
    Path file = plan("""
        services:
          - name: first
            start: %s
            env: {PORT: "${port:first}"}
            ready: {http: "http://127.0.0.1:${port:first}/health"}
          - name: never
            start: %s
            ready: {http: "http://127.0.0.1:${port:never}/health"}
            startupTimeout: 2s
        driver:
          run: [sh, -c, "true"]
        """.formatted(fake("server"), fake("hang")));

    Run r = VerifyCommandTest.run("verify", "--plan", file.toString());

    assertThat(r.code()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(r.err().lines().filter(l -> l.startsWith("otelboard: ")).toList())
        .singleElement().asString()
        .startsWith("otelboard: never was not ready within 2s (http://127.0.0.1:")
        .endsWith("; stopped it");
    assertThat(r.out()).isEmpty();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aServiceThatExitsBeforeItIsReadyIsExit4WithItsExitCode() throws Exception {
    Path file = plan("""
        services:
          - name: broken
            start: %s
            ready: {log: "never printed"}
        """.formatted(fake("exit", "3")));

    Run r = VerifyCommandTest.run("verify", "--plan", file.toString());

    assertThat(r.code()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(r.err()).contains(
        "otelboard: broken exited with code 3 before it was ready; last output: fake: failing on purpose with 3");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aServiceIgnoringSigtermIsKilledAfterItsGracePeriodAndTheVerdictSaysSo() throws Exception {
    Path file = plan("""
        services:
          - name: stubborn
            start: %s
            ready: {log: "fake: stubborn"}
            stopGrace: 1s
        driver:
          run: [sh, -c, "echo driving"]
        """.formatted(fake("stubborn")));

    Run r = VerifyCommandTest.run("verify", "--plan", file.toString());

    assertThat(r.code()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out()).contains("stubborn did not stop within 1s of SIGTERM and was killed");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void anUninstrumentedServiceFailsNamingTheMissingPieces() throws Exception {
    Path file = plan("""
        services:
          - name: plain
            start: [sh, -c, "echo hello from plain; exec sleep 300"]
            ready: {log: hello}
        driver:
          run: [sh, -c, "echo driving"]
        """);

    Run r = VerifyCommandTest.run("verify", "--plan", file.toString());

    assertThat(r.code()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out())
        .contains("plain: no spans")
        .contains("plain: no log records")
        .contains("not instrumented: run `otelboard onboard` in " + temp)
        .contains("add the OpenTelemetry log appender");
  }

  @Test
  void aBadPlanReportsEveryProblemWithFileAndLineAndStartsNothing() throws Exception {
    Path file = plan("""
        services:
          - name: a
            start: java -jar x.jar
            ready: {http: "http://127.0.0.1:${port:a}/health", log: started}
          - name: a
            dir: no-such-dir
            start: run ${portt:a}
            startupTimeout: soon
        driver:
          runn: x
        """);

    Run r = VerifyCommandTest.run("verify", "--plan", file.toString());

    assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().lines().toList()).containsExactly(
        "otelboard: " + file + ":4: services[0].ready: give exactly one of http (a health URL) or log (a regular expression)",
        "otelboard: " + file + ":6: services[1].dir: " + temp.resolve("no-such-dir") + " is not a directory",
        "otelboard: " + file + ":7: services[1].start: unknown placeholder ${portt:a}; known: ${port:NAME} (a free port per NAME), $${ for a literal ${",
        "otelboard: " + file + ":8: services[1].startupTimeout: 'soon' is not a duration; write e.g. 500ms, 30s, 2m or 1h",
        "otelboard: " + file + ":10: driver.runn: unknown key (did you mean run?); known: dir, env, name, protocol, run, serviceName, timeout",
        "otelboard: " + file + ":9: driver.run: missing; a command line like `java -jar target/app.jar` or a list of words");
  }
}
