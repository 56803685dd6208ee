package dev.otelboard.cli.verify;

import dev.otelboard.cli.OtelboardException;
import dev.otelboard.collector.transform.OttlProcessors;
import dev.otelboard.collector.transform.Processor;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the OTTL processors verify runs in its collector: the {@code processors:} block of
 * {@code otelboard generate transform}'s output, or {@code config.processors} of a Helm values file.
 */
public final class TransformFile {
  private TransformFile() {}

  /** The filter and transform processors of {@code file}; bad input is exit 3 naming file:line. */
  public static List<Processor> processors(Path file) {
    Object root;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw OtelboardException.badInput(file, line, "invalid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw OtelboardException.badInput(file, 0, "invalid YAML: " + e.getMessage());
    } catch (IOException e) {
      throw OtelboardException.badInput(file, 0, "cannot read: " + e.getMessage());
    }
    Map<?, ?> processors = null;
    if (root instanceof Map<?, ?> map) {
      if (map.get("processors") instanceof Map<?, ?> p) {
        processors = p;
      } else if (map.get("config") instanceof Map<?, ?> config
          && config.get("processors") instanceof Map<?, ?> p) {
        processors = p;
      }
    }
    if (processors == null) {
      throw OtelboardException.badInput(file, 0, "no processors: block (nor config.processors:)");
    }
    List<Processor> result;
    try {
      result = OttlProcessors.fromProcessorsBlock(processors);
    } catch (IllegalArgumentException e) {
      throw OtelboardException.badInput(file, 0, e.getMessage());
    }
    if (result.isEmpty()) {
      throw OtelboardException.badInput(file, 0, "no filter/ or transform/ processor in it");
    }
    return result;
  }
}
