package com.example.storefront;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Prices quotes on a small worker pool, as a stand-in for a slow tariff computation. */
@Service
class Pricing {
  private static final Logger log = LoggerFactory.getLogger(Pricing.class);
  private static final Map<String, Long> UNIT_CENTS = Map.of("ABC-1", 1299L, "XYZ-9", 4500L);

  private final ExecutorService workers = Executors.newFixedThreadPool(2);

  CompletableFuture<Long> price(String sku, int quantity) {
    return CompletableFuture.supplyAsync(() -> {
      long cents = UNIT_CENTS.getOrDefault(sku, 999L) * quantity;
      log.info("priced {} x{} at {} cents", sku, quantity, cents);
      return cents;
    }, workers);
  }

  @PreDestroy
  void stop() {
    workers.shutdown();
  }
}
