package com.example.inventory;

import com.example.inventory.api.HealthHandler;
import com.example.inventory.api.PricingHandler;
import com.example.inventory.api.ReserveHandler;
import com.example.inventory.api.StockHandler;
import com.example.inventory.pricing.PricingClient;
import com.example.inventory.stock.Catalog;
import com.example.inventory.stock.StockLedger;
import com.example.inventory.stock.WarehouseLocator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The HTTP server of inventory-service and everything it owns. */
public final class InventoryServer {

  private static final Logger LOGGER = LogManager.getLogger(InventoryServer.class);

  private final HttpServer httpServer;
  private final ExecutorService requestExecutor;
  private final PricingClient pricingClient;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private InventoryServer(
      HttpServer httpServer, ExecutorService requestExecutor, PricingClient pricingClient) {
    this.httpServer = httpServer;
    this.requestExecutor = requestExecutor;
    this.pricingClient = pricingClient;
  }

  /** Binds the port, wires the endpoints and starts serving. */
  public static InventoryServer start(InventoryConfig config) throws IOException {
    HttpServer httpServer = HttpServer.create(new InetSocketAddress(config.port()), 0);
    int port = httpServer.getAddress().getPort();

    Catalog catalog = Catalog.defaults();
    StockLedger ledger = new StockLedger(catalog);
    String pricingUrl = config.pricingUrl().orElse("http://localhost:" + port);
    PricingClient pricingClient = new PricingClient(pricingUrl);

    httpServer.createContext("/health", new HealthHandler());
    httpServer.createContext("/stock/", new StockHandler(ledger));
    httpServer.createContext("/pricing/", new PricingHandler(catalog));
    httpServer.createContext(
        "/reserve", new ReserveHandler(ledger, pricingClient, new WarehouseLocator()));

    ExecutorService requestExecutor = Executors.newFixedThreadPool(config.httpThreads());
    httpServer.setExecutor(requestExecutor);
    httpServer.start();

    LOGGER.info("inventory-service listening on port {} (pricing at {})", port, pricingUrl);
    return new InventoryServer(httpServer, requestExecutor, pricingClient);
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return httpServer.getAddress().getPort();
  }

  /** Stops accepting requests, lets in-flight ones finish (1 s at most) and releases threads. */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    LOGGER.info("Stopping inventory-service");
    httpServer.stop(1);
    requestExecutor.shutdown();
    try {
      if (!requestExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
        requestExecutor.shutdownNow();
      }
    } catch (InterruptedException e) {
      requestExecutor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    pricingClient.close();
    LOGGER.info("inventory-service stopped");
  }
}
