package com.example.inventory;

import java.util.Map;
import java.util.Optional;

/**
 * Runtime settings, read from the environment.
 *
 * <ul>
 *   <li>{@code PORT}: HTTP port, default 8081; 0 picks a free port.
 *   <li>{@code PRICING_URL}: base URL of the pricing API; by default this service's own {@code
 *       /pricing} endpoint.
 *   <li>{@code HTTP_THREADS}: request handler threads, default 16.
 * </ul>
 */
public record InventoryConfig(int port, Optional<String> pricingUrl, int httpThreads) {

  public static final int DEFAULT_PORT = 8081;
  public static final int DEFAULT_HTTP_THREADS = 16;

  public InventoryConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be between 0 and 65535, was " + port);
    }
    if (httpThreads < 2) {
      // A reservation calls the pricing endpoint, which may be served by this same pool.
      throw new IllegalArgumentException("HTTP_THREADS must be at least 2, was " + httpThreads);
    }
    pricingUrl = pricingUrl.map(InventoryConfig::stripTrailingSlash);
  }

  /** Settings for tests and embedding: the given port, defaults for the rest. */
  public static InventoryConfig onPort(int port) {
    return new InventoryConfig(port, Optional.empty(), DEFAULT_HTTP_THREADS);
  }

  public static InventoryConfig fromEnvironment(Map<String, String> env) {
    int port = intValue(env, "PORT", DEFAULT_PORT);
    int threads = intValue(env, "HTTP_THREADS", DEFAULT_HTTP_THREADS);
    Optional<String> pricingUrl =
        Optional.ofNullable(env.get("PRICING_URL")).filter(url -> !url.isBlank());
    return new InventoryConfig(port, pricingUrl, threads);
  }

  private static int intValue(Map<String, String> env, String name, int defaultValue) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + raw + "'");
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
