package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachDropwizardLogAppendersTest {

  @Test
  void runAttachesTheAppendersFirst() {
    JavaFileRewriter.Result result = assertRewrite(new AttachDropwizardLogAppenders(),
        """
        package com.example.shop;

        import io.dropwizard.Application;
        import io.dropwizard.setup.Bootstrap;
        import io.dropwizard.setup.Environment;

        public class ShopApplication extends Application<ShopConfiguration> {
          @Override
          public void initialize(Bootstrap<ShopConfiguration> bootstrap) {
            bootstrap.addBundle(new ShopBundle());
          }

          @Override
          public void run(ShopConfiguration configuration, Environment environment) {
            // Resources
            environment.jersey().register(new ShopResource());
          }
        }
        """,
        """
        package com.example.shop;

        import io.dropwizard.Application;
        import io.dropwizard.setup.Bootstrap;
        import io.dropwizard.setup.Environment;

        public class ShopApplication extends Application<ShopConfiguration> {
          @Override
          public void initialize(Bootstrap<ShopConfiguration> bootstrap) {
            bootstrap.addBundle(new ShopBundle());
          }

          @Override
          public void run(ShopConfiguration configuration, Environment environment) {
            OtelBootstrap.attachLogbackAppenders();
            // Resources
            environment.jersey().register(new ShopResource());
          }
        }
        """);
    assertThat(result.changes()).singleElement()
        .satisfies(c -> assertThat(c.line()).isEqualTo(13));
    assertThat(result.needs()).contains(Instrumentation.BOOTSTRAP);
  }

  @Test
  void dropwizard4ApplicationsInASubpackageImportTheBootstrap() {
    assertRewrite(new AttachDropwizardLogAppenders(),
        """
        package com.example.shop.app;

        import io.dropwizard.core.Application;
        import io.dropwizard.core.Configuration;
        import io.dropwizard.core.setup.Environment;

        class App extends Application<Configuration> {
          @Override
          public void run(Configuration configuration, Environment environment) {
          }
        }
        """,
        """
        package com.example.shop.app;

        import com.example.shop.OtelBootstrap;
        import io.dropwizard.core.Application;
        import io.dropwizard.core.Configuration;
        import io.dropwizard.core.setup.Environment;

        class App extends Application<Configuration> {
          @Override
          public void run(Configuration configuration, Environment environment) {
            OtelBootstrap.attachLogbackAppenders();
          }
        }
        """);
  }

  @Test
  void commandsAndOtherApplicationsAreLeftAlone() {
    assertUnchanged(new AttachDropwizardLogAppenders(),
        """
        package com.example.shop;

        import io.dropwizard.cli.EnvironmentCommand;
        import io.dropwizard.setup.Environment;
        import javafx.application.Application;

        class Shop extends Application {
          public void run(Object configuration, Environment environment) {
          }
        }
        """);
  }
}
