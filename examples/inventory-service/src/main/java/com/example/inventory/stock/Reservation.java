package com.example.inventory.stock;

/** Units of one SKU set aside for an order. */
public record Reservation(String id, String sku, int quantity, int remaining) {}
