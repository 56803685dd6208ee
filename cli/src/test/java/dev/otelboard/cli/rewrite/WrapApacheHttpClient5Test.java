package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrapApacheHttpClient5Test {

  @Test
  void buildersGetTheInterceptorAndFactoriesBecomeTheAdapters() {
    JavaFileRewriter.Result result = assertRewrite(new WrapApacheHttpClient5(),
        """
        package com.example.shop;

        import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
        import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
        import org.apache.hc.client5.http.impl.classic.HttpClients;

        class Clients {
          private final CloseableHttpClient pooled =
              HttpClients.custom().setUserAgent("shop").build();
          private final CloseableHttpClient plain = HttpClients.createDefault();
          private final CloseableHttpClient system = HttpClients.createSystem();
          private final CloseableHttpClient built = HttpClientBuilder.create().build();
        }
        """,
        """
        package com.example.shop;

        import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
        import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
        import org.apache.hc.client5.http.impl.classic.HttpClients;

        class Clients {
          private final CloseableHttpClient pooled =
              OtelHttpClient5.instrument(HttpClients.custom()).setUserAgent("shop").build();
          private final CloseableHttpClient plain = OtelHttpClient5.createDefault();
          private final CloseableHttpClient system = OtelHttpClient5.createSystem();
          private final CloseableHttpClient built = OtelHttpClient5.instrument(HttpClientBuilder.create()).build();
        }
        """);
    assertThat(result.changes()).extracting(Change::line)
        .containsExactlyInAnyOrder(9, 10, 11, 12);
    assertThat(result.needs()).containsExactlyInAnyOrder(
        Instrumentation.HTTP_CLIENT5_ADAPTER, Instrumentation.BOOTSTRAP);
  }

  @Test
  void aClientInAnotherPackageImportsTheAdapter() {
    assertRewrite(new WrapApacheHttpClient5(),
        """
        package com.example.shop.ledger;

        import org.apache.hc.client5.http.impl.classic.HttpClients;

        class Ledger {
          Object client() {
            return HttpClients.createDefault();
          }
        }
        """,
        """
        package com.example.shop.ledger;

        import com.example.shop.OtelHttpClient5;
        import org.apache.hc.client5.http.impl.classic.HttpClients;

        class Ledger {
          Object client() {
            return OtelHttpClient5.createDefault();
          }
        }
        """);
  }

  @Test
  void minimalAndAsyncClientsAreManualItemsAndLeftAlone() {
    JavaFileRewriter.Result result = assertUnchanged(new WrapApacheHttpClient5(),
        """
        package com.example.shop;

        import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
        import org.apache.hc.client5.http.impl.classic.HttpClients;

        class Clients {
          Object minimal = HttpClients.createMinimal();
          Object async = HttpAsyncClients.createDefault();
        }
        """);
    assertThat(result.manual()).extracting(ManualItem::line, m -> m.reason().split(":")[0])
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(7, "HttpClients.createMinimal() has no exec chain to add the tracing interceptor to"),
            org.assertj.core.groups.Tuple.tuple(8, "HttpAsyncClients.createDefault()"));
  }

  @Test
  void httpClient4IsNotTouched() {
    assertUnchanged(new WrapApacheHttpClient5(),
        """
        package com.example.shop;

        import org.apache.http.impl.client.HttpClients;

        class Clients {
          Object client = HttpClients.createDefault();
        }
        """);
  }
}
