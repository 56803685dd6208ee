package com.example.pricing;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Prices items, and a health check. */
@RestController
class PriceController {
  private static final Logger log = LoggerFactory.getLogger(PriceController.class);

  private final PriceService prices;

  PriceController(PriceService prices) {
    this.prices = prices;
  }

  @GetMapping("/price/{id}")
  Map<String, Object> price(@PathVariable String id) {
    log.info("price of {} requested", id);
    return Map.of("id", id, "cents", prices.price(id));
  }

  @GetMapping("/health")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
