package dev.otelboard.cli.onboard;

import static dev.otelboard.cli.onboard.OnboardFixture.after;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.migrate.Vendor;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Onboard over services that declare or use a vendor tracer: use versus presence, migration. */
class VendorTracingOnboardTest {
  private final OnboardFixture fixture = new OnboardFixture("/work/shop");
  private final Path root = fixture.root();
  private final OnboardService service = fixture.service();

  private static final String MAIN =
      """
      package com.example.shop;

      // import datadog.trace.api.Trace;
      // import io.opentracing.util.GlobalTracer;

      /** Was traced with {@code datadog.trace.api.Trace} once. */
      public final class Shop {
        public static void main(String[] args) {
          // GlobalTracer.get().activeSpan().setTag("shop", "open");
          System.out.println("open");
        }
      }
      """;

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void dependenciesOnlyCommentedOutCodeUsesAreRemovedAndTheServiceIsOnboarded()
      throws Exception {
    fixture.write("pom.xml", pom("com.datadoghq:dd-trace-api:1.44.0", "io.opentracing:opentracing-util:0.33.0"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MAIN);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.manual()).extracting(ManualItem::rewriteId)
        .doesNotContain(RewriteId.EXISTING_TRACING);
    assertThat(plan.changes()).filteredOn(c -> c.rewriteId() == RewriteId.VENDOR_DEPENDENCY)
        .extracting(Change::line, Change::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(10, "removed com.datadoghq:dd-trace-api "
                + "(dd-trace): nothing in src/main/java references it"),
            org.assertj.core.groups.Tuple.tuple(15, "removed io.opentracing:opentracing-util "
                + "(OpenTracing): nothing in src/main/java references it"));
    String pom = after(plan, "pom.xml");
    assertThat(pom).doesNotContain("dd-trace-api", "opentracing")
        .contains("opentelemetry-sdk-extension-autoconfigure");
    assertThat(plan.diff()).contains("-      <artifactId>dd-trace-api</artifactId>");
    assertThat(plan.edits()).extracting(FileEdit::path)
        .contains("src/main/java/com/example/shop/OtelBootstrap.java");
    assertThat(summary(plan)).contains("vendor-dependency  removed com.datadoghq:dd-trace-api");
    applyAndExpectIdempotence(plan, OnboardOptions.defaults());
  }

