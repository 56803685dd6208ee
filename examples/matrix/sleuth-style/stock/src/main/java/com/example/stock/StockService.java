package com.example.stock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.sleuth.Span;
import org.springframework.cloud.sleuth.Tracer;
import org.springframework.stereotype.Service;

/** Stock levels, in spans written with Sleuth 3's own Tracer API. */
@Service
public class StockService {
  private static final Logger log = LoggerFactory.getLogger(StockService.class);

  private final Map<String, Integer> units = new ConcurrentHashMap<>();

  @Autowired
  private Tracer tracer;

  /** Takes {@code quantity} units out of stock. */
  public Reservation reserve(String sku, int quantity) {
    Span span = tracer.nextSpan().name("stock.reserve").tag("stock.sku", sku).start();
    try (Tracer.SpanInScope ws = tracer.withSpan(span)) {
      int left = units.merge(sku, 100_000 - quantity, (had, taken) -> had - quantity);
      span.tag("stock.left", String.valueOf(left));
      span.event("reserved");
      log.info("reserved {} x{}, {} left", sku, quantity, left);
      return new Reservation(sku, quantity, left);
    } finally {
      span.end();
    }
  }

  /** One reservation. */
  public record Reservation(String sku, int quantity, int left) {}
}
