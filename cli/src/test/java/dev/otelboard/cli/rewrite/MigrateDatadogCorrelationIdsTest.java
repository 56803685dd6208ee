package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrateDatadogCorrelationIdsTest {

  @Test
  void idsAndMdcKeysComeFromTheCurrentOpenTelemetrySpan() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new MigrateDatadogCorrelationIds(),
            """
            package com.example.shop;

            import datadog.trace.api.CorrelationIdentifier;
            import datadog.trace.api.GlobalTracer;
            import org.slf4j.MDC;

            class Receipts {
              String header() {
                MDC.put(CorrelationIdentifier.getTraceIdKey(), CorrelationIdentifier.getTraceId());
                MDC.put(CorrelationIdentifier.getSpanIdKey(), CorrelationIdentifier.getSpanId());
                return "trace " + GlobalTracer.get().getTraceId() + " span " + GlobalTracer.get().getSpanId();
              }
            }
            """,
            """
            package com.example.shop;

            import io.opentelemetry.api.trace.Span;
            import org.slf4j.MDC;

            class Receipts {
              String header() {
                MDC.put("trace_id", Span.current().getSpanContext().getTraceId());
                MDC.put("span_id", Span.current().getSpanContext().getSpanId());
                return "trace " + Span.current().getSpanContext().getTraceId() + " span " + Span.current().getSpanContext().getSpanId();
              }
            }
            """);
    assertThat(result.changes()).extracting(Change::line).containsExactly(9, 9, 10, 10, 11, 11);
    assertThat(result.needs()).containsExactly(Instrumentation.TRACING_API);
  }

  @Test
  void aFullyQualifiedCallIsMovedAndOtherDatadogCallsAreLeft() {
    assertRewrite(
        new MigrateDatadogCorrelationIds(),
        """
        package com.example.shop;

        import datadog.trace.api.GlobalTracer;

        class Receipts {
          String id() {
            GlobalTracer.get().addTraceInterceptor(null);
            return datadog.trace.api.CorrelationIdentifier.getTraceId();
          }
        }
        """,
        """
        package com.example.shop;

        import datadog.trace.api.GlobalTracer;
        import io.opentelemetry.api.trace.Span;

        class Receipts {
          String id() {
            GlobalTracer.get().addTraceInterceptor(null);
            return Span.current().getSpanContext().getTraceId();
          }
        }
        """);
  }

  @Test
  void openTracingsGlobalTracerIsNotDatadogs() {
    assertUnchanged(
        new MigrateDatadogCorrelationIds(),
        """
        package com.example.shop;

        import io.opentracing.util.GlobalTracer;

        class Receipts {
          Object id() {
            return GlobalTracer.get().activeSpan();
          }
        }
        """);
  }
}