  @Test
  void keepVendorDepsKeepsThemAsManualItems() throws Exception {
    fixture.write("pom.xml", pom("com.datadoghq:dd-trace-api:1.44.0"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MAIN);
    OnboardOptions keep = new OnboardOptions(null, null, OnboardOptions.HttpLibrary.AUTO, false,
        false, true, false);

    OnboardPlan plan = service.plan(root, keep);

    assertThat(after(plan, "pom.xml")).contains("dd-trace-api", "opentelemetry-api");
    assertThat(plan.manual()).filteredOn(m -> m.rewriteId() == RewriteId.VENDOR_DEPENDENCY)
        .singleElement()
        .satisfies(m -> assertThat(m.toString()).startsWith("pom.xml:10")
            .contains("kept com.datadoghq:dd-trace-api (--keep-vendor-deps)"));
    applyAndExpectIdempotence(plan, keep);
  }

  @Test
  void aUseNoRewriteMovesRefusesTheServiceWithEachUseAndWritesNothing() throws Exception {
    fixture.write("pom.xml", pom("io.zipkin.brave:brave:6.0.3", "com.datadoghq:dd-trace-api:1.44.0"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MAIN);
    fixture.write("src/main/java/com/example/shop/Orders.java",
        """
        package com.example.shop;

        import brave.Tracing;
        import brave.propagation.TraceContext;

        class Orders {
          void order() {
            TraceContext context = Tracing.currentTracer().currentSpan().context();
            Tracing.current().close();
          }
        }
        """);
    Map<String, String> before = fixture.tree();

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.writable()).isFalse();
    assertThat(plan.blockers()).extracting(ManualItem::toString)
        .containsExactly(
            "src/main/java/com/example/shop/Orders.java:9  migrate-brave  Tracing.current() uses "
                + "Tracing in a way otelboard does not move: move it by hand",
            "src/main/java/com/example/shop/Orders.java:8  existing-tracing  uses brave.Tracing, "
                + "brave.propagation.TraceContext (Brave/Zipkin), which no otelboard rewrite moves "
                + "to OpenTelemetry: " + Vendor.BRAVE.advice());
    assertThat(summary(plan)).contains("refused, nothing was written");
    assertThatThrownBy(() -> service.apply(root, plan)).isInstanceOf(OtelboardException.class)
        .hasMessageContaining("Orders.java").hasMessageContaining("onboard wrote nothing");
    assertThat(fixture.tree()).isEqualTo(before);
  }

  @Test
  void openTracingCodeIsMigratedAndTheDependencySwapped() throws Exception {
    fixture.write("pom.xml", pom("io.opentracing:opentracing-util:0.33.0"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MAIN);
    fixture.write("src/main/java/com/example/shop/Tariffs.java",
        """
        package com.example.shop;

        import io.opentracing.Span;
        import io.opentracing.util.GlobalTracer;

        class Tariffs {
          long compute(String sku) {
            Span span = GlobalTracer.get().buildSpan("tariff.compute").withTag("sku", sku).start();
            try {
              return sku.length();
            } finally {
              span.finish();
            }
          }
        }
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.blockers()).isEmpty();
    assertThat(after(plan, "src/main/java/com/example/shop/Tariffs.java"))
        .contains("Span span = OtelTracing.tracer().spanBuilder(\"tariff.compute\")"
            + ".setAttribute(\"sku\", sku).startSpan();", "span.end();")
        .doesNotContain("io.opentracing");
    assertThat(after(plan, "src/main/java/com/example/shop/OtelTracing.java"))
        .startsWith(GeneratedSources.STAMP_PREFIX)
        .contains("return openTelemetry.getTracer(INSTRUMENTATION_SCOPE);", "OtelBootstrap")
        .doesNotContain("@Component");
    assertThat(after(plan, "pom.xml")).doesNotContain("opentracing")
        .contains("<artifactId>opentelemetry-api</artifactId>");
    assertThat(plan.changes()).extracting(Change::rewriteId)
        .contains(RewriteId.MIGRATE_OPENTRACING, RewriteId.VENDOR_DEPENDENCY);
    applyAndExpectIdempotence(plan, OnboardOptions.defaults());
  }

  @Test
  void aSpringBootServiceGetsWithSpanTheAnnotationsAndAop() throws Exception {
    fixture.write("pom.xml",
        """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>2.7.18</version>
          </parent>
          <artifactId>stock</artifactId>
          <dependencies>
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-web</artifactId>
            </dependency>
            <dependency>
              <groupId>com.datadoghq</groupId>
              <artifactId>dd-trace-api</artifactId>
              <version>1.44.0</version>
            </dependency>
          </dependencies>
        </project>
        """);
    fixture.write("src/main/java/com/example/stock/StockApplication.java",
        """
        package com.example.stock;

        import org.springframework.boot.SpringApplication;
        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        public class StockApplication {
          public static void main(String[] args) {
            SpringApplication.run(StockApplication.class, args);
          }
        }
        """);
    fixture.write("src/main/java/com/example/stock/service/Stock.java",
        """
        package com.example.stock.service;

        import datadog.trace.api.Trace;
        import org.springframework.stereotype.Service;

        @Service
        public class Stock {
          @Trace(operationName = "stock.lookup")
          public int lookup(String sku) {
            return sku.length();
          }
        }
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.blockers()).isEmpty();
    assertThat(after(plan, "src/main/java/com/example/stock/service/Stock.java"))
        .contains("@WithSpan(\"stock.lookup\")")
        .doesNotContain("datadog");
    assertThat(after(plan, "pom.xml"))
        .doesNotContain("dd-trace-api")
        .contains("<artifactId>opentelemetry-instrumentation-annotations</artifactId>",
            "<artifactId>spring-boot-starter-aop</artifactId>",
            "<artifactId>opentelemetry-spring-boot-starter</artifactId>");
    assertThat(plan.edits()).extracting(FileEdit::path).noneMatch(p -> p.endsWith("OtelTracing.java"));
    applyAndExpectIdempotence(plan, OnboardOptions.defaults());
  }

  @Test
  void anExplicitSpanInASpringBootServiceGetsTheHolderNextToTheApplication() throws Exception {
    fixture.write("pom.xml", SPRING_POM);
    fixture.write("src/main/java/com/example/stock/StockApplication.java", SPRING_APPLICATION);
    fixture.write("src/main/java/com/example/stock/Jobs.java",
        """
        package com.example.stock;

        import datadog.trace.api.Trace;

        final class Jobs {
          @Trace(operationName = "jobs.sweep")
          static void sweep() {
            System.out.println("sweep");
          }
        }
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "src/main/java/com/example/stock/OtelTracing.java"))
        .contains("@Component", "OtelTracing(OpenTelemetry openTelemetry)");
    assertThat(after(plan, "src/main/java/com/example/stock/Jobs.java"))
        .contains("OtelTracing.tracer().spanBuilder(\"jobs.sweep\")");
    assertThat(after(plan, "pom.xml")).doesNotContain("spring-boot-starter-aop");
  }

  @Test
  void aDependencyTestsStillUseIsKeptWithTheirFileAndLine() throws Exception {
    fixture.write("pom.xml", pom("io.opentracing:opentracing-mock:0.33.0"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MAIN);
    fixture.write("src/test/java/com/example/shop/ShopTest.java",
        """
        package com.example.shop;

        import io.opentracing.mock.MockTracer;

        class ShopTest {
          MockTracer tracer = new MockTracer();
        }
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "pom.xml")).contains("opentracing-mock");
    assertThat(plan.manual()).filteredOn(m -> m.rewriteId() == RewriteId.VENDOR_DEPENDENCY)
        .singleElement()
        .satisfies(m -> assertThat(m.reason()).contains(
            "tests use OpenTracing (io.opentracing.mock.MockTracer at "
                + "src/test/java/com/example/shop/ShopTest.java:3)"));
  }

  @Test
  void datadogLogKeysBecomeOpenTelemetrysAndTheLogbackEditFollows() throws Exception {
    fixture.write("pom.xml", pom("ch.qos.logback:logback-classic:1.5.18", "com.datadoghq:dd-trace-api:1.44.0"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MAIN);
    fixture.write("src/main/resources/logback.xml", DD_LOGBACK);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "src/main/resources/logback.xml"))
        .contains("<pattern>%d %-5level %logger trace_id=%X{trace_id} span_id=%X{span_id} %msg%n</pattern>",
            "io.opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender")
        .doesNotContain("dd.");
    assertThat(plan.changes()).filteredOn(c -> c.rewriteId() == RewriteId.VENDOR_LOG_KEYS)
        .extracting(Change::file).containsExactly("src/main/resources/logback.xml");
    applyAndExpectIdempotence(plan, OnboardOptions.defaults());
  }

