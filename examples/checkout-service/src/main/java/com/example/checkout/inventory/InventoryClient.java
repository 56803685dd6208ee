package com.example.checkout.inventory;

import com.example.checkout.web.JsonBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Talks to inventory-service ({@code POST /reserve}). */
public class InventoryClient {

  private static final Logger log = LoggerFactory.getLogger(InventoryClient.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient httpClient;
  private final URI reserveUri;

  public InventoryClient(URI baseUrl) {
    this.reserveUri = URI.create(baseUrl + "/reserve");
    this.httpClient =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Reserves {@code quantity} units of {@code sku}. */
  public Reservation reserve(String sku, int quantity) throws InventoryException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sku", sku);
    body.put("quantity", quantity);
    String json = JsonBody.write(body);
    HttpRequest request =
        HttpRequest.newBuilder(reserveUri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();

    HttpResponse<String> response;
    try {
      response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new InventoryException(
          InventoryException.Reason.UNAVAILABLE, "inventory-service unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InventoryException(
          InventoryException.Reason.UNAVAILABLE, "interrupted while reserving stock", e);
    }

    log.debug("inventory-service answered {} for {} x {}", response.statusCode(), quantity, sku);
    switch (response.statusCode()) {
      case 200:
        return toReservation(response.body());
      case 404:
        throw new InventoryException(InventoryException.Reason.UNKNOWN_SKU, "unknown sku " + sku);
      case 409:
        throw new InventoryException(
            InventoryException.Reason.OUT_OF_STOCK, "not enough stock for " + sku);
      default:
        throw new InventoryException(
            InventoryException.Reason.UNAVAILABLE,
            "inventory-service answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static Reservation toReservation(String body) throws InventoryException {
    try {
      Map<String, String> fields = JsonBody.parse(body);
      return new Reservation(
          required(fields, "reservationId"),
          required(fields, "sku"),
          Integer.parseInt(required(fields, "quantity")),
          Long.parseLong(required(fields, "unitPriceCents")),
          fields.getOrDefault("warehouse", "unknown"));
    } catch (IllegalArgumentException e) {
      throw new InventoryException(
          InventoryException.Reason.UNAVAILABLE, "unexpected answer from inventory: " + body, e);
    }
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return value;
  }
}
