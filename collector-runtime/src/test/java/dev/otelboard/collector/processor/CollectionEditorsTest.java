package dev.otelboard.collector.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** append, delete_index, flatten, stringify_all and the replace_* function argument. */
class CollectionEditorsTest {
  private static Map<String, Object> attrs() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("list", List.of("a", "b", "c", "d"));
    m.put("one", "x");
    m.put("nested", Map.of("a", Map.of("b", 1L), "l", List.of(1L, Map.of("c", true))));
    m.put("n", 7L);
    m.put("email", "jo@example.com");
    return m;
  }

  @Test
  void appendTurnsAScalarIntoAListAndAddsValues() {
    OttlHarness.Result r = OttlHarness.run(attrs(), "b",
        "append(attributes[\"one\"], \"y\")",
        "append(attributes[\"list\"], values=[\"e\", 1])",
        "append(attributes[\"new\"], value=true)");
    assertThat(r.attribute("one")).isEqualTo(List.of("x", "y"));
    assertThat(r.attribute("list")).isEqualTo(List.of("a", "b", "c", "d", "e", 1L));
    assertThat(r.attribute("new")).isEqualTo(List.of(true));
  }

  @Test
  void deleteIndexRemovesOneOrARange() {
    OttlHarness.Result r = OttlHarness.run(attrs(), "b",
        "delete_index(attributes[\"list\"], 1, 3)", "delete_index(attributes[\"list\"], 5)");
    assertThat(r.attribute("list")).isEqualTo(List.of("a", "d"));
    assertThat(r.errors()).as("index 5 is out of bounds").isEqualTo(1);
  }

  @Test
  void flattenJoinsKeysWithDots() {
    OttlHarness.Result r = OttlHarness.run(attrs(), "b", "flatten(attributes, \"p\")");
    assertThat(r.attributes()).containsEntry("p.nested.a.b", 1L)
        .containsEntry("p.nested.l.0", 1L).containsEntry("p.nested.l.1.c", true)
        .containsEntry("p.list.3", "d").doesNotContainKey("nested");
  }

  @Test
  void flattenStopsAtTheDepthGiven() {
    OttlHarness.Result r = OttlHarness.run(attrs(), "b", "flatten(attributes, depth=1)");
    assertThat(r.attributes()).containsEntry("nested.a", Map.of("b", 1L));
  }

  @Test
  void stringifyAllWritesEveryValueAsAString() {
    OttlHarness.Result r = OttlHarness.run(attrs(), "b", "stringify_all(attributes)");
    assertThat(r.attributes()).containsEntry("n", "7").containsEntry("list",
        "[\"a\",\"b\",\"c\",\"d\"]");
  }

  @Test
  void replacePatternAppliesItsFunctionToEachMatch() {
    OttlHarness.Result r = OttlHarness.run(attrs(), "b",
        "replace_pattern(attributes[\"email\"], \"^(\\\\w+)@\", \"$$1\", SHA256, \"user=%s@\")");
    assertThat(r.unsupported()).isEmpty();
    assertThat(r.attribute("email")).isEqualTo("user="
        + HashConverters.digest("SHA-256", "$1") + "@example.com");
  }

  @Test
  void replaceMatchHashesTheReplacement() {
    OttlHarness.Result r = OttlHarness.run(attrs(), "b",
        "replace_match(attributes[\"one\"], \"x\", \"secret\", MD5)");
    assertThat(r.attribute("one")).isEqualTo(HashConverters.digest("MD5", "secret"));
  }
}
