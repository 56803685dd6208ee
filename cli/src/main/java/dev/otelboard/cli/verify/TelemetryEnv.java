package dev.otelboard.cli.verify;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment an OpenTelemetry SDK (autoconfigured) or the javaagent reads, pointing one
 * process at the embedded collector. Short batch delays so a short run still exports; everything
 * sampled so the verdict sees every request; metrics off (verify judges traces and logs). The
 * SDK (1.68) and the agent give every process its own {@code service.instance.id}, which the
 * collector uses to tell two processes of one service apart.
 */
final class TelemetryEnv {
  /** Batch delay of the span and log record processors, in milliseconds. */
  static final String BATCH_DELAY_MILLIS = "200";

  /**
   * Inherited variables that would send a signal elsewhere than the embedded collector; a plan's
   * env may still set them on purpose.
   */
  static final List<String> OVERRIDDEN_INHERITED =
      List.of(
          "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
          "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
          "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
          "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL",
          "OTEL_SDK_DISABLED",
          "OTEL_JAVAAGENT_ENABLED");

  private TelemetryEnv() {}

  /**
   * The variables for one process.
   *
   * @param serviceName OTEL_SERVICE_NAME
   * @param endpoint the collector endpoint for {@code protocol}
   * @param protocol {@code grpc} or {@code http/protobuf}
   * @param agentJar the javaagent to attach through JAVA_TOOL_OPTIONS, or null
   * @param javaToolOptions the JAVA_TOOL_OPTIONS the process would otherwise get, or null
   */
  static Map<String, String> of(
      String serviceName,
      String endpoint,
      String protocol,
      Path agentJar,
      String javaToolOptions) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OTEL_SERVICE_NAME", serviceName);
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", protocol);
    env.put("OTEL_TRACES_EXPORTER", "otlp");
    env.put("OTEL_LOGS_EXPORTER", "otlp");
    env.put("OTEL_METRICS_EXPORTER", "none");
    env.put("OTEL_TRACES_SAMPLER", "parentbased_always_on");
    env.put("OTEL_BSP_SCHEDULE_DELAY", BATCH_DELAY_MILLIS);
    env.put("OTEL_BLRP_SCHEDULE_DELAY", BATCH_DELAY_MILLIS);
    if (agentJar != null) {
      String agent = "-javaagent:" + agentJar.toAbsolutePath();
      env.put(
          "JAVA_TOOL_OPTIONS",
          javaToolOptions == null || javaToolOptions.isBlank() ? agent : javaToolOptions + " " + agent);
      // Thread names on log records let the verdict say on which thread context was lost.
      env.put("OTEL_INSTRUMENTATION_LOGBACK_APPENDER_EXPERIMENTAL_LOG_ATTRIBUTES", "true");
      env.put("OTEL_INSTRUMENTATION_LOG4J_APPENDER_EXPERIMENTAL_LOG_ATTRIBUTES", "true");
    }
    return env;
  }
}