  @Test
  void keepVendorLogKeysPrintsBothDuringADualRun() throws Exception {
    fixture.write("pom.xml", pom("ch.qos.logback:logback-classic:1.5.18"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MAIN);
    fixture.write("src/main/resources/logback.xml", DD_LOGBACK);
    OnboardOptions keep = new OnboardOptions(null, null, OnboardOptions.HttpLibrary.AUTO, false,
        false, false, true);

    OnboardPlan plan = service.plan(root, keep);

    assertThat(after(plan, "src/main/resources/logback.xml")).contains(
        "dd.trace_id=%X{dd.trace_id} dd.span_id=%X{dd.span_id} trace_id=%X{trace_id} "
            + "span_id=%X{span_id} %msg%n");
    applyAndExpectIdempotence(plan, keep);
  }

  private static final String DD_LOGBACK =
      """
      <configuration>
        <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
          <encoder>
            <pattern>%d %-5level %logger dd.trace_id=%X{dd.trace_id} dd.span_id=%X{dd.span_id} %msg%n</pattern>
          </encoder>
        </appender>
        <root level="INFO">
          <appender-ref ref="CONSOLE"/>
        </root>
      </configuration>
      """;

  @Test
  void aModuleMigratesWhenItsParentManagesTheVendorVersion() throws Exception {
    fixture.write("pom.xml", MultiModuleFixture.PARENT.replace("<dependencies>", """
        <dependencies>
              <dependency>
                <groupId>com.datadoghq</groupId>
                <artifactId>dd-trace-api</artifactId>
                <version>1.44.0</version>
              </dependency>""".strip()));
    fixture.write("orders/pom.xml", MultiModuleFixture.MODULE.replace("<dependencies>", """
        <dependencies>
            <dependency>
              <groupId>com.datadoghq</groupId>
              <artifactId>dd-trace-api</artifactId>
            </dependency>""".strip()));
    fixture.write("orders/src/main/java/com/example/orders/Orders.java", MultiModuleFixture.JAVA);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.manual()).extracting(ManualItem::rewriteId)
        .doesNotContain(RewriteId.EXISTING_TRACING);
    assertThat(after(plan, "orders/pom.xml")).doesNotContain("dd-trace-api");
    applyAndExpectIdempotence(plan, OnboardOptions.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "org.springframework.cloud:spring-cloud-starter-sleuth:3.1.11",
    "io.zipkin.brave:brave:6.0.3",
    "io.jaegertracing:jaeger-client:1.8.1"
  })
  void anUnreferencedTracerOfAnyVendorIsRemoved(String artifact) throws Exception {
    fixture.write("pom.xml", pom(artifact));
    fixture.write("src/main/java/com/example/shop/Shop.java", MAIN);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.blockers()).isEmpty();
    assertThat(after(plan, "pom.xml")).doesNotContain(artifact.split(":")[1]);
  }

  private static final String SPRING_POM = OnboardFixture.springBootPom("2.7.18", "stock",
      "com.datadoghq:dd-trace-api:1.44.0");

  private static final String SPRING_APPLICATION =
      OnboardFixture.springBootApplication("com.example.stock", "StockApplication");

  private void applyAndExpectIdempotence(OnboardPlan plan, OnboardOptions options)
      throws Exception {
    assertThat(fixture.applyAndPlanAgain(plan, options).blockers()).isEmpty();
  }

  private static String summary(OnboardPlan plan) {
    StringWriter out = new StringWriter();
    plan.printSummary(new PrintWriter(out), false);
    return out.toString();
  }

  /** A pom with slf4j-api and {@code artifacts}. */
  private static String pom(String... artifacts) {
    return OnboardFixture.pom(Stream.concat(Stream.of("org.slf4j:slf4j-api:2.0.17"),
        Stream.of(artifacts)).toArray(String[]::new));
  }
}
