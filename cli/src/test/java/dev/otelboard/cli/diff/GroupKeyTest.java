package dev.otelboard.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spans of the same shape get the same key whatever their ids and whichever conventions named them. */
class GroupKeyTest {

  private static GroupKey key(String name, int kind, String... attributes) {
    SpanRecord s = new SpanRecord();
    s.name = name;
    s.kind = kind;
    for (int i = 0; i < attributes.length; i += 2) {
      s.keys.add(attributes[i]);
      s.values.add(attributes[i + 1]);
    }
    return GroupKey.of(s);
  }

  @Test
  void anHttpServerSpanIsMatchedByMethodPathTemplateAndStatusClass() {
    GroupKey k = key("POST /checkout", 2, "http.request.method", "POST", "url.path", "/checkout",
        "http.route", "/checkout", "http.response.status_code", "201");

    assertThat(k).isEqualTo(new GroupKey("SERVER", "POST /checkout", "POST", "2xx", "", "", ""));
    assertThat(k.label()).isEqualTo("SERVER POST /checkout 2xx");
  }

  @Test
  void aRouteWithParametersAndAPathWithIdsMatch() {
    GroupKey agent = key("GET /orders/{orderId}", 2, "http.request.method", "GET", "http.route", "/orders/{orderId}",
        "url.path", "/orders/ord-1001", "http.response.status_code", "200");
    GroupKey code = key("GET", 2, "http.request.method", "GET", "url.path", "/orders/ord-2002",
        "http.response.status_code", "200");

    assertThat(agent).isEqualTo(code);
    assertThat(agent.name()).isEqualTo("GET /orders/{id}");
  }

  @Test
  void aRouteWithoutParametersYieldsToThePath() {
    // The JDK HttpServer's "route" is its context path: the path says more.
    GroupKey k = key("GET /orders/", 2, "http.request.method", "GET", "http.route", "/orders/",
        "url.path", "/orders/ord-1001");

    assertThat(k.name()).isEqualTo("GET /orders/{id}");
  }

  @Test
  void preStableHttpAttributesGiveTheSameKeyAsStableOnes() {
    GroupKey old = key("HTTP GET", 3, "http.method", "GET", "http.url", "http://inventory:8081/stock/ABC-1?fresh=true",
        "http.status_code", "200");
    GroupKey stable = key("GET", 3, "http.request.method", "GET", "url.full", "http://127.0.0.1:41234/stock/XYZ-9",
        "http.response.status_code", "200");

    assertThat(old).isEqualTo(stable);
    assertThat(stable.label()).isEqualTo("CLIENT GET /stock/{id} 2xx");
  }

  @Test
  void aSpanNamedMethodAndPathWithoutAttributesIsStillAnHttpShape() {
    assertThat(key("GET /users/42", 2).name()).isEqualTo("GET /users/{id}");
  }

  @Test
  void statusClassesSplitGroups() {
    assertThat(key("GET", 2, "http.request.method", "GET", "url.path", "/x", "http.response.status_code", "500"))
        .isNotEqualTo(key("GET", 2, "http.request.method", "GET", "url.path", "/x", "http.response.status_code", "200"));
  }

  @Test
  void databaseSpansByNameSystemAndOperation() {
    GroupKey stable = key("SELECT orders", 3, "db.system.name", "postgresql", "db.operation.name", "SELECT");
    GroupKey old = key("SELECT orders", 3, "db.system", "postgresql", "db.operation", "SELECT");

    assertThat(stable).isEqualTo(old);
    assertThat(stable.label()).isEqualTo("CLIENT postgresql SELECT orders");
  }

  @Test
  void messagingSpansByDestinationWithTemporaryQueuesFolded() {
    GroupKey k = key("orders publish", 4, "messaging.system", "kafka", "messaging.destination.name", "orders");
    GroupKey temp = key("reply publish", 4, "messaging.system", "rabbitmq", "messaging.destination.name",
        "amq.gen-3f2b8c1e", "messaging.destination.temporary", "true");

    assertThat(k.label()).isEqualTo("PRODUCER orders publish -> orders");
    assertThat(temp.destination()).isEqualTo("(temporary)");
  }

  @Test
  void rpcSpansByServiceAndMethod() {
    GroupKey k = key("inventory.Stock/Reserve", 3, "rpc.system", "grpc", "rpc.service", "inventory.Stock",
        "rpc.method", "Reserve", "rpc.grpc.status_code", "0");

    assertThat(k.label()).isEqualTo("CLIENT inventory.Stock/Reserve grpc 0");
  }

  @Test
  void otherSpansByTheirNormalizedName() {
    assertThat(key("Session-123 process", 1)).isEqualTo(key("Session-987 process", 1));
  }
}
