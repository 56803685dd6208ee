package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.verify.VerifyPlan.Readiness;
import dev.otelboard.cli.verify.VerifyPlan.ServicePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {
  @TempDir Path temp;

  @Test
  void aFullPlanReadsIntoServicesInOrderAndADriver() throws Exception {
    Files.createDirectories(temp.resolve("svc-b"));
    VerifyPlan plan =
        PlanReader.parse(
            temp.resolve("verify.yaml"),
            """
            flushWindow: 3s
            services:
              - name: svc-b
                dir: svc-b
                start: java -jar "target/b app.jar" --port=${port:svc-b}
                env: {PORT: "${port:svc-b}", DEBUG: true}
                ready: {http: "http://127.0.0.1:${port:svc-b}/health"}
                startupTimeout: 90s
                stopGrace: 500ms
                protocol: http/protobuf
              - name: svc-a
                start: [java, -jar, a.jar]
                ready: {log: "Started .* in \\\\d+"}
            driver:
              run: sh -c 'for i in 1 2; do echo $i; done'
              timeout: 2m
              serviceName: smoke
            """);

    assertThat(plan.flushWindow()).isEqualTo(Duration.ofSeconds(3));
    assertThat(plan.services()).extracting(ServicePlan::name).containsExactly("svc-b", "svc-a");
    ServicePlan b = plan.services().get(0);
    assertThat(b.dir()).isEqualTo(temp.resolve("svc-b"));
    assertThat(b.command()).containsExactly("java", "-jar", "target/b app.jar", "--port=${port:svc-b}");
    assertThat(b.env()).isEqualTo(Map.of("PORT", "${port:svc-b}", "DEBUG", "true"));
    assertThat(b.readiness()).isEqualTo(new Readiness(Readiness.Kind.HTTP, "http://127.0.0.1:${port:svc-b}/health"));
    assertThat(b.startupTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(b.stopGrace()).isEqualTo(Duration.ofMillis(500));
    assertThat(b.protocol()).contains("http/protobuf");
    ServicePlan a = plan.services().get(1);
    assertThat(a.dir()).isEqualTo(temp);
    assertThat(a.readiness().kind()).isEqualTo(Readiness.Kind.LOG);
    assertThat(a.startupTimeout()).isEqualTo(ServicePlan.DEFAULT_STARTUP_TIMEOUT);
    assertThat(plan.workload()).hasValueSatisfying(w -> {
      assertThat(w.command()).containsExactly("sh", "-c", "for i in 1 2; do echo $i; done");
      assertThat(w.timeout()).isEqualTo(Duration.ofMinutes(2));
      assertThat(w.serviceName()).contains("smoke");
    });
    assertThat(plan.expectedServices()).containsExactly("svc-b", "svc-a", "smoke");
  }

  @Test
  void aServiceWithoutReadinessIsReadyAtOnce() {
    VerifyPlan plan = PlanReader.parse(temp.resolve("p.yaml"), "services:\n  - name: s\n    start: run\n");

    assertThat(plan.services().get(0).readiness()).isEqualTo(Readiness.none());
    assertThat(plan.workload()).isEqualTo(Optional.empty());
  }

  @Test
  void anEmptyPlanSaysWhatItNeeds() {
    assertThatThrownBy(() -> PlanReader.parse(temp.resolve("p.yaml"), "flushWindow: 1s\n"))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("a plan needs services, a driver, or both");
  }

  @Test
  void duplicateNamesAndBadNamesAreReported() {
    PlanException e = catchPlan("""
        services:
          - {name: a, start: x}
          - {name: a, start: x}
          - {name: "a b", start: x}
        """);

    assertThat(e.problems()).containsExactly(
        temp.resolve("p.yaml") + ":3: services[1].name: 'a' is already the name of another service",
        temp.resolve("p.yaml") + ":4: services[2].name: 'a b' must be letters, digits, '.', '_' or '-'");
  }

  @Test
  void badValuesAreReportedWithTheirKeyPath() {
    PlanException e = catchPlan("""
        services:
          - name: a
            start: "unclosed 'quote"
            env: {"1BAD": x}
            ready: {http: "ftp://x/health"}
            protocol: thrift
            bogus: 1
        """);

    assertThat(e.problems()).containsExactly(
        temp.resolve("p.yaml") + ":7: services[0].bogus: unknown key; known: dir, env, name, protocol, ready, start, startupTimeout, stopGrace",
        temp.resolve("p.yaml") + ":3: services[0].start: unclosed ' in: unclosed 'quote",
        temp.resolve("p.yaml") + ":4: services[0].env.1BAD: not a valid environment variable name",
        temp.resolve("p.yaml") + ":5: services[0].ready.http: 'ftp://x/health' is not an http:// URL",
        temp.resolve("p.yaml") + ":6: services[0].protocol: 'thrift' is not one of grpc, http/protobuf");
  }

  @Test
  void notYamlIsABadInputWithTheLine() {
    assertThatThrownBy(() -> PlanReader.parse(temp.resolve("p.yaml"), "services: [\n  - {name: a\n"))
        .hasMessageContaining(temp.resolve("p.yaml") + ":");
  }

  private PlanException catchPlan(String yaml) {
    try {
      PlanReader.parse(temp.resolve("p.yaml"), yaml);
    } catch (PlanException e) {
      return e;
    }
    throw new AssertionError("no PlanException");
  }
}
