package dev.otelboard.cli.scan;

/** The concerns a scan reports on; each {@link FindingKind} belongs to one. */
public enum Category {
  /** Loggers, log calls, System.out/err. */
  LOGGING("logging"),
  /** Logging configuration files and whether their patterns carry trace_id/span_id. */
  LOG_CONFIG("log config"),
  /** Outgoing HTTP: clients that need CLIENT spans and trace headers. */
  HTTP_CLIENT("http client"),
  /** Incoming HTTP: servers and handlers that need SERVER spans. */
  HTTP_SERVER("http server"),
  /** Thread hops that lose the current context unless it is carried. */
  ASYNC("async"),
  /** Message producers and consumers. */
  MESSAGING("messaging"),
  /** Tracing that is already there: OpenTelemetry or another tracer. */
  TRACING("tracing"),
  /** Build files otelboard cannot edit. */
  BUILD("build");

  private final String title;

  Category(String title) {
    this.title = title;
  }

  /** A short lower-case title for reports. */
  public String title() {
    return title;
  }

  /** The stable id used in JSON and SARIF: the enum name in lower case with dashes. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
