package com.example.orders;

import datadog.trace.api.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

/** Places an order: stock from {@code inventory}, the price from {@link Tariffs}. */
@Service
public class OrderService {
  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  private final RestTemplate inventory;
  private final Tariffs tariffs;

  OrderService(RestTemplate inventory, Tariffs tariffs) {
    this.inventory = inventory;
    this.tariffs = tariffs;
  }

  @Trace(operationName = "order.place", resourceName = "OrderService.place")
  public Order place(String sku, int quantity) {
    Reservation reservation =
        inventory.getForObject("/stock/{sku}?quantity={quantity}", Reservation.class, sku,
            quantity);
    long cents = tariffs.compute(sku, quantity);
    log.info("order for {} x{}: {} cents, {} left", sku, quantity, cents,
        reservation == null ? "?" : reservation.left());
    return new Order(sku, quantity, cents);
  }

  /** What inventory answers. */
  public record Reservation(String sku, int quantity, int left) {}

  /** A placed order. */
  public record Order(String sku, int quantity, long totalCents) {}
}
