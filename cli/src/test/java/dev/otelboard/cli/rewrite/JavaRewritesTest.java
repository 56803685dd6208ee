package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaRewritesTest {

  @Test
  void javaHttpClientBuiltByBuilderIsWrappedByTheAdapter() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new WrapJavaHttpClient(),
            """
            package com.example.shop;

            import java.net.http.HttpClient;
            import java.time.Duration;

            class Shop {
              private final HttpClient client =
                  HttpClient.newBuilder()
                      .connectTimeout(Duration.ofSeconds(2)) // short
                      .build();
            }
            """,
            """
            package com.example.shop;

            import java.net.http.HttpClient;
            import java.time.Duration;

            class Shop {
              private final HttpClient client =
                  OtelHttpClient.wrap(HttpClient.newBuilder()
                      .connectTimeout(Duration.ofSeconds(2)) // short
                      .build());
            }
            """);
    assertThat(result.changes())
        .singleElement()
        .satisfies(c -> {
          assertThat(c.line()).isEqualTo(8);
          assertThat(c.rewriteId()).isEqualTo(RewriteId.WRAP_JAVA_HTTP_CLIENT);
        });
    assertThat(result.needs())
        .contains(Instrumentation.HTTP_CLIENT_ADAPTER, Instrumentation.BOOTSTRAP);
  }

  @Test
  void newHttpClientInASubpackageImportsTheAdapter() {
    assertRewrite(
        new WrapJavaHttpClient(),
        """
        package com.example.shop.web;

        import java.net.http.HttpClient;

        class Calls {
          HttpClient client = HttpClient.newHttpClient();
        }
        """,
        """
        package com.example.shop.web;

        import com.example.shop.OtelHttpClient;
        import java.net.http.HttpClient;

        class Calls {
          HttpClient client = OtelHttpClient.wrap(HttpClient.newHttpClient());
        }
        """);
  }

  @Test
  void anotherLibrarysHttpClientIsNotTouched() {
    assertUnchanged(
        new WrapJavaHttpClient(),
        """
        package com.example.shop;

        import java.net.http.HttpRequest;
        import org.eclipse.jetty.client.HttpClient;

        class Shop {
          HttpClient client = HttpClient.newHttpClient();
        }
        """);
  }

  @Test
  void httpServerContextsGetTheTracingFilter() {
    assertRewrite(
        new InstrumentHttpServer(),
        """
        package com.example.shop;

        import com.sun.net.httpserver.HttpServer;

        class Shop {
          void routes(HttpServer server) {
            server.createContext("/orders", exchange -> exchange.close());
            var health = server.createContext("/health");
          }
        }
        """,
        """
        package com.example.shop;

        import com.sun.net.httpserver.HttpServer;

        class Shop {
          void routes(HttpServer server) {
            OtelHttpServer.instrument(server.createContext("/orders", exchange -> exchange.close()));
            var health = OtelHttpServer.instrument(server.createContext("/health"));
          }
        }
        """);
  }

  @Test
  void okHttpClientKeepsItsType() {
    assertRewrite(
        new WrapOkHttp(),
        """
        package com.example.shop;

        import okhttp3.OkHttpClient;

        class Shop {
          private final OkHttpClient plain = new OkHttpClient();
          private final OkHttpClient built = new OkHttpClient.Builder().build();
          private final OkHttpClient derived = plain.newBuilder().build();
        }
        """,
        """
        package com.example.shop;

        import okhttp3.OkHttpClient;

        class Shop {
          private final OkHttpClient plain = OtelOkHttp.instrument(new OkHttpClient());
          private final OkHttpClient built = OtelOkHttp.instrument(new OkHttpClient.Builder().build());
          private final OkHttpClient derived = plain.newBuilder().build();
        }
        """);
  }

  @Test
  void executorsAreWrappedWithTheOverloadOfTheirDeclaredType() {
    assertRewrite(
        new WrapExecutor(),
        """
        package com.example.shop;

        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Executors;
        import java.util.concurrent.ScheduledExecutorService;

        class Shop {
          private final ExecutorService workers = Executors.newFixedThreadPool(4);
          private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
        }
        """,
        """
        package com.example.shop;

        import io.opentelemetry.context.Context;
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Executors;
        import java.util.concurrent.ScheduledExecutorService;

        class Shop {
          private final ExecutorService workers = Context.taskWrapping(Executors.newFixedThreadPool(4));
          private final ScheduledExecutorService timer = Context.taskWrapping(Executors.newScheduledThreadPool(1));
        }
        """);
  }

  @Test
  void threadPoolExecutorDeclaredAsItselfIsAManualItem() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            new WrapExecutor(),
            """
            package com.example.shop;

            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Shop {
              private final ThreadPoolExecutor pool =
                  new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10));
            }
            """);
    assertThat(result.manual())
        .singleElement()
        .satisfies(m -> {
          assertThat(m.line()).isEqualTo(9);
          assertThat(m.reason()).contains("ThreadPoolExecutor");
        });
  }

  @Test
  void httpServerExecutorIsLeftAlone() {
    assertUnchanged(
        new WrapExecutor(),
        """
        package com.example.shop;

        import com.sun.net.httpserver.HttpServer;
        import java.util.concurrent.Executors;

        class Shop {
          void start(HttpServer server) {
            server.setExecutor(Executors.newFixedThreadPool(4));
          }
        }
        """);
  }

  @Test
  void completableFutureTasksRunInTheCallersContext() {
    assertRewrite(
        new WrapCompletableFuture(),
        """
        package com.example.shop;

        import java.util.concurrent.CompletableFuture;

        class Shop {
          CompletableFuture<Integer> price() {
            CompletableFuture.runAsync(() -> audit());
            return CompletableFuture.supplyAsync(() -> 42).thenApplyAsync(p -> p + 1);
          }

          void audit() {}
        }
        """,
        """
        package com.example.shop;

        import io.opentelemetry.context.Context;
        import java.util.concurrent.CompletableFuture;

        class Shop {
          CompletableFuture<Integer> price() {
            CompletableFuture.runAsync(Context.current().wrap(() -> audit()));
            return CompletableFuture.supplyAsync(Context.current().wrapSupplier(() -> 42)).thenApplyAsync(Context.current().wrapFunction(p -> p + 1));
          }

          void audit() {}
        }
        """);
  }

  @Test
  void newThreadRunsInItsCreatorsContextButThreadFactoriesAndShutdownHooksAreLeftAlone() {
    assertRewrite(
        new WrapThread(),
        """
        package com.example.shop;

        import java.util.concurrent.ThreadFactory;

        class Shop {
          ThreadFactory factory = r -> new Thread(r, "worker");

          void start(Runnable task) {
            new Thread(() -> task.run(), "once").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> task.run()));
          }
        }
        """,
        """
        package com.example.shop;

        import io.opentelemetry.context.Context;
        import java.util.concurrent.ThreadFactory;

        class Shop {
          ThreadFactory factory = r -> new Thread(r, "worker");

          void start(Runnable task) {
            new Thread(Context.current().wrap(() -> task.run()), "once").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> task.run()));
          }
        }
        """);
  }

  @Test
  void concatenatedLogMessagesBecomeTemplates() {
    assertRewrite(
        new ParameterizeLogMessage(),
        """
        package com.example.shop;

        import org.slf4j.Logger;
        import org.slf4j.LoggerFactory;

        class Shop {
          private static final Logger log = LoggerFactory.getLogger(Shop.class);

          void order(String id, int count) {
            log.info("order " + id + " with " + count + " items");
            try {
              count++;
            } catch (RuntimeException e) {
              log.error("order " + id + " failed", e);
            }
            log.debug(count + 1 + " items");
          }
        }
        """,
        """
        package com.example.shop;

        import org.slf4j.Logger;
        import org.slf4j.LoggerFactory;

        class Shop {
          private static final Logger log = LoggerFactory.getLogger(Shop.class);

          void order(String id, int count) {
            log.info("order {} with {} items", id, count);
            try {
              count++;
            } catch (RuntimeException e) {
              log.error("order {} failed", id, e);
            }
            log.debug(count + 1 + " items");
          }
        }
        """);
  }

  @Test
  void mainStartsOpenTelemetryFirst() {
    assertRewrite(
        new InitBootstrap(),
        """
        package com.example.shop;

        class Shop {
          public static void main(String[] args) {
            System.out.println("up");
          }
        }
        """,
        """
        package com.example.shop;

        class Shop {
          public static void main(String[] args) {
            OtelBootstrap.init();
            System.out.println("up");
          }
        }
        """);
  }

  @Test
  void anUnparseableFileComesBackByteIdenticalWithItsLine() {
    String broken =
        """
        package com.example.shop;

        import java.util.concurrent.Executors;

        class Shop {
          Object pool = Executors.newFixedThreadPool(4)
        }
        """;
    JavaFileRewriter rewriter = new JavaFileRewriter(Rewrites.sdkMode(), RewriteTester.SETTINGS);
    JavaFileRewriter.Result result = rewriter.rewrite("Shop.java", broken);
    assertThat(result.text()).isSameAs(broken);
    assertThat(result.failure()).startsWith("does not parse");
    assertThat(result.failureLine()).isEqualTo(6);
    assertThat(result.changes()).isEmpty();
  }

  @Test
  void everyRewriteHasAStableIdTheScanUsesToo() {
    assertThat(Rewrites.sdkMode().stream().map(JavaRewrite::id).toList())
        .containsExactly(
            RewriteId.MIGRATE_OPENTRACING,
            RewriteId.MIGRATE_BRAVE,
            RewriteId.MIGRATE_DATADOG_TRACE,
            RewriteId.MIGRATE_DATADOG_CORRELATION_IDS,
            RewriteId.WRAP_JAVA_HTTP_CLIENT,
            RewriteId.INSTRUMENT_HTTP_SERVER,
            RewriteId.REGISTER_JETTY_FILTER,
            RewriteId.REGISTER_TOMCAT_FILTER,
            RewriteId.REGISTER_DROPWIZARD_FILTER,
            RewriteId.WRAP_APACHE_HTTPCLIENT_5,
            RewriteId.WRAP_OKHTTP,
            RewriteId.WRAP_APACHE_HTTPCLIENT_4,
            RewriteId.INSTRUMENT_SPRING_WEB,
            RewriteId.WRAP_KAFKA_CLIENT,
            RewriteId.WRAP_EXECUTOR,
            RewriteId.WRAP_COMPLETABLE_FUTURE,
            RewriteId.WRAP_THREAD,
            RewriteId.MIGRATE_JUL_TO_SLF4J,
            RewriteId.MIGRATE_JCL_TO_SLF4J,
            RewriteId.MIGRATE_LOG4J1_TO_SLF4J,
            RewriteId.MIGRATE_SYSTEM_OUT_TO_SLF4J,
            RewriteId.PARAMETERIZE_LOG_MESSAGE,
            RewriteId.ATTACH_DROPWIZARD_LOG_APPENDERS,
            RewriteId.INIT_BOOTSTRAP);
    assertThat(Rewrites.byId(RewriteId.WRAP_EXECUTOR)).isInstanceOf(WrapExecutor.class);
    assertThat(List.copyOf(Rewrites.sdkMode())).allSatisfy(r -> assertThat(r.description()).isNotBlank());
  }
}
