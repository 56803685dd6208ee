package dev.otelboard.cli.onboard;

import static dev.otelboard.cli.onboard.OnboardFixture.after;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteId;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Onboard over Spring Cloud Sleuth / Brave services and Micrometer Tracing on Brave: the code moves
 * to the OpenTelemetry API, Sleuth leaves the pom, its log keys follow; Micrometer's bridge is
 * swapped.
 */
class SleuthBraveOnboardTest {
  private final OnboardFixture fixture = new OnboardFixture("/work/orders");
  private final Path root = fixture.root();
  private final OnboardService service = fixture.service();

  private static final String SLEUTH_POM = OnboardFixture.springBootPom("2.7.18", "orders",
      "org.springframework.cloud:spring-cloud-starter-sleuth:3.1.11");

  private static final String APPLICATION =
      OnboardFixture.springBootApplication("com.example.orders", "OrdersApplication");

  private static final String LOGBACK =
      """
      <configuration>
        <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
          <encoder>
            <pattern>%d %-5level [%X{traceId},%X{spanId}] %logger - %msg%n</pattern>
          </encoder>
        </appender>
        <root level="INFO">
          <appender-ref ref="CONSOLE"/>
        </root>
      </configuration>
      """;

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void aSleuthServiceMovesToTheStarterWithItsBraveCodeAndLogKeys() throws Exception {
    fixture.write("pom.xml", SLEUTH_POM);
    fixture.write("src/main/java/com/example/orders/OrdersApplication.java", APPLICATION);
    fixture.write("src/main/resources/logback-spring.xml", LOGBACK);
    fixture.write("src/main/java/com/example/orders/Pricing.java",
        """
        package com.example.orders;

        import brave.Span;
        import brave.Tracer;
        import org.springframework.stereotype.Service;

        @Service
        class Pricing {
          private final Tracer tracer;

          Pricing(Tracer tracer) {
            this.tracer = tracer;
          }

          long price(String sku) {
            Span span = tracer.nextSpan().name("price").tag("sku", sku).start();
            try (Tracer.SpanInScope ws = tracer.withSpanInScope(span)) {
              return sku.length() * 100L;
            } finally {
              span.finish();
            }
          }
        }
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.blockers()).isEmpty();
    assertThat(after(plan, "src/main/java/com/example/orders/Pricing.java"))
        .contains("private final Tracer tracer = OtelTracing.tracer();", "Pricing() {",
            "tracer.spanBuilder(\"price\").setAttribute(\"sku\", sku).startSpan()",
            "span.makeCurrent()", "span.end();")
        .doesNotContain("brave");
    assertThat(after(plan, "src/main/java/com/example/orders/OtelTracing.java"))
        .contains("@Component");
    assertThat(after(plan, "pom.xml")).doesNotContain("sleuth")
        .contains("<artifactId>opentelemetry-spring-boot-starter</artifactId>");
    assertThat(after(plan, "src/main/resources/logback-spring.xml"))
        .contains("[%X{trace_id},%X{span_id}]");
    assertThat(plan.changes()).extracting(Change::rewriteId)
        .contains(RewriteId.MIGRATE_BRAVE, RewriteId.VENDOR_DEPENDENCY, RewriteId.VENDOR_LOG_KEYS);
    service.apply(root, plan);
    OnboardPlan second = service.plan(root, OnboardOptions.defaults());
    assertThat(second.edits()).as("a second onboard changes nothing").isEmpty();
    assertThat(second.blockers()).isEmpty();
  }

  @Test
  void micrometerTracingOnBraveIsSwappedToItsOpenTelemetryBridgeAndKeepsItsLogKeys()
      throws Exception {
    String pom =
        """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>3.3.5</version>
          </parent>
          <artifactId>orders</artifactId>
          <dependencies>
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-web</artifactId>
            </dependency>
            <dependency>
              <groupId>io.micrometer</groupId>
              <artifactId>micrometer-tracing-bridge-brave</artifactId>
            </dependency>
            <dependency>
              <groupId>io.zipkin.reporter2</groupId>
              <artifactId>zipkin-reporter-brave</artifactId>
            </dependency>
          </dependencies>
        </project>
        """;
    fixture.write("pom.xml", pom);
    fixture.write("src/main/java/com/example/orders/OrdersApplication.java", APPLICATION);
    fixture.write("src/main/resources/logback-spring.xml", LOGBACK);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.blockers()).isEmpty();
    assertThat(after(plan, "pom.xml"))
        .contains("<artifactId>micrometer-tracing-bridge-otel</artifactId>",
            "<artifactId>opentelemetry-exporter-otlp</artifactId>")
        .doesNotContain("brave", "opentelemetry-spring-boot-starter");
    assertThat(plan.changes()).extracting(Change::rewriteId)
        .contains(RewriteId.MICROMETER_BRIDGE)
        .doesNotContain(RewriteId.VENDOR_LOG_KEYS, RewriteId.VENDOR_DEPENDENCY,
            RewriteId.SPRING_BOOT_STARTER);
    assertThat(plan.manual()).extracting(ManualItem::reason)
        .anyMatch(r -> r.contains("Micrometer Tracing on OpenTelemetry"));
    // Micrometer Tracing still fills traceId/spanId: the pattern keeps them.
    assertThat(after(plan, "src/main/resources/logback-spring.xml"))
        .contains("[%X{traceId},%X{spanId}]");
    service.apply(root, plan);
    OnboardPlan second = service.plan(root, OnboardOptions.defaults());
    assertThat(second.edits()).as("a second onboard changes nothing").isEmpty();
  }
}
