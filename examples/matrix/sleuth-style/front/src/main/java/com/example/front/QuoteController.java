package com.example.front;

import brave.Tracer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Quotes and a health check; tags the request's span through Sleuth's current customizer. */
@RestController
class QuoteController {
  private static final Logger log = LoggerFactory.getLogger(QuoteController.class);

  private final Tracer tracer;
  private final QuoteService quotes;

  QuoteController(Tracer tracer, QuoteService quotes) {
    this.tracer = tracer;
    this.quotes = quotes;
  }

  @GetMapping("/quote/{sku}")
  Map<String, Object> quote(@PathVariable String sku,
      @RequestParam(defaultValue = "1") int quantity) {
    tracer.currentSpanCustomizer().tag("quote.channel", "web");
    log.info("quote requested for {} x{}", sku, quantity);
    return Map.of("sku", sku, "quantity", quantity, "cents", quotes.price(sku, quantity));
  }

  @GetMapping("/health")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
