package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrateBraveTest {

  @Test
  void aSleuthTwoStyleBraveSpanOnAnInjectedTracerMovesToTheOpenTelemetryApi() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new MigrateBrave(),
            """
            package com.example.shop;

            import brave.Span;
            import brave.Tracer;
            import brave.Tracer.SpanInScope;
            import org.springframework.stereotype.Service;

            @Service
            class Tariffs {
              private final Tracer tracer;
              private final Prices prices;

              Tariffs(Tracer tracer, Prices prices) {
                this.tracer = tracer;
                this.prices = prices;
              }

              long compute(String sku, int quantity) {
                Span span = tracer.nextSpan().name("tariff.compute")
                    .tag("tariff.sku", sku)
                    .tag("http.method", "GET")
                    .kind(Span.Kind.CLIENT)
                    .remoteServiceName("prices")
                    .start();
                try (SpanInScope ws = tracer.withSpanInScope(span)) {
                  span.annotate("lookup");
                  long cents = prices.of(sku) * quantity;
                  span.tag("tariff.cents", String.valueOf(cents));
                  return cents;
                } catch (RuntimeException | Error e) {
                  span.error(e);
                  throw e;
                } finally {
                  span.finish();
                }
              }

              void mark() {
                tracer.currentSpanCustomizer().tag("cache.hit", "true");
                Span current = tracer.currentSpan();
                if (current != null) {
                  current.name("tariff.cached");
                }
              }

              String traceId(Span span) {
                return span.context().traceIdString();
              }
            }
            """,
            """
            package com.example.shop;

            import io.opentelemetry.api.trace.Span;
            import io.opentelemetry.api.trace.SpanKind;
            import io.opentelemetry.api.trace.StatusCode;
            import io.opentelemetry.api.trace.Tracer;
            import io.opentelemetry.context.Scope;
            import org.springframework.stereotype.Service;

            @Service
            class Tariffs {
              private final Tracer tracer = OtelTracing.tracer();
              private final Prices prices;

              Tariffs(Prices prices) {
                this.prices = prices;
              }

              long compute(String sku, int quantity) {
                Span span = tracer.spanBuilder("tariff.compute")
                    .setAttribute("tariff.sku", sku)
                    .setAttribute("http.request.method", "GET")
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute("peer.service", "prices")
                    .startSpan();
                try (Scope ws = span.makeCurrent()) {
                  span.addEvent("lookup");
                  long cents = prices.of(sku) * quantity;
                  span.setAttribute("tariff.cents", String.valueOf(cents));
                  return cents;
                } catch (RuntimeException | Error e) {
                  span.setStatus(StatusCode.ERROR).recordException(e);
                  throw e;
                } finally {
                  span.end();
                }
              }

              void mark() {
                Span.current().setAttribute("cache.hit", "true");
                Span current = Span.current();
                if (current != null) {
                  current.updateName("tariff.cached");
                }
              }

              String traceId(Span span) {
                return span.getSpanContext().getTraceId();
              }
            }
            """);
    assertThat(result.needs())
        .contains(Instrumentation.TRACING_API, Instrumentation.TRACING_HOLDER);
    assertThat(result.changes()).extracting(Change::rewriteId).containsOnly(RewriteId.MIGRATE_BRAVE);
    assertThat(result.manual()).isEmpty();
  }

  @Test
  void sleuthThreeApiOnAnAutowiredTracerMovesTheSameWay() {
    assertRewrite(
        new MigrateBrave(),
        """
        package com.example.shop;

        import org.springframework.beans.factory.annotation.Autowired;
        import org.springframework.cloud.sleuth.Span;
        import org.springframework.cloud.sleuth.Tracer;
        import org.springframework.stereotype.Component;

        @Component
        class Audit {
          @Autowired
          private Tracer tracer;

          void record(String what) {
            Span span = tracer.nextSpan().name("audit.record").tag("audit.what", what).start();
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
              span.event("written");
            } finally {
              span.end();
            }
          }

          String ids() {
            Span span = tracer.currentSpan();
            return span.context().traceId() + "/" + span.context().spanId();
          }
        }
        """,
        """
        package com.example.shop;

        import io.opentelemetry.api.trace.Span;
        import io.opentelemetry.api.trace.Tracer;
        import io.opentelemetry.context.Scope;
        import org.springframework.stereotype.Component;

        @Component
        class Audit {
          private Tracer tracer = OtelTracing.tracer();

          void record(String what) {
            Span span = tracer.spanBuilder("audit.record").setAttribute("audit.what", what).startSpan();
            try (Scope scope = span.makeCurrent()) {
              span.addEvent("written");
            } finally {
              span.end();
            }
          }

          String ids() {
            Span span = Span.current();
            return span.getSpanContext().getTraceId() + "/" + span.getSpanContext().getSpanId();
          }
        }
        """);
  }

  @Test
  void bravesCurrentTracerAndANewTraceMoveToTheHolderAndARootSpan() {
    assertRewrite(
        new MigrateBrave(),
        """
        package com.example.shop;

        import brave.Span;
        import brave.Tracer;
        import brave.Tracing;

        class Jobs {
          private final Tracer tracer = Tracing.currentTracer();

          void run() {
            Span span = tracer.newTrace().name("job.run").start();
            try {
              work();
            } finally {
              span.finish();
            }
          }

          private void work() {}
        }
        """,
        """
        package com.example.shop;

        import io.opentelemetry.api.trace.Span;
        import io.opentelemetry.api.trace.Tracer;

        class Jobs {
          private final Tracer tracer = OtelTracing.tracer();

          void run() {
            Span span = tracer.spanBuilder("job.run").setNoParent().startSpan();
            try {
              work();
            } finally {
              span.end();
            }
          }

          private void work() {}
        }
        """);
  }

  @Test
  void aScopedSpanLeavesTheWholeFileAloneWithAManualItem() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            new MigrateBrave(),
            """
            package com.example.shop;

            import brave.ScopedSpan;
            import brave.Tracer;
            import brave.Tracing;

            class Encoder {
              private final Tracer tracer = Tracing.currentTracer();

              byte[] encode(String text) {
                ScopedSpan span = tracer.startScopedSpan("encode");
                try {
                  return text.getBytes();
                } finally {
                  span.finish();
                }
              }
            }
            """);
    assertThat(result.manual()).extracting(ManualItem::line).containsOnly(11);
    assertThat(result.manual()).extracting(ManualItem::reason)
        .anyMatch(r -> r.contains("scoped span"));
  }

  @Test
  void aTracerThatIsNotSpringsBeanOrTheCurrentTracerIsRefused() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            new MigrateBrave(),
            """
            package com.example.shop;

            import brave.Tracer;

            class Client {
              private final Tracer tracer;

              Client(Tracer tracer) {
                this.tracer = tracer;
              }

              void call() {
                tracer.nextSpan().name("call").start().finish();
              }
            }
            """);
    assertThat(result.manual()).extracting(ManualItem::reason)
        .anyMatch(r -> r.contains("Spring component"));
  }

  @Test
  void anInjectedSpanCustomizerIsManual() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            new MigrateBrave(),
            """
            package com.example.shop;

            import brave.SpanCustomizer;
            import org.springframework.stereotype.Service;

            @Service
            class Orders {
              private final SpanCustomizer customizer;

              Orders(SpanCustomizer customizer) {
                this.customizer = customizer;
              }

              void place(String sku) {
                customizer.tag("sku", sku);
              }
            }
            """);
    assertThat(result.manual()).extracting(ManualItem::reason)
        .anyMatch(r -> r.contains("Span.current()"));
  }

  @Test
  void sleuthsNewSpanIsManual() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            new MigrateBrave(),
            """
            package com.example.shop;

            import org.springframework.cloud.sleuth.annotation.NewSpan;

            class Orders {
              @NewSpan("orders.place")
              void place(String sku) {}
            }
            """);
    assertThat(result.manual()).extracting(ManualItem::reason)
        .anyMatch(r -> r.contains("@NewSpan is not moved"));
  }

  @Test
  void codeWithoutBraveOrSleuthIsLeftAlone() {
    assertUnchanged(
        new MigrateBrave(),
        """
        package com.example.shop;

        import io.opentelemetry.api.trace.Span;

        class Shop {
          void mark() {
            Span.current().setAttribute("brave.mode", true);
          }
        }
        """);
  }
}
