package dev.otelboard.cli.fleet;

import dev.otelboard.cli.config.ConfigProblems;
import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.fleet.Fleet.Backend;
import dev.otelboard.cli.fleet.Fleet.Collector;
import dev.otelboard.cli.fleet.Fleet.Datadog;
import dev.otelboard.cli.fleet.Fleet.Header;
import dev.otelboard.cli.fleet.Fleet.LogRules;
import dev.otelboard.cli.fleet.Fleet.Mode;
import dev.otelboard.cli.fleet.Fleet.Protocol;
import dev.otelboard.cli.fleet.Fleet.Resources;
import dev.otelboard.cli.fleet.Fleet.SecretRef;
import dev.otelboard.cli.fleet.Fleet.Service;
import dev.otelboard.collector.ottl.OttlSignal;
import dev.otelboard.collector.ottl.OttlValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code otelboard-fleet.yaml}, or one service's {@code otelboard.yaml} as a fleet of one,
 * and validates it completely: every problem is reported with file, line and key path.
 *
 * <p>A service's otelboard.yaml is read through {@link OtelboardConfig} (its one model):
 * {@code service_name} and {@code mode}, and the optional {@code generate:} block, which holds the
 * per-service keys of a fleet entry ({@code namespace}, {@code environment}, {@code logs}, ...) plus
 * {@code collector}, {@code datadog} and {@code exporters}, validated here.
 */
public final class FleetReader {
  /** The collector image: the contrib distribution ships the datadog exporter and transform. */
  public static final String DEFAULT_IMAGE = "otel/opentelemetry-collector-contrib";
  /** Datadog's US1 site, the exporter's own default. */
  public static final String DEFAULT_SITE = "datadoghq.com";
  /** Where the Datadog API key is expected unless the fleet says otherwise. */
  public static final SecretRef DEFAULT_DD_SECRET = new SecretRef("datadog", "api-key");
  /** Container resources for the DaemonSet unless the fleet says otherwise. */
  public static final Resources DEFAULT_RESOURCES = new Resources("1", "512Mi", "200m", "256Mi");
  /** Field names legacy loggers use for the trace id. */
  public static final List<String> DEFAULT_TRACE_ID_KEYS = List.of("trace_id", "traceId");
  /** Field names legacy loggers use for the span id. */
  public static final List<String> DEFAULT_SPAN_ID_KEYS = List.of("span_id", "spanId");

  static final Set<String> DATADOG_SITES = Set.of("datadoghq.com", "datadoghq.eu",
      "us3.datadoghq.com", "us5.datadoghq.com", "ap1.datadoghq.com", "ap2.datadoghq.com",
      "ddog-gov.com");
  private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern BACKEND_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
  private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?");
  private static final Set<String> FLEET_KEYS = Set.of("name", "collector", "datadog",
      "exporters", "services");
  private static final Set<String> SERVICE_KEYS = Set.of("name", "path", "namespace",
      "environment", "mode", "logs", "healthCheckPaths", "redact", "statements");
  private static final Set<String> SIGNALS = Set.of("traces", "metrics", "logs");
  /** Keys of a service's otelboard.yaml {@code generate:} block. */
  public static final Set<String> GENERATE_KEYS = Set.of("namespace", "environment", "logs",
      "healthCheckPaths", "redact", "statements", "collector", "datadog", "exporters");

  private FleetReader() {}

