package dev.otelboard.cli.generate;

import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.fleet.Fleet;
import dev.otelboard.cli.fleet.Fleet.Backend;
import dev.otelboard.cli.fleet.Fleet.Header;
import dev.otelboard.cli.fleet.Fleet.Mode;
import dev.otelboard.cli.fleet.Fleet.Service;
import dev.otelboard.cli.generate.CollectorModel.AgentEnv;
import dev.otelboard.cli.generate.CollectorModel.Config;
import dev.otelboard.cli.generate.CollectorModel.FilterProcessor;
import dev.otelboard.cli.generate.CollectorModel.NameValue;
import dev.otelboard.cli.generate.CollectorModel.OtlpExporter;
import dev.otelboard.cli.generate.CollectorModel.Pipeline;
import dev.otelboard.cli.generate.CollectorModel.Port;
import dev.otelboard.cli.generate.CollectorModel.SecretEnv;
import dev.otelboard.cli.generate.CollectorModel.ServiceRules;
import dev.otelboard.cli.generate.CollectorModel.TransformProcessor;
import dev.otelboard.cli.generate.CollectorModel.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Generates Helm values for the opentelemetry-collector chart from a fleet: a DaemonSet of the
 * contrib image, OTLP in, memory_limiter -> k8s_attributes -> filter/* -> transform/* -> batch,
 * Datadog (API key from a Secret) plus any OTLP backends out, every pipeline fanning out to every
 * exporter. The text comes from {@code templates/helm/values.yaml.ftl}; before it is returned it
 * is read back with SnakeYAML and checked (schema, config, OTTL, credentials).
 */
public final class HelmValuesGenerator {
  /** The Datadog connector's id; it turns traces into APM stats. */
  static final String DATADOG_CONNECTOR = "datadog/connector";
  private static final List<String> REMOVED_RECEIVERS = List.of("jaeger", "prometheus", "zipkin");
  private static final List<String> REMOVED_EXPORTERS = List.of("debug");

  private final TemplateRenderer renderer = new TemplateRenderer();
  private final String version;

  /** A generator stamping files with {@code version}. */
  public HelmValuesGenerator(String version) {
    this.version = Objects.requireNonNull(version, "version");
  }

  /**
   * The generated files.
   *
   * @param values the values.yaml text
   * @param agentEnvs per agent-mode service, the env block for its Deployment (file name -> text)
   * @param report what the checks found in the values
   */
  public record Output(String values, Map<String, String> agentEnvs, ValuesCheck.Report report) {}

  /** Renders and checks the values for {@code fleet}; {@code schema} may be null. */
  public Output generate(Fleet fleet, ChartSchema schema) {
    Values model = model(fleet);
    String text = renderer.render("helm/values.yaml.ftl", Map.of("v", model));
    LocatedYaml doc = LocatedYaml.parse(Path.of("values.yaml"), text);
    RoundTrip.verify(doc, model.config());
    ValuesCheck.Report report = ValuesCheck.check(doc, text, schema);
    Map<String, String> agentEnvs = new TreeMap<>();
    for (Service s : fleet.services()) {
      if (s.mode() == Mode.AGENT) {
        AgentEnv env = new AgentEnv(Stamp.line(version), s.name(), resourceAttributes(s));
        agentEnvs.put("agent-env-" + s.name() + ".yaml",
            renderer.render("helm/agent-env.yaml.ftl", Map.of("a", env)));
      }
    }
    return new Output(text, agentEnvs, report);
  }

