package dev.otelboard.cli.generate;

import java.util.List;

/**
 * The ready-made models the templates under {@code templates/} print. Java makes every decision
 * (which components, in which order, which values); templates only lay them out. The types are
 * public because FreeMarker reads them reflectively.
 */
public final class CollectorModel {
  private CollectorModel() {}

  /**
   * A statement group of a transform processor.
   *
   * @param context the OTTL context, or null to let the processor infer it from path prefixes
   * @param conditions OR-ed conditions guarding the whole group
   * @param statements the statements, in execution order
   */
  public record Group(String context, List<String> conditions, List<String> statements) {
    /** Creates a group; lists are copied. */
    public Group {
      conditions = List.copyOf(conditions);
      statements = List.copyOf(statements);
    }
  }

  /** A {@code transform/<service>} processor. */
  public record TransformProcessor(String id, List<Group> traces, List<Group> metrics,
      List<Group> logs) {
    /** Creates a processor; lists are copied. */
    public TransformProcessor {
      traces = List.copyOf(traces);
      metrics = List.copyOf(metrics);
      logs = List.copyOf(logs);
    }

    boolean isEmpty() {
      return traces.isEmpty() && metrics.isEmpty() && logs.isEmpty();
    }
  }

  /** A {@code filter/<service>} processor: a true condition drops the item. */
  public record FilterProcessor(String id, List<String> traceConditions,
      List<String> logConditions) {
    /** Creates a processor; lists are copied. */
    public FilterProcessor {
      traceConditions = List.copyOf(traceConditions);
      logConditions = List.copyOf(logConditions);
    }
  }

  /** The rules of one service. */
  public record ServiceRules(String service, TransformProcessor transform, FilterProcessor filter) {}

  /** An extra OTLP exporter. Header values are {@code ${env:...}} references or non-secret text. */
  public record OtlpExporter(String id, String endpoint, boolean insecure, List<NameValue> headers) {
    /** Creates an exporter; headers are copied. */
    public OtlpExporter {
      headers = List.copyOf(headers);
    }
  }

  /** A name and a value. */
  public record NameValue(String name, String value) {}

  /** A pipeline and its components, in order. */
  public record Pipeline(String id, List<String> receivers, List<String> processors,
      List<String> exporters) {
    /** Creates a pipeline; lists are copied. */
    public Pipeline {
      receivers = List.copyOf(receivers);
      processors = List.copyOf(processors);
      exporters = List.copyOf(exporters);
    }
  }

  /**
   * The collector configuration (the chart's {@code config:} block).
   *
   * @param removedReceivers chart-default receivers switched off with null
   * @param removedExporters chart-default exporters switched off with null
   * @param logsCollection whether the file_log receiver (logsCollection preset) feeds logs
   * @param datadogSite the Datadog site, or null when Datadog is off
   * @param datadogConnector whether the datadog connector computes APM stats
   * @param exporters the extra OTLP exporters, sorted
   * @param transforms per-service transform processors, sorted
   * @param filters per-service filter processors, sorted
   * @param pipelines the pipelines, sorted by id
   */
  public record Config(List<String> removedReceivers, List<String> removedExporters,
      boolean logsCollection, String datadogSite, boolean datadogConnector,
      List<OtlpExporter> exporters, List<TransformProcessor> transforms,
      List<FilterProcessor> filters, List<Pipeline> pipelines) {
    /** Creates the config; lists are copied. */
    public Config {
      removedReceivers = List.copyOf(removedReceivers);
      removedExporters = List.copyOf(removedExporters);
      exporters = List.copyOf(exporters);
      transforms = List.copyOf(transforms);
      filters = List.copyOf(filters);
      pipelines = List.copyOf(pipelines);
    }
  }

  /** An env var read from a Kubernetes Secret. */
  public record SecretEnv(String name, String secretName, String secretKey) {}

  /** A chart port. {@code enabled == false} ports print only {@code enabled: false}. */
  public record Port(String name, boolean enabled, int containerPort, int hostPort,
      String protocol, String appProtocol) {}

  /**
   * The whole values file.
   *
   * @param stamp the generated-by line
   * @param fleet the fleet's name
   * @param services the service names, sorted
   * @param secrets the Secrets to create before installing: "name: key" lines
   */
  public record Values(String stamp, String chartVersion, String fleet, List<String> services,
      List<String> secrets, String imageRepository, String imageTag, boolean logsCollection,
      String cpuLimit, String memoryLimit, String cpuRequest, String memoryRequest,
      List<SecretEnv> extraEnvs, List<Port> ports, Config config) {
    /** Creates the values; lists are copied. */
    public Values {
      services = List.copyOf(services);
      secrets = List.copyOf(secrets);
      extraEnvs = List.copyOf(extraEnvs);
      ports = List.copyOf(ports);
    }
  }

  /** The env block for one agent-mode service's Deployment. */
  public record AgentEnv(String stamp, String service, String resourceAttributes) {}
}
