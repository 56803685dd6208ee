package com.example.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InventoryServerTest {

  private static InventoryServer server;
  private static HttpClient client;

  @BeforeAll
  static void startServer() throws IOException {
    server = InventoryServer.start(InventoryConfig.onPort(0));
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @Test
  void healthAnswersUp() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void pricingAnswersTheListPrice() throws Exception {
    HttpResponse<String> response = get("/pricing/XYZ-9");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("{\"sku\":\"XYZ-9\",\"unitPriceCents\":4500,\"currency\":\"EUR\"}");
  }

  @Test
  void pricingOfUnknownSkuIsNotFound() throws Exception {
    assertThat(get("/pricing/NOPE-0").statusCode()).isEqualTo(404);
  }

  @Test
  void reservationAnswersPriceAndWarehouseAndLowersStock() throws Exception {
    int before = availableUnits("XYZ-9");

    HttpResponse<String> response = post("/reserve", "{\"sku\":\"XYZ-9\",\"quantity\":3}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body())
        .matches(
            "\\{\"reservationId\":\"res-\\d+\",\"sku\":\"XYZ-9\",\"quantity\":3,"
                + "\"unitPriceCents\":4500,\"warehouse\":\"(ams-1|fra-2|dub-1)\"}");
    assertThat(availableUnits("XYZ-9")).isEqualTo(before - 3);
  }

  @Test
  void reservationBeyondStockIsAConflict() throws Exception {
    HttpResponse<String> response = post("/reserve", "{\"sku\":\"LTD-1\",\"quantity\":2}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"insufficient stock\",\"sku\":\"LTD-1\",\"available\":1}");
  }

  @Test
  void reservationOfUnknownSkuIsNotFound() throws Exception {
    HttpResponse<String> response = post("/reserve", "{\"sku\":\"NOPE-0\",\"quantity\":1}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("unknown sku NOPE-0");
  }

  @Test
  void reservationWithoutQuantityIsABadRequest() throws Exception {
    HttpResponse<String> response = post("/reserve", "{\"sku\":\"ABC-1\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"body must have sku and quantity\"}");
  }

  @Test
  void reservationWithZeroQuantityIsABadRequest() throws Exception {
    assertThat(post("/reserve", "{\"sku\":\"ABC-1\",\"quantity\":0}").statusCode()).isEqualTo(400);
  }

  @Test
  void reserveOnlyAcceptsPost() throws Exception {
    HttpResponse<String> response = get("/reserve");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void stockOfUnknownSkuIsNotFound() throws Exception {
    assertThat(get("/stock/NOPE-0").statusCode()).isEqualTo(404);
  }

  private static int availableUnits(String sku) throws Exception {
    HttpResponse<String> response = get("/stock/" + sku);
    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    return Integer.parseInt(body.replaceAll(".*\"available\":(\\d+).*", "$1"));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }
}
