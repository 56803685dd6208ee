package dev.otelboard.collector.pipeline;

/** The three OTLP signals and the names OTLP uses for them on the wire. */
public enum Signal {
  TRACES("traces", "opentelemetry.proto.collector.trace.v1.TraceService/Export", "spans"),
  LOGS("logs", "opentelemetry.proto.collector.logs.v1.LogsService/Export", "log records"),
  METRICS("metrics", "opentelemetry.proto.collector.metrics.v1.MetricsService/Export", "data points");

  private final String path;
  private final String grpcMethod;
  private final String itemName;

  Signal(String path, String grpcMethod, String itemName) {
    this.path = path;
    this.grpcMethod = grpcMethod;
    this.itemName = itemName;
  }

  /** The OTLP/HTTP path, e.g. {@code /v1/traces}. */
  public String httpPath() {
    return "/v1/" + path;
  }

  /** The full gRPC method name of the signal's Export call. */
  public String grpcMethod() {
    return grpcMethod;
  }

  /** What one item of this signal is called in messages ("spans", "log records"...). */
  public String itemName() {
    return itemName;
  }
}
