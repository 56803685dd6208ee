package dev.otelboard.cli.verify;

import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.ottl.OttlFileCheck;
import dev.otelboard.collector.processor.OttlProcessors;
import dev.otelboard.collector.processor.Processor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the OTTL processors verify runs in its collector: the {@code processors:} block of
 * {@code otelboard generate transform}'s output, or {@code config.processors} of a Helm values file.
 */
public final class TransformFile {
  private TransformFile() {}

  /** The filter and transform processors of {@code file}; bad input is exit 3 naming file:line. */
  public static List<Processor> processors(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw OtelboardException.badInput(file, 0, "cannot read: " + e.getMessage());
    }
    LocatedYaml doc = LocatedYaml.parse(file, text);
    OttlFileCheck.ProcessorsBlock block = OttlFileCheck.processorsBlock(doc).orElseThrow(() ->
        OtelboardException.badInput(file, 0, "no processors: block (nor config.processors:)"));
    Map<?, ?> processors = block.byId();
    int line = doc.line(block.path());
    List<Processor> result;
    try {
      result = OttlProcessors.fromProcessorsBlock(processors);
    } catch (IllegalArgumentException e) {
      throw OtelboardException.badInput(file, line, e.getMessage());
    }
    if (result.isEmpty()) {
      throw OtelboardException.badInput(file, line, "no filter/ or transform/ processor in it");
    }
    return result;
  }
}
