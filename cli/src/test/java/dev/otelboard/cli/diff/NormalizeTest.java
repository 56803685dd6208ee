package dev.otelboard.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizeTest {

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "numeric id           | /users/42                                  | /users/{id}",
        "id with letters      | /orders/ord-1001                           | /orders/{id}",
        "sku                  | /pricing/ABC-1                             | /pricing/{id}",
        "uuid                 | /carts/3f2b8c1e-9d4a-4b7e-8f00-1c2d3e4f5a6b/items | /carts/{id}/items",
        "long token           | /sessions/AbCdEfGhIjKlMnOpQrStUv           | /sessions/{id}",
        "query string         | /search?q=shoes&page=2                     | /search",
        "fragment             | /docs/intro#part-2                         | /docs/intro",
        "full url             | http://127.0.0.1:41234/reserve?x=1         | /reserve",
        "full url, no path    | https://example.com                        | /",
        "route template       | /orders/{orderId}                          | /orders/{id}",
        "express route        | /orders/:orderId/lines                     | /orders/{id}/lines",
        "version kept         | /api/v2/users/7                            | /api/v2/users/{id}",
        "trailing slash       | /orders/                                   | /orders",
        "double slashes       | //health                                   | /health",
        "root                 | /                                          | /",
        "slug without digits  | /blog/how-to-onboard                       | /blog/how-to-onboard",
      })
  void pathsBecomeTemplates(String name, String raw, String expected) {
    assertThat(Normalize.path(raw)).isEqualTo(expected);
  }

  @Test
  void aRouteAndThePathsItMatchesHaveTheSameTemplate() {
    assertThat(Normalize.path("/orders/{id}")).isEqualTo(Normalize.path("/orders/ord-77?expand=lines"));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http name with path  | GET /users/42                 | GET /users/{id}",
        "lower-case method    | post /orders/9                | POST /orders/{id}",
        "method only          | GET                           | GET",
        "db statement name    | SELECT orders                 | SELECT orders",
        "digits in a word     | Session-123 process           | {} process",
        "messaging            | orders-7 publish              | {} publish",
      })
  void spanNamesLoseTheirIds(String name, String raw, String expected) {
    assertThat(Normalize.name(raw)).isEqualTo(expected);
  }

  @Test
  void messagesBecomeTemplatesWithSlf4jPlaceholders() {
    assertThat(Normalize.template("reserved 2 x ABC-1 for order ord-1001 in 12ms (trace 4bf92f3577b34da6a3ce929d0e0e4736)"))
        .isEqualTo("reserved {} x {} for order {} in {} (trace {})");
    assertThat(Normalize.template("  checkout-service listening on port 8080  "))
        .isEqualTo("checkout-service listening on port {}");
    assertThat(Normalize.template("{\"sku\":\"ABC-1\",\"quantity\":2}")).isEqualTo("{\"sku\":\"{}\",\"quantity\":{}}");
    assertThat(Normalize.template("")).isEqualTo("(empty)");
    assertThat(Normalize.template("x".repeat(500))).hasSize(Normalize.MAX_TEMPLATE);
  }

  @Test
  void statusClassesAndMethods() {
    assertThat(Normalize.statusClass("204")).isEqualTo("2xx");
    assertThat(Normalize.statusClass("503")).isEqualTo("5xx");
    assertThat(Normalize.statusClass("")).isEmpty();
    assertThat(Normalize.statusClass("abc")).isEmpty();
    assertThat(Normalize.method("get")).isEqualTo("GET");
    assertThat(Normalize.method("PROPFIND")).isEqualTo("_OTHER");
    assertThat(Normalize.method(null)).isEmpty();
  }
}
