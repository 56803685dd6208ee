package dev.otelboard.cli.catalog;

import static dev.otelboard.cli.catalog.LibraryCategory.TRACING;
import static dev.otelboard.cli.catalog.LibraryCategory.VENDOR_TRACER;

/**
 * OpenTelemetry itself, and the tracers it must not run next to. Entries of the
 * {@link LibraryCatalog}.
 */
public final class TracingLibraries {
  private TracingLibraries() {}

  /** An OpenTelemetry SDK built in code. */
  public static final Library OPENTELEMETRY_SDK =
      Library.builder("opentelemetry-sdk", "OpenTelemetry SDK", TRACING)
          .addTypes("io.opentelemetry.sdk.OpenTelemetrySdk")
          .addPackages("io.opentelemetry.sdk.")
          .addCoordinates("io.opentelemetry:opentelemetry-sdk*")
          .setOnboarding(Onboarding.manual(
              "nothing to migrate: wire the existing OpenTelemetry instance into the "
                  + "instrumentation yourself, or replace it by the generated bootstrap"))
          .build();

  /** OpenTracing API calls running on OpenTelemetry through the shim. */
  public static final Library OPENTRACING_SHIM =
      Library.builder("opentracing-shim", "OpenTracing on OpenTelemetry", TRACING)
          .addCoordinates("io.opentelemetry:opentelemetry-opentracing-shim")
          .setOnboarding(Onboarding.manual(
              "nothing to migrate: the shim already runs on OpenTelemetry; move calls to the "
                  + "OpenTelemetry API at your pace"))
          .build();

  /** The OpenTelemetry API (and any other io.opentelemetry artifact). */
  public static final Library OPENTELEMETRY_API =
      Library.builder("opentelemetry-api", "OpenTelemetry API", TRACING)
          .addPackages("io.opentelemetry.")
          .addCoordinates("io.opentelemetry*:*")
          .setOnboarding(Onboarding.none(
              "already OpenTelemetry: onboard adds what is missing around it"))
          .build();

  /** Micrometer Tracing bridged to OpenTelemetry. */
  public static final Library MICROMETER_TRACING_OTEL =
      Library.builder("micrometer-tracing-otel", "Micrometer Tracing on OpenTelemetry", TRACING)
          .addCoordinates("io.micrometer:micrometer-tracing-bridge-otel")
          .setOnboarding(Onboarding.manual(
              "nothing to migrate, it already is OpenTelemetry: configure its export "
                  + "(management.otlp.*) rather than adding a second SDK"))
          .build();

  /** Micrometer Tracing (on Brave unless bridged to OpenTelemetry). */
  public static final Library MICROMETER_TRACING =
      Library.builder("micrometer-tracing", "Micrometer Tracing", VENDOR_TRACER)
          .addPackages("io.micrometer.tracing")
          .addCoordinates("io.micrometer:micrometer-tracing*")
          .setOnboarding(Onboarding.manual(
              "onboard swaps micrometer-tracing-bridge-brave for micrometer-tracing-bridge-otel "
                  + "when no code uses Brave (Observation API code stays); otherwise remove the "
                  + "bridge and let onboard add OpenTelemetry"))
          .build();

  /** Brave, Zipkin's tracer. */
  public static final Library BRAVE =
      Library.builder("brave", "Brave/Zipkin", VENDOR_TRACER)
          .addPackages("brave.")
          .addCoordinates("io.zipkin.brave*:*")
          .setOnboarding(Onboarding.manual(
              "onboard moves Brave spans to the OpenTelemetry API (migrate-brave) and removes "
                  + "Brave; what it can't move is listed by file:line (keep B3 headers with "
                  + "OTEL_PROPAGATORS=tracecontext,b3multi while peers still use them)"))
          .build();

  /** Spring Cloud Sleuth (any artifact named like it). */
  public static final Library SLEUTH =
      Library.builder("sleuth", "Spring Cloud Sleuth", VENDOR_TRACER)
          .addPackages("org.springframework.cloud.sleuth")
          .addCoordinates("*:*sleuth*")
          .setOnboarding(Onboarding.manual(
              "onboard moves Sleuth's span API to OpenTelemetry (migrate-brave) and puts the "
                  + "OpenTelemetry Spring Boot starter in Sleuth's place; what it can't move is "
                  + "listed by file:line"))
          .build();

  /** OpenTracing. */
  public static final Library OPENTRACING =
      Library.builder("opentracing", "OpenTracing", VENDOR_TRACER)
          .addPackages("io.opentracing.")
          .addCoordinates("io.opentracing*:*")
          .setOnboarding(Onboarding.manual(
              "keep the OpenTracing API calls on opentelemetry-opentracing-shim "
                  + "(OpenTracingShim.createTracerShim(openTelemetry)) and drop the OpenTracing "
                  + "tracer"))
          .build();

  /** Datadog's dd-trace (API and OpenTracing tracer); any com.datadoghq artifact. */
  public static final Library DD_TRACE =
      Library.builder("dd-trace", "dd-trace", VENDOR_TRACER)
          .addPackages("datadog.trace.", "datadog.opentracing.")
          .addCoordinates("com.datadoghq:*")
          .setOnboarding(Onboarding.manual(
              "either keep dd-java-agent and let it read OpenTelemetry API spans "
                  + "(dd.trace.otel.enabled=true), or replace dd-trace-api calls by the "
                  + "OpenTelemetry API"))
          .build();

  /** New Relic's agent API. */
  public static final Library NEW_RELIC =
      Library.builder("newrelic", "New Relic agent API", VENDOR_TRACER)
          .addPackages("com.newrelic.api")
          .addCoordinates("com.newrelic.agent.java:newrelic-api")
          .setOnboarding(Onboarding.manual(
              "replace newrelic-api calls (@Trace, NewRelic.*) by the OpenTelemetry API and drop "
                  + "the New Relic agent"))
          .build();

  /** Elastic APM's agent API. */
  public static final Library ELASTIC_APM =
      Library.builder("elastic-apm", "Elastic APM", VENDOR_TRACER)
          .addPackages("co.elastic.apm")
          .addCoordinates("co.elastic.apm:apm-agent-api")
          .setOnboarding(Onboarding.manual(
              "replace apm-agent-api calls by the OpenTelemetry API (Elastic accepts OTLP) and "
                  + "drop the Elastic agent"))
          .build();
}
