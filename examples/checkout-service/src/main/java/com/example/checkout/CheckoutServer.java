package com.example.checkout;

import com.example.checkout.inventory.InventoryClient;
import com.example.checkout.order.ConfirmationSender;
import com.example.checkout.order.OrderStore;
import com.example.checkout.web.CheckoutHandler;
import com.example.checkout.web.HealthHandler;
import com.example.checkout.web.OrderHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** checkout-service: the HTTP server, its handlers and the background confirmation workers. */
public final class CheckoutServer {

  private static final Logger log = LoggerFactory.getLogger(CheckoutServer.class);
  private static final int HTTP_THREADS = 16;

  private final CheckoutConfig config;
  private final OrderStore orders = new OrderStore();
  private final ExecutorService httpExecutor = Executors.newFixedThreadPool(HTTP_THREADS);
  private final ConfirmationSender confirmations;
  private final InventoryClient inventory;
  private HttpServer httpServer;
  private boolean stopped;

  public CheckoutServer(CheckoutConfig config) {
    this.config = config;
    this.inventory = new InventoryClient(config.inventoryUrl());
    this.confirmations = new ConfirmationSender(orders, config.confirmationThreads());
  }

  public synchronized void start() throws IOException {
    if (httpServer != null) {
      throw new IllegalStateException("already started");
    }
    httpServer = HttpServer.create(new InetSocketAddress(config.port()), 0);
    httpServer.createContext("/checkout", new CheckoutHandler(inventory, orders, confirmations));
    httpServer.createContext("/orders/", new OrderHandler(orders));
    httpServer.createContext("/health", new HealthHandler());
    httpServer.setExecutor(httpExecutor);
    httpServer.start();
    log.info(
        "checkout-service listening on port {} (inventory at {})", port(), config.inventoryUrl());
  }

  /** The bound port; with port 0 configured, the one the system picked. */
  public int port() {
    return httpServer.getAddress().getPort();
  }

  /** Stops taking requests, finishes in-flight work (bounded) and stops the worker threads. */
  public synchronized void stop() {
    if (stopped || httpServer == null) {
      return;
    }
    stopped = true;
    log.info("Shutting down checkout-service");
    httpServer.stop(1);
    shutdown(httpExecutor);
    confirmations.close();
    log.info("checkout-service stopped");
  }

  private static void shutdown(ExecutorService executor) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
