package com.example.inventory.api;

import com.example.inventory.stock.Catalog;
import com.example.inventory.stock.Product;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** {@code GET /pricing/{sku}}: the list price. Served here until pricing gets its own service. */
public final class PricingHandler implements HttpHandler {

  private static final Logger LOGGER = LogManager.getLogger(PricingHandler.class);

  private final Catalog catalog;

  public PricingHandler(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (Responses.rejectUnless(exchange, "GET")) {
        return;
      }
      String sku = Responses.lastSegment(exchange);
      Optional<Product> product = catalog.find(sku);
      if (product.isEmpty()) {
        Responses.error(exchange, 404, "unknown sku " + sku);
        return;
      }
      LOGGER.info("Pricing {} at {} cents", sku, product.get().unitPriceCents());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("sku", sku);
      body.put("unitPriceCents", product.get().unitPriceCents());
      body.put("currency", "EUR");
      Responses.json(exchange, 200, body);
    }
  }
}
