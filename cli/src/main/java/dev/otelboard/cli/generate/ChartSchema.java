package dev.otelboard.cli.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The opentelemetry-collector chart's own {@code values.schema.json}, applied as Helm applies it
 * before rendering. The file declares no draft; it only uses draft-07-compatible keywords, so it is
 * read as draft 7. Each violation is reported with the values path and the schema path.
 */
public final class ChartSchema {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Schema schema;
  private final Path source;

  private ChartSchema(Schema schema, Path source) {
    this.schema = schema;
    this.source = source;
  }

  /** Loads a chart's values.schema.json. */
  public static ChartSchema load(Path schemaFile) {
    try {
      JsonNode node = JSON.readTree(Files.readString(schemaFile));
      if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
        // "http://json-schema.org/schema#" names no draft; Helm applies it as draft 7 does
        object.remove("$schema");
      }
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
      return new ChartSchema(registry.getSchema(node), schemaFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + schemaFile, e);
    }
  }

  /** The file this schema came from. */
  public Path source() {
    return source;
  }

  /**
   * Every violation in {@code values} (as loaded from YAML), sorted by path. Like Helm, the
   * chart's defaults are merged under the file first, so keys the chart supplies (apiVersion)
   * need not be repeated.
   */
  public List<Finding> validate(Map<String, Object> values) {
    JsonNode instance = JSON.valueToTree(
        CollectorConfigChecker.deepMerge(CollectorConfigChecker.defaultValues(), values));
    List<Finding> out = new ArrayList<>();
    for (Error e : schema.validate(instance)) {
      String schemaPath = e.getSchemaLocation() == null ? null
          : "#" + fragment(e.getSchemaLocation().getFragment());
      String at = path(e.getInstanceLocation());
      if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
        at = at.isEmpty() ? e.getProperty() : at + "." + e.getProperty();
      }
      out.add(new Finding(Finding.Severity.ERROR, at, message(e), schemaPath));
    }
    out.sort(Comparator.comparing(Finding::path).thenComparing(Finding::message));
    return out;
  }

  private static String message(Error e) {
    String m = e.getMessage();
    // networknt prefixes the instance location ("$.image.pullPolicy: ..."); the path is ours
    int colon = m.indexOf(": ");
    return colon > 0 && m.startsWith("$") ? m.substring(colon + 2) : m;
  }

  private static String fragment(NodePath p) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < p.getNameCount(); i++) {
      b.append('/').append(p.getElement(i));
    }
    return b.toString();
  }

  /** {@code $.ports['otlp-http'].enabled} as {@code ports.otlp-http.enabled}. */
  static String path(NodePath p) {
    if (p == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < p.getNameCount(); i++) {
      Object element = p.getElement(i);
      if (element instanceof Integer index) {
        b.append('[').append(index).append(']');
      } else {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(element);
      }
    }
    return b.toString();
  }
}
