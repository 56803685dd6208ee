package com.example.back;

import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How many units of a SKU are in stock, and a health check. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {
  private static final Logger log = LoggerFactory.getLogger(StockResource.class);
  private static final Map<String, Integer> STOCK = Map.of("ABC-1", 120, "XYZ-9", 7);

  @GET
  @Path("stock/{sku}")
  public Response stock(@PathParam("sku") String sku) {
    log.info("stock lookup for {}", sku);
    Integer units = STOCK.get(sku);
    if (units == null) {
      log.warn("unknown sku {}", sku);
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    log.info("{} has {} units", sku, units);
    return Response.ok(Map.of("sku", sku, "units", units)).build();
  }

  @GET
  @Path("health")
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
