package org.acme.shop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** GET /quote/{sku}?quantity=n: stock from the stock service, the price from a worker. */
final class QuoteServlet extends HttpServlet {
  private static final Logger log = Logger.getLogger(QuoteServlet.class.getName());
  private static final Pattern UNITS = Pattern.compile("\"units\":(\\d+)");
  private static final Map<String, Long> UNIT_CENTS = Map.of("ABC-1", 1299L, "XYZ-9", 4500L);

  private final CloseableHttpClient http;
  private final String stockUrl;
  private final ExecutorService workers;

  QuoteServlet(CloseableHttpClient http, String stockUrl, ExecutorService workers) {
    this.http = http;
    this.stockUrl = stockUrl;
    this.workers = workers;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String sku = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    String q = req.getParameter("quantity");
    int quantity = q == null ? 1 : Integer.parseInt(q);
    log.info("quote requested for " + sku + " x" + quantity);
    int units = http.execute(new HttpGet(stockUrl + "/stock/" + sku), response -> {
      String body = EntityUtils.toString(response.getEntity());
      log.info("stock answered " + response.getCode() + " for " + sku);
      Matcher m = UNITS.matcher(body);
      return response.getCode() == 200 && m.find() ? Integer.parseInt(m.group(1)) : 0;
    });
    long cents = CompletableFuture.supplyAsync(() -> {
      long total = UNIT_CENTS.getOrDefault(sku, 999L) * quantity;
      log.info("priced " + sku + " x" + quantity + " at " + total + " cents");
      return total;
    }, workers).join();
    boolean available = units >= quantity;
    log.info("quote for " + sku + ": " + cents + " cents, available=" + available);
    resp.setContentType("application/json");
    resp.getWriter().write("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
        + ",\"totalCents\":" + cents + ",\"available\":" + available + "}");
  }
}
