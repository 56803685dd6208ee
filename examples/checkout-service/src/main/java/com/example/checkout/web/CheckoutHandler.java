package com.example.checkout.web;

import com.example.checkout.inventory.InventoryClient;
import com.example.checkout.inventory.InventoryException;
import com.example.checkout.inventory.Reservation;
import com.example.checkout.order.ConfirmationSender;
import com.example.checkout.order.Order;
import com.example.checkout.order.OrderStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /checkout} with {@code {"sku":"ABC-1","quantity":2}} (or {@code
 * ?sku=ABC-1&quantity=2}): reserves the stock, places the order, answers 201 with the order and
 * sends the confirmation in the background.
 */
public class CheckoutHandler implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(CheckoutHandler.class);

  private final InventoryClient inventory;
  private final OrderStore orders;
  private final ConfirmationSender confirmations;

  public CheckoutHandler(
      InventoryClient inventory, OrderStore orders, ConfirmationSender confirmations) {
    this.inventory = inventory;
    this.orders = orders;
    this.confirmations = confirmations;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        HttpResponses.sendMethodNotAllowed(exchange, "POST");
        return;
      }

      CheckoutRequest request;
      try {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        request = CheckoutRequest.parse(body, exchange.getRequestURI().getRawQuery());
      } catch (IllegalArgumentException e) {
        log.warn("Rejected checkout request: {}", e.getMessage());
        HttpResponses.sendError(exchange, 400, e.getMessage());
        return;
      }

      log.info("Checkout started: {} x {}", request.quantity(), request.sku());
      Reservation reservation;
      try {
        reservation = inventory.reserve(request.sku(), request.quantity());
      } catch (InventoryException e) {
        answerInventoryFailure(exchange, request, e);
        return;
      }

      Order order = orders.place(reservation);
      log.info(
          "Order {} placed: reservation {}, total {} cents",
          order.id(),
          reservation.reservationId(),
          order.totalCents());
      confirmations.sendConfirmation(order);

      exchange.getResponseHeaders().set("Location", "/orders/" + order.id());
      HttpResponses.sendJson(exchange, 201, OrderJson.of(order));
    } finally {
      exchange.close();
    }
  }

  private static void answerInventoryFailure(
      HttpExchange exchange, CheckoutRequest request, InventoryException e) throws IOException {
    switch (e.reason()) {
      case OUT_OF_STOCK -> {
        log.info("Checkout of {} refused: out of stock", request.sku());
        HttpResponses.sendError(exchange, 409, "out of stock: " + request.sku());
      }
      case UNKNOWN_SKU -> {
        log.info("Checkout of unknown sku {}", request.sku());
        HttpResponses.sendError(exchange, 404, "unknown sku: " + request.sku());
      }
      default -> {
        log.error("Checkout of {} failed: {}", request.sku(), e.getMessage());
        HttpResponses.sendError(exchange, 502, "inventory unavailable");
      }
    }
  }
}
