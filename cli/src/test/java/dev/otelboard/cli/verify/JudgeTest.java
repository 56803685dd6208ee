package dev.otelboard.cli.verify;

import static dev.otelboard.cli.verify.Telemetry.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.verify.Expectations.Thresholds;
import dev.otelboard.cli.verify.Verdict.Offender;
import dev.otelboard.collector.correlate.CorrelationReport;
import dev.otelboard.collector.correlate.CorrelationReport.MissingServerChild;
import dev.otelboard.collector.correlate.CorrelationReport.ServiceFigures;
import dev.otelboard.collector.correlate.CorrelationReport.UncorrelatedLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeTest {
  private static final Thresholds DEFAULTS = new Thresholds(0.99, 0, "defaults");

  @TempDir Path temp;

  private static CorrelationReport report(
      List<ServiceFigures> services, List<MissingServerChild> missing, List<UncorrelatedLogs> uncorrelated) {
    long spans = services.stream().mapToLong(ServiceFigures::spans).sum();
    long logs = services.stream().mapToLong(ServiceFigures::logs).sum();
    return new CorrelationReport(spans, logs, 0, 0, 0, 0, 1.0, 0, 0, 0, services, missing, uncorrelated, 0, List.of(), 0, 0, 0);
  }

  private Expectations expect(List<String> services, Map<Integer, String> ports, Map<String, Long> lines) {
    return new Expectations(services, Map.of("checkout", temp.resolve("checkout"), "inventory", temp.resolve("inventory")),
        Map.of(), DEFAULTS, ports, false, lines, List.of());
  }

  @Test
  void expectedServicesThatSentNothingFailFirstWithWhatIsMissing() {
    Verdict v = Judge.judge(report(List.of(), List.of(), List.of()), List.of(), List.of(), 0, 0,
        expect(List.of("checkout", "inventory"), Map.of(), Map.of("checkout", 12L, "inventory", 3L)));

    assertThat(v.passed()).isFalse();
    assertThat(v.failures()).containsExactly(
        "checkout: no spans", "checkout: no log records", "inventory: no spans", "inventory: no log records");
    assertThat(v.offenders()).extracting(Offender::kind).containsExactly("no-spans", "no-spans", "no-logs", "no-logs");
    assertThat(v.offenders().get(0).hint()).contains("not instrumented: run `otelboard onboard` in " + temp.resolve("checkout"));
    assertThat(v.offenders().get(2).example()).isEqualTo("it wrote 12 output lines but exported no log record");
  }

  @Test
  void aClientSpanToAServiceOfTheRunWithoutServerChildFailsAndNamesTheCallee() {
    var figures = List.of(
        new ServiceFigures("checkout", 10, 5, 5, 5, 5, 5, 0, 1.0),
        new ServiceFigures("inventory", 5, 5, 5, 5, 5, 5, 0, 1.0));
    var spans = List.of(
        span("checkout", "t", "c", "s", "GET", SpanKinds.CLIENT, 0, 1,
            Map.of("server.address", "127.0.0.1", "server.port", "23456")));

    Verdict v = Judge.judge(report(figures, List.of(new MissingServerChild("checkout", "GET", 5)), List.of()),
        spans, List.of(), 0, 0, expect(List.of("inventory", "checkout"), Map.of(23456, "inventory"), Map.of()));

    assertThat(v.failures()).containsExactly("checkout -> inventory: 5 CLIENT span(s) 'GET' without a SERVER span from inventory");
    assertThat(v.missingServerChildren().get(0).calleeInRun()).isTrue();
    assertThat(v.offenders().get(0).rewrites()).contains("instrument-http-server");
    assertThat(v.services()).extracting(Verdict.ServiceVerdict::service).containsExactly("inventory", "checkout");
  }

  @Test
  void databaseAndBrokerCallsAreExternalDependenciesNotMissingServerChildren() {
    var figures = List.of(new ServiceFigures("checkout", 10, 5, 5, 5, 5, 5, 0, 1.0));
    var spans = List.of(
        span("checkout", "t", "c", "s", "SELECT orders", SpanKinds.CLIENT, 0, 1,
            Map.of("db.system.name", "h2", "server.address", "127.0.0.1", "server.port", "9092")),
        span("checkout", "t", "d", "s", "orders publish", SpanKinds.CLIENT, 0, 1,
            Map.of("messaging.system", "kafka")));

    Verdict v = Judge.judge(
        report(figures,
            List.of(new MissingServerChild("checkout", "SELECT orders", 3),
                new MissingServerChild("checkout", "orders publish", 2)),
            List.of()),
        spans, List.of(), 0, 0, expect(List.of("checkout"), Map.of(9092, "checkout"), Map.of()));

    assertThat(v.missingServerChildren()).isEmpty();
    assertThat(v.passed()).as(String.join("; ", v.failures())).isTrue();
  }

  @Test
  void logsOfAServiceWithoutAnyRequestSpanAreNotAPerfectScore() {
    var figures = List.of(new ServiceFigures("checkout", 4, 7, 7, 0, 0, 7, 0, 1.0));

    Verdict v = Judge.judge(report(figures, List.of(), List.of()), List.of(), List.of(), 0, 0,
        expect(List.of("checkout"), Map.of(), Map.of()));

    assertThat(v.passed()).isFalse();
    assertThat(v.failures()).singleElement().asString()
        .contains("checkout: 7 log record(s) but none inside a SERVER or CONSUMER span");
  }

  @Test
  void anOnboardedServiceWhoseServerFrameworkIsNotCoveredIsNamedWithFileAndLine() throws Exception {
    Path checkout = temp.resolve("checkout");
    Files.createDirectories(checkout.resolve("src/main/java/shop"));
    Files.writeString(checkout.resolve("otelboard.yaml"), "service_name: checkout\n");
    Files.writeString(checkout.resolve("src/main/java/shop/App.java"), """
        package shop;

        import io.javalin.Javalin;

        class App {
          void routes(Javalin app) {
            app.get("/orders", ctx -> ctx.result("ok"));
          }
        }
        """);

    Verdict v = Judge.judge(report(List.of(), List.of(), List.of()), List.of(), List.of(), 0, 0,
        expect(List.of("checkout"), Map.of(), Map.of()));

    assertThat(v.offenders().get(0).hint())
        .contains("server framework is not covered in code mode")
        .contains("src/main/java/shop/App.java:7")
        .contains("otelboard verify --agent")
        .doesNotContain("OtelBootstrap");
  }

  @Test
  void anOnboardedStarterServiceThatExportedNothingNamesItsCoveredServerFramework() throws Exception {
    Path checkout = temp.resolve("checkout");
    Files.createDirectories(checkout.resolve("src/main/java/shop"));
    Files.writeString(checkout.resolve("otelboard.yaml"), "service_name: checkout\n");
    Files.writeString(checkout.resolve("pom.xml"), """
        <project>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>2.7.18</version>
          </parent>
          <artifactId>checkout</artifactId>
        </project>
        """);
    Files.writeString(checkout.resolve("src/main/java/shop/App.java"), """
        package shop;

        import org.springframework.boot.autoconfigure.SpringBootApplication;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @SpringBootApplication
        @RestController
        public class App {
          public static void main(String[] args) {}

          @GetMapping("/orders")
          String orders() { return "[]"; }
        }
        """);

    Verdict v = Judge.judge(report(List.of(), List.of(), List.of()), List.of(), List.of(), 0, 0,
        expect(List.of("checkout"), Map.of(), Map.of()));

    assertThat(v.offenders().get(0).hint())
        .startsWith("onboarded with the OpenTelemetry Spring Boot starter but nothing was exported")
        .endsWith("; scan finds its server framework Spring MVC (1 Spring MVC handler site(s),"
            + " first at src/main/java/shop/App.java:13): onboard covers it with"
            + " spring-boot-starter");
  }

  @Test
  void spansWithoutAServerSpanFromAServiceWithoutServerFrameworkAreAFindingNotAFailure() {
    var figures = List.of(new ServiceFigures("checkout", 2, 0, 0, 0, 0, 0, 0, 1.0));
    var spans = List.of(
        span("checkout", "t", "a", "", "work", SpanKinds.INTERNAL, 0, 1, Map.of()),
        span("checkout", "t", "b", "a", "GET", SpanKinds.CLIENT, 0, 1, Map.of()));

    Verdict v = Judge.judge(report(figures, List.of(), List.of()), spans, List.of(), 0, 0,
        expect(List.of("checkout"), Map.of(), Map.of()));

    assertThat(v.passed()).isTrue();
    assertThat(v.offenders()).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(Verdict.Kinds.NO_SERVER_SPANS);
      assertThat(o.hint()).startsWith("no SERVER span and scan finds no HTTP server framework");
    });
  }

  @Test
  void theLoggerSourceDecidesWhichAsyncRewriteIsSuggested() throws Exception {
    Path src = temp.resolve("checkout/src/main/java/com/example");
    Files.createDirectories(src);
    Files.writeString(src.resolve("Pricing.java"),
        "class Pricing { void p() { CompletableFuture.supplyAsync(() -> 1).thenAccept(x -> log.info(\"priced\")); } }");
    var figures = List.of(new ServiceFigures("checkout", 10, 10, 3, 10, 2, 3, 0, 0.2));

    Verdict v = Judge.judge(
        report(figures, List.of(), List.of(new UncorrelatedLogs("checkout", "com.example.Pricing", "priced", 8, 8))),
        List.of(), List.of(), 0, 0, expect(List.of("checkout"), Map.of(), Map.of()));

    Offender o = v.offenders().get(0);
    assertThat(o.kind()).isEqualTo("uncorrelated-logs");
    assertThat(o.rewrites()).containsExactly("wrap-completable-future");
    assertThat(o.example()).endsWith("Pricing.java");
    assertThat(v.failures()).containsExactly("checkout: in-request log correlation 20.0% (2 of 10) below 99.0%");
  }

  @Test
  void servicesNobodyExpectedAreJudgedWithTheDefaultsAndListedLast() {
    var figures = List.of(
        new ServiceFigures("aaa-extra", 1, 0, 0, 0, 0, 0, 0, 1.0),
        new ServiceFigures("checkout", 1, 0, 0, 0, 0, 0, 0, 1.0));

    Verdict v = Judge.judge(report(figures, List.of(), List.of()), List.of(), List.of(), 0, 0,
        expect(List.of("checkout"), Map.of(), Map.of()));

    assertThat(v.passed()).isTrue();
    assertThat(v.services()).extracting(Verdict.ServiceVerdict::service, Verdict.ServiceVerdict::expected)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("checkout", true), org.assertj.core.groups.Tuple.tuple("aaa-extra", false));
  }
}
