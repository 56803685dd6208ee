package com.example.inv;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** A small inventory: GET /reserve prices the item (over OkHttp) in a CompletableFuture. */
public final class MiniInventory {
  private static final Logger log = LogManager.getLogger(MiniInventory.class);

  private final HttpServer server;
  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  MiniInventory(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/reserve", this::reserve);
    server.createContext("/price", exchange -> respond(exchange, 200, "42"));
  }

  int start() {
    server.start();
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  private void reserve(HttpExchange exchange) throws IOException {
    log.info("reserve " + exchange.getRequestURI().getQuery());
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/price";
    String price =
        CompletableFuture.supplyAsync(() -> {
          log.info("pricing");
          try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.body().string();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }).join();
    respond(exchange, 200, "reserved at " + price);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
    new MiniInventory(port).start();
    log.info("listening on {}", port);
  }
}
