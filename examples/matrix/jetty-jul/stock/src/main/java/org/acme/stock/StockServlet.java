package org.acme.stock;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/** GET /stock/{sku}: answered asynchronously from a lookup pool. */
final class StockServlet extends HttpServlet {
  private static final Logger log = Logger.getLogger(StockServlet.class.getName());
  private static final Map<String, Integer> STOCK = Map.of("ABC-1", 120, "XYZ-9", 7);

  private final ExecutorService lookups;

  StockServlet(ExecutorService lookups) {
    this.lookups = lookups;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
    String sku = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    log.info("stock lookup for " + sku);
    AsyncContext async = req.startAsync();
    lookups.execute(() -> {
      try {
        Integer units = STOCK.get(sku);
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        response.setContentType("application/json");
        if (units == null) {
          log.log(Level.WARNING, "unknown sku {0}", sku);
          response.setStatus(404);
        } else {
          log.info(sku + " has " + units + " units");
          response.getWriter().write("{\"sku\":\"" + sku + "\",\"units\":" + units + "}");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        async.complete();
      }
    });
  }
}
