package com.example.inventory.api;

import com.example.inventory.pricing.PricingClient;
import com.example.inventory.stock.Reservation;
import com.example.inventory.stock.StockLedger;
import com.example.inventory.stock.WarehouseLocator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code POST /reserve} with {@code {"sku":"ABC-1","quantity":2}}: sets stock aside for an order
 * and answers with the reservation, the unit price and the shipping warehouse.
 */
public final class ReserveHandler implements HttpHandler {

  private static final Logger LOGGER = LogManager.getLogger(ReserveHandler.class);
  private static final int MAX_QUANTITY = 1000;

  private final StockLedger ledger;
  private final PricingClient pricing;
  private final WarehouseLocator warehouses;

  public ReserveHandler(StockLedger ledger, PricingClient pricing, WarehouseLocator warehouses) {
    this.ledger = ledger;
    this.pricing = pricing;
    this.warehouses = warehouses;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (Responses.rejectUnless(exchange, "POST")) {
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Optional<String> sku = Json.stringField(body, "sku");
      OptionalLong quantity = Json.numberField(body, "quantity");
      if (sku.isEmpty() || sku.get().isBlank() || quantity.isEmpty()) {
        Responses.error(exchange, 400, "body must have sku and quantity");
        return;
      }
      if (quantity.getAsLong() < 1 || quantity.getAsLong() > MAX_QUANTITY) {
        Responses.error(exchange, 400, "quantity must be between 1 and " + MAX_QUANTITY);
        return;
      }
      reserve(exchange, sku.get(), (int) quantity.getAsLong());
    }
  }

  private void reserve(HttpExchange exchange, String sku, int quantity) throws IOException {
    LOGGER.info("Reserve request: {} x {}", quantity, sku);
    if (ledger.available(sku).isEmpty()) {
      LOGGER.warn("Reserve request for unknown sku {}", sku);
      Responses.error(exchange, 404, "unknown sku " + sku);
      return;
    }

    CompletableFuture<String> warehouse = warehouses.locate(sku);

    long unitPriceCents;
    try {
      unitPriceCents = pricing.unitPriceCents(sku);
    } catch (IOException e) {
      LOGGER.error("Pricing lookup failed for {}", sku, e);
      Responses.error(exchange, 502, "pricing unavailable");
      return;
    }

    Reservation reservation = ledger.reserve(sku, quantity);
    if (reservation == null) {
      LOGGER.warn("Not enough stock for {} (requested {})", sku, quantity);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "insufficient stock");
      body.put("sku", sku);
      body.put("available", ledger.available(sku).orElse(0));
      Responses.json(exchange, 409, body);
      return;
    }

    String shipsFrom = warehouse.join();
    LOGGER.info(
        "Reserved {} x {} as {} from {} ({} left)",
        quantity,
        sku,
        reservation.id(),
        shipsFrom,
        reservation.remaining());

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reservationId", reservation.id());
    body.put("sku", sku);
    body.put("quantity", quantity);
    body.put("unitPriceCents", unitPriceCents);
    body.put("warehouse", shipsFrom);
    Responses.json(exchange, 200, body);
  }
}
