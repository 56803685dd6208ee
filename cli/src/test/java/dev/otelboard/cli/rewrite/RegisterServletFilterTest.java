package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rewrites that register the generated servlet Filter where each framework adds filters. */
class RegisterServletFilterTest {

  @Test
  void dropwizardRunRegistersTheFilterOnTheApplicationServlets() {
    JavaFileRewriter.Result result = assertRewrite(new RegisterDropwizardFilter(),
        """
        package com.example.shop;

        import io.dropwizard.Application;
        import io.dropwizard.setup.Environment;

        public class ShopApplication extends Application<ShopConfiguration> {
          @Override
          public void run(ShopConfiguration config, Environment env) {
            env.jersey().register(new OrderResource());
          }
        }
        """,
        """
        package com.example.shop;

        import io.dropwizard.Application;
        import io.dropwizard.setup.Environment;

        public class ShopApplication extends Application<ShopConfiguration> {
          @Override
          public void run(ShopConfiguration config, Environment env) {
            env.servlets().addFilter("OtelServletFilter", new OtelServletFilter()).addMappingForUrlPatterns(OtelServletFilter.requests(), true, "/*");
            env.jersey().register(new OrderResource());
          }
        }
        """);
    assertThat(result.changes()).extracting(Change::line, Change::rewriteId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(7,
            RewriteId.REGISTER_DROPWIZARD_FILTER));
    assertThat(result.needs())
        .containsExactlyInAnyOrder(Instrumentation.SERVLET_FILTER, Instrumentation.BOOTSTRAP);
  }

  @Test
  void dropwizard4ApplicationInAnotherPackageImportsTheFilter() {
    assertRewrite(new RegisterDropwizardFilter(),
        """
        package com.example.shop.app;

        import io.dropwizard.core.Application;
        import io.dropwizard.core.setup.Environment;

        public class ShopApplication extends Application<ShopConfiguration> {
            @Override
            public void run(final ShopConfiguration configuration, final Environment environment) {
                environment.jersey().register(new OrderResource());
            }
        }
        """,
        """
        package com.example.shop.app;

        import com.example.shop.OtelServletFilter;
        import io.dropwizard.core.Application;
        import io.dropwizard.core.setup.Environment;

        public class ShopApplication extends Application<ShopConfiguration> {
            @Override
            public void run(final ShopConfiguration configuration, final Environment environment) {
                environment.servlets().addFilter("OtelServletFilter", new OtelServletFilter()).addMappingForUrlPatterns(OtelServletFilter.requests(), true, "/*");
                environment.jersey().register(new OrderResource());
            }
        }
        """);
  }

  @Test
  void aDropwizardRunOnOneLineIsAManualItemAndLeftAlone() {
    JavaFileRewriter.Result result = assertUnchanged(new RegisterDropwizardFilter(),
        """
        package com.example.shop;

        import io.dropwizard.Application;
        import io.dropwizard.setup.Environment;

        public class ShopApplication extends Application<ShopConfiguration> {
          public void run(ShopConfiguration c, Environment env) { env.jersey().register(this); }
        }
        """);
    assertThat(result.manual()).singleElement()
        .satisfies(m -> assertThat(m.line()).isEqualTo(7))
        .satisfies(m -> assertThat(m.reason()).contains("braces share a line"));
  }

  @Test
  void aClassThatIsNoDropwizardApplicationIsLeftAlone() {
    assertUnchanged(new RegisterDropwizardFilter(),
        """
        package com.example.shop;

        import io.dropwizard.setup.Environment;

        class Tasks {
          void run(String name, Environment env) {
            env.lifecycle().manage(null);
          }
        }
        """);
  }

  @Test
  void jettyServletContextHandlerGetsTheFilterAfterItIsCreated() {
    JavaFileRewriter.Result result = assertRewrite(new RegisterJettyFilter(),
        """
        package com.example.shop;

        import org.eclipse.jetty.server.Server;
        import org.eclipse.jetty.servlet.ServletContextHandler;

        public class Main {
          public static void main(String[] args) throws Exception {
            Server server = new Server(8080);
            ServletContextHandler context =
                new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
            context.addServlet(OrderServlet.class, "/orders/*");
            server.setHandler(context);
            server.start();
          }
        }
        """,
        """
        package com.example.shop;

        import org.eclipse.jetty.server.Server;
        import org.eclipse.jetty.servlet.ServletContextHandler;

        public class Main {
          public static void main(String[] args) throws Exception {
            Server server = new Server(8080);
            ServletContextHandler context =
                new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
            context.addFilter(OtelServletFilter.class, "/*", OtelServletFilter.requests());
            context.addServlet(OrderServlet.class, "/orders/*");
            server.setHandler(context);
            server.start();
          }
        }
        """);
    assertThat(result.changes()).extracting(Change::line, Change::rewriteId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(10,
            RewriteId.REGISTER_JETTY_FILTER));
    assertThat(result.needs())
        .containsExactlyInAnyOrder(Instrumentation.SERVLET_FILTER, Instrumentation.BOOTSTRAP);
  }

  @Test
  void jetty12AssignmentInAnotherPackageImportsTheFilter() {
    assertRewrite(new RegisterJettyFilter(),
        """
        package com.example.shop.web;

        import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

        class Web {
          private ServletContextHandler handler;

          void build() {
            handler = new ServletContextHandler();
            handler.setContextPath("/");
          }
        }
        """,
        """
        package com.example.shop.web;

        import com.example.shop.OtelServletFilter;
        import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

        class Web {
          private ServletContextHandler handler;

          void build() {
            handler = new ServletContextHandler();
            handler.addFilter(OtelServletFilter.class, "/*", OtelServletFilter.requests());
            handler.setContextPath("/");
          }
        }
        """);
  }

  @Test
  void aHandlerPassedStraightToTheServerIsAManualItem() {
    JavaFileRewriter.Result result = assertUnchanged(new RegisterJettyFilter(),
        """
        package com.example.shop;

        import org.eclipse.jetty.server.Server;
        import org.eclipse.jetty.servlet.ServletContextHandler;

        class Main {
          void start(Server server) {
            server.setHandler(new ServletContextHandler());
          }
        }
        """);
    assertThat(result.manual()).singleElement()
        .satisfies(m -> assertThat(m.line()).isEqualTo(8))
        .satisfies(m -> assertThat(m.reason()).contains("not assigned to a variable"));
  }
}
