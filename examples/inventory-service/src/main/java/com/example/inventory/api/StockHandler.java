package com.example.inventory.api;

import com.example.inventory.stock.StockLedger;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** {@code GET /stock/{sku}}: units currently available. */
public final class StockHandler implements HttpHandler {

  private static final Logger LOGGER = LogManager.getLogger(StockHandler.class);

  private final StockLedger ledger;

  public StockHandler(StockLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (Responses.rejectUnless(exchange, "GET")) {
        return;
      }
      String sku = Responses.lastSegment(exchange);
      OptionalInt available = ledger.available(sku);
      if (available.isEmpty()) {
        LOGGER.info("Stock query for unknown sku {}", sku);
        Responses.error(exchange, 404, "unknown sku " + sku);
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("sku", sku);
      body.put("available", available.getAsInt());
      Responses.json(exchange, 200, body);
    }
  }
}
