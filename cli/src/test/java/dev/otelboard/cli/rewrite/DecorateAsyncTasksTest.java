package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecorateAsyncTasksTest {

  @Test
  void theEnableAsyncClassGetsATaskDecoratorBeanThatCarriesTheCallersContext() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new DecorateAsyncTasks(),
            """
            package com.example.shop;

            import org.springframework.boot.SpringApplication;
            import org.springframework.boot.autoconfigure.SpringBootApplication;
            import org.springframework.scheduling.annotation.EnableAsync;

            @SpringBootApplication
            @EnableAsync
            public class ShopApplication {
              public static void main(String[] args) {
                SpringApplication.run(ShopApplication.class, args);
              }
            }
            """,
            """
            package com.example.shop;

            import io.opentelemetry.context.Context;
            import org.springframework.boot.SpringApplication;
            import org.springframework.boot.autoconfigure.SpringBootApplication;
            import org.springframework.context.annotation.Bean;
            import org.springframework.core.task.TaskDecorator;
            import org.springframework.scheduling.annotation.EnableAsync;

            @SpringBootApplication
            @EnableAsync
            public class ShopApplication {
              public static void main(String[] args) {
                SpringApplication.run(ShopApplication.class, args);
              }

              /** Runs each @Async task in the caller's OpenTelemetry context (otelboard). */
              @Bean
              TaskDecorator otelContextTaskDecorator() {
                return task -> Context.current().wrap(task);
              }
            }
            """);
    assertThat(result.changes()).extracting(Change::line).containsExactly(8);
    assertThat(result.needs()).containsExactly(Instrumentation.CONTEXT);
  }

  @Test
  void anEmptyConfigurationClassGetsTheBeanWithoutABlankLineFirst() {
    assertRewrite(
        new DecorateAsyncTasks(),
        """
        package com.example.shop.config;

        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;
        import org.springframework.scheduling.annotation.*;

        @Configuration
        @EnableAsync
        class AsyncConfig {
        }
        """,
        """
        package com.example.shop.config;

        import io.opentelemetry.context.Context;
        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;
        import org.springframework.core.task.TaskDecorator;
        import org.springframework.scheduling.annotation.*;

        @Configuration
        @EnableAsync
        class AsyncConfig {
          /** Runs each @Async task in the caller's OpenTelemetry context (otelboard). */
          @Bean
          TaskDecorator otelContextTaskDecorator() {
            return task -> Context.current().wrap(task);
          }
        }
        """);
  }

  @Test
  void anOwnExecutorOrAnExistingDecoratorIsAPreciseManualItemAndNoEdit() {
    JavaFileRewriter.Result configurer =
        assertUnchanged(
            new DecorateAsyncTasks(),
            """
            package com.example.shop;

            import java.util.concurrent.Executor;
            import org.springframework.scheduling.annotation.AsyncConfigurer;
            import org.springframework.scheduling.annotation.EnableAsync;

            @EnableAsync
            class AsyncConfig implements AsyncConfigurer {
              @Override
              public Executor getAsyncExecutor() {
                return Runnable::run;
              }
            }
            """);
    JavaFileRewriter.Result decorated =
        assertUnchanged(
            new DecorateAsyncTasks(),
            """
            package com.example.shop;

            import org.springframework.context.annotation.Bean;
            import org.springframework.core.task.TaskDecorator;
            import org.springframework.scheduling.annotation.EnableAsync;

            @EnableAsync
            class AsyncConfig {
              @Bean
              TaskDecorator mdcDecorator() {
                return task -> task;
              }
            }
            """);

    assertThat(configurer.manual()).singleElement().satisfies(m -> {
      assertThat(m.line()).isEqualTo(7);
      assertThat(m.reason()).contains("AsyncConfigurer", "Context.current().wrap(task)");
    });
    assertThat(decorated.manual()).singleElement()
        .satisfies(m -> assertThat(m.reason()).contains("already declares a TaskDecorator"));
  }

  @Test
  void withoutEnableAsyncNothingChanges() {
    assertUnchanged(
        new DecorateAsyncTasks(),
        """
        package com.example.shop;

        import org.springframework.scheduling.annotation.Async;

        class Jobs {
          @Async
          public void run() {}
        }
        """);
  }
}
