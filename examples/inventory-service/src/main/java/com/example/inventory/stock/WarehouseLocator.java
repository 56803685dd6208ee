package com.example.inventory.stock;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Decides which warehouse ships a SKU. Runs off the request thread while pricing is fetched. */
public final class WarehouseLocator {

  private static final Logger LOGGER = LogManager.getLogger(WarehouseLocator.class);

  private static final List<String> WAREHOUSES = List.of("ams-1", "fra-2", "dub-1");

  public CompletableFuture<String> locate(String sku) {
    return CompletableFuture.supplyAsync(
        () -> {
          String warehouse = WAREHOUSES.get(Math.floorMod(sku.hashCode(), WAREHOUSES.size()));
          LOGGER.info("Warehouse lookup for {} -> {}", sku, warehouse);
          return warehouse;
        });
  }
}
