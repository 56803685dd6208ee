package dev.otelboard.cli.generate;

import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.collector.ottl.OttlConfigValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what the chart's values.schema.json cannot see: the collector configuration the chart
 * will render from a values file. It rebuilds that configuration as the chart does (its default
 * {@code config:} deep-merged with the values', {@code null} removing a component, then the
 * kubernetesAttributes and logsCollection presets, then the component renames), and checks that
 * every component a pipeline references is defined, every defined component is used, connectors
 * join two pipelines, health_check is on, receivers listen on ports the chart exposes, no
 * credential is inlined, and every transform/filter statement is valid OTTL.
 */
final class CollectorConfigChecker {
  private static final List<String> KINDS = List.of("receivers", "processors", "exporters",
      "connectors");
  private static final Pattern PORT = Pattern.compile(":(\\d{1,5})$");
  private static final Set<String> SIGNALS = Set.of("traces", "metrics", "logs", "profiles");
  private static final Map<String, Object> DEFAULTS = loadDefaults();

  private CollectorConfigChecker() {}

  /** The chart version whose defaults this checker models. */
  static String chartVersion() {
    return String.valueOf(DEFAULTS.get("chartVersion"));
  }

  /** The chart's default values that matter here (apiVersion, config, ports). */
  static Map<String, Object> defaultValues() {
    return map(DEFAULTS.get("values"));
  }

