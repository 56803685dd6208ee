package com.example.front;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Quotes: stock from {@code back}, priced when its answer arrives. */
@RestController
class QuoteController {
  private static final Logger log = LoggerFactory.getLogger(QuoteController.class);
  private static final Map<String, Long> UNIT_CENTS = Map.of("ABC-1", 1299L, "XYZ-9", 4500L);

  private final WebClient back;

  QuoteController(WebClient back) {
    this.back = back;
  }

  @GetMapping("/quote/{sku}")
  Mono<Quote> quote(@PathVariable String sku, @RequestParam(defaultValue = "1") int quantity) {
    log.info("quote requested for {} x{}", sku, quantity);
    return back.get().uri("/stock/{sku}", sku).retrieve().bodyToMono(Stock.class)
        .map(stock -> {
          // Runs on a Netty event-loop thread when back answers.
          long totalCents = UNIT_CENTS.getOrDefault(sku, 999L) * quantity;
          boolean available = stock.units() >= quantity;
          log.info("quote for {}: {} cents, available={}", sku, totalCents, available);
          return new Quote(sku, quantity, totalCents, available);
        });
  }

  @GetMapping("/hello")
  Mono<Map<String, String>> hello(@RequestParam(defaultValue = "world") String name) {
    log.info("saying hello to {}", name);
    return Mono.just(Map.of("greeting", "hello " + name));
  }

  @GetMapping("/health")
  Mono<Map<String, String>> health() {
    return Mono.just(Map.of("status", "UP"));
  }

  record Stock(String sku, int units) {}

  record Quote(String sku, int quantity, long totalCents, boolean available) {}
}
