package com.example.inventory.pricing;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Looks up unit prices from the pricing API ({@code GET /pricing/{sku}}). */
public final class PricingClient implements AutoCloseable {

  private static final Logger LOGGER = LogManager.getLogger(PricingClient.class);
  private static final Pattern UNIT_PRICE = Pattern.compile("\"unitPriceCents\"\\s*:\\s*(\\d+)");

  private final OkHttpClient httpClient;
  private final String baseUrl;

  public PricingClient(String baseUrl) {
    this.baseUrl = baseUrl;
    this.httpClient =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(10))
            .retryOnConnectionFailure(true)
            .build();
  }

  /** The current unit price of {@code sku} in cents. */
  public long unitPriceCents(String sku) throws IOException {
    Request request =
        new Request.Builder()
            .url(baseUrl + "/pricing/" + sku)
            .header("Accept", "application/json")
            .get()
            .build();
    try (Response response = httpClient.newCall(request).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new IOException("pricing answered " + response.code() + " for " + sku);
      }
      Matcher matcher = UNIT_PRICE.matcher(body);
      if (!matcher.find()) {
        throw new IOException("pricing answer for " + sku + " has no unitPriceCents: " + body);
      }
      long price = Long.parseLong(matcher.group(1));
      LOGGER.debug("Price of {} is {} cents", sku, price);
      return price;
    }
  }

  @Override
  public void close() {
    httpClient.dispatcher().executorService().shutdown();
    httpClient.connectionPool().evictAll();
  }
}