  /** The model the template prints; every decision is made here. */
  Values model(Fleet fleet) {
    List<ServiceRules> rules = fleet.services().stream().map(TransformRules::of).toList();
    List<TransformProcessor> transforms = rules.stream().map(ServiceRules::transform)
        .filter(Objects::nonNull).sorted(Comparator.comparing(TransformProcessor::id)).toList();
    List<FilterProcessor> filters = rules.stream().map(ServiceRules::filter)
        .filter(Objects::nonNull).sorted(Comparator.comparing(FilterProcessor::id)).toList();

    Map<String, SecretEnv> envs = new TreeMap<>();
    Map<String, List<String>> secrets = new TreeMap<>();
    Fleet.Datadog dd = fleet.datadog();
    if (dd != null) {
      envs.put("DD_API_KEY", new SecretEnv("DD_API_KEY", dd.apiKey().name(), dd.apiKey().key()));
      secrets.computeIfAbsent(dd.apiKey().name(), k -> new ArrayList<>()).add(dd.apiKey().key());
    }
    List<OtlpExporter> exporters = new ArrayList<>();
    for (Backend b : fleet.backends()) {
      String endpoint = b.endpoint();
      if (b.endpointSecret() != null) {
        String env = envName(b.name(), "endpoint");
        envs.put(env, new SecretEnv(env, b.endpointSecret().name(), b.endpointSecret().key()));
        secrets.computeIfAbsent(b.endpointSecret().name(), k -> new ArrayList<>())
            .add(b.endpointSecret().key());
        endpoint = "${env:" + env + "}";
      }
      List<NameValue> headers = new ArrayList<>();
      for (Header h : b.headers()) {
        if (h.secret() != null) {
          String env = envName(b.name(), h.name());
          envs.put(env, new SecretEnv(env, h.secret().name(), h.secret().key()));
          secrets.computeIfAbsent(h.secret().name(), k -> new ArrayList<>()).add(h.secret().key());
          headers.add(new NameValue(h.name(), "${env:" + env + "}"));
        } else {
          headers.add(new NameValue(h.name(), h.value()));
        }
      }
      exporters.add(new OtlpExporter(b.exporterId(), endpoint, b.insecure(), headers));
    }
    List<String> secretLines = new ArrayList<>();
    secrets.forEach((name, keys) -> secretLines.add(name + ": "
        + String.join(", ", keys.stream().distinct().sorted().toList())));

    boolean connector = dd != null && dd.apmStats();
    List<String> allExporters = new ArrayList<>();
    if (dd != null) {
      allExporters.add("datadog");
    }
    exporters.forEach(e -> allExporters.add(e.id()));
    List<String> traceExporters = new ArrayList<>();
    if (connector) {
      traceExporters.add(DATADOG_CONNECTOR);
    }
    traceExporters.addAll(allExporters);

    boolean logsCollection = fleet.collector().logsCollection();
    List<Pipeline> pipelines = new ArrayList<>();
    pipelines.add(new Pipeline("logs", logsCollection ? List.of("otlp", "file_log") : List.of("otlp"),
        processors(filters.stream().filter(f -> !f.logConditions().isEmpty()).map(FilterProcessor::id)
            .toList(), transforms.stream().filter(t -> !t.logs().isEmpty())
            .map(TransformProcessor::id).toList()), allExporters));
    pipelines.add(new Pipeline("metrics", List.of("otlp"), processors(List.of(),
        transforms.stream().filter(t -> !t.metrics().isEmpty()).map(TransformProcessor::id)
            .toList()), allExporters));
    if (connector) {
      pipelines.add(new Pipeline("metrics/datadog-apm", List.of(DATADOG_CONNECTOR),
          List.of("batch"), List.of("datadog")));
    }
    pipelines.add(new Pipeline("traces", List.of("otlp"),
        processors(filters.stream().filter(f -> !f.traceConditions().isEmpty())
            .map(FilterProcessor::id).toList(), transforms.stream()
            .filter(t -> !t.traces().isEmpty()).map(TransformProcessor::id).toList()),
        traceExporters));

    Config config = new Config(REMOVED_RECEIVERS, REMOVED_EXPORTERS, logsCollection,
        dd == null ? null : dd.site(), connector, exporters, transforms, filters, pipelines);
    List<Port> ports = List.of(
        new Port("jaeger-compact", false, 0, 0, null, null),
        new Port("jaeger-grpc", false, 0, 0, null, null),
        new Port("jaeger-thrift", false, 0, 0, null, null),
        new Port("otlp", true, 4317, 4317, "TCP", "grpc"),
        new Port("otlp-http", true, 4318, 4318, "TCP", null),
        new Port("zipkin", false, 0, 0, null, null));
    Fleet.Resources r = fleet.collector().resources();
    return new Values(Stamp.line(version), CollectorConfigChecker.chartVersion(), fleet.name(),
        fleet.services().stream().map(Service::name).toList(), secretLines,
        fleet.collector().imageRepository(), fleet.collector().imageTag(), logsCollection,
        r.cpuLimit(), r.memoryLimit(), r.cpuRequest(), r.memoryRequest(),
        new ArrayList<>(envs.values()), ports, config);
  }

  /** memory_limiter, k8s_attributes, filters, transforms, batch: drop early, batch last. */
  private static List<String> processors(List<String> filters, List<String> transforms) {
    List<String> out = new ArrayList<>(List.of("memory_limiter", "k8s_attributes"));
    out.addAll(filters);
    out.addAll(transforms);
    out.add("batch");
    return out;
  }

  /** {@code OTELBOARD_<BACKEND>_<WHAT>}, e.g. OTELBOARD_HONEYCOMB_X_HONEYCOMB_TEAM. */
  static String envName(String backend, String what) {
    return ("OTELBOARD_" + backend + "_" + what).toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9_]", "_");
  }

  private static String resourceAttributes(Service s) {
    Map<String, String> attrs = new LinkedHashMap<>();
    if (s.namespace() != null) {
      attrs.put("service.namespace", s.namespace());
    }
    if (s.environment() != null) {
      attrs.put("deployment.environment.name", s.environment());
    }
    return String.join(",", attrs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .toList());
  }
}
