package com.example.inventory.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/** {@code GET /health}: liveness for load balancers and orchestrators. */
public final class HealthHandler implements HttpHandler {

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (Responses.rejectUnless(exchange, "GET")) {
        return;
      }
      Responses.json(exchange, 200, Map.of("status", "UP"));
    }
  }
}
