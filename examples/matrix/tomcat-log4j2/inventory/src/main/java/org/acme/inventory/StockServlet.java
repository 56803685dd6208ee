package org.acme.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.servlet.AsyncContext;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** GET /stock/{sku}: answered asynchronously from a lookup pool. */
final class StockServlet extends HttpServlet {
  private static final Logger log = LogManager.getLogger(StockServlet.class);
  private static final Map<String, Integer> STOCK = Map.of("ABC-1", 120, "XYZ-9", 7);

  private final ExecutorService lookups;

  StockServlet(ExecutorService lookups) {
    this.lookups = lookups;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
    String sku = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    log.info("stock lookup for {}", sku);
    AsyncContext async = req.startAsync();
    lookups.execute(() -> {
      try {
        Integer units = STOCK.get(sku);
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        response.setContentType("application/json");
        if (units == null) {
          log.warn("unknown sku {}", sku);
          response.setStatus(404);
        } else {
          log.info("{} has {} units", sku, units);
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
