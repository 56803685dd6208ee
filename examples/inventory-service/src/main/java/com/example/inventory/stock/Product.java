package com.example.inventory.stock;

/** One sellable item: its SKU, display name, unit price and the stock we start the day with. */
public record Product(String sku, String name, long unitPriceCents, int initialStock) {}
