package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstrumentSpringMvcTest {

  @Test
  void theApplicationClassGetsTheServerFilterBeanAfterItsLastMember() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new InstrumentSpringMvc(),
            """
            package com.example.shop;

            import org.springframework.boot.SpringApplication;
            import org.springframework.boot.autoconfigure.SpringBootApplication;
            import org.springframework.boot.web.client.RestTemplateBuilder;
            import org.springframework.context.annotation.Bean;
            import org.springframework.web.client.RestTemplate;

            /** The shop. */
            @SpringBootApplication
            public class ShopApplication {
              public static void main(String[] args) {
                SpringApplication.run(ShopApplication.class, args);
              }

              @Bean
              RestTemplate client(RestTemplateBuilder builder) {
                return builder.build();
              }
            }
            """,
            """
            package com.example.shop;

            import org.springframework.boot.SpringApplication;
            import org.springframework.boot.autoconfigure.SpringBootApplication;
            import org.springframework.boot.web.client.RestTemplateBuilder;
            import org.springframework.boot.web.servlet.FilterRegistrationBean;
            import org.springframework.context.annotation.Bean;
            import org.springframework.web.client.RestTemplate;

            /** The shop. */
            @SpringBootApplication
            public class ShopApplication {
              public static void main(String[] args) {
                SpringApplication.run(ShopApplication.class, args);
              }

              @Bean
              RestTemplate client(RestTemplateBuilder builder) {
                return builder.build();
              }

              /** A SERVER span for each request (opentelemetry-spring-webmvc; otelboard). */
              @Bean
              FilterRegistrationBean<?> otelServerFilter() {
                return OtelSpringMvc.serverFilter();
              }
            }
            """);
    assertThat(result.changes()).extracting(Change::line).containsExactly(10);
    assertThat(result.needs())
        .containsExactlyInAnyOrder(Instrumentation.SPRING_MVC_FILTER, Instrumentation.BOOTSTRAP);
  }

  @Test
  void anApplicationInASubpackageImportsTheGeneratedHelper() {
    assertRewrite(
        new InstrumentSpringMvc(),
        """
        package com.example.shop.app;

        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        class App {}
        """,
        """
        package com.example.shop.app;

        import com.example.shop.OtelSpringMvc;
        import org.springframework.boot.autoconfigure.SpringBootApplication;
        import org.springframework.boot.web.servlet.FilterRegistrationBean;
        import org.springframework.context.annotation.Bean;

        @SpringBootApplication
        class App {
          /** A SERVER span for each request (opentelemetry-spring-webmvc; otelboard). */
          @Bean
          FilterRegistrationBean<?> otelServerFilter() {
            return OtelSpringMvc.serverFilter();
          }
        }
        """);
  }

  @Test
  void aClassThatIsNotTheApplicationIsLeftAlone() {
    assertUnchanged(
        new InstrumentSpringMvc(),
        """
        package com.example.shop;

        // Not a @SpringBootApplication: a test helper that mentions SpringBootApplication.
        class Helper {}
        """);
  }
}
