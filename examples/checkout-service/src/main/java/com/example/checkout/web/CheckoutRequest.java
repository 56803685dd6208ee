package com.example.checkout.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** What the customer wants to buy: from a JSON body, or from query parameters when it is empty. */
record CheckoutRequest(String sku, int quantity) {

  static final int MAX_QUANTITY = 100;

  CheckoutRequest {
    if (sku == null || sku.isBlank()) {
      throw new IllegalArgumentException("sku is required");
    }
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY);
    }
  }

  static CheckoutRequest parse(String body, String rawQuery) {
    Map<String, String> fields = body.isBlank() ? queryParameters(rawQuery) : JsonBody.parse(body);
    String quantity = fields.getOrDefault("quantity", "1");
    try {
      return new CheckoutRequest(fields.get("sku"), Integer.parseInt(quantity));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("quantity must be a whole number, was '" + quantity + "'");
    }
  }

  private static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        parameters.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }
}
