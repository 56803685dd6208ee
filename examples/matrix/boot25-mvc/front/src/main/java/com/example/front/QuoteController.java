package com.example.front;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

/** Quotes: stock from {@code back}, the price from {@link Pricing}. */
@RestController
class QuoteController {
  private static final Logger log = LoggerFactory.getLogger(QuoteController.class);

  private final RestTemplate back;
  private final Pricing pricing;

  QuoteController(RestTemplate back, Pricing pricing) {
    this.back = back;
    this.pricing = pricing;
  }

  @GetMapping("/quote/{sku}")
  Quote quote(@PathVariable String sku, @RequestParam(defaultValue = "1") int quantity) {
    log.info("quote requested for {} x{}", sku, quantity);
    Stock stock = back.getForObject("/stock/{sku}", Stock.class, sku);
    long totalCents = pricing.price(sku, quantity).join();
    boolean available = stock != null && stock.units() >= quantity;
    log.info("quote for {}: {} cents, available={}", sku, totalCents, available);
    return new Quote(sku, quantity, totalCents, available);
  }

  @GetMapping("/hello")
  Map<String, String> hello(@RequestParam(defaultValue = "world") String name) {
    log.info("saying hello to {}", name);
    return Map.of("greeting", "hello " + name);
  }

  @GetMapping("/health")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }

  record Stock(String sku, int units) {}

  record Quote(String sku, int quantity, long totalCents, boolean available) {}
}
