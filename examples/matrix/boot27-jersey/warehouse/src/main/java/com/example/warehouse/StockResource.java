package com.example.warehouse;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.annotation.PreDestroy;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.AsyncResponse;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stock levels, answered asynchronously from a lookup pool; and a health check. */
@Component
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {
  private static final Logger log = LoggerFactory.getLogger(StockResource.class);
  private static final Map<String, Integer> STOCK = Map.of("ABC-1", 120, "XYZ-9", 7);

  private final ExecutorService lookups = Executors.newFixedThreadPool(2);

  @GET
  @Path("stock/{sku}")
  public void stock(@PathParam("sku") String sku, @Suspended AsyncResponse response) {
    log.info("stock lookup for {}", sku);
    lookups.execute(() -> {
      Integer units = STOCK.get(sku);
      if (units == null) {
        log.warn("unknown sku {}", sku);
        response.resume(Response.status(Response.Status.NOT_FOUND).build());
        return;
      }
      log.info("{} has {} units", sku, units);
      response.resume(Map.of("sku", sku, "units", units));
    });
  }

  @GET
  @Path("health")
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }

  @PreDestroy
  void stop() {
    lookups.shutdown();
  }
}
