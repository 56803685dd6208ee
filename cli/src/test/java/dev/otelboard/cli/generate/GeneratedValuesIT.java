package dev.otelboard.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.fleet.FleetReader;
import dev.otelboard.cli.interop.DatadogStandIns;
import dev.otelboard.cli.interop.ReferenceTools;
import dev.otelboard.cli.interop.ReferenceTools.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Generated values against the real tools: helm 4 with the unmodified opentelemetry-collector
 * chart 0.170.0, and the reference collector at the chart's appVersion, 0.158.0.
 *
 * <p>For each fleet (the example fleet, a single service, three services): {@code helm lint
 * --strict} and {@code helm template} pass without a warning, the chart's notes carry no warning
 * or deprecation, the collector configuration is taken from the rendered ConfigMap's {@code relay}
 * key, and {@code otelcol validate} accepts it. The reference collector has no datadog components
 * (not served here), so the validated copy swaps them for {@code debug} and a traces -> metrics
 * {@code count} connector ({@link DatadogStandIns}). Every component type the configuration names
 * must be one the collector lists under {@code otelcol components}: that list holds current type
 * names only, while deprecated aliases ({@code otlp} -> {@code otlp_grpc}, {@code otlphttp} ->
 * {@code otlp_http}, {@code k8sattributes} -> {@code k8s_attributes}) are accepted with a warning
 * at start-up.
 */
