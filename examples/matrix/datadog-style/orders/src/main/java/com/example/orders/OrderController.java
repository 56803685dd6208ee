package com.example.orders;

import datadog.trace.api.CorrelationIdentifier;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Places orders; answers with the trace id, as support asks customers for it. */
@RestController
class OrderController {
  private static final Logger log = LoggerFactory.getLogger(OrderController.class);

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping("/order/{sku}")
  Map<String, Object> order(@PathVariable String sku,
      @RequestParam(defaultValue = "1") int quantity) {
    log.info("order requested for {} x{}", sku, quantity);
    OrderService.Order order = orders.place(sku, quantity);
    return Map.of("order", order, "traceId", CorrelationIdentifier.getTraceId());
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
}
