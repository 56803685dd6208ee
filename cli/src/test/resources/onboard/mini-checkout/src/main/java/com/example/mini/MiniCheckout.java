package com.example.mini;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A small checkout: GET /checkout calls /stock on the same server and logs on a worker. */
public final class MiniCheckout {
  private static final Logger log = LoggerFactory.getLogger(MiniCheckout.class);

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);

  MiniCheckout(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/checkout", this::checkout);
    server.createContext("/stock", exchange -> respond(exchange, 200, "7"));
  }

  int start() {
    server.start();
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    workers.shutdownNow();
  }

  private void checkout(HttpExchange exchange) throws IOException {
    log.info("checkout for " + exchange.getRequestURI().getQuery());
    try {
      URI stock = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stock");
      HttpResponse<String> response =
          client.send(HttpRequest.newBuilder(stock).build(), HttpResponse.BodyHandlers.ofString());
      Future<?> audit = workers.submit(() -> log.info("audit stock={}", response.body()));
      audit.get();
      respond(exchange, 200, "ok " + response.body());
    } catch (Exception e) {
      log.error("checkout failed", e);
      respond(exchange, 500, "failed");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    new MiniCheckout(port).start();
    log.info("listening on " + port);
  }
}
