package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstrumentSpringWebTest {

  @Test
  void restTemplateBeansGetTheInterceptorInPlaceIncludingLoadBalancedAndBuilderBuiltOnes() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new InstrumentSpringWeb(),
            """
            package com.example.shop.config;

            import java.time.Duration;
            import org.springframework.boot.web.client.RestTemplateBuilder;
            import org.springframework.cloud.client.loadbalancer.LoadBalanced;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.web.client.RestTemplate;

            @Configuration
            class Clients {
              @Bean
              RestTemplate plain() {
                return new RestTemplate();
              }

              @Bean
              @LoadBalanced
              RestTemplate inventory(RestTemplateBuilder builder) {
                return builder
                    .setConnectTimeout(Duration.ofSeconds(2)) // fail fast
                    .build();
              }
            }
            """,
            """
            package com.example.shop.config;

            import com.example.shop.OtelSpringWeb;
            import java.time.Duration;
            import org.springframework.boot.web.client.RestTemplateBuilder;
            import org.springframework.cloud.client.loadbalancer.LoadBalanced;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.web.client.RestTemplate;

            @Configuration
            class Clients {
              @Bean
              RestTemplate plain() {
                return OtelSpringWeb.instrument(new RestTemplate());
              }

              @Bean
              @LoadBalanced
              RestTemplate inventory(RestTemplateBuilder builder) {
                return OtelSpringWeb.instrument(builder
                    .setConnectTimeout(Duration.ofSeconds(2)) // fail fast
                    .build());
              }
            }
            """);
    assertThat(result.changes()).extracting(Change::line).containsExactly(14, 20);
    assertThat(result.needs())
        .contains(Instrumentation.SPRING_WEB, Instrumentation.SPRING_WEB_ADAPTER,
            Instrumentation.BOOTSTRAP)
        .doesNotContain(Instrumentation.SPRING_REST_CLIENT);
  }

  @Test
  void restClientsGetTheInterceptorAndWebClientIsAPreciseManualItem() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new InstrumentSpringWeb(),
            """
            package com.example.shop;

            import org.springframework.web.client.RestClient;
            import org.springframework.web.reactive.function.client.WebClient;

            class Clients {
              final RestClient inventory = RestClient.builder().baseUrl("http://inventory").build();
              final RestClient prices = RestClient.create("http://prices");
              final WebClient reviews = WebClient.create("http://reviews");
            }
            """,
            """
            package com.example.shop;

            import org.springframework.web.client.RestClient;
            import org.springframework.web.reactive.function.client.WebClient;

            class Clients {
              final RestClient inventory = OtelSpringWeb.instrument(RestClient.builder().baseUrl("http://inventory").build());
              final RestClient prices = OtelSpringWeb.instrument(RestClient.create("http://prices"));
              final WebClient reviews = WebClient.create("http://reviews");
            }
            """);
    assertThat(result.needs()).contains(Instrumentation.SPRING_REST_CLIENT);
    assertThat(result.manual())
        .singleElement()
        .satisfies(m -> {
          assertThat(m.line()).isEqualTo(9);
          assertThat(m.reason()).contains("SpringWebfluxClientTelemetry", "no rewrite for it yet");
        });
  }

  @Test
  void handInstrumentedClientsAreLeftAlone() {
    assertUnchanged(
        new InstrumentSpringWeb(),
        """
        package com.example.shop;

        import io.opentelemetry.api.GlobalOpenTelemetry;
        import io.opentelemetry.instrumentation.spring.web.v3_1.SpringWebTelemetry;
        import org.springframework.web.client.RestTemplate;

        class Clients {
          RestTemplate template() {
            RestTemplate template = new RestTemplate();
            template.getInterceptors().add(
                SpringWebTelemetry.create(GlobalOpenTelemetry.get()).createInterceptor());
            return template;
          }
        }
        """);
  }
}
