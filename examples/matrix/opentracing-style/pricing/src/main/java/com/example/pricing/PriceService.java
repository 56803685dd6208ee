package com.example.pricing;

import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.tag.Tags;
import io.opentracing.util.GlobalTracer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Computes prices in a manual OpenTracing span, with a span log on a cache miss. */
@Service
public class PriceService {
  private static final Logger log = LoggerFactory.getLogger(PriceService.class);
  private static final Map<String, Long> LIST_CENTS = Map.of("A-1", 4999L, "B-2", 1250L);

  private final Tracer tracer = GlobalTracer.get();
  private final Map<String, Long> cache = new ConcurrentHashMap<>();

  /** The price of {@code id} in cents. */
  public long price(String id) {
    Span span = tracer.buildSpan("price.compute").withTag("price.item", id).start();
    try (Scope scope = tracer.activateSpan(span)) {
      Tags.COMPONENT.set(span, "pricing");
      Long cents = cache.get(id);
      if (cents == null) {
        span.log("cache miss");
        cents = LIST_CENTS.getOrDefault(id, 100L) * 9 / 10;
        cache.put(id, cents);
      }
      span.setTag("price.cents", cents);
      log.info("{} costs {} cents", id, cents);
      return cents;
    } finally {
      span.finish();
    }
  }
}
