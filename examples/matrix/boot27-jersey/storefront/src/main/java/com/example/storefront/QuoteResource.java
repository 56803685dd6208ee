package com.example.storefront;

import java.util.Map;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Quotes: stock from the warehouse, the price from {@link Pricing}. */
@Component
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class QuoteResource {
  private static final Logger log = LoggerFactory.getLogger(QuoteResource.class);

  private final WarehouseClient warehouse;
  private final Pricing pricing;

  QuoteResource(WarehouseClient warehouse, Pricing pricing) {
    this.warehouse = warehouse;
    this.pricing = pricing;
  }

  @GET
  @Path("quote/{sku}")
  public Map<String, Object> quote(@PathParam("sku") String sku,
      @QueryParam("quantity") @DefaultValue("1") int quantity) {
    log.info("quote requested for {} x{}", sku, quantity);
    WarehouseClient.Stock stock = warehouse.stock(sku);
    long totalCents = pricing.price(sku, quantity).join();
    boolean available = stock.units() >= quantity;
    log.info("quote for {}: {} cents, available={}", sku, totalCents, available);
    return Map.of("sku", sku, "quantity", quantity, "totalCents", totalCents,
        "available", available);
  }

  @GET
  @Path("hello")
  public Map<String, String> hello(@QueryParam("name") @DefaultValue("world") String name) {
    log.info("saying hello to {}", name);
    return Map.of("greeting", "hello " + name);
  }

  @GET
  @Path("health")
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
