package com.example.front;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/** Prices quotes on Spring's task executor, as a stand-in for a slow tariff computation. */
@Service
class Pricing {
  private static final Logger log = LoggerFactory.getLogger(Pricing.class);
  private static final Map<String, Long> UNIT_CENTS = Map.of("ABC-1", 1299L, "XYZ-9", 4500L);

  @Async
  public CompletableFuture<Long> price(String sku, int quantity) {
    long cents = UNIT_CENTS.getOrDefault(sku, 999L) * quantity;
    log.info("priced {} x{} at {} cents", sku, quantity, cents);
    return CompletableFuture.completedFuture(cents);
  }
}
