package org.acme.inventory;

import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The inventory service: an async servlet on embedded Tomcat. */
public final class InventoryServer {
  private static final Logger log = LogManager.getLogger(InventoryServer.class);

  private InventoryServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8081"));
    ExecutorService lookups = Executors.newFixedThreadPool(2);

    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("inventory-tomcat").toString());
    tomcat.setPort(port);
    tomcat.getConnector();
    Context context = tomcat.addContext("", null);
    Wrapper stock = Tomcat.addServlet(context, "stock", new StockServlet(lookups));
    stock.setAsyncSupported(true);
    context.addServletMappingDecoded("/stock/*", "stock");
    Tomcat.addServlet(context, "health", new HealthServlet());
    context.addServletMappingDecoded("/health", "health");
    tomcat.start();
    log.info("inventory listening on port {}", port);
    tomcat.getServer().await();
  }
}
