package com.example.stock;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reservations and a health check. */
@RestController
class StockController {
  private static final Logger log = LoggerFactory.getLogger(StockController.class);

  private final StockService stock;

  StockController(StockService stock) {
    this.stock = stock;
  }

  @GetMapping("/reserve/{sku}")
  StockService.Reservation reserve(@PathVariable String sku,
      @RequestParam(defaultValue = "1") int quantity) {
    log.info("reservation of {} x{} requested", sku, quantity);
    return stock.reserve(sku, quantity);
  }

  @GetMapping("/health")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
