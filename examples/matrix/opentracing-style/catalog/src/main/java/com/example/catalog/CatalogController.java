package com.example.catalog;

import io.opentracing.Span;
import io.opentracing.util.GlobalTracer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Item pages and a search; tags the request's span with what was asked. */
@RestController
class CatalogController {
  private static final Logger log = LoggerFactory.getLogger(CatalogController.class);

  private final ItemService items;

  CatalogController(ItemService items) {
    this.items = items;
  }

  @GetMapping("/item/{id}")
  ItemService.Item item(@PathVariable String id) {
    Span request = GlobalTracer.get().activeSpan();
    if (request != null) {
      request.setTag("catalog.item", id);
    }
    log.info("item {} requested", id);
    return items.describe(id);
  }

  @GetMapping("/search")
  Map<String, Object> search(@RequestParam(defaultValue = "") String q) {
    log.info("searching for '{}'", q);
    return Map.of("query", q, "hits", items.search(q));
  }

  @GetMapping("/health")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
