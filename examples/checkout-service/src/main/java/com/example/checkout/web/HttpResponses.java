package com.example.checkout.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

final class HttpResponses {

  private HttpResponses() {}

  static void sendJson(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
    byte[] bytes = JsonBody.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void sendError(HttpExchange exchange, int status, String message) throws IOException {
    sendJson(exchange, status, Map.of("error", message));
  }

  static void sendMethodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
    exchange.getResponseHeaders().set("Allow", allowed);
    sendError(exchange, 405, "use " + allowed);
  }
}
