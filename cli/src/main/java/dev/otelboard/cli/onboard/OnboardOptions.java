package dev.otelboard.cli.onboard;

import dev.otelboard.cli.config.OtelboardConfig.Mode;

/**
 * How to onboard.
 *
 * @param mode SDK or agent; null to take it from otelboard.yaml (SDK for a first onboard)
 * @param serviceName the service name for a first onboard; null to use the pom's artifactId
 * @param httpLibrary which instrumentation the JDK HTTP client and server get
 * @param force edit files even when they have uncommitted changes
 * @param keepLoggingApi leave JUL, JCL, Log4j 1.x and System.out logging as they are (each gets a
 *     manual item) instead of moving them to SLF4J
 * @param keepVendorDeps keep vendor tracer dependencies (dd-trace-api, OpenTracing, Sleuth, Brave)
 *     that nothing references any more, each as a manual item, instead of removing them
 * @param keepVendorLogKeys keep vendor MDC keys ({@code dd.trace_id}, Sleuth's {@code traceId})
 *     in log patterns next to {@code trace_id}/{@code span_id}, for a dual run with the vendor agent
 */
public record OnboardOptions(
    Mode mode, String serviceName, HttpLibrary httpLibrary, boolean force,
    boolean keepLoggingApi, boolean keepVendorDeps, boolean keepVendorLogKeys) {

  /** Options that remove unreferenced vendor dependencies and vendor log keys. */
  public OnboardOptions(Mode mode, String serviceName, HttpLibrary httpLibrary, boolean force,
      boolean keepLoggingApi) {
    this(mode, serviceName, httpLibrary, force, keepLoggingApi, false, false);
  }

  /** Options that move other logging APIs to SLF4J. */
  public OnboardOptions(Mode mode, String serviceName, HttpLibrary httpLibrary, boolean force) {
    this(mode, serviceName, httpLibrary, force, false);
  }

  /** Where the instrumentation of java.net.http and the JDK HttpServer comes from. */
  public enum HttpLibrary {
    /** The official library when its jar is in the local Maven repository, else the adapter. */
    AUTO,
    /** opentelemetry-java-http-client / -server. */
    LIBRARY,
    /** A small adapter generated into the service, on opentelemetry-instrumentation-api. */
    ADAPTER
  }

  /** The defaults: mode from otelboard.yaml, adapters chosen automatically, no force. */
  public static OnboardOptions defaults() {
    return new OnboardOptions(null, null, HttpLibrary.AUTO, false);
  }
}
