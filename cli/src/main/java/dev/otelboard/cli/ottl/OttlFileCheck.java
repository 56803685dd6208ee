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
import java.util.Optional;

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
    if (processorsBlock(doc).map(ProcessorsBlock::ottlProcessors).orElse(0) == 0) {
      // "Every statement is valid" about a file with none would be a pass that checked nothing.
      throw OtelboardException.badInput(file, 0,
          "no OTTL in it: no transform/ or filter/ processor under processors: or config.processors:");
    }
    return check(doc);
  }

  /**
   * The {@code processors:} block of a collector config or transform.yaml, or {@code
   * config.processors:} of Helm values.
   *
   * @param path its key path, for locating problems
   * @param byId the processors by id
   */
  public record ProcessorsBlock(String path, Map<?, ?> byId) {
    /** How many transform and filter processors it has. */
    int ottlProcessors() {
      int n = 0;
      for (Object id : byId.keySet()) {
        String type = String.valueOf(id).split("/", 2)[0];
        if (type.equals("transform") || type.equals("filter")) {
          n++;
        }
      }
      return n;
    }
  }

  /** The processors block of {@code doc}, if it has one. */
  public static Optional<ProcessorsBlock> processorsBlock(LocatedYaml doc) {
    if (doc.root() instanceof Map<?, ?> root) {
      if (root.get("processors") instanceof Map<?, ?> p) {
        return Optional.of(new ProcessorsBlock("processors", p));
      }
      if (root.get("config") instanceof Map<?, ?> config
          && config.get("processors") instanceof Map<?, ?> p) {
        return Optional.of(new ProcessorsBlock("config.processors", p));
      }
    }
    return Optional.empty();
  }

  /** The problems in an already parsed document. */
  public static List<String> check(LocatedYaml doc) {
    List<String> out = new ArrayList<>();
    Optional<ProcessorsBlock> block = processorsBlock(doc);
    if (block.isEmpty()) {
      return out;
    }
    String prefix = block.get().path();
    Map<?, ?> byId = block.get().byId();
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
