package dev.otelboard.cli.rewrite;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;

/**
 * Vendor span tag names and the OpenTelemetry attributes they become: OpenTracing's {@code Tags}
 * and Datadog's {@code DDTags} constants (their values as the real classes define them), mapped
 * to the semantic-convention attribute where a standard one means the same, else kept as written.
 * A few tags are no attribute at all in OpenTelemetry: the span kind, the error flag (the span's
 * status), and sampling and service hints (the SDK's and the resource's business).
 */
public final class TagNames {
  /** {@code io.opentracing.tag.Tags} constants to the tag keys they write. */
  static final Map<String, String> OPENTRACING_TAGS =
      Map.ofEntries(
          entry("HTTP_URL", "http.url"),
          entry("HTTP_STATUS", "http.status_code"),
          entry("HTTP_METHOD", "http.method"),
          entry("PEER_HOST_IPV4", "peer.ipv4"),
          entry("PEER_HOST_IPV6", "peer.ipv6"),
          entry("PEER_SERVICE", "peer.service"),
          entry("PEER_HOSTNAME", "peer.hostname"),
          entry("PEER_PORT", "peer.port"),
          entry("SAMPLING_PRIORITY", "sampling.priority"),
          entry("SPAN_KIND", "span.kind"),
          entry("COMPONENT", "component"),
          entry("ERROR", "error"),
          entry("DB_TYPE", "db.type"),
          entry("DB_INSTANCE", "db.instance"),
          entry("DB_USER", "db.user"),
          entry("DB_STATEMENT", "db.statement"),
          entry("MESSAGE_BUS_DESTINATION", "message_bus.destination"));

  /** {@code datadog.trace.api.DDTags} constants a span tag is written with, to their keys. */
  static final Map<String, String> DATADOG_TAGS =
      Map.ofEntries(
          entry("SPAN_TYPE", "span.type"),
          entry("SERVICE_NAME", "service.name"),
          entry("RESOURCE_NAME", "resource.name"),
          entry("THREAD_NAME", "thread.name"),
          entry("THREAD_ID", "thread.id"),
          entry("DB_STATEMENT", "sql.query"),
          entry("HTTP_QUERY", "http.query.string"),
          entry("HTTP_FRAGMENT", "http.fragment.string"),
          entry("USER_NAME", "user.principal"),
          entry("ERROR_MSG", "error.message"),
          entry("ERROR_TYPE", "error.type"),
          entry("ERROR_STACK", "error.stack"),
          entry("ANALYTICS_SAMPLE_RATE", "_dd1.sr.eausr"),
          entry("EVENT_SAMPLE_RATE", "_dd1.sr.eausr"),
          entry("MANUAL_KEEP", "manual.keep"),
          entry("MANUAL_DROP", "manual.drop"),
          entry("MEASURED", "_dd.measured"));

  /** Tag keys whose meaning a stable semantic-convention attribute has under another name. */
  private static final Map<String, String> SEMANTIC_CONVENTIONS =
      Map.ofEntries(
          entry("http.url", "url.full"),
          entry("http.status_code", "http.response.status_code"),
          entry("http.method", "http.request.method"),
          entry("peer.ipv4", "network.peer.address"),
          entry("peer.ipv6", "network.peer.address"),
          entry("peer.hostname", "server.address"),
          entry("peer.port", "server.port"),
          entry("db.type", "db.system.name"),
          entry("db.instance", "db.namespace"),
          entry("db.statement", "db.query.text"),
          entry("sql.query", "db.query.text"),
          entry("message_bus.destination", "messaging.destination.name"),
          entry("http.query.string", "url.query"),
          entry("http.fragment.string", "url.fragment"),
          entry("user.principal", "enduser.id"));

  /** Tag keys that are no span attribute in OpenTelemetry, and why. */
  private static final Map<String, String> DROPPED =
      Map.ofEntries(
          entry("service.name", "a span's service is its resource's in OpenTelemetry: run the "
              + "code that needs another service name as that service (OTEL_SERVICE_NAME)"),
          entry("sampling.priority", "sampling is decided by the SDK's sampler "
              + "(OTEL_TRACES_SAMPLER) or the collector's tail sampling, not per span"),
          entry("manual.keep", "sampling is decided by the SDK's sampler (OTEL_TRACES_SAMPLER) "
              + "or the collector's tail sampling, not per span"),
          entry("manual.drop", "sampling is decided by the SDK's sampler (OTEL_TRACES_SAMPLER) "
              + "or the collector's tail sampling, not per span"),
          entry("_dd1.sr.eausr", "App Analytics sample rates are a retired Datadog feature"),
          entry("_dd.measured", "Datadog computes trace metrics for entry spans, and for others "
              + "through the Datadog connector's configuration"));

  /** The tag key of the span kind; its value becomes the span's kind. */
  static final String SPAN_KIND = "span.kind";
  /** The tag key of the error flag; true becomes an ERROR status. */
  static final String ERROR = "error";

  /** OpenTracing's span kind values to OpenTelemetry's {@code SpanKind}. */
  static final Map<String, String> SPAN_KINDS =
      Map.of("server", "SERVER", "client", "CLIENT", "producer", "PRODUCER",
          "consumer", "CONSUMER");

  /** OpenTracing's span kind constants ({@code Tags.SPAN_KIND_CLIENT}...) to their values. */
  static final Map<String, String> SPAN_KIND_CONSTANTS =
      Map.of("SPAN_KIND_SERVER", "server", "SPAN_KIND_CLIENT", "client",
          "SPAN_KIND_PRODUCER", "producer", "SPAN_KIND_CONSUMER", "consumer");

  private TagNames() {}

  /** The attribute a tag written under {@code key} becomes: its semantic convention, or itself. */
  public static String attribute(String key) {
    return SEMANTIC_CONVENTIONS.getOrDefault(key, key);
  }

  /** Why a tag written under {@code key} becomes no attribute, if it does not. */
  public static Optional<String> dropped(String key) {
    return Optional.ofNullable(DROPPED.get(key));
  }

  /**
   * The key a vendor constant writes: {@code Tags.HTTP_URL} is {@code http.url}, {@code
   * DDTags.RESOURCE_NAME} is {@code resource.name}.
   *
   * @param className {@code Tags} or {@code DDTags} (simple or qualified)
   * @param field the constant's name
   */
  public static Optional<String> constant(String className, String field) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return Optional.ofNullable(
        switch (simple) {
          case "Tags" -> OPENTRACING_TAGS.get(field);
          case "DDTags" -> DATADOG_TAGS.get(field);
          default -> null;
        });
  }
}
