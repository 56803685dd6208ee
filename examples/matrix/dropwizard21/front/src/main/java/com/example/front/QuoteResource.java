package com.example.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Quotes: stock from {@code back}, priced here. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class QuoteResource {
  private static final Logger log = LoggerFactory.getLogger(QuoteResource.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Long> UNIT_CENTS = Map.of("ABC-1", 1299L, "XYZ-9", 4500L);

  private final CloseableHttpClient back;
  private final String backUrl;

  public QuoteResource(CloseableHttpClient back, String backUrl) {
    this.back = back;
    this.backUrl = backUrl;
  }

  @GET
  @Path("quote/{sku}")
  public Map<String, Object> quote(@PathParam("sku") String sku,
      @QueryParam("quantity") @DefaultValue("1") int quantity) throws IOException {
    log.info("quote requested for {} x{}", sku, quantity);
    int units = back.execute(new HttpGet(backUrl + "/stock/" + sku), response -> {
      int status = response.getStatusLine().getStatusCode();
      String body = EntityUtils.toString(response.getEntity());
      if (status != 200) {
        log.warn("back answered {} for {}", status, sku);
        throw new WebApplicationException(status);
      }
      JsonNode stock = JSON.readTree(body);
      return stock.get("units").asInt();
    });
    long cents = UNIT_CENTS.getOrDefault(sku, 999L) * quantity;
    log.info("quoted {} x{} at {} cents ({} in stock)", sku, quantity, cents, units);
    return Map.of("sku", sku, "quantity", quantity, "cents", cents, "inStock", units);
  }

  @GET
  @Path("hello")
  public Map<String, String> hello(@QueryParam("name") @DefaultValue("world") String name) {
    log.info("hello for {}", name);
    return Map.of("greeting", "hello " + name);
  }

  @GET
  @Path("health")
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
