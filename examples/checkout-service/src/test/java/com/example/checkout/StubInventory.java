package com.example.checkout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for inventory-service's {@code POST /reserve}. SKU {@code SOLD-OUT} answers 409,
 * {@code NOPE-0} 404, {@code BROKEN} 500; every other SKU is reserved at 1299 cents from "test-1".
 */
final class StubInventory implements AutoCloseable {

  private final HttpServer server;
  private final List<String> reserveBodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger reservations = new AtomicInteger();

  private StubInventory(HttpServer server) {
    this.server = server;
  }

  static StubInventory start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    StubInventory stub = new StubInventory(server);
    server.createContext("/reserve", stub::reserve);
    server.start();
    return stub;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The request bodies received by {@code /reserve}, in order. */
  List<String> reserveBodies() {
    return reserveBodies;
  }

  private void reserve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      reserveBodies.add(body);
      String sku = body.replaceAll(".*\"sku\":\"([^\"]*)\".*", "$1");
      String quantity = body.replaceAll(".*\"quantity\":(\\d+).*", "$1");
      switch (sku) {
        case "SOLD-OUT" -> send(exchange, 409, "{\"error\":\"insufficient stock\"}");
        case "NOPE-0" -> send(exchange, 404, "{\"error\":\"unknown sku NOPE-0\"}");
        case "BROKEN" -> send(exchange, 500, "{\"error\":\"boom\"}");
        default ->
            send(
                exchange,
                200,
                "{\"reservationId\":\"res-"
                    + reservations.incrementAndGet()
                    + "\",\"sku\":\""
                    + sku
                    + "\",\"quantity\":"
                    + quantity
                    + ",\"unitPriceCents\":1299,\"warehouse\":\"test-1\"}");
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
