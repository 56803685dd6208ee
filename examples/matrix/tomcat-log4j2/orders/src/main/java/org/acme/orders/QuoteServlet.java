package org.acme.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET /quote/{sku}?quantity=n: stock from the inventory service, the price from a worker. */
final class QuoteServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(QuoteServlet.class);
  private static final Pattern UNITS = Pattern.compile("\"units\":(\\d+)");
  private static final Map<String, Long> UNIT_CENTS = Map.of("ABC-1", 1299L, "XYZ-9", 4500L);

  private final HttpClient http;
  private final String inventoryUrl;
  private final ExecutorService workers;

  QuoteServlet(HttpClient http, String inventoryUrl, ExecutorService workers) {
    this.http = http;
    this.inventoryUrl = inventoryUrl;
    this.workers = workers;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    String sku = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    String q = req.getParameter("quantity");
    int quantity = q == null ? 1 : Integer.parseInt(q);
    log.info("quote requested for {} x{}", sku, quantity);
    HttpRequest lookup = HttpRequest.newBuilder(URI.create(inventoryUrl + "/stock/" + sku))
        .timeout(Duration.ofSeconds(5))
        .GET()
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(lookup, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("interrupted while asking inventory", e);
    }
    log.info("inventory answered {} for {}", response.statusCode(), sku);
    Matcher m = UNITS.matcher(response.body());
    int units = response.statusCode() == 200 && m.find() ? Integer.parseInt(m.group(1)) : 0;
    long cents = CompletableFuture.supplyAsync(() -> {
      long total = UNIT_CENTS.getOrDefault(sku, 999L) * quantity;
      log.info("priced {} x{} at {} cents", sku, quantity, total);
      return total;
    }, workers).join();
    boolean available = units >= quantity;
    log.info("quote for {}: {} cents, available={}", sku, cents, available);
    resp.setContentType("application/json");
    resp.getWriter().write("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
        + ",\"totalCents\":" + cents + ",\"available\":" + available + "}");
  }
}
