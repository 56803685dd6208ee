package com.example.inventory;

import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Starts inventory-service: {@code java -jar inventory-service.jar} (configured by env vars). */
public final class Main {

  private static final Logger LOGGER = LogManager.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    InventoryConfig config;
    try {
      config = InventoryConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("inventory-service: " + e.getMessage());
      System.exit(2);
      return;
    }

    InventoryServer server;
    try {
      server = InventoryServer.start(config);
    } catch (IOException e) {
      LOGGER.error("Could not start inventory-service on port {}", config.port(), e);
      LogManager.shutdown();
      System.exit(1);
      return;
    }

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  LogManager.shutdown();
                },
                "inventory-shutdown"));
  }
}
