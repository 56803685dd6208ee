package org.acme.stock;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/** The stock service: an async servlet on embedded Jetty. */
public final class StockServer {
  private static final Logger log = Logger.getLogger(StockServer.class.getName());

  private StockServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8081"));
    ExecutorService lookups = Executors.newFixedThreadPool(2);

    Server server = new Server(port);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder stock = new ServletHolder(new StockServlet(lookups));
    stock.setAsyncSupported(true);
    context.addServlet(stock, "/stock/*");
    context.addServlet(new ServletHolder(new HealthServlet()), "/health");
    server.setHandler(context);
    server.start();
    log.info("stock listening on port " + port);
    server.join();
  }
}
