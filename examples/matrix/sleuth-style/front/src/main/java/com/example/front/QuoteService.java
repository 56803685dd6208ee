package com.example.front;

import brave.Span;
import brave.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

/**
 * Prices a quote in a Brave span, the way Sleuth 2 and 3 apps write them: the {@code Tracer}
 * bean Sleuth configures, injected; the span in scope around the call to {@code stock}.
 */
@Service
public class QuoteService {
  private static final Logger log = LoggerFactory.getLogger(QuoteService.class);

  private final Tracer tracer;
  private final RestTemplate stock;

  QuoteService(Tracer tracer, RestTemplate stock) {
    this.tracer = tracer;
    this.stock = stock;
  }

  /** The price of {@code quantity} units, after reserving them. */
  public long price(String sku, int quantity) {
    Span span = tracer.nextSpan().name("quote.price")
        .tag("quote.sku", sku)
        .tag("quote.quantity", String.valueOf(quantity))
        .start();
    try (Tracer.SpanInScope ws = tracer.withSpanInScope(span)) {
      Reservation reservation = stock.getForObject("/reserve/{sku}?quantity={quantity}",
          Reservation.class, sku, quantity);
      long cents = 1250L * quantity;
      span.tag("quote.cents", String.valueOf(cents));
      span.annotate("priced");
      log.info("quote for {} x{}: {} cents, {} left", sku, quantity, cents,
          reservation == null ? "?" : reservation.left());
      return cents;
    } catch (RuntimeException | Error e) {
      span.error(e);
      throw e;
    } finally {
      span.finish();
    }
  }

  /** What stock answers. */
  public record Reservation(String sku, int quantity, int left) {}
}
