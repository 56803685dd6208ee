package dev.otelboard.collector.pipeline;

import java.time.Duration;

/**
 * The pipeline's answer to a receiver offering a batch. Receivers translate it into OTLP's
 * status codes: gRPC OK / UNAVAILABLE / RESOURCE_EXHAUSTED with RetryInfo, HTTP 200 / 503 / 429
 * with Retry-After.
 */
public enum Admission {
  /** Queued; it will reach every sink. */
  ACCEPTED,
  /** The queue is full: the client should back off and retry (throttling). */
  QUEUE_FULL,
  /** The memory limit is reached: the client should back off and retry. */
  MEMORY_LIMIT,
  /** The pipeline is shutting down and accepts nothing new. */
  SHUTTING_DOWN;

  /** How long a refused client should wait before retrying. */
  public Duration retryAfter() {
    return this == MEMORY_LIMIT ? Duration.ofSeconds(2) : Duration.ofSeconds(1);
  }
}
