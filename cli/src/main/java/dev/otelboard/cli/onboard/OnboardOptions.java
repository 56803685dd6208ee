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
 */
public record OnboardOptions(
    Mode mode, String serviceName, HttpLibrary httpLibrary, boolean force,
    boolean keepLoggingApi) {

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
