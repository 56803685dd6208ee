package com.example.inventory;

import datadog.trace.api.Trace;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Stock levels, traced the way Datadog users do it: {@code @Trace} on the service methods. */
@Service
public class StockService {
  private static final Logger log = LoggerFactory.getLogger(StockService.class);

  private final Map<String, Integer> units = new ConcurrentHashMap<>(Map.of("ABC-1", 100_000,
      "XYZ-9", 100_000));

  /** Units in stock, or -1 for an unknown SKU. */
  @Trace
  public int available(String sku) {
    int count = units.getOrDefault(sku, -1);
    log.info("{} has {} units", sku, count);
    return count;
  }

  /** Takes {@code quantity} units out of stock. */
  @Trace(operationName = "inventory.reserve", resourceName = "StockService.reserve")
  public Reservation reserve(String sku, int quantity) {
    int left = units.merge(sku, -quantity, Integer::sum);
    log.info("reserved {} x{}, {} left", sku, quantity, left);
    audit(sku, left);
    return new Reservation(sku, quantity, left);
  }

  // dd-java-agent traces private methods called from inside the class too.
  @Trace(operationName = "inventory.audit")
  private void audit(String sku, int left) {
    if (left < 10) {
      log.warn("{} is running low: {} left", sku, left);
    } else {
      log.info("audit of {} ok", sku);
    }
  }

  /** One reservation. */
  public record Reservation(String sku, int quantity, int left) {}
}
