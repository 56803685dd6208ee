package com.example.inventory.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writing JSON answers. */
final class Responses {

  private Responses() {}

  static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
    byte[] bytes = Json.object(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, Map.of("error", message));
  }

  /** Answers 405 unless the request uses {@code method}; returns whether it did. */
  static boolean rejectUnless(HttpExchange exchange, String method) throws IOException {
    if (method.equals(exchange.getRequestMethod())) {
      return false;
    }
    exchange.getResponseHeaders().set("Allow", method);
    error(exchange, 405, "method not allowed");
    return true;
  }

  /** The last path segment: {@code /stock/ABC-1} gives {@code ABC-1}. */
  static String lastSegment(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
