package com.example.checkout.order;

/** A placed order. Immutable: status changes produce a new instance. */
public record Order(
    String id,
    String sku,
    int quantity,
    String reservationId,
    long unitPriceCents,
    String warehouse,
    Status status) {

  /** Where an order is in its life. */
  public enum Status {
    PLACED,
    CONFIRMED
  }

  public long totalCents() {
    return unitPriceCents * quantity;
  }

  public Order withStatus(Status newStatus) {
    return new Order(id, sku, quantity, reservationId, unitPriceCents, warehouse, newStatus);
  }
}
