package com.example.checkout;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts checkout-service.
 *
 * <pre>java -jar checkout-service.jar [--port 8080] [--inventory-url http://localhost:8081]</pre>
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    CheckoutConfig config;
    try {
      config = CheckoutConfig.load(System.getenv(), args);
    } catch (IllegalArgumentException e) {
      System.err.println("checkout-service: " + e.getMessage());
      System.err.println("usage: checkout-service [--port N] [--inventory-url URL]");
      System.exit(2);
      return;
    }

    CheckoutServer server = new CheckoutServer(config);
    try {
      server.start();
    } catch (IOException e) {
      log.error("Could not start checkout-service on port {}", config.port(), e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "checkout-shutdown"));
  }
}
