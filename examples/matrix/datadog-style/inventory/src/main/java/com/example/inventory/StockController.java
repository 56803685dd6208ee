package com.example.inventory;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reserves stock, and a health check. */
@RestController
class StockController {
  private final StockService stock;

  StockController(StockService stock) {
    this.stock = stock;
  }

  @GetMapping("/stock/{sku}")
  ResponseEntity<StockService.Reservation> reserve(
      @PathVariable String sku, @RequestParam(defaultValue = "1") int quantity) {
    if (stock.available(sku) < 0) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok(stock.reserve(sku, quantity));
  }

  @GetMapping("/health")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
