package com.example.checkout.web;

import com.example.checkout.order.OrderStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /orders/{id}}. */
public class OrderHandler implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(OrderHandler.class);
  private static final String PREFIX = "/orders/";

  private final OrderStore orders;

  public OrderHandler(OrderStore orders) {
    this.orders = orders;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        HttpResponses.sendMethodNotAllowed(exchange, "GET");
        return;
      }
      String id = exchange.getRequestURI().getPath().substring(PREFIX.length());
      var order = orders.find(id);
      if (order.isPresent()) {
        HttpResponses.sendJson(exchange, 200, OrderJson.of(order.get()));
      } else {
        log.info("Order {} not found", id);
        HttpResponses.sendError(exchange, 404, "no order " + id);
      }
    } finally {
      exchange.close();
    }
  }
}
