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
            env.jersey().register(OtelJaxrsRoute.class);
            env.jersey().register(new OrderResource());
          }
        }
        """);
    assertThat(result.changes()).extracting(Change::line, Change::rewriteId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(7,
            RewriteId.REGISTER_DROPWIZARD_FILTER));
    assertThat(result.needs())
        .containsExactlyInAnyOrder(Instrumentation.SERVLET_FILTER, Instrumentation.JAXRS_ROUTE,
            Instrumentation.BOOTSTRAP);
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

        import com.example.shop.OtelJaxrsRoute;
        import com.example.shop.OtelServletFilter;
        import io.dropwizard.core.Application;
        import io.dropwizard.core.setup.Environment;

        public class ShopApplication extends Application<ShopConfiguration> {
            @Override
            public void run(final ShopConfiguration configuration, final Environment environment) {
                environment.servlets().addFilter("OtelServletFilter", new OtelServletFilter()).addMappingForUrlPatterns(OtelServletFilter.requests(), true, "/*");
                environment.jersey().register(OtelJaxrsRoute.class);
                environment.jersey().register(new OrderResource());
            }
        }
        """);
  }

  @Test
  void aRunThatRegistersTheFilterAlreadyGetsOnlyTheRouteFilter() {
    JavaFileRewriter.Result result = assertRewrite(new RegisterDropwizardFilter(),
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
        """,
        """
        package com.example.shop;

        import io.dropwizard.Application;
        import io.dropwizard.setup.Environment;

        public class ShopApplication extends Application<ShopConfiguration> {
          @Override
          public void run(ShopConfiguration config, Environment env) {
            env.jersey().register(OtelJaxrsRoute.class);
            env.servlets().addFilter("OtelServletFilter", new OtelServletFilter()).addMappingForUrlPatterns(OtelServletFilter.requests(), true, "/*");
            env.jersey().register(new OrderResource());
          }
        }
        """);
    assertThat(result.changes()).singleElement()
        .satisfies(c -> assertThat(c.description()).endsWith("registers OtelJaxrsRoute "
            + "(http.route from the matched resource method)"));
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

  @Test
  void tomcatContextGetsTheFilterThroughFilterDefAndFilterMap() {
    JavaFileRewriter.Result result = assertRewrite(new RegisterTomcatFilter(),
        """
        package com.example.shop;

        import org.apache.catalina.Context;
        import org.apache.catalina.startup.Tomcat;

        public class Main {
          public static void main(String[] args) throws Exception {
            Tomcat tomcat = new Tomcat();
            tomcat.setPort(8080);
            tomcat.getConnector();
            Context ctx = tomcat.addContext("", null);
            Tomcat.addServlet(ctx, "orders", new OrderServlet());
            ctx.addServletMappingDecoded("/orders/*", "orders");
            tomcat.start();
            tomcat.getServer().await();
          }
        }
        """,
        """
        package com.example.shop;

        import org.apache.catalina.Context;
        import org.apache.catalina.startup.Tomcat;
        import org.apache.tomcat.util.descriptor.web.FilterDef;
        import org.apache.tomcat.util.descriptor.web.FilterMap;

        public class Main {
          public static void main(String[] args) throws Exception {
            Tomcat tomcat = new Tomcat();
            tomcat.setPort(8080);
            tomcat.getConnector();
            Context ctx = tomcat.addContext("", null);
            FilterDef ctxOtelFilter = new FilterDef();
            ctxOtelFilter.setFilterName("OtelServletFilter");
            ctxOtelFilter.setFilter(new OtelServletFilter());
            ctxOtelFilter.setAsyncSupported("true");
            ctx.addFilterDef(ctxOtelFilter);
            FilterMap ctxOtelMapping = new FilterMap();
            ctxOtelMapping.setFilterName("OtelServletFilter");
            ctxOtelMapping.addURLPattern("/*");
            ctx.addFilterMapBefore(ctxOtelMapping);
            Tomcat.addServlet(ctx, "orders", new OrderServlet());
            ctx.addServletMappingDecoded("/orders/*", "orders");
            tomcat.start();
            tomcat.getServer().await();
          }
        }
        """);
    assertThat(result.changes()).extracting(Change::line, Change::rewriteId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(11,
            RewriteId.REGISTER_TOMCAT_FILTER));
    assertThat(result.needs())
        .containsExactlyInAnyOrder(Instrumentation.SERVLET_FILTER, Instrumentation.BOOTSTRAP);
  }

  @Test
  void tomcatWebappAssignedInAnotherPackageImportsTheFilter() {
    assertRewrite(new RegisterTomcatFilter(),
        """
        package com.example.shop.web;

        import org.apache.catalina.Context;
        import org.apache.catalina.startup.Tomcat;

        class Web {
          private Context app;

          void build(Tomcat tomcat, String dir) {
            app = tomcat.addWebapp("/shop", dir);
            app.setReloadable(false);
          }
        }
        """,
        """
        package com.example.shop.web;

        import com.example.shop.OtelServletFilter;
        import org.apache.catalina.Context;
        import org.apache.catalina.startup.Tomcat;
        import org.apache.tomcat.util.descriptor.web.FilterDef;
        import org.apache.tomcat.util.descriptor.web.FilterMap;

        class Web {
          private Context app;

          void build(Tomcat tomcat, String dir) {
            app = tomcat.addWebapp("/shop", dir);
            FilterDef appOtelFilter = new FilterDef();
            appOtelFilter.setFilterName("OtelServletFilter");
            appOtelFilter.setFilter(new OtelServletFilter());
            appOtelFilter.setAsyncSupported("true");
            app.addFilterDef(appOtelFilter);
            FilterMap appOtelMapping = new FilterMap();
            appOtelMapping.setFilterName("OtelServletFilter");
            appOtelMapping.addURLPattern("/*");
            app.addFilterMapBefore(appOtelMapping);
            app.setReloadable(false);
          }
        }
        """);
  }

  @Test
  void aTomcatContextNotStoredInAVariableIsAManualItem() {
    JavaFileRewriter.Result result = assertUnchanged(new RegisterTomcatFilter(),
        """
        package com.example.shop;

        import org.apache.catalina.startup.Tomcat;

        class Main {
          void start(Tomcat tomcat) {
            Tomcat.addServlet(tomcat.addContext("", null), "orders", new OrderServlet());
          }
        }
        """);
    assertThat(result.manual()).singleElement()
        .satisfies(m -> assertThat(m.line()).isEqualTo(7))
        .satisfies(m -> assertThat(m.reason()).contains("not assigned to a variable"));
  }

  @Test
  void anAddContextOnSomethingThatIsNoTomcatIsLeftAlone() {
    assertUnchanged(new RegisterTomcatFilter(),
        """
        package com.example.shop;

        import org.apache.catalina.Context;

        class Registry {
          void register(Contexts contexts) {
            Context ctx = contexts.addContext("", "/tmp");
            ctx.setPath("");
          }
        }
        """);
  }

  @Test
  void aReusedContextVariableGetsOneRegistrationPerContextUnderItsOwnNames() {
    JavaFileRewriter.Result result = assertRewrite(new RegisterTomcatFilter(),
        """
        package com.example.shop;

        import org.apache.catalina.Context;
        import org.apache.catalina.startup.Tomcat;

        class Main {
          void start(Tomcat tomcat) {
            Context ctx = tomcat.addContext("/a", null);
            Tomcat.addServlet(ctx, "orders", new OrderServlet());
            ctx = tomcat.addContext("/b", null);
            Tomcat.addServlet(ctx, "stock", new StockServlet());
          }
        }
        """,
        """
        package com.example.shop;

        import org.apache.catalina.Context;
        import org.apache.catalina.startup.Tomcat;
        import org.apache.tomcat.util.descriptor.web.FilterDef;
        import org.apache.tomcat.util.descriptor.web.FilterMap;

        class Main {
          void start(Tomcat tomcat) {
            Context ctx = tomcat.addContext("/a", null);
            FilterDef ctxOtelFilter = new FilterDef();
            ctxOtelFilter.setFilterName("OtelServletFilter");
            ctxOtelFilter.setFilter(new OtelServletFilter());
            ctxOtelFilter.setAsyncSupported("true");
            ctx.addFilterDef(ctxOtelFilter);
            FilterMap ctxOtelMapping = new FilterMap();
            ctxOtelMapping.setFilterName("OtelServletFilter");
            ctxOtelMapping.addURLPattern("/*");
            ctx.addFilterMapBefore(ctxOtelMapping);
            Tomcat.addServlet(ctx, "orders", new OrderServlet());
            ctx = tomcat.addContext("/b", null);
            FilterDef ctxOtelFilter2 = new FilterDef();
            ctxOtelFilter2.setFilterName("OtelServletFilter");
            ctxOtelFilter2.setFilter(new OtelServletFilter());
            ctxOtelFilter2.setAsyncSupported("true");
            ctx.addFilterDef(ctxOtelFilter2);
            FilterMap ctxOtelMapping2 = new FilterMap();
            ctxOtelMapping2.setFilterName("OtelServletFilter");
            ctxOtelMapping2.addURLPattern("/*");
            ctx.addFilterMapBefore(ctxOtelMapping2);
            Tomcat.addServlet(ctx, "stock", new StockServlet());
          }
        }
        """);
    assertThat(result.changes()).extracting(Change::line).containsExactly(8, 10);
  }

  @Test
  void aReusedHandlerVariableGetsTheFilterOncePerHandler() {
    assertRewrite(new RegisterJettyFilter(),
        """
        package com.example.shop;

        import org.eclipse.jetty.servlet.ServletContextHandler;

        class Main {
          void start() {
            ServletContextHandler handler = new ServletContextHandler();
            handler.setContextPath("/a");
            handler = new ServletContextHandler();
            handler.setContextPath("/b");
          }
        }
        """,
        """
        package com.example.shop;

        import org.eclipse.jetty.servlet.ServletContextHandler;

        class Main {
          void start() {
            ServletContextHandler handler = new ServletContextHandler();
            handler.addFilter(OtelServletFilter.class, "/*", OtelServletFilter.requests());
            handler.setContextPath("/a");
            handler = new ServletContextHandler();
            handler.addFilter(OtelServletFilter.class, "/*", OtelServletFilter.requests());
            handler.setContextPath("/b");
          }
        }
        """);
  }
}
