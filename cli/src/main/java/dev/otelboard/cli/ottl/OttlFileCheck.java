package dev.otelboard.cli.ottl;

import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.collector.ottl.OttlConfigValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every transform and filter processor in a YAML file offline, before anything reaches a
 * cluster: a collector config or transform.yaml ({@code processors:}) or Helm values
 * ({@code config.processors:}). Each problem is {@code file:line: key.path: column N: what}.
 * The grammar, contexts and function table live in collector-runtime
 * ({@code dev.otelboard.collector.ottl}), shared with the sandbox collector's executor.
 */
public final class OttlFileCheck {
  private OttlFileCheck() {}

  /** The problems in {@code file}; empty when every statement and condition is valid. */
  public static List<String> check(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    LocatedYaml doc = LocatedYaml.parse(file, text);
    if (ottlProcessors(doc) == 0) {
      // "Every statement is valid" about a file with none would be a pass that checked nothing.
      throw OtelboardException.badInput(file, 0,
          "no OTTL in it: no transform/ or filter/ processor under processors: or config.processors:");
    }
    return check(doc);
  }

  /** How many transform and filter processors {@code doc} has. */
  static int ottlProcessors(LocatedYaml doc) {
    if (!(doc.root() instanceof Map<?, ?> root)) {
      return 0;
    }
    Object processors = root.get("processors");
    if (processors == null && root.get("config") instanceof Map<?, ?> config) {
      processors = config.get("processors");
    }
    if (!(processors instanceof Map<?, ?> byId)) {
      return 0;
    }
    int n = 0;
    for (Object id : byId.keySet()) {
      String type = String.valueOf(id).split("/", 2)[0];
      if (type.equals("transform") || type.equals("filter")) {
        n++;
      }
    }
    return n;
  }

  /** The problems in an already parsed document. */
  public static List<String> check(LocatedYaml doc) {
    List<String> out = new ArrayList<>();
    if (!(doc.root() instanceof Map<?, ?> root)) {
      return out;
    }
    String prefix = "processors";
    Object processors = root.get("processors");
    if (processors == null && root.get("config") instanceof Map<?, ?> config) {
      processors = config.get("processors");
      prefix = "config.processors";
    }
    if (!(processors instanceof Map<?, ?> byId)) {
      return out;
    }
    for (Map.Entry<?, ?> p : byId.entrySet()) {
      String id = String.valueOf(p.getKey());
      String type = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
      if (!(p.getValue() instanceof Map<?, ?> body)) {
        continue;
      }
      List<OttlConfigValidator.Problem> problems = switch (type) {
        case "transform" -> OttlConfigValidator.checkTransform(body);
        case "filter" -> OttlConfigValidator.checkFilter(body);
        default -> List.of();
      };
      for (OttlConfigValidator.Problem problem : problems) {
        String path = prefix + "." + id + "." + problem.path();
        out.add(doc.locate(path, (problem.column() > 0 ? "column " + problem.column() + ": " : "")
            + problem.message()));
      }
    }
    return out;
  }
}