  /** Reads and validates a fleet file. */
  public static Fleet read(Path fleetFile) {
    LocatedYaml doc = LocatedYaml.parse(fleetFile, readText(fleetFile));
    ConfigProblems problems = new ConfigProblems(doc);
    Map<String, Object> root = problems.map(doc.root(), "");
    problems.onlyKeys(root, "", FLEET_KEYS);
    Path base = fleetFile.toAbsolutePath().getParent();
    String name = problems.string(root, "name", "", fileStem(fleetFile));
    Collector collector = collector(problems.map(root.get("collector"), "collector"), "collector",
        problems);
    Datadog datadog = datadog(root.get("datadog"), "datadog", problems);
    List<Backend> backends = backends(root.get("exporters"), "exporters", problems);
    List<Object> entries = problems.list(root.get("services"), "services");
    if (entries.isEmpty()) {
      problems.add("services", "a fleet needs at least one service");
    }
    List<Service> services = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "services[" + i + "]";
      Service s = service(problems.map(entries.get(i), path), path, base, problems, true);
      if (s != null) {
        if (!seen.add(s.name())) {
          problems.add(path + ".name", "service " + s.name() + " is listed twice");
        }
        services.add(s);
      }
    }
    if (datadog == null && backends.isEmpty()) {
      problems.add("exporters", "with datadog disabled, at least one exporter is needed");
    }
    if (!problems.isEmpty()) {
      throw new FleetException(problems.messages());
    }
    services.sort(Comparator.comparing(Service::name));
    return new Fleet(name, collector, datadog, backends, services, fleetFile);
  }

  /**
   * A fleet of one from a service directory: its otelboard.yaml when present (see class doc),
   * the directory name as service name otherwise.
   */
  public static Fleet readService(Path serviceDir) {
    Path config = serviceDir.resolve(OtelboardConfig.FILE_NAME);
    LocatedYaml doc;
    if (Files.isRegularFile(config)) {
      doc = LocatedYaml.parse(config, readText(config));
    } else {
      doc = new LocatedYaml(null, Map.of(), config);
    }
    ConfigProblems problems = new ConfigProblems(doc);
    Map<String, Object> generate = Map.of();
    Map<String, Object> entry = new LinkedHashMap<>();
    if (doc.root() != null) {
      // The same reader and model as onboard and verify: the name onboard wrote is the one used.
      OtelboardConfig own = OtelboardConfig.read(doc, problems);
      generate = own.generate();
      entry.put("name", own.serviceName());
      entry.put("mode", own.mode().yamlName());
    } else {
      entry.put("name", serviceDir.toAbsolutePath().normalize().getFileName().toString());
    }
    for (Map.Entry<String, Object> e : generate.entrySet()) {
      if (SERVICE_KEYS.contains(e.getKey()) && !e.getKey().equals("mode")) {
        entry.put(e.getKey(), e.getValue());
      }
    }
    problems.onlyKeys(generate, "generate", GENERATE_KEYS);
    Collector collector = collector(problems.map(generate.get("collector"), "generate.collector"),
        "generate.collector", problems);
    Datadog datadog = datadog(generate.get("datadog"), "generate.datadog", problems);
    List<Backend> backends = backends(generate.get("exporters"), "generate.exporters", problems);
    entry.put("path", ".");
    Service service = service(entry, "generate", serviceDir, problems, false);
    if (!problems.isEmpty()) {
      throw new FleetException(problems.messages());
    }
    return new Fleet(service.name(), collector, datadog, backends, List.of(service), null);
  }

  // ---- sections -----------------------------------------------------------------------------

  private static Collector collector(Map<String, Object> m, String path, ConfigProblems p) {
    p.onlyKeys(m, path, Set.of("image", "resources", "logsCollection"));
    Map<String, Object> image = p.map(m.get("image"), path + ".image");
    p.onlyKeys(image, path + ".image", Set.of("repository", "tag"));
    String repository = p.string(image, "repository", path + ".image", DEFAULT_IMAGE);
    String tag = p.string(image, "tag", path + ".image", "");
    if (!repository.contains("contrib") && !repository.isBlank()) {
      // Not an error: a custom OCB build may have both components. Say what is needed.
      if (repository.endsWith("opentelemetry-collector")
          || repository.endsWith("opentelemetry-collector-k8s")) {
        p.add(path + ".image.repository", repository
            + " lacks the datadog exporter; use " + DEFAULT_IMAGE + " or a custom build");
      }
    }
    Map<String, Object> res = p.map(m.get("resources"), path + ".resources");
    p.onlyKeys(res, path + ".resources", Set.of("limits", "requests"));
    Map<String, Object> limits = p.map(res.get("limits"), path + ".resources.limits");
    Map<String, Object> requests = p.map(res.get("requests"), path + ".resources.requests");
    p.onlyKeys(limits, path + ".resources.limits", Set.of("cpu", "memory"));
    p.onlyKeys(requests, path + ".resources.requests", Set.of("cpu", "memory"));
    Resources d = DEFAULT_RESOURCES;
    Resources r = new Resources(
        quantity(limits, "cpu", path + ".resources.limits", d.cpuLimit(), p),
        quantity(limits, "memory", path + ".resources.limits", d.memoryLimit(), p),
        quantity(requests, "cpu", path + ".resources.requests", d.cpuRequest(), p),
        quantity(requests, "memory", path + ".resources.requests", d.memoryRequest(), p));
    boolean logs = p.bool(m, "logsCollection", path, false);
    return new Collector(repository, tag, r, logs);
  }

  private static String quantity(Map<String, Object> m, String key, String path, String fallback,
      ConfigProblems p) {
    String v = p.string(m, key, path, fallback);
    if (!QUANTITY.matcher(v).matches()) {
      p.add(path + "." + key, "\"" + v + "\" is not a Kubernetes quantity such as 500m or 512Mi");
    }
    return v;
  }

  private static Datadog datadog(Object value, String path, ConfigProblems p) {
    Map<String, Object> m = p.map(value, path);
    p.onlyKeys(m, path, Set.of("enabled", "site", "apiKeySecret", "apmStats", "apiKey"));
    if (m.containsKey("apiKey")) {
      p.add(path + ".apiKey", "never put the API key in a file; put it in a Kubernetes Secret and"
          + " name it with apiKeySecret: {name: ..., key: ...}");
    }
    if (!p.bool(m, "enabled", path, true)) {
      return null;
    }
    String site = p.string(m, "site", path, DEFAULT_SITE);
    if (!DATADOG_SITES.contains(site)) {
      p.add(path + ".site", "unknown Datadog site \"" + site + "\"; one of "
          + String.join(", ", DATADOG_SITES.stream().sorted().toList()));
    }
    SecretRef secret = m.containsKey("apiKeySecret")
        ? secret(m.get("apiKeySecret"), path + ".apiKeySecret", p) : DEFAULT_DD_SECRET;
    return new Datadog(site, secret, p.bool(m, "apmStats", path, true));
  }

  private static SecretRef secret(Object value, String path, ConfigProblems p) {
    Map<String, Object> m = p.map(value, path);
    p.onlyKeys(m, path, Set.of("name", "key"));
    String name = p.string(m, "name", path, "");
    String key = p.string(m, "key", path, "");
    if (!K8S_NAME.matcher(name).matches()) {
      p.add(path + ".name", "a Secret name (lower-case letters, digits, '-', '.') is required");
    }
    if (!SECRET_KEY.matcher(key).matches()) {
      p.add(path + ".key", "a key inside the Secret is required");
    }
    return new SecretRef(name, key);
  }

  private static List<Backend> backends(Object value, String path, ConfigProblems p) {
    List<Object> entries = p.list(value, path);
    List<Backend> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = path + "[" + i + "]";
      Map<String, Object> m = p.map(entries.get(i), at);
      p.onlyKeys(m, at, Set.of("name", "protocol", "endpoint", "endpointSecret", "insecure",
          "headers"));
      String name = p.string(m, "name", at, "");
      if (!BACKEND_NAME.matcher(name).matches()) {
        p.add(at + ".name", "a name of lower-case letters, digits, '-' or '_' is required");
      } else if (!seen.add(name)) {
        p.add(at + ".name", "exporter " + name + " is listed twice");
      }
      String protocolName = p.string(m, "protocol", at, "otlp");
      Protocol protocol = switch (protocolName) {
        case "otlp", "grpc", "otlp_grpc" -> Protocol.OTLP;
        case "otlphttp", "http", "otlp_http" -> Protocol.OTLPHTTP;
        default -> {
          p.add(at + ".protocol", "must be otlp (gRPC) or otlphttp");
          yield Protocol.OTLP;
        }
      };
      String endpoint = p.string(m, "endpoint", at, null);
      SecretRef endpointSecret = m.containsKey("endpointSecret")
          ? secret(m.get("endpointSecret"), at + ".endpointSecret", p) : null;
      if ((endpoint == null) == (endpointSecret == null)) {
        p.add(at, "give exactly one of endpoint or endpointSecret");
      }
      if (endpoint != null && SecretScanner.looksLikeCredential(endpoint)) {
        p.add(at + ".endpoint", "looks like it carries a credential; use endpointSecret");
      }
      List<Header> headers = new ArrayList<>();
      Map<String, Object> hm = p.map(m.get("headers"), at + ".headers");
      for (Map.Entry<String, Object> h : new java.util.TreeMap<>(hm).entrySet()) {
        String hp = at + ".headers." + h.getKey();
        if (!HEADER_NAME.matcher(h.getKey()).matches()) {
          p.add(hp, "not a valid HTTP header name");
        }
        Map<String, Object> hv = p.map(h.getValue(), hp);
        p.onlyKeys(hv, hp, Set.of("secret", "value"));
        if (hv.containsKey("secret") == hv.containsKey("value")) {
          p.add(hp, "give exactly one of secret: {name, key} or value");
          continue;
        }
        if (hv.containsKey("secret")) {
          headers.add(new Header(h.getKey(), secret(hv.get("secret"), hp + ".secret", p), null));
        } else {
          String v = p.string(hv, "value", hp, "");
          if (SecretScanner.looksLikeCredential(v) || SecretScanner.isCredentialHeader(h.getKey())) {
            p.add(hp + ".value", "header " + h.getKey() + " carries a credential; never inline it:"
                + " use secret: {name: ..., key: ...}");
          }
          headers.add(new Header(h.getKey(), null, v));
        }
      }
      out.add(new Backend(name, protocol, endpoint, endpointSecret,
          p.bool(m, "insecure", at, false), headers));
    }
    out.sort(Comparator.comparing(Backend::name));
    return out;
  }

  private static Service service(Map<String, Object> m, String path, Path base, ConfigProblems p,
      boolean fromFleet) {
    p.onlyKeys(m, path, SERVICE_KEYS);
    Path dir = null;
    Map<String, Object> merged = new LinkedHashMap<>(m);
    if (m.get("path") instanceof String rel && fromFleet) {
      dir = base.resolve(rel).normalize();
      if (!Files.isDirectory(dir)) {
        p.add(path + ".path", dir + " is not a directory");
        dir = null;
      } else {
        // the service's own otelboard.yaml fills in what the fleet entry leaves out
        Fleet own = readService(dir);
        Service s = own.services().get(0);
        merged.putIfAbsent("name", s.name());
        return overlay(m, path, s, dir, p);
      }
    } else if (!fromFleet) {
      dir = base;
    }
    String name = p.string(merged, "name", path, "");
    if (!SERVICE_NAME.matcher(name).matches()) {
      p.add(path + ".name", "a service name (letters, digits, '.', '_', '-') is required");
      return null;
    }
    boolean detectedJson = dir != null && ServiceDetector.writesJsonLogs(dir);
    List<String> detectedHealth = dir != null ? ServiceDetector.healthCheckPaths(dir) : List.of();
    Service defaults = new Service(name, null, null, Mode.SDK,
        new LogRules(detectedJson, true, DEFAULT_TRACE_ID_KEYS, DEFAULT_SPAN_ID_KEYS),
        detectedHealth, List.of(), List.of(), Map.of(), dir);
    return overlay(merged, path, defaults, dir, p);
  }

  /** {@code base} with every key present in {@code m} replacing its value. */
  private static Service overlay(Map<String, Object> m, String path, Service base, Path dir,
      ConfigProblems p) {
    String name = p.string(m, "name", path, base.name());
    if (!SERVICE_NAME.matcher(name).matches()) {
      p.add(path + ".name", "a service name (letters, digits, '.', '_', '-') is required");
    }
    String namespace = p.string(m, "namespace", path, base.namespace());
    String environment = p.string(m, "environment", path, base.environment());
    Mode mode = base.mode();
    if (m.get("mode") != null) {
      String v = p.string(m, "mode", path, "sdk").toLowerCase(Locale.ROOT);
      if (v.equals("sdk") || v.equals("code")) {
        mode = Mode.SDK;
      } else if (v.equals("agent")) {
        mode = Mode.AGENT;
      } else {
        p.add(path + ".mode", "must be sdk or agent");
      }
    }
    Map<String, Object> logs = p.map(m.get("logs"), path + ".logs");
    p.onlyKeys(logs, path + ".logs", Set.of("parseJsonBody", "liftTraceContext", "traceIdKeys",
        "spanIdKeys"));
    LogRules b = base.logs();
    LogRules rules = new LogRules(
        p.bool(logs, "parseJsonBody", path + ".logs", b.parseJsonBody()),
        p.bool(logs, "liftTraceContext", path + ".logs", b.liftTraceContext()),
        keys(p.strings(logs, "traceIdKeys", path + ".logs", b.traceIdKeys()),
            path + ".logs.traceIdKeys", p),
        keys(p.strings(logs, "spanIdKeys", path + ".logs", b.spanIdKeys()),
            path + ".logs.spanIdKeys", p));
    List<String> health = p.strings(m, "healthCheckPaths", path, base.healthCheckPaths());
    for (int i = 0; i < health.size(); i++) {
      if (!health.get(i).startsWith("/")) {
        p.add(path + ".healthCheckPaths[" + i + "]", "a URL path starting with '/' is expected");
      }
    }
    Map<String, Object> redact = p.map(m.get("redact"), path + ".redact");
    p.onlyKeys(redact, path + ".redact", Set.of("delete", "hash"));
    List<String> delete = keys(p.strings(redact, "delete", path + ".redact", base.redactKeys()),
        path + ".redact.delete", p);
    List<String> hash = keys(p.strings(redact, "hash", path + ".redact", base.hashKeys()),
        path + ".redact.hash", p);
    Map<String, List<String>> statements = new LinkedHashMap<>(base.statements());
    Map<String, Object> sm = p.map(m.get("statements"), path + ".statements");
    p.onlyKeys(sm, path + ".statements", SIGNALS);
    for (String signal : List.of("traces", "metrics", "logs")) {
      if (sm.containsKey(signal)) {
        List<String> list = p.strings(sm, signal, path + ".statements", List.of());
        checkStatements(name, signal, list, path + ".statements." + signal, p);
        statements.put(signal, list);
      }
    }
    return new Service(name, namespace, environment, mode, rules, sorted(health), sorted(delete),
        sorted(hash), statements, dir);
  }

  private static void checkStatements(String service, String signal, List<String> statements,
      String path, ConfigProblems p) {
    OttlSignal s = switch (signal) {
      case "traces" -> OttlSignal.TRACES;
      case "metrics" -> OttlSignal.METRICS;
      default -> OttlSignal.LOGS;
    };
    String guard = "resource.attributes[\"service.name\"] == \"" + service + "\"";
    for (int i = 0; i < statements.size(); i++) {
      OttlValidator.Result r = OttlValidator.checkGroup(s, null, List.of(guard),
          List.of(statements.get(i)));
      for (var problem : r.problems()) {
        p.add(path + "[" + i + "]", (problem.column() > 0 ? "column " + problem.column() + ": " : "")
            + problem.message());
      }
    }
  }

  private static List<String> keys(List<String> keys, String path, ConfigProblems p) {
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      if (k.isBlank() || k.contains("\"") || k.contains("\\")) {
        p.add(path + "[" + i + "]", "an attribute key without quotes or backslashes is expected");
      }
    }
    return keys;
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().distinct().sorted().toList();
  }

  private static String fileStem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.indexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new FleetException(List.of(file + ": no such file"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
