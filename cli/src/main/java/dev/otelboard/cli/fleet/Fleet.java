package dev.otelboard.cli.fleet;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code otelboard-fleet.yaml} declares: the services one collector DaemonSet serves, the
 * collector itself, and where telemetry goes (Datadog first, plus any OTLP backends side by side).
 * All lists are sorted by name so generated files are stable.
 *
 * @param name a label for the fleet, shown in generated headers
 * @param collector the DaemonSet's image, resources and presets
 * @param datadog the primary backend, or null when disabled
 * @param backends additional OTLP exporters for dual export, sorted by name
 * @param services the services, sorted by name
 * @param source the fleet file, or null when built from one service's otelboard.yaml
 */
public record Fleet(String name, Collector collector, Datadog datadog, List<Backend> backends,
    List<Service> services, Path source) {

  /** Creates a fleet; lists are copied. */
  public Fleet {
    backends = List.copyOf(backends);
    services = List.copyOf(services);
  }

  /** A Kubernetes Secret key: where a credential lives, never the credential. */
  public record SecretRef(String name, String key) {}

  /**
   * The collector DaemonSet.
   *
   * @param imageRepository the image; the contrib distribution by default
   * @param imageTag the tag, or "" for the chart's appVersion
   * @param resources container resources (strings as Kubernetes writes them)
   * @param logsCollection whether the chart's logsCollection preset tails container logs
   */
  public record Collector(String imageRepository, String imageTag, Resources resources,
      boolean logsCollection) {}

  /** Container limits and requests, e.g. cpu "1", memory "512Mi". */
  public record Resources(String cpuLimit, String memoryLimit, String cpuRequest,
      String memoryRequest) {}

  /**
   * The Datadog exporter.
   *
   * @param site the Datadog site, e.g. datadoghq.com or datadoghq.eu
   * @param apiKey the Secret holding the API key; exposed to the collector as DD_API_KEY
   * @param apmStats whether traces also pass through the datadog connector (APM stats)
   */
  public record Datadog(String site, SecretRef apiKey, boolean apmStats) {}

  /** How an extra backend is reached. */
  public enum Protocol {
    /**
     * OTLP over gRPC: exporter {@code otlp_grpc/<name>} (collector 0.158 logs the older type name
     * {@code otlp} as a deprecated alias).
     */
    OTLP("otlp_grpc"),
    /** OTLP over HTTP: exporter {@code otlp_http/<name>} (formerly {@code otlphttp}). */
    OTLPHTTP("otlp_http");

    private final String type;

    Protocol(String type) {
      this.type = type;
    }

    /** The collector component type. */
    public String type() {
      return type;
    }
  }

  /**
   * An extra OTLP backend.
   *
   * @param name the exporter name, e.g. "jaeger" for {@code otlp_grpc/jaeger}
   * @param endpoint a literal endpoint, or null when it comes from {@code endpointSecret}
   * @param endpointSecret the Secret holding the endpoint, or null
   * @param insecure whether to skip TLS (in-cluster plaintext backends)
   * @param headers request headers, each from a Secret or a non-secret literal
   */
  public record Backend(String name, Protocol protocol, String endpoint, SecretRef endpointSecret,
      boolean insecure, List<Header> headers) {
    /** Creates a backend; headers are copied. */
    public Backend {
      headers = List.copyOf(headers);
    }

    /** The collector exporter id, e.g. {@code otlp_grpc/jaeger}. */
    public String exporterId() {
      return protocol.type() + "/" + name;
    }
  }

  /** A header: from a Secret ({@code secret != null}) or a literal non-secret value. */
  public record Header(String name, SecretRef secret, String value) {}

  /** How a service is instrumented. */
  public enum Mode {
    /** The OpenTelemetry SDK in the code (otelboard onboard). */
    SDK,
    /** The OpenTelemetry Java agent, configured through the Deployment's env. */
    AGENT
  }

  /**
   * One service and the per-service rules the collector applies to its telemetry.
   *
   * @param name the service.name its telemetry carries
   * @param namespace service.namespace to set when missing, or null
   * @param environment deployment.environment.name to set when missing, or null
   * @param mode SDK or agent
   * @param logs how its log records are repaired
   * @param healthCheckPaths URL paths whose spans and logs are dropped
   * @param redactKeys attribute keys deleted from spans and logs
   * @param hashKeys attribute keys replaced by their SHA-256
   * @param statements extra OTTL statements per signal ("traces", "metrics", "logs")
   * @param directory the service's directory when the fleet names one, else null
   */
  public record Service(String name, String namespace, String environment, Mode mode,
      LogRules logs, List<String> healthCheckPaths, List<String> redactKeys,
      List<String> hashKeys, Map<String, List<String>> statements, Path directory) {
    /** Creates a service; collections are copied. */
    public Service {
      healthCheckPaths = List.copyOf(healthCheckPaths);
      redactKeys = List.copyOf(redactKeys);
      hashKeys = List.copyOf(hashKeys);
      statements = Map.copyOf(statements);
    }
  }

  /**
   * Log repairs for services whose loggers don't write OpenTelemetry log records.
   *
   * @param parseJsonBody parse JSON log bodies and merge their fields into attributes
   * @param liftTraceContext copy trace/span ids written by legacy loggers into the record
   * @param traceIdKeys attribute or JSON field names holding a 32-hex trace id
   * @param spanIdKeys attribute or JSON field names holding a 16-hex span id
   */
  public record LogRules(boolean parseJsonBody, boolean liftTraceContext, List<String> traceIdKeys,
      List<String> spanIdKeys) {
    /** Creates the rules; lists are copied. */
    public LogRules {
      traceIdKeys = List.copyOf(traceIdKeys);
      spanIdKeys = List.copyOf(spanIdKeys);
    }
  }
}
