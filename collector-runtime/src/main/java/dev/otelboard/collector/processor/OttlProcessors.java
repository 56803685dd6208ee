package dev.otelboard.collector.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the sandbox's processors from a collector config's {@code processors:} block (for
 * example otelboard's generated transform.yaml): every {@code filter[/name]} first, then every
 * {@code transform[/name]}, each sorted by id, the order otelboard's pipelines use. Other
 * processors (batch, memory_limiter, k8s_attributes...) are ignored.
 */
public final class OttlProcessors {
  private OttlProcessors() {}

  /**
   * The filter and transform processors of {@code processors}, ready for the embedded collector.
   *
   * @throws IllegalArgumentException when a processor's config is invalid
   */
  public static List<Processor> fromProcessorsBlock(Map<?, ?> processors) {
    Map<String, Map<?, ?>> filters = new TreeMap<>();
    Map<String, Map<?, ?>> transforms = new TreeMap<>();
    for (Map.Entry<?, ?> e : processors.entrySet()) {
      String id = String.valueOf(e.getKey());
      String type = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
      Map<?, ?> config = e.getValue() instanceof Map<?, ?> m ? m : Map.of();
      if (type.equals("filter")) {
        filters.put(id, config);
      } else if (type.equals("transform")) {
        transforms.put(id, config);
      }
    }
    List<Processor> out = new ArrayList<>();
    filters.forEach((id, config) -> out.add(FilterProcessor.fromConfig(id, config)));
    transforms.forEach((id, config) -> out.add(TransformProcessor.fromConfig(id, config)));
    return out;
  }
}
