package com.example.back;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** How many units of a SKU are in stock, and a health check. */
@RestController
class StockController {
  private static final Logger log = LoggerFactory.getLogger(StockController.class);
  private static final Map<String, Integer> STOCK = Map.of("ABC-1", 120, "XYZ-9", 7);

  @GetMapping("/stock/{sku}")
  ResponseEntity<Stock> stock(@PathVariable String sku) {
    log.info("stock lookup for {}", sku);
    Integer units = STOCK.get(sku);
    if (units == null) {
      log.warn("unknown sku {}", sku);
      return ResponseEntity.notFound().build();
    }
    log.info("{} has {} units", sku, units);
    return ResponseEntity.ok(new Stock(sku, units));
  }

  @GetMapping("/health")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }

  record Stock(String sku, int units) {}
}
