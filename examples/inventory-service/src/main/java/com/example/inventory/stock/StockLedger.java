package com.example.inventory.stock;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Available units per SKU. Reservations never take a level below zero, even when concurrent. */
public final class StockLedger {

  private final Map<String, AtomicInteger> levels = new ConcurrentHashMap<>();
  private final AtomicLong reservationSequence = new AtomicLong();

  public StockLedger(Catalog catalog) {
    for (Product product : catalog.all()) {
      levels.put(product.sku(), new AtomicInteger(product.initialStock()));
    }
  }

  /** Units available for {@code sku}, or empty when the SKU is unknown. */
  public OptionalInt available(String sku) {
    AtomicInteger level = levels.get(sku);
    return level == null ? OptionalInt.empty() : OptionalInt.of(level.get());
  }

  /**
   * Takes {@code quantity} units of {@code sku}.
   *
   * @return the reservation, or {@code null} when there is not enough stock
   * @throws IllegalArgumentException when the SKU is unknown or the quantity is not positive
   */
  public Reservation reserve(String sku, int quantity) {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be positive, was " + quantity);
    }
    AtomicInteger level = levels.get(sku);
    if (level == null) {
      throw new IllegalArgumentException("unknown sku " + sku);
    }
    while (true) {
      int current = level.get();
      if (current < quantity) {
        return null;
      }
      if (level.compareAndSet(current, current - quantity)) {
        String id = "res-" + reservationSequence.incrementAndGet();
        return new Reservation(id, sku, quantity, current - quantity);
      }
    }
  }
}
