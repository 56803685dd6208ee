package dev.otelboard.cli.migrate;

import java.util.List;
import java.util.Optional;

/**
 * The vendor tracers otelboard migrates off: where their APIs live in Java and which artifacts
 * bring them. A vendor whose API {@link #migrated() is migrated} has rewrites to the OpenTelemetry
 * API; the others are removed when nothing references them and block onboarding when something
 * does.
 */
public enum Vendor {
  /** Datadog's dd-trace-api ({@code @Trace}, CorrelationIdentifier, DDTags) and dd-trace-ot. */
  DATADOG(
      "dd-trace",
      List.of("datadog.trace.", "datadog.opentracing.", "datadog.appsec."),
      true,
      "keep dd-java-agent and let it read OpenTelemetry API spans (dd.trace.otel.enabled=true) "
          + "while you move this code to the OpenTelemetry API by hand"),
  /** The OpenTracing API and util, its contrib instrumentation and Jaeger's OpenTracing client. */
  OPENTRACING(
      "OpenTracing",
      List.of("io.opentracing.", "io.jaegertracing."),
      true,
      "move this code to the OpenTelemetry API by hand, or keep the OpenTracing calls on "
          + "opentelemetry-opentracing-shim (OpenTracingShim.createTracerShim(openTelemetry)) "
          + "and drop the vendor tracer"),
  /** Spring Cloud Sleuth. */
  SLEUTH(
      "Spring Cloud Sleuth",
      List.of("org.springframework.cloud.sleuth."),
      true,
      "move this use of the Sleuth API (a scoped span, @NewSpan/@ContinueSpan, baggage, "
          + "propagation) to the OpenTelemetry API by hand; the OpenTelemetry Spring Boot starter "
          + "then takes Sleuth's place"),
  /** Brave and the Zipkin reporter. */
  BRAVE(
      "Brave/Zipkin",
      List.of("brave.", "zipkin2."),
      true,
      "move this use of Brave (a scoped span, a Tracing built by hand, baggage, propagation, "
          + "span handlers) to the OpenTelemetry API by hand (keep B3 headers with "
          + "OTEL_PROPAGATORS=tracecontext,b3multi while peers still use them)");

  private final String title;
  private final List<String> packages;
  private final boolean migrated;
  private final String advice;

  Vendor(String title, List<String> packages, boolean migrated, String advice) {
    this.title = title;
    this.packages = packages;
    this.migrated = migrated;
    this.advice = advice;
  }

  /** The name people know it by, as onboard's summary writes it. */
  public String title() {
    return title;
  }

  /** Whether rewrites move its API to the OpenTelemetry API. */
  public boolean migrated() {
    return migrated;
  }

  /** What a person does with a use no rewrite handles. */
  public String advice() {
    return advice;
  }

  /** The vendor whose API the Java name (a class, package or import) belongs to. */
  public static Optional<Vendor> ofJavaName(String name) {
    String dotted = name + ".";
    for (Vendor vendor : values()) {
      for (String prefix : vendor.packages) {
        if (dotted.startsWith(prefix)) {
          return Optional.of(vendor);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The vendor a Maven artifact brings. Only artifacts whose classes are the vendor's API or
   * tracer count: Micrometer Tracing bridges and the OpenTracing shim for OpenTelemetry are left
   * to onboard's other checks.
   */
  public static Optional<Vendor> ofArtifact(String groupId, String artifactId) {
    return Optional.ofNullable(
        switch (groupId) {
          case "com.datadoghq" -> artifactId.startsWith("dd-trace") ? DATADOG : null;
          case "io.opentracing", "io.opentracing.contrib", "io.jaegertracing" -> OPENTRACING;
          case "org.springframework.cloud" ->
              artifactId.contains("sleuth") || artifactId.equals("spring-cloud-starter-zipkin")
                  ? SLEUTH
                  : null;
          case "io.zipkin.brave", "io.zipkin.reporter2" -> BRAVE;
          default -> null;
        });
  }
}
