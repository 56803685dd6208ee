package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrateDatadogTraceTest {
  private static final String BEAN =
      """
      package com.example.shop;

      import datadog.trace.api.Trace;
      import org.springframework.stereotype.Service;

      @Service
      public class Checkout {
        @Trace(operationName = "checkout.price", resourceName = "Checkout.price")
        public long price(String sku) {
          return sku.length() * 100L;
        }

        @Trace
        public void audit() {
          System.out.println("audit");
        }
      }
      """;

  @Test
  void aSpringBeanMethodGetsWithSpanWhenTheStartersAspectRuns() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new MigrateDatadogTrace(true),
            BEAN,
            """
            package com.example.shop;

            import io.opentelemetry.api.trace.Span;
            import io.opentelemetry.instrumentation.annotations.WithSpan;
            import org.springframework.stereotype.Service;

            @Service
            public class Checkout {
              @WithSpan("checkout.price")
              public long price(String sku) {
                Span.current().setAttribute("resource.name", "Checkout.price");
                return sku.length() * 100L;
              }

              @WithSpan
              public void audit() {
                System.out.println("audit");
              }
            }
            """);
    assertThat(result.changes()).extracting(Change::line).containsExactly(8, 13);
    assertThat(result.needs()).contains(Instrumentation.WITH_SPAN, Instrumentation.TRACING_API)
        .doesNotContain(Instrumentation.TRACING_HOLDER);
    assertThat(result.manual()).isEmpty();
  }

  @Test
  void withoutTheStarterTheBodyRunsInAnExplicitSpan() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new MigrateDatadogTrace(false),
            BEAN,
            """
            package com.example.shop;

            import io.opentelemetry.api.trace.Span;
            import io.opentelemetry.api.trace.StatusCode;
            import io.opentelemetry.context.Scope;
            import org.springframework.stereotype.Service;

            @Service
            public class Checkout {
              public long price(String sku) {
                Span span = OtelTracing.tracer().spanBuilder("checkout.price").setAttribute("resource.name", "Checkout.price").startSpan();
                try (Scope scope = span.makeCurrent()) {
                  return sku.length() * 100L;
                } catch (Throwable t) {
                  span.setStatus(StatusCode.ERROR);
                  span.recordException(t);
                  throw t;
                } finally {
                  span.end();
                }
              }

              public void audit() {
                Span span = OtelTracing.tracer().spanBuilder("Checkout.audit").startSpan();
                try (Scope scope = span.makeCurrent()) {
                  System.out.println("audit");
                } catch (Throwable t) {
                  span.setStatus(StatusCode.ERROR);
                  span.recordException(t);
                  throw t;
                } finally {
                  span.end();
                }
              }
            }
            """);
    assertThat(result.needs()).contains(Instrumentation.TRACING_HOLDER, Instrumentation.TRACING_API);
  }

  @Test
  void privateAndSelfInvokedMethodsGetAnExplicitSpanEvenWithTheAspect() {
    assertRewrite(
        new MigrateDatadogTrace(true),
        """
        package com.example.shop;

        import org.springframework.stereotype.Component;

        @Component
        class Stock {
          public int reserve(String sku) {
            return count(sku);
          }

          @datadog.trace.api.Trace(operationName = "stock.count", noParent = true)
          public int count(String span) {
            return span.length();
          }
        }
        """,
        """
        package com.example.shop;

        import io.opentelemetry.api.trace.Span;
        import io.opentelemetry.api.trace.StatusCode;
        import io.opentelemetry.context.Scope;
        import org.springframework.stereotype.Component;

        @Component
        class Stock {
          public int reserve(String sku) {
            return count(sku);
          }

          public int count(String span) {
            Span otelSpan = OtelTracing.tracer().spanBuilder("stock.count").setNoParent().startSpan();
            try (Scope scope = otelSpan.makeCurrent()) {
              return span.length();
            } catch (Throwable t) {
              otelSpan.setStatus(StatusCode.ERROR);
              otelSpan.recordException(t);
              throw t;
            } finally {
              otelSpan.end();
            }
          }
        }
        """);
  }

  @Test
  void noParentStartsANewTraceWithTheAspectToo() {
    assertRewrite(
        new MigrateDatadogTrace(true),
        """
        package com.example.shop;

        import datadog.trace.api.Trace;
        import org.springframework.stereotype.Service;

        @Service
        public class Jobs {
          @Trace(operationName = "jobs.sweep", noParent = true, measured = true)
          public void sweep() {
          }
        }
        """,
        """
        package com.example.shop;

        import io.opentelemetry.instrumentation.annotations.WithSpan;
        import org.springframework.stereotype.Service;

        @Service
        public class Jobs {
          @WithSpan(value = "jobs.sweep", inheritContext = false)
          public void sweep() {
          }
        }
        """);
  }

  @Test
  void measuredIsAManualItemBecauseOpenTelemetryHasNoSuchFlag() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new MigrateDatadogTrace(true),
            """
            package com.example.shop;

            import datadog.trace.api.Trace;
            import org.springframework.stereotype.Service;

            @Service
            public class Jobs {
              @Trace(measured = true)
              public void sweep() {
              }
            }
            """,
            """
            package com.example.shop;

            import io.opentelemetry.instrumentation.annotations.WithSpan;
            import org.springframework.stereotype.Service;

            @Service
            public class Jobs {
              @WithSpan
              public void sweep() {
              }
            }
            """);
    assertThat(result.manual()).singleElement()
        .satisfies(m -> assertThat(m.reason()).contains("measured"));
  }

  @Test
  void aMethodWithoutBodyIsLeftWithAManualItem() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            new MigrateDatadogTrace(true),
            """
            package com.example.shop;

            import datadog.trace.api.Trace;

            interface Pricing {
              @Trace(operationName = "price")
              long price(String sku);
            }
            """);
    assertThat(result.manual()).singleElement()
        .satisfies(m -> assertThat(m.line()).isEqualTo(6));
  }

  @Test
  void anotherTraceAnnotationIsNotDatadogs() {
    assertUnchanged(
        new MigrateDatadogTrace(true),
        """
        package com.example.shop;

        import com.newrelic.api.agent.Trace;
        import datadog.trace.api.CorrelationIdentifier;

        class Shop {
          @Trace
          public void buy() {
            System.out.println(CorrelationIdentifier.getTraceId());
          }
        }
        """);
  }
}
