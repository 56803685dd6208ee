package com.example.storefront;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Asks the warehouse service for stock over OkHttp. */
@Component
class WarehouseClient {
  private static final Logger log = LoggerFactory.getLogger(WarehouseClient.class);

  private final OkHttpClient http = new OkHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String baseUrl;

  WarehouseClient(@Value("${warehouse.url}") String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Stock stock(String sku) {
    Request request = new Request.Builder().url(baseUrl + "/stock/" + sku).build();
    try (Response response = http.newCall(request).execute()) {
      log.info("warehouse answered {} for {}", response.code(), sku);
      if (!response.isSuccessful() || response.body() == null) {
        return new Stock(sku, 0);
      }
      return json.readValue(response.body().string(), Stock.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Stock(String sku, int units) {}
}
