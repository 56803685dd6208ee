package com.example.checkout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

  @Test
  void parsesStringsNumbersAndBooleansAsText() {
    Map<String, String> fields =
        JsonBody.parse(
            " { \"sku\" : \"ABC-1\", \"quantity\": 2, \"gift\": true, \"note\": null } ");

    assertThat(fields)
        .containsExactly(
            Map.entry("sku", "ABC-1"), Map.entry("quantity", "2"), Map.entry("gift", "true"));
  }

  @Test
  void parsesEscapes() {
    assertThat(JsonBody.parse("{\"name\":\"a \\\"quoted\\\" \\u00e9\"}"))
        .containsEntry("name", "a \"quoted\" é");
  }

  @Test
  void rejectsNestedValues() {
    assertThatThrownBy(() -> JsonBody.parse("{\"items\":[1,2]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested values are not supported");
  }

  @Test
  void rejectsTrailingText() {
    assertThatThrownBy(() -> JsonBody.parse("{} {}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesFlatObjectsInInsertionOrder() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("sku", "A\"B");
    fields.put("quantity", 2);
    fields.put("gift", false);

    assertThat(JsonBody.write(fields))
        .isEqualTo("{\"sku\":\"A\\\"B\",\"quantity\":2,\"gift\":false}");
  }
}
