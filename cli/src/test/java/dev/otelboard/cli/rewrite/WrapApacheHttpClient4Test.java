package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrapApacheHttpClient4Test {

  @Test
  void dropwizardClientBuildersAreInstrumentedKeepingTheType() {
    JavaFileRewriter.Result result = assertRewrite(new WrapApacheHttpClient4(),
        """
        package com.example.shop;

        import io.dropwizard.client.HttpClientBuilder;
        import io.dropwizard.setup.Environment;
        import org.apache.http.impl.client.CloseableHttpClient;

        class Shop {
          CloseableHttpClient client(Environment environment, ShopConfiguration config) {
            return new HttpClientBuilder(environment)
                .using(config.getBackClient())
                .build("back");
          }

          CloseableHttpClient plain(Environment environment) {
            return new HttpClientBuilder(environment).build("plain");
          }
        }
        """,
        """
        package com.example.shop;

        import io.dropwizard.client.HttpClientBuilder;
        import io.dropwizard.setup.Environment;
        import org.apache.http.impl.client.CloseableHttpClient;

        class Shop {
          CloseableHttpClient client(Environment environment, ShopConfiguration config) {
            return OtelApacheHttpClient4.instrument(new HttpClientBuilder(environment)
                .using(config.getBackClient())
                .build("back"));
          }

          CloseableHttpClient plain(Environment environment) {
            return OtelApacheHttpClient4.instrument(new HttpClientBuilder(environment).build("plain"));
          }
        }
        """);
    assertThat(result.changes()).extracting(Change::line).containsExactly(9, 15);
    assertThat(result.needs())
        .contains(Instrumentation.APACHE_HTTPCLIENT_4_ADAPTER, Instrumentation.BOOTSTRAP);
  }

  @Test
  void apacheFactoriesAndBuildersAreInstrumented() {
    assertRewrite(new WrapApacheHttpClient4(),
        """
        package com.example.shop.calls;

        import org.apache.http.impl.client.CloseableHttpClient;
        import org.apache.http.impl.client.HttpClientBuilder;
        import org.apache.http.impl.client.HttpClients;

        class Calls {
          private final CloseableHttpClient a = HttpClients.createDefault();
          private final CloseableHttpClient b = HttpClients.custom().setMaxConnTotal(5).build();
          private final CloseableHttpClient c = HttpClientBuilder.create().build();
          private final CloseableHttpClient d = HttpClients.createSystem();
        }
        """,
        """
        package com.example.shop.calls;

        import com.example.shop.OtelApacheHttpClient4;
        import org.apache.http.impl.client.CloseableHttpClient;
        import org.apache.http.impl.client.HttpClientBuilder;
        import org.apache.http.impl.client.HttpClients;

        class Calls {
          private final CloseableHttpClient a = OtelApacheHttpClient4.instrument(HttpClients.createDefault());
          private final CloseableHttpClient b = OtelApacheHttpClient4.instrument(HttpClients.custom().setMaxConnTotal(5).build());
          private final CloseableHttpClient c = OtelApacheHttpClient4.instrument(HttpClientBuilder.create().build());
          private final CloseableHttpClient d = OtelApacheHttpClient4.instrument(HttpClients.createSystem());
        }
        """);
  }

  @Test
  void httpClient5AndBuildersKeptForLaterAreLeftAlone() {
    assertUnchanged(new WrapApacheHttpClient4(),
        """
        package com.example.shop;

        import io.dropwizard.client.HttpClientBuilder;
        import io.dropwizard.core.setup.Environment;
        import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
        import org.apache.http.impl.client.HttpClients;

        class Shop {
          CloseableHttpClient client(Environment environment) {
            return new HttpClientBuilder(environment).build("back");
          }

          org.apache.http.impl.client.HttpClientBuilder builder() {
            return HttpClients.custom();
          }
        }
        """.replace("import org.apache.http.impl.client.HttpClients;\n", "")
            .replace("HttpClients.custom()", "org.apache.http.impl.client.HttpClients.custom()"));
  }

  @Test
  void aDropwizardBuilderInAFileNamingNeitherVersionIsAManualItem() {
    JavaFileRewriter.Result result = assertUnchanged(new WrapApacheHttpClient4(),
        """
        package com.example.shop;

        import io.dropwizard.client.HttpClientBuilder;
        import io.dropwizard.setup.Environment;

        class Shop {
          Object client(Environment environment) {
            var client = new HttpClientBuilder(environment).build("back");
            return client;
          }
        }
        """);
    assertThat(result.manual()).singleElement().satisfies(m -> {
      assertThat(m.line()).isEqualTo(8);
      assertThat(m.reason()).contains("HttpClient 4", "HttpClient 5");
    });
  }
}
