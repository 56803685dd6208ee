package org.acme.shop;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/** The quote service: plain servlets on embedded Jetty, stock from the stock service. */
public final class ShopServer {
  private static final Logger log = Logger.getLogger(ShopServer.class.getName());

  private ShopServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    String stockUrl = System.getenv().getOrDefault("STOCK_URL", "http://127.0.0.1:8081");
    CloseableHttpClient http = HttpClients.createDefault();
    ExecutorService workers = Executors.newFixedThreadPool(2);

    Server server = new Server(port);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new QuoteServlet(http, stockUrl, workers)), "/quote/*");
    context.addServlet(new ServletHolder(new HelloServlet()), "/hello");
    context.addServlet(new ServletHolder(new HealthServlet()), "/health");
    server.setHandler(context);
    server.start();
    log.info("shop listening on port " + port + ", stock at " + stockUrl);
    server.join();
  }
}
