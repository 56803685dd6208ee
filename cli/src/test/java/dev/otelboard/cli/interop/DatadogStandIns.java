package dev.otelboard.cli.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference collector has no datadog components: the Go module proxy here serves neither the
 * datadog exporter nor the datadog connector. To validate a generated configuration anyway, a copy
 * swaps them for components of the same shape: the {@code datadog} exporter becomes {@code
 * debug/datadog} (an exporter of every signal) and the {@code datadog/connector} connector becomes
 * {@code count/datadog_connector} (a traces -> metrics connector). Everything else is untouched.
 */
public final class DatadogStandIns {
  /** The exporter that stands in for {@code datadog}. */
  public static final String EXPORTER = "debug/datadog";
  /** The connector that stands in for {@code datadog/connector}. */
  public static final String CONNECTOR = "count/datadog_connector";

  private DatadogStandIns() {}

  /** A deep copy of {@code config} with the datadog exporter and connector swapped. */
  public static Map<String, Object> swap(Map<String, Object> config) {
    Map<String, Object> out = copy(config);
    Map<String, Object> exporters = section(out, "exporters");
    Map<String, Object> connectors = section(out, "connectors");
    Map<String, String> renames = new LinkedHashMap<>();
    for (String id : List.copyOf(exporters.keySet())) {
      if (type(id).equals("datadog")) {
        exporters.remove(id);
        String standIn = id.equals("datadog") ? EXPORTER : "debug/datadog_" + name(id);
        exporters.put(standIn, new LinkedHashMap<>());
        renames.put(id, standIn);
      }
    }
    for (String id : List.copyOf(connectors.keySet())) {
      if (type(id).equals("datadog")) {
        connectors.remove(id);
        String standIn = id.equals("datadog/connector") ? CONNECTOR : "count/datadog_" + name(id);
        connectors.put(standIn, new LinkedHashMap<>());
        renames.put(id, standIn);
      }
    }
    Map<String, Object> pipelines = section(section(out, "service"), "pipelines");
    for (Object pipeline : pipelines.values()) {
      if (pipeline instanceof Map<?, ?> p) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) p;
        for (String kind : List.of("receivers", "exporters")) {
          if (m.get(kind) instanceof List<?> refs) {
            List<Object> swapped = new ArrayList<>();
            for (Object ref : refs) {
              swapped.add(renames.getOrDefault(String.valueOf(ref), String.valueOf(ref)));
            }
            m.put(kind, swapped);
          }
        }
      }
    }
    if (connectors.isEmpty()) {
      out.remove("connectors");
    }
    return out;
  }

  private static String type(String id) {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }

  private static String name(String id) {
    int slash = id.indexOf('/');
    return slash < 0 ? "" : id.substring(slash + 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<>());
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T node) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return (T) out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(copy(v)));
      return (T) out;
    }
    return node;
  }
}