@Tag("integration")
class GeneratedValuesIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)\\}");
  private static final List<String> KINDS =
      List.of("receivers", "processors", "exporters", "connectors", "extensions");

  private static Path helm;
  private static Path otelcol;
  private static Path chart;
  private static Map<String, Set<String>> componentTypes;

  @TempDir Path tmp;

  @BeforeAll
  static void tools() throws Exception {
    helm = ReferenceTools.helm();
    otelcol = ReferenceTools.otelcol();
    chart = ReferenceTools.chart();
    componentTypes = components(otelcol);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"../../../../../examples/otelboard-fleet.yaml", "fleet-one.yaml",
      "fleet-three.yaml"})
  void generatedValuesPassHelmAndTheCollector(String fleetFile) throws Exception {
    HelmValuesGenerator.Output generated = new HelmValuesGenerator(Fixtures.VERSION)
        .generate(FleetReader.read(Fixtures.resource(fleetFile)), null);
    assertThat(generated.report().findings()).as("otelboard's own checks").isEmpty();
    Path values = tmp.resolve("values.yaml");
    Files.writeString(values, generated.values());

    Run lint = helm("lint", "--strict", chart.toString(), "-f", values.toString());
    assertThat(lint.exitCode()).as(lint.describe()).isZero();
    assertThat(lint.output()).as(lint.describe())
        .noneMatch(l -> l.contains("[WARNING]") || l.contains("[ERROR]"))
        .anyMatch(l -> l.contains("1 chart(s) linted, 0 chart(s) failed"));

    Path rendered = tmp.resolve("rendered");
    Run template = helm("template", "otel-collector", chart.toString(), "-f", values.toString(),
        "--namespace", "observability", "--output-dir", rendered.toString());
    assertThat(template.exitCode()).as(template.describe()).isZero();
    assertThat(template.output()).as("helm template prints nothing but the files it wrote: "
        + template.describe()).allMatch(l -> l.isBlank() || l.startsWith("wrote "));

    Run notes = helm("install", "otel-collector", chart.toString(), "-f", values.toString(),
        "--namespace", "observability", "--dry-run=client");
    assertThat(notes.exitCode()).as(notes.describe()).isZero();
    assertThat(notes.output()).as("the chart's notes: " + notes.describe())
        .noneMatch(l -> l.contains("[WARNING]") || l.contains("[DEPRECATION]")
            || l.contains("[ERROR]"));

    Map<String, Object> config = relayConfig(rendered);
    assertCurrentComponentNames(config);

    Map<String, Object> standIn = DatadogStandIns.swap(config);
    Path configFile = tmp.resolve("relay.yaml");
    Files.writeString(configFile, dump(standIn));
    Run validate = ReferenceTools.run(tmp, environment(Files.readString(configFile)), TIMEOUT,
        List.of(otelcol.toString(), "validate", "--config", configFile.toString()));
    assertThat(validate.exitCode()).as(validate.describe()).isZero();
    assertThat(validate.output()).as(validate.describe()).isEmpty();
  }

  private void assertCurrentComponentNames(Map<String, Object> config) {
    List<String> outdated = new ArrayList<>();
    for (String kind : KINDS) {
      for (String id : CollectorConfigChecker.map(config.get(kind)).keySet()) {
        String type = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
        if (type.equals("datadog")) {
          continue; // not in the reference build; its name is the contrib image's current one
        }
        if (!componentTypes.getOrDefault(kind, Set.of()).contains(type)) {
          outdated.add(kind + "." + id);
        }
      }
    }
    assertThat(outdated).as("component types the collector %s does not list as current (known: %s)",
        ReferenceTools.OTELCOL_VERSION, componentTypes).isEmpty();
  }

  private Run helm(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(helm.toString()));
    command.addAll(List.of(args));
    // No kube config, no repositories: helm must not reach out anywhere.
    Map<String, String> env = Map.of("HELM_CACHE_HOME", tmp.resolve("helm/cache").toString(),
        "HELM_CONFIG_HOME", tmp.resolve("helm/config").toString(),
        "HELM_DATA_HOME", tmp.resolve("helm/data").toString(),
        "KUBECONFIG", tmp.resolve("helm/no-kubeconfig").toString());
    return ReferenceTools.run(tmp, env, TIMEOUT, command);
  }

  /** The collector configuration the chart rendered: the {@code relay} key of its ConfigMap. */
  private static Map<String, Object> relayConfig(Path rendered) throws IOException {
    List<Path> configMaps;
    try (Stream<Path> files = Files.walk(rendered)) {
      configMaps = files.filter(p -> p.getFileName().toString().startsWith("configmap")).toList();
    }
    assertThat(configMaps).as("ConfigMaps rendered under %s", rendered).hasSize(1);
    Map<String, Object> configMap = CollectorConfigChecker.map(
        new Yaml(new LoaderOptions()).load(Files.readString(configMaps.get(0))));
    assertThat(configMap.get("kind")).isEqualTo("ConfigMap");
    Object relay = CollectorConfigChecker.map(configMap.get("data")).get("relay");
    assertThat(relay).as("data.relay of %s", configMaps.get(0)).isInstanceOf(String.class);
    return CollectorConfigChecker.map(new Yaml(new LoaderOptions()).load((String) relay));
  }

  /**
   * What the chart's DaemonSet gives the container: MY_POD_IP and K8S_NODE_NAME from the downward
   * API, Secrets' values for the ${env:...} the values reference (placeholders here).
   */
  private static Map<String, String> environment(String config) {
    Map<String, String> env = new TreeMap<>();
    Matcher m = ENV_REFERENCE.matcher(config);
    while (m.find()) {
      String name = m.group(1);
      env.put(name, name.endsWith("_ENDPOINT") ? "https://otlp.backend.example:4318" : "placeholder");
    }
    env.put("MY_POD_IP", "127.0.0.1");
    env.put("K8S_NODE_NAME", "node-1");
    return env;
  }

  private static String dump(Map<String, Object> config) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(config);
  }

  /** {@code otelcol components}: kind -> the current type names it lists. */
  private static Map<String, Set<String>> components(Path otelcol) throws Exception {
    Run run = ReferenceTools.run(Path.of("."), Map.of(), TIMEOUT,
        List.of(otelcol.toString(), "components"));
    assertThat(run.exitCode()).as(run.describe()).isZero();
    Map<String, Object> listed = CollectorConfigChecker.map(
        new Yaml(new LoaderOptions()).load(String.join("\n", run.output())));
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String kind : KINDS) {
      Set<String> names = new LinkedHashSet<>();
      if (listed.get(kind) instanceof List<?> entries) {
        for (Object e : entries) {
          names.add(String.valueOf(CollectorConfigChecker.map(e).get("name")));
        }
      }
      out.put(kind, names);
    }
    return out;
  }
}
