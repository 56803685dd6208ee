package com.example.checkout.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/** {@code GET /health}. */
public class HealthHandler implements HttpHandler {

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      HttpResponses.sendJson(exchange, 200, Map.of("status", "UP"));
    } finally {
      exchange.close();
    }
  }
}
