package dev.otelboard.cli.catalog;

/** What a {@link Library} does in a service, in the order the support matrix lists them. */
public enum LibraryCategory {
  /** Logging APIs and backends: where trace_id/span_id have to reach every log line. */
  LOGGING("logging"),
  /** Outgoing HTTP: clients that need CLIENT spans and trace headers. */
  HTTP_CLIENT("HTTP client"),
  /** Incoming HTTP: servers and frameworks that need SERVER spans. */
  HTTP_SERVER("HTTP server"),
  /** Message producers and consumers. */
  MESSAGING("messaging"),
  /** Application frameworks onboard handles as a whole (Spring Boot's starter). */
  FRAMEWORK("framework"),
  /** OpenTelemetry itself, and bridges that already run on it. */
  TRACING("OpenTelemetry"),
  /** Another vendor's tracer: never a second tracer in one code path. */
  VENDOR_TRACER("vendor tracer");

  private final String title;

  LibraryCategory(String title) {
    this.title = title;
  }

  /** A short title for tables. */
  public String title() {
    return title;
  }
}
