package com.example.checkout;

import java.net.URI;
import java.util.Map;

/**
 * Settings of checkout-service. Command-line options win over environment variables.
 *
 * <ul>
 *   <li>{@code --port} / {@code PORT}: HTTP port, default 8080; 0 picks a free port.
 *   <li>{@code --inventory-url} / {@code INVENTORY_URL}: inventory-service base URL, default {@code
 *       http://localhost:8081}.
 *   <li>{@code --confirmation-threads} / {@code CONFIRMATION_THREADS}: threads sending order
 *       confirmations, default 4.
 * </ul>
 */
public record CheckoutConfig(int port, URI inventoryUrl, int confirmationThreads) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_INVENTORY_URL = "http://localhost:8081";
  public static final int DEFAULT_CONFIRMATION_THREADS = 4;

  public CheckoutConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (inventoryUrl == null
        || inventoryUrl.getScheme() == null
        || inventoryUrl.getHost() == null) {
      throw new IllegalArgumentException("inventory URL must be absolute, was " + inventoryUrl);
    }
    if (confirmationThreads < 1) {
      throw new IllegalArgumentException(
          "confirmation threads must be at least 1, was " + confirmationThreads);
    }
  }

  /** Convenience for tests and embedding. */
  public static CheckoutConfig of(int port, String inventoryUrl) {
    return new CheckoutConfig(port, URI.create(inventoryUrl), DEFAULT_CONFIRMATION_THREADS);
  }

  public static CheckoutConfig load(Map<String, String> env, String... args) {
    String port = env.getOrDefault("PORT", String.valueOf(DEFAULT_PORT));
    String inventoryUrl = env.getOrDefault("INVENTORY_URL", DEFAULT_INVENTORY_URL);
    String threads =
        env.getOrDefault("CONFIRMATION_THREADS", String.valueOf(DEFAULT_CONFIRMATION_THREADS));

    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> port = valueOf(args, ++i, arg);
        case "--inventory-url" -> inventoryUrl = valueOf(args, ++i, arg);
        case "--confirmation-threads" -> threads = valueOf(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new CheckoutConfig(
        parseInt("port", port), parseUri(inventoryUrl), parseInt("confirmation threads", threads));
  }

  private static String valueOf(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
    }
  }

  private static URI parseUri(String value) {
    String trimmed = value.trim();
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      return URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("inventory URL is not a URL: '" + value + "'");
    }
  }
}
