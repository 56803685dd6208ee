package com.example.orders;

import datadog.trace.api.DDTags;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.log.Fields;
import io.opentracing.tag.Tags;
import io.opentracing.util.GlobalTracer;
import java.util.Collections;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Prices orders through a slow tariff lookup, in a manual span the way Datadog apps write them:
 * OpenTracing's API on dd-java-agent's tracer, Datadog's tag names.
 */
@Component
class Tariffs {
  private static final Logger log = LoggerFactory.getLogger(Tariffs.class);
  private static final Map<String, Long> UNIT_CENTS = Map.of("ABC-1", 1299L, "XYZ-9", 4500L);

  private final Tracer tracer = GlobalTracer.get();

  long compute(String sku, int quantity) {
    Span span = tracer.buildSpan("tariff.compute")
        .withTag(DDTags.RESOURCE_NAME, "Tariffs.compute")
        .withTag(Tags.COMPONENT, "tariffs")
        .withTag("tariff.sku", sku)
        .withTag("tariff.quantity", quantity)
        .start();
    try (Scope scope = tracer.activateSpan(span)) {
      long unitCents = slowLookup(sku);
      long cents = unitCents * quantity;
      span.setTag("tariff.cents", cents);
      log.info("tariff for {} x{}: {} cents", sku, quantity, cents);
      return cents;
    } catch (RuntimeException e) {
      Tags.ERROR.set(span, true);
      span.log(Collections.singletonMap(Fields.ERROR_OBJECT, e));
      throw e;
    } finally {
      span.finish();
    }
  }

  // Stands in for a call to a slow tariff service.
  private long slowLookup(String sku) {
    try {
      Thread.sleep(15);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return UNIT_CENTS.getOrDefault(sku, 999L);
  }
}