  static List<Finding> check(Map<String, Object> values) {
    List<Finding> out = new ArrayList<>();
    Object mode = values.get("mode");
    if (!"daemonset".equals(mode) && !"deployment".equals(mode) && !"statefulset".equals(mode)) {
      out.add(Finding.error("mode", "must be daemonset, deployment or statefulset (the chart"
          + " fails otherwise)"));
    }
    Map<String, Object> image = map(values.get("image"));
    if (String.valueOf(image.getOrDefault("repository", "")).isBlank()) {
      out.add(Finding.error("image.repository", "must be set (the chart fails otherwise); use"
          + " otel/opentelemetry-collector-contrib for the datadog exporter"));
    }
    Map<String, Object> config = effectiveConfig(values);
    Map<String, Object> service = map(config.get("service"));
    Map<String, Object> pipelines = map(service.get("pipelines"));
    if (pipelines.isEmpty()) {
      out.add(Finding.error("config.service.pipelines", "no pipelines"));
    }
    Map<String, Set<String>> used = new LinkedHashMap<>();
    Set<String> connectorIn = new TreeSet<>();
    Set<String> connectorOut = new TreeSet<>();
    for (String kind : KINDS) {
      used.put(kind, new TreeSet<>());
    }
    Map<String, Object> connectors = map(config.get("connectors"));
    for (Map.Entry<String, Object> p : pipelines.entrySet()) {
      String id = p.getKey();
      String at = "config.service.pipelines." + id;
      String type = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
      if (!SIGNALS.contains(type)) {
        out.add(Finding.error(at, "pipeline type must be traces, metrics, logs or profiles"));
      }
      Map<String, Object> pipeline = map(p.getValue());
      for (String kind : List.of("receivers", "processors", "exporters")) {
        List<String> refs = strings(pipeline.get(kind));
        if (refs.isEmpty() && !kind.equals("processors")) {
          out.add(Finding.error(at + "." + kind, "a pipeline needs at least one of these"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < refs.size(); i++) {
          String ref = refs.get(i);
          String refPath = at + "." + kind + "[" + i + "]";
          if (!seen.add(ref)) {
            out.add(Finding.error(refPath, ref + " is listed twice"));
          }
          boolean isConnector = !kind.equals("processors") && connectors.containsKey(ref);
          if (isConnector) {
            (kind.equals("receivers") ? connectorIn : connectorOut).add(ref);
            used.get("connectors").add(ref);
          } else if (!map(config.get(kind)).containsKey(ref)) {
            out.add(Finding.error(refPath, singular(kind) + " \"" + ref + "\" is not defined"
                + " under config." + kind));
          } else {
            used.get(kind).add(ref);
          }
        }
      }
    }
    for (String kind : KINDS) {
      for (String defined : map(config.get(kind)).keySet()) {
        if (!used.get(kind).contains(defined)) {
          out.add(Finding.error("config." + kind + "." + defined, singular(kind) + " \"" + defined
              + "\" is defined but no pipeline uses it (set it to null to remove a chart default)"));
        }
      }
    }
    for (String c : connectors.keySet()) {
      if (connectorIn.contains(c) != connectorOut.contains(c)) {
        out.add(Finding.error("config.connectors." + c, "a connector must be an exporter of one"
            + " pipeline and a receiver of another"));
      }
    }
    List<String> extensions = strings(service.get("extensions"));
    Map<String, Object> definedExtensions = map(config.get("extensions"));
    for (int i = 0; i < extensions.size(); i++) {
      if (!definedExtensions.containsKey(extensions.get(i))) {
        out.add(Finding.error("config.service.extensions[" + i + "]", "extension \""
            + extensions.get(i) + "\" is not defined under config.extensions"));
      }
    }
    if (!extensions.contains("health_check") && !extensions.contains("healthcheckv2")) {
      out.add(Finding.error("config.service.extensions", "the chart requires health_check"
          + " (its probes call port 13133)"));
    }
    helmTemplates(map(values.get("config")), "config", out);
    ports(values, config, used.get("receivers"), out);
    credentials(config, out);
    ottl(config, out);
    return out;
  }

  // ---- the configuration the chart renders ----------------------------------------------------

  /** The chart's default config, deep-merged with the values', presets and renames applied. */
  static Map<String, Object> effectiveConfig(Map<String, Object> values) {
    Map<String, Object> config = deepMerge(map(defaultValues().get("config")), map(values.get("config")));
    Map<String, Object> presets = map(values.get("presets"));
    boolean rename = !Boolean.FALSE.equals(values.get("rewriteDeprecatedComponentNames"));
    Map<String, Object> pipelines = map(map(config.get("service")).get("pipelines"));
    if (Boolean.TRUE.equals(map(presets.get("kubernetesAttributes")).get("enabled"))) {
      String name = rename ? "k8s_attributes" : "k8sattributes";
      mutable(config, "processors").putIfAbsent(name, new LinkedHashMap<>());
      for (String signal : List.of("logs", "metrics", "traces", "profiles")) {
        if (pipelines.get(signal) instanceof Map<?, ?>) {
          Map<String, Object> p = mutable(mutable(mutable(config, "service"), "pipelines"), signal);
          List<String> procs = new ArrayList<>(strings(p.get("processors")));
          if (!procs.contains("k8sattributes") && !procs.contains("k8s_attributes")) {
            procs.add(0, name);
          }
          p.put("processors", procs);
        }
      }
    }
    if (Boolean.TRUE.equals(map(presets.get("logsCollection")).get("enabled"))) {
      mutable(config, "receivers").putIfAbsent("filelog", new LinkedHashMap<>());
      if (pipelines.get("logs") instanceof Map<?, ?>) {
        Map<String, Object> p = mutable(mutable(mutable(config, "service"), "pipelines"), "logs");
        List<String> receivers = new ArrayList<>(strings(p.get("receivers")));
        receivers.add("filelog");
        p.put("receivers", receivers);
      }
    }
    if (rename) {
      Map<String, Object> renames = map(DEFAULTS.get("renames"));
      for (Map.Entry<String, Object> kind : renames.entrySet()) {
        for (Map.Entry<String, Object> r : map(kind.getValue()).entrySet()) {
          rename(config, kind.getKey(), r.getKey(), String.valueOf(r.getValue()));
        }
      }
    }
    return config;
  }

  private static void rename(Map<String, Object> config, String kind, String from, String to) {
    Map<String, Object> section = mutable(config, kind);
    for (String key : new ArrayList<>(section.keySet())) {
      if (key.equals(from) || key.startsWith(from + "/")) {
        String renamed = to + key.substring(from.length());
        Object value = section.remove(key);
        Object existing = section.get(renamed);
        section.put(renamed, existing == null ? value : deepMerge(map(existing), map(value)));
      }
    }
    Map<String, Object> pipelines = mutable(mutable(config, "service"), "pipelines");
    for (String id : pipelines.keySet()) {
      Map<String, Object> p = mutable(pipelines, id);
      if (p.get(kind) instanceof List<?>) {
        LinkedHashSet<String> refs = new LinkedHashSet<>();
        for (String ref : strings(p.get(kind))) {
          refs.add(ref.equals(from) || ref.startsWith(from + "/") ? to + ref.substring(from.length())
              : ref);
        }
        p.put(kind, new ArrayList<>(refs));
      }
    }
  }

  // ---- ports, credentials, OTTL ---------------------------------------------------------------

  private static void ports(Map<String, Object> values, Map<String, Object> config,
      Set<String> usedReceivers, List<Finding> out) {
    Map<String, Object> ports = deepMerge(map(defaultValues().get("ports")), map(values.get("ports")));
    Map<Integer, String> exposed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> p : ports.entrySet()) {
      Map<String, Object> port = map(p.getValue());
      if (Boolean.TRUE.equals(port.get("enabled")) && port.get("containerPort") instanceof Number n) {
        exposed.put(n.intValue(), p.getKey());
        if ("daemonset".equals(values.get("mode")) && p.getKey().startsWith("otlp")
            && !(port.get("hostPort") instanceof Number)) {
          out.add(Finding.warning("ports." + p.getKey() + ".hostPort", "without a hostPort,"
              + " applications cannot reach the node's collector at $(NODE_IP)"));
        }
      }
    }
    Set<Integer> listening = new TreeSet<>();
    Map<String, Object> receivers = map(config.get("receivers"));
    for (String name : usedReceivers) {
      for (Map.Entry<String, Integer> endpoint : endpoints(map(receivers.get(name)),
          "config.receivers." + name).entrySet()) {
        int port = endpoint.getValue();
        listening.add(port);
        if (!exposed.containsKey(port)) {
          out.add(Finding.error(endpoint.getKey(), "receiver " + name + " listens on port " + port
              + " but no enabled entry under ports: has containerPort " + port));
        }
      }
    }
    for (Map.Entry<Integer, String> e : exposed.entrySet()) {
      if (!listening.contains(e.getKey()) && !e.getValue().equals("metrics")) {
        out.add(Finding.error("ports." + e.getValue(), "port " + e.getKey() + " is exposed but no"
            + " receiver listens on it; set ports." + e.getValue() + ".enabled: false"));
      }
    }
  }

  private static Map<String, Integer> endpoints(Map<String, Object> node, String path) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : node.entrySet()) {
      String at = path + "." + e.getKey();
      if (e.getKey().equals("endpoint") && e.getValue() instanceof String s) {
        Matcher m = PORT.matcher(s);
        if (m.find()) {
          out.put(at, Integer.parseInt(m.group(1)));
        }
      } else if (e.getValue() instanceof Map<?, ?> && !e.getKey().equals("config")) {
        out.putAll(endpoints(map(e.getValue()), at));
      }
    }
    return out;
  }

  private static void credentials(Map<String, Object> config, List<Finding> out) {
    Map<String, Object> exporters = map(config.get("exporters"));
    for (Map.Entry<String, Object> e : exporters.entrySet()) {
      String at = "config.exporters." + e.getKey();
      Map<String, Object> exporter = map(e.getValue());
      Object key = map(exporter.get("api")).get("key");
      if (key != null && !isEnvReference(String.valueOf(key))) {
        out.add(Finding.error(at + ".api.key", "an API key must come from a Secret through"
            + " ${env:...}, never inline"));
      }
      for (Map.Entry<String, Object> h : map(exporter.get("headers")).entrySet()) {
        String value = String.valueOf(h.getValue());
        if (!isEnvReference(value) && (dev.otelboard.cli.fleet.SecretScanner.isCredentialHeader(
            h.getKey()) || dev.otelboard.cli.fleet.SecretScanner.looksLikeCredential(value))) {
          out.add(Finding.error(at + ".headers." + h.getKey(), "credential headers must come from"
              + " a Secret through ${env:...}, never inline"));
        }
      }
    }
  }

  /** The chart passes config through Helm's tpl: "{{" in a string would be evaluated. */
  private static void helmTemplates(Object node, String path, List<Finding> out) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        helmTemplates(e.getValue(), path + "." + e.getKey(), out);
      }
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        helmTemplates(l.get(i), path + "[" + i + "]", out);
      }
    } else if (node instanceof String s && s.contains("{{")) {
      out.add(Finding.warning(path, "the chart renders config through Helm's tpl, which would"
          + " evaluate \"{{\"; write it as {{ \"{{\" }}"));
    }
  }

  private static boolean isEnvReference(String s) {
    return s.matches("\\$\\{env:[A-Za-z_][A-Za-z0-9_]*\\}");
  }

  private static void ottl(Map<String, Object> config, List<Finding> out) {
    for (Map.Entry<String, Object> p : map(config.get("processors")).entrySet()) {
      String id = p.getKey();
      String type = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
      String at = "config.processors." + id;
      List<OttlConfigValidator.Problem> problems;
      if (type.equals("transform")) {
        problems = OttlConfigValidator.checkTransform(map(p.getValue()));
      } else if (type.equals("filter")) {
        problems = OttlConfigValidator.checkFilter(map(p.getValue()));
      } else {
        continue;
      }
      for (OttlConfigValidator.Problem problem : problems) {
        out.add(Finding.error(at + "." + problem.path(), (problem.column() > 0
            ? "column " + problem.column() + ": " : "") + problem.message()));
      }
    }
  }

  // ---- plain-data helpers ---------------------------------------------------------------------

  /** Helm's merge: maps merge key by key, null deletes, anything else replaces. */
  static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overlay) {
    Map<String, Object> out = copy(base);
    for (Map.Entry<String, Object> e : overlay.entrySet()) {
      Object value = e.getValue();
      if (value == null) {
        out.remove(e.getKey());
      } else if (value instanceof Map<?, ?> && out.get(e.getKey()) instanceof Map<?, ?>) {
        out.put(e.getKey(), deepMerge(map(out.get(e.getKey())), map(value)));
      } else {
        out.put(e.getKey(), value instanceof Map<?, ?> ? copy(map(value)) : value);
      }
    }
    return out;
  }

  private static Map<String, Object> copy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      out.put(e.getKey(), v instanceof Map<?, ?> ? copy(map(v)) : v);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Map<String, Object> mutable(Map<String, Object> parent, String key) {
    Object child = parent.get(key);
    if (!(child instanceof LinkedHashMap<?, ?>)) {
      Map<String, Object> m = copy(map(child));
      parent.put(key, m);
      return m;
    }
    return map(child);
  }

  static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object x : l) {
        out.add(String.valueOf(x));
      }
    }
    return out;
  }

  private static String singular(String kind) {
    return kind.substring(0, kind.length() - 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> loadDefaults() {
    try (InputStream in = CollectorConfigChecker.class.getResourceAsStream(
        "/templates/helm/chart-defaults.yaml")) {
      if (in == null) {
        throw new IllegalStateException("templates/helm/chart-defaults.yaml missing from the jar");
      }
      Object loaded = LocatedYaml.parse(Path.of("templates/helm/chart-defaults.yaml"),
          new String(in.readAllBytes(), StandardCharsets.UTF_8)).root();
      return (Map<String, Object>) loaded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
