package org.acme.orders;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The orders service: plain servlets on embedded Tomcat, stock from the inventory service. */
public final class OrdersServer {
  private static final Logger log = LoggerFactory.getLogger(OrdersServer.class);

  private OrdersServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    String inventoryUrl = System.getenv().getOrDefault("INVENTORY_URL", "http://127.0.0.1:8081");
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    ExecutorService workers = Executors.newFixedThreadPool(2);

    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("orders-tomcat").toString());
    tomcat.setPort(port);
    tomcat.getConnector();
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "quote", new QuoteServlet(http, inventoryUrl, workers));
    context.addServletMappingDecoded("/quote/*", "quote");
    Tomcat.addServlet(context, "hello", new HelloServlet());
    context.addServletMappingDecoded("/hello", "hello");
    Tomcat.addServlet(context, "health", new HealthServlet());
    context.addServletMappingDecoded("/health", "health");
    tomcat.start();
    log.info("orders listening on port {}, inventory at {}", port, inventoryUrl);
    tomcat.getServer().await();
  }
}
