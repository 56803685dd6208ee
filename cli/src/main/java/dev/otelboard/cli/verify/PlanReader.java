package dev.otelboard.cli.verify;

import dev.otelboard.cli.config.ConfigProblems;
import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.verify.VerifyPlan.Readiness;
import dev.otelboard.cli.verify.VerifyPlan.ServicePlan;
import dev.otelboard.cli.verify.VerifyPlan.Workload;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a verify plan (see {@code docs/verify.md}) and validates all of it before anything starts:
 * every problem is reported with {@code file:line: key.path}, not only the first. Relative
 * directories are resolved against the plan file's directory.
 */
public final class PlanReader {
  static final Set<String> TOP_KEYS = Set.of("services", "driver", "flushWindow");
  static final Set<String> SERVICE_KEYS =
      Set.of("name", "dir", "start", "env", "ready", "startupTimeout", "stopGrace", "protocol");
  static final Set<String> READY_KEYS = Set.of("http", "log");
  static final Set<String> DRIVER_KEYS =
      Set.of("name", "dir", "run", "env", "timeout", "serviceName", "protocol");
  static final Set<String> PROTOCOLS = Set.of("grpc", "http/protobuf");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private PlanReader() {}

  /** Reads and validates {@code file}. */
  public static VerifyPlan read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new PlanException(List.of(file + ": cannot read: " + e.getMessage()));
    }
    return parse(file, text);
  }

  /** Parses {@code text}; {@code file} names it in errors and anchors relative directories. */
  public static VerifyPlan parse(Path file, String text) {
    LocatedYaml doc = LocatedYaml.parse(file, text);
    ConfigProblems p = new ConfigProblems(doc);
    Path base = file.toAbsolutePath().getParent();
    Map<String, Object> root = p.map(doc.root(), "");
    p.onlyKeys(root, "", TOP_KEYS);

    Duration flushWindow = p.duration(root.get("flushWindow"), "flushWindow", VerifyPlan.DEFAULT_FLUSH_WINDOW);

    List<ServicePlan> services = new ArrayList<>();
    Object rawServices = root.get("services");
    if (rawServices != null && !(rawServices instanceof List<?>)) {
      p.add("services", "must be a list of services");
    } else if (rawServices != null) {
      List<?> list = (List<?>) rawServices;
      Set<String> names = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        ServicePlan s = service(p, list.get(i), "services[" + i + "]", base);
        if (s != null) {
          if (!names.add(s.name())) {
            p.add("services[" + i + "].name", "'" + s.name() + "' is already the name of another service");
          }
          services.add(s);
        }
      }
    }
    Optional<Workload> driver = Optional.empty();
    if (root.get("driver") != null) {
      driver = Optional.ofNullable(driver(p, root.get("driver"), "driver", base));
    }
    if (p.isEmpty() && services.isEmpty() && driver.isEmpty()) {
      p.add("", "a plan needs services, a driver, or both");
    }
    if (!p.isEmpty()) {
      throw new PlanException(p.messages());
    }
    return new VerifyPlan(services, driver, flushWindow, file);
  }

  private static ServicePlan service(ConfigProblems p, Object raw, String path, Path base) {
    Map<String, Object> m = p.map(raw, path);
    if (m.isEmpty()) {
      if (raw != null && !(raw instanceof Map<?, ?>)) {
        return null;
      }
      p.add(path, "a service needs at least name and start");
      return null;
    }
    p.onlyKeys(m, path, SERVICE_KEYS);
    String name = p.requiredString(m.get("name"), path + ".name");
    if (name == null) {
      p.add(path + ".name", "missing; it becomes the service's service.name");
    } else if (!NAME.matcher(name).matches()) {
      p.add(path + ".name", "'" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    Path dir = directory(p, m.get("dir"), path + ".dir", base);
    List<String> command = command(p, m.get("start"), path + ".start");
    Map<String, String> env = env(p, m.get("env"), path + ".env");
    Readiness readiness = readiness(p, m.get("ready"), path + ".ready");
    Duration startup =
        p.duration(m.get("startupTimeout"), path + ".startupTimeout", ServicePlan.DEFAULT_STARTUP_TIMEOUT);
    Duration grace = p.duration(m.get("stopGrace"), path + ".stopGrace", ServicePlan.DEFAULT_STOP_GRACE);
    Optional<String> protocol = protocol(p, m.get("protocol"), path + ".protocol");
    if (name == null || dir == null || command == null || readiness == null) {
      return null;
    }
    return new ServicePlan(name, dir, command, env, readiness, startup, grace, protocol);
  }

  private static Workload driver(ConfigProblems p, Object raw, String path, Path base) {
    Map<String, Object> m = p.map(raw, path);
    p.onlyKeys(m, path, DRIVER_KEYS);
    String name = m.containsKey("name") ? p.requiredString(m.get("name"), path + ".name") : "driver";
    Path dir = directory(p, m.get("dir"), path + ".dir", base);
    List<String> command = command(p, m.get("run"), path + ".run");
    Map<String, String> env = env(p, m.get("env"), path + ".env");
    Duration timeout = p.duration(m.get("timeout"), path + ".timeout", Workload.DEFAULT_TIMEOUT);
    Optional<String> serviceName = Optional.empty();
    if (m.get("serviceName") != null) {
      String s = p.requiredString(m.get("serviceName"), path + ".serviceName");
      if (s != null && !NAME.matcher(s).matches()) {
        p.add(path + ".serviceName", "'" + s + "' must be letters, digits, '.', '_' or '-'");
      }
      serviceName = Optional.ofNullable(s);
    }
    Optional<String> protocol = protocol(p, m.get("protocol"), path + ".protocol");
    if (name == null || dir == null || command == null) {
      return null;
    }
    return new Workload(name, dir, command, env, timeout, serviceName, protocol);
  }

  private static Path directory(ConfigProblems p, Object raw, String path, Path base) {
    if (raw == null) {
      return base;
    }
    String s = p.requiredString(raw, path);
    if (s == null) {
      return null;
    }
    Path dir = base.resolve(s).normalize();
    if (!Files.isDirectory(dir)) {
      p.add(path, dir + " is not a directory");
      return null;
    }
    return dir;
  }

  private static List<String> command(ConfigProblems p, Object raw, String path) {
    List<String> words;
    if (raw == null) {
      p.add(path, "missing; a command line like `java -jar target/app.jar` or a list of words");
      return null;
    } else if (raw instanceof List<?> list) {
      words = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object w = list.get(i);
        if (w instanceof Map<?, ?> || w instanceof List<?> || w == null) {
          p.add(path + "[" + i + "]", "must be a string");
          return null;
        }
        words.add(String.valueOf(w));
      }
    } else if (raw instanceof String s) {
      try {
        words = CommandWords.split(s);
      } catch (IllegalArgumentException e) {
        p.add(path, e.getMessage());
        return null;
      }
    } else {
      p.add(path, "must be a command line or a list of words");
      return null;
    }
    if (words.isEmpty()) {
      p.add(path, "is empty");
      return null;
    }
    for (String w : words) {
      placeholders(p, w, path);
    }
    return words;
  }

  private static Map<String, String> env(ConfigProblems p, Object raw, String path) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : p.map(raw, path).entrySet()) {
      String key = path + "." + e.getKey();
      if (!ENV_NAME.matcher(e.getKey()).matches()) {
        p.add(key, "not a valid environment variable name");
      } else if (e.getValue() instanceof Map<?, ?> || e.getValue() instanceof List<?>) {
        p.add(key, "must be a string");
      } else {
        String v = e.getValue() == null ? "" : String.valueOf(e.getValue());
        placeholders(p, v, key);
        env.put(e.getKey(), v);
      }
    }
    return env;
  }

  private static Readiness readiness(ConfigProblems p, Object raw, String path) {
    if (raw == null) {
      return Readiness.none();
    }
    Map<String, Object> m = p.map(raw, path);
    p.onlyKeys(m, path, READY_KEYS);
    if (m.containsKey("http") == m.containsKey("log")) {
      p.add(path, "give exactly one of http (a health URL) or log (a regular expression)");
      return null;
    }
    if (m.containsKey("http")) {
      String url = p.requiredString(m.get("http"), path + ".http");
      if (url == null) {
        return null;
      }
      placeholders(p, url, path + ".http");
      String probe = Ports.PLACEHOLDER.matcher(url).replaceAll("1");
      try {
        URI uri = URI.create(probe);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
          p.add(path + ".http", "'" + url + "' is not an http:// URL");
        }
      } catch (IllegalArgumentException e) {
        p.add(path + ".http", "'" + url + "' is not a URL");
      }
      return new Readiness(Readiness.Kind.HTTP, url);
    }
    String regex = p.requiredString(m.get("log"), path + ".log");
    if (regex == null) {
      return null;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      p.add(path + ".log", "not a regular expression: " + e.getDescription());
    }
    return new Readiness(Readiness.Kind.LOG, regex);
  }

  private static Optional<String> protocol(ConfigProblems p, Object raw, String path) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = p.requiredString(raw, path);
    if (s != null && !PROTOCOLS.contains(s)) {
      p.add(path, "'" + s + "' is not one of grpc, http/protobuf");
    }
    return Optional.ofNullable(s);
  }

  private static void placeholders(ConfigProblems p, String text, String path) {
    for (String problem : Ports.placeholderProblems(text)) {
      p.add(path, problem);
    }
  }
}
