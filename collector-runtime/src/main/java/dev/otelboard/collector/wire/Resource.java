package dev.otelboard.collector.wire;

import static java.util.Objects.requireNonNull;

/**
 * The two resource attributes correlation needs from one {@code ResourceSpans} or {@code
 * ResourceLogs}: together they name a service instance.
 *
 * @param serviceName {@code service.name}, or {@value #UNKNOWN_SERVICE} when the resource has none
 * @param serviceInstanceId {@code service.instance.id}, or {@code ""} when the resource has none
 */
public record Resource(String serviceName, String serviceInstanceId) {
  /** The service name used when a resource has no string {@code service.name}. */
  public static final String UNKNOWN_SERVICE = "unknown_service";

  /** Checks both attributes are present (use the defaults for missing ones). */
  public Resource {
    requireNonNull(serviceName, "serviceName");
    requireNonNull(serviceInstanceId, "serviceInstanceId");
  }
}
