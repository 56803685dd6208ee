package com.example.catalog;

import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.log.Fields;
import io.opentracing.tag.Tags;
import io.opentracing.util.GlobalTracer;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

/**
 * Describes items, traced by hand the way OpenTracing apps are: the tracer Jaeger's agent
 * registered as the global tracer, spans tagged with OpenTracing's standard tags, scopes around
 * the work.
 */
@Service
public class ItemService {
  private static final Logger log = LoggerFactory.getLogger(ItemService.class);
  private static final Map<String, String> TITLES =
      Map.of("A-1", "Anvil", "B-2", "Bucket", "C-3", "Chisel");

  private final Tracer tracer = GlobalTracer.get();
  private final RestTemplate pricing;

  ItemService(RestTemplate pricing) {
    this.pricing = pricing;
  }

  /** The item with its price, which {@code pricing} computes. */
  public Item describe(String id) {
    Span span = tracer.buildSpan("item.describe")
        .withTag(Tags.COMPONENT, "catalog")
        .withTag("item.id", id)
        .start();
    try (Scope scope = tracer.activateSpan(span)) {
      String title = lookup(id);
      Price price = pricing.getForObject("/price/{id}", Price.class, id);
      long cents = price == null ? -1 : price.cents();
      span.setTag("item.cents", cents);
      log.info("described {} ({}): {} cents", id, title, cents);
      return new Item(id, title, cents);
    } catch (RuntimeException e) {
      Tags.ERROR.set(span, true);
      span.log(Map.of(Fields.EVENT, "error", Fields.ERROR_OBJECT, e));
      throw e;
    } finally {
      span.finish();
    }
  }

  /** The ids of the items whose title contains {@code text}. */
  public List<String> search(String text) {
    Span span = tracer.buildSpan("item.search").withTag("search.text", text).start();
    try (Scope scope = tracer.activateSpan(span)) {
      List<String> hits = TITLES.entrySet().stream()
          .filter(e -> e.getValue().toLowerCase().contains(text.toLowerCase()))
          .map(Map.Entry::getKey).sorted().toList();
      Tags.COMPONENT.set(span, "catalog");
      log.info("{} hit(s) for '{}'", hits.size(), text);
      return hits;
    } finally {
      span.finish();
    }
  }

  // Stands in for a query to the catalog's database: a client span with the database tags.
  private String lookup(String id) {
    Span span = tracer.buildSpan("item.lookup")
        .withTag(Tags.SPAN_KIND, Tags.SPAN_KIND_CLIENT)
        .withTag(Tags.DB_TYPE, "sql")
        .withTag(Tags.DB_INSTANCE, "catalog")
        .withTag(Tags.DB_STATEMENT, "select title from item where id = ?")
        .start();
    try (Scope scope = tracer.activateSpan(span)) {
      Thread.sleep(5);
      String title = TITLES.getOrDefault(id, "unknown");
      log.info("looked up {}: {}", id, title);
      return title;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      span.finish();
    }
  }

  /** What pricing answers. */
  public record Price(String id, long cents) {}

  /** An item with its price. */
  public record Item(String id, String title, long cents) {}
}
