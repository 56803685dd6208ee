package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrateOpenTracingTest {

  @Test
  void aDatadogStyleManualSpanMovesToTheOpenTelemetryApi() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new MigrateOpenTracing(),
            """
            package com.example.shop;

            import datadog.trace.api.DDTags;
            import io.opentracing.Scope;
            import io.opentracing.Span;
            import io.opentracing.Tracer;
            import io.opentracing.log.Fields;
            import io.opentracing.tag.Tags;
            import io.opentracing.util.GlobalTracer;
            import java.util.Collections;

            class Tariffs {
              private final Tracer tracer = GlobalTracer.get();

              long compute(String sku, int quantity) {
                Span span = tracer.buildSpan("tariff.compute")
                    .withTag(DDTags.RESOURCE_NAME, "Tariffs.compute")
                    .withTag("sku", sku)
                    .withTag("quantity", quantity)
                    .withTag(Tags.SPAN_KIND, Tags.SPAN_KIND_CLIENT)
                    .start();
                try (Scope scope = tracer.activateSpan(span)) {
                  span.setTag(Tags.HTTP_STATUS, 200);
                  return slowCall(sku) * quantity;
                } catch (RuntimeException e) {
                  Tags.ERROR.set(span, true);
                  span.log(Collections.singletonMap(Fields.ERROR_OBJECT, e));
                  throw e;
                } finally {
                  span.finish();
                }
              }

              void mark() {
                GlobalTracer.get().activeSpan().setTag("cache.hit", true);
              }

              private long slowCall(String sku) {
                return sku.length();
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

            class Tariffs {
              private final Tracer tracer = OtelTracing.tracer();

              long compute(String sku, int quantity) {
                Span span = tracer.spanBuilder("tariff.compute")
                    .setAttribute("resource.name", "Tariffs.compute")
                    .setAttribute("sku", sku)
                    .setAttribute("quantity", quantity)
                    .setSpanKind(SpanKind.CLIENT)
                    .startSpan();
                try (Scope scope = span.makeCurrent()) {
                  span.setAttribute("http.response.status_code", 200);
                  return slowCall(sku) * quantity;
                } catch (RuntimeException e) {
                  span.setStatus(StatusCode.ERROR);
                  span.recordException(e);
                  throw e;
                } finally {
                  span.end();
                }
              }

              void mark() {
                Span.current().setAttribute("cache.hit", true);
              }

              private long slowCall(String sku) {
                return sku.length();
              }
            }
            """);
    assertThat(result.manual()).isEmpty();
    assertThat(result.needs())
        .contains(Instrumentation.TRACING_API, Instrumentation.TRACING_HOLDER);
    assertThat(result.changes()).extracting(Change::rewriteId).containsOnly(RewriteId.MIGRATE_OPENTRACING);
  }

  @Test
  void anInjectedTracerIsLeftWithAManualItemAndTheFileUnchanged() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            new MigrateOpenTracing(),
            """
            package com.example.shop;

            import io.opentracing.Span;
            import io.opentracing.Tracer;

            class Tariffs {
              private final Tracer tracer;

              Tariffs(Tracer tracer) {
                this.tracer = tracer;
              }

              void compute() {
                Span span = tracer.buildSpan("tariff.compute").start();
                span.finish();
              }
            }
            """);
    assertThat(result.manual()).extracting(ManualItem::line).contains(7, 9);
    assertThat(result.manual()).allSatisfy(m -> assertThat(m.reason()).contains("Tracer"));
  }

  @Test
  void aCustomScopeManagerAndPropagationAreManual() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            new MigrateOpenTracing(),
            """
            package com.example.shop;

            import io.opentracing.ScopeManager;
            import io.opentracing.propagation.Format;
            import io.opentracing.propagation.TextMapAdapter;
            import io.opentracing.util.GlobalTracer;
            import java.util.Map;

            class Relay {
              private final ScopeManager scopes = GlobalTracer.get().scopeManager();

              void send(Map<String, String> headers) {
                GlobalTracer.get().inject(GlobalTracer.get().activeSpan().context(),
                    Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
              }
            }
            """);
    assertThat(result.manual()).extracting(ManualItem::line).contains(10, 13);
    assertThat(result.manual()).anySatisfy(m -> assertThat(m.reason()).contains("propagat"));
  }

  @Test
  void builderVariablesTimestampsParentsAndEventsMove() {
    assertRewrite(
        new MigrateOpenTracing(),
        """
        package com.example.shop;

        import io.opentracing.Span;
        import io.opentracing.Tracer;
        import io.opentracing.util.GlobalTracer;

        class Batch {
          private static final Tracer TRACER = GlobalTracer.get();

          void run(Span parent, long startMicros) {
            Tracer.SpanBuilder builder = TRACER.buildSpan("batch.run").asChildOf(parent);
            Span span = builder.withStartTimestamp(startMicros).withTag("http.url", "http://x").start();
            span.log("started");
            span.setOperationName("batch.done");
            String trace = span.context().toTraceId();
            span.finish(startMicros + 10);
          }
        }
        """,
        """
        package com.example.shop;

        import io.opentelemetry.api.trace.Span;
        import io.opentelemetry.api.trace.SpanBuilder;
        import io.opentelemetry.api.trace.Tracer;
        import io.opentelemetry.context.Context;
        import java.util.concurrent.TimeUnit;

        class Batch {
          private static final Tracer TRACER = OtelTracing.tracer();

          void run(Span parent, long startMicros) {
            SpanBuilder builder = TRACER.spanBuilder("batch.run").setParent(Context.current().with(parent));
            Span span = builder.setStartTimestamp(startMicros, TimeUnit.MICROSECONDS).setAttribute("url.full", "http://x").startSpan();
            span.addEvent("started");
            span.updateName("batch.done");
            String trace = span.getSpanContext().getTraceId();
            span.end(startMicros + 10, TimeUnit.MICROSECONDS);
          }
        }
        """);
  }

  @Test
  void aSamplingHintIsDroppedWithAManualItem() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new MigrateOpenTracing(),
            """
            package com.example.shop;

            import datadog.trace.api.DDTags;
            import io.opentracing.util.GlobalTracer;

            class Audit {
              void keep() {
                GlobalTracer.get().activeSpan().setTag(DDTags.MANUAL_KEEP, true);
                GlobalTracer.get().activeSpan().setTag(DDTags.SPAN_TYPE, "audit");
              }
            }
            """,
            """
            package com.example.shop;

            import io.opentelemetry.api.trace.Span;

            class Audit {
              void keep() {
                Span.current().setAttribute("span.type", "audit");
              }
            }
            """);
    assertThat(result.manual()).singleElement()
        .satisfies(m -> assertThat(m.reason()).contains("manual.keep", "sampl"));
  }
}
