package com.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckoutServerTest {

  private static StubInventory inventory;
  private static CheckoutServer checkout;
  private static HttpClient client;

  @BeforeAll
  static void start() throws IOException {
    inventory = StubInventory.start();
    checkout = new CheckoutServer(CheckoutConfig.of(0, inventory.url()));
    checkout.start();
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    checkout.stop();
    inventory.close();
  }

  @Test
  void healthAnswersUp() throws Exception {
    HttpResponse<String> response = send(get("/health"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void checkoutWithJsonBodyReservesStockAndPlacesTheOrder() throws Exception {
    HttpResponse<String> response = send(post("/checkout", "{\"sku\":\"ABC-1\",\"quantity\":2}"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body())
        .matches(
            "\\{\"orderId\":\"ord-\\d+\",\"sku\":\"ABC-1\",\"quantity\":2,\"unitPriceCents\":1299,"
                + "\"totalCents\":2598,\"warehouse\":\"test-1\",\"reservationId\":\"res-\\d+\","
                + "\"status\":\"PLACED\"}");
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).matches("/orders/ord-\\d+"));
    assertThat(inventory.reserveBodies()).contains("{\"sku\":\"ABC-1\",\"quantity\":2}");
  }

  @Test
  void checkoutWithQueryParametersPlacesTheOrder() throws Exception {
    HttpResponse<String> response = send(post("/checkout?sku=XYZ-9&quantity=3", ""));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body())
        .contains("\"sku\":\"XYZ-9\"", "\"quantity\":3", "\"totalCents\":3897");
  }

  @Test
  void orderIsConfirmedInTheBackground() throws Exception {
    HttpResponse<String> placed = send(post("/checkout", "{\"sku\":\"ABC-1\",\"quantity\":1}"));
    String location = placed.headers().firstValue("Location").orElseThrow();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              HttpResponse<String> order = send(get(location));
              assertThat(order.statusCode()).isEqualTo(200);
              assertThat(order.body()).contains("\"status\":\"CONFIRMED\"");
            });
  }

  @Test
  void unknownOrderIsNotFound() throws Exception {
    HttpResponse<String> response = send(get("/orders/ord-0"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"error\":\"no order ord-0\"}");
  }

  @Test
  void outOfStockIsAConflict() throws Exception {
    HttpResponse<String> response =
        send(post("/checkout", "{\"sku\":\"SOLD-OUT\",\"quantity\":1}"));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).isEqualTo("{\"error\":\"out of stock: SOLD-OUT\"}");
  }

  @Test
  void unknownSkuIsNotFound() throws Exception {
    assertThat(send(post("/checkout", "{\"sku\":\"NOPE-0\"}")).statusCode()).isEqualTo(404);
  }

  @Test
  void inventoryErrorIsABadGateway() throws Exception {
    HttpResponse<String> response = send(post("/checkout", "{\"sku\":\"BROKEN\",\"quantity\":1}"));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).isEqualTo("{\"error\":\"inventory unavailable\"}");
  }

  @Test
  void unreachableInventoryIsABadGateway() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CheckoutServer isolated =
        new CheckoutServer(CheckoutConfig.of(0, "http://127.0.0.1:" + closedPort));
    isolated.start();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + isolated.port() + "/checkout"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"ABC-1\",\"quantity\":1}"))
              .build();

      assertThat(send(request).statusCode()).isEqualTo(502);
    } finally {
      isolated.stop();
    }
  }

  @Test
  void malformedBodyIsABadRequest() throws Exception {
    HttpResponse<String> response = send(post("/checkout", "{\"sku\":"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"error\":\"invalid JSON");
  }

  @Test
  void zeroQuantityIsABadRequest() throws Exception {
    HttpResponse<String> response = send(post("/checkout", "{\"sku\":\"ABC-1\",\"quantity\":0}"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"quantity must be between 1 and 100\"}");
  }

  @Test
  void checkoutOnlyAcceptsPost() throws Exception {
    HttpResponse<String> response = send(get("/checkout"));

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET().build();
  }

  private static HttpRequest post(String path, String body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + checkout.port() + path);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
