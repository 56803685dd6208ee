package com.example.checkout.order;

import com.example.checkout.inventory.Reservation;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Orders of this process, in memory. */
public class OrderStore {

  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong(1000);

  public Order place(Reservation reservation) {
    String id = "ord-" + sequence.incrementAndGet();
    Order order =
        new Order(
            id,
            reservation.sku(),
            reservation.quantity(),
            reservation.reservationId(),
            reservation.unitPriceCents(),
            reservation.warehouse(),
            Order.Status.PLACED);
    orders.put(id, order);
    return order;
  }

  public Optional<Order> find(String id) {
    return Optional.ofNullable(orders.get(id));
  }

  public void markConfirmed(String id) {
    orders.computeIfPresent(id, (key, order) -> order.withStatus(Order.Status.CONFIRMED));
  }
}
