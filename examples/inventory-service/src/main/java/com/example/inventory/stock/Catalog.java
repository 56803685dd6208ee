package com.example.inventory.stock;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The products this warehouse network carries. */
public final class Catalog {

  private final Map<String, Product> products = new LinkedHashMap<>();

  public Catalog(List<Product> products) {
    for (Product product : products) {
      this.products.put(product.sku(), product);
    }
  }

  /** The demo catalog. ABC-1 has enough stock for long smoke runs; LTD-1 sells out at once. */
  public static Catalog defaults() {
    return new Catalog(
        List.of(
            new Product("ABC-1", "Espresso beans 1kg", 1299, 1_000_000),
            new Product("XYZ-9", "Milk frother", 4500, 250),
            new Product("LTD-1", "Limited edition mug", 2500, 1)));
  }

  public Optional<Product> find(String sku) {
    return Optional.ofNullable(products.get(sku));
  }

  public Collection<Product> all() {
    return products.values();
  }
}
