package com.example.checkout.inventory;

/** Stock that inventory-service set aside for us, at the price it quoted. */
public record Reservation(
    String reservationId, String sku, int quantity, long unitPriceCents, String warehouse) {}
