package dev.otelboard.cli.onboard;

import static dev.otelboard.cli.onboard.OnboardFixture.after;
import static dev.otelboard.cli.onboard.OnboardFixture.edit;
import static dev.otelboard.cli.onboard.OnboardFixture.pom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Onboard over the shapes real services have: modules, Spring Boot, Kafka, other loggers. */
class OnboardScenariosTest {
  private final OnboardFixture fixture = new OnboardFixture("/work/shop");
  private final Path root = fixture.root();
  private final OnboardService service = fixture.service();

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  // --- multi-module builds

  @Test
  void multiModuleBuildPutsVersionsInTheParentAndDependenciesInTheServiceModule()
      throws Exception {
    fixture.write("pom.xml", MultiModuleFixture.PARENT);
    fixture.write("orders/pom.xml", MultiModuleFixture.MODULE);
    fixture.write("orders/src/main/java/com/example/orders/Orders.java", MultiModuleFixture.JAVA);
    fixture.write("orders/src/main/resources/logback.xml", LogbackFixture.LOGBACK);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "pom.xml"))
        .isEqualTo(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example</groupId>
              <artifactId>shop-parent</artifactId>
              <version>1.0.0</version>
              <packaging>pom</packaging>

              <modules>
                <module>orders</module>
              </modules>

              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <opentelemetry.version>1.68.0</opentelemetry.version>
                <opentelemetry-instrumentation.version>2.31.1</opentelemetry-instrumentation.version>
              </properties>

              <dependencyManagement>
                <dependencies>
                  <!-- logging -->
                  <dependency>
                    <groupId>ch.qos.logback</groupId>
                    <artifactId>logback-classic</artifactId>
                    <version>1.5.18</version>
                  </dependency>
                  <dependency>
                    <groupId>io.opentelemetry</groupId>
                    <artifactId>opentelemetry-bom</artifactId>
                    <version>${opentelemetry.version}</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                  <dependency>
                    <groupId>io.opentelemetry</groupId>
                    <artifactId>opentelemetry-bom-alpha</artifactId>
                    <version>${opentelemetry.version}-alpha</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                  <dependency>
                    <groupId>io.opentelemetry.instrumentation</groupId>
                    <artifactId>opentelemetry-instrumentation-bom-alpha</artifactId>
                    <version>${opentelemetry-instrumentation.version}-alpha</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>
            </project>
            """);
    assertThat(after(plan, "orders/pom.xml"))
        .isEqualTo(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>com.example</groupId>
                <artifactId>shop-parent</artifactId>
                <version>1.0.0</version>
              </parent>
              <artifactId>orders</artifactId>

              <dependencies>
                <dependency>
                  <groupId>ch.qos.logback</groupId>
                  <artifactId>logback-classic</artifactId>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry</groupId>
                  <artifactId>opentelemetry-api</artifactId>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry</groupId>
                  <artifactId>opentelemetry-sdk-extension-autoconfigure</artifactId>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry</groupId>
                  <artifactId>opentelemetry-exporter-otlp</artifactId>
                  <exclusions>
                    <exclusion>
                      <groupId>io.opentelemetry</groupId>
                      <artifactId>opentelemetry-exporter-sender-okhttp</artifactId>
                    </exclusion>
                  </exclusions>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry</groupId>
                  <artifactId>opentelemetry-exporter-sender-jdk</artifactId>
                  <scope>runtime</scope>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry.instrumentation</groupId>
                  <artifactId>opentelemetry-logback-appender-1.0</artifactId>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry.instrumentation</groupId>
                  <artifactId>opentelemetry-logback-mdc-1.0</artifactId>
                  <scope>runtime</scope>
                </dependency>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <scope>test</scope>
                </dependency>
              </dependencies>
            </project>
            """);
    assertThat(plan.edits())
        .extracting(FileEdit::path)
        .contains("orders/src/main/java/com/example/orders/OtelBootstrap.java")
        .doesNotContain("src/main/java/com/example/orders/OtelBootstrap.java");
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  @Test
  void aLibraryModuleGetsOnlyTheApiItsRewrittenCodeCallsAndNoBootstrap() throws Exception {
    fixture.write("pom.xml", MultiModuleFixture.PARENT.replace(
        "<module>orders</module>", "<module>common</module>\n    <module>orders</module>"));
    fixture.write("orders/pom.xml", MultiModuleFixture.MODULE);
    fixture.write("orders/src/main/java/com/example/orders/Orders.java", MultiModuleFixture.JAVA);
    fixture.write("common/pom.xml", MultiModuleFixture.MODULE.replace(
        "<artifactId>orders</artifactId>", "<artifactId>common</artifactId>"));
    fixture.write("common/src/main/java/com/example/common/Workers.java",
        """
        package com.example.common;

        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Executors;

        public final class Workers {
          public static final ExecutorService POOL = Executors.newFixedThreadPool(4);
        }
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.edits())
        .extracting(FileEdit::path)
        .contains("common/src/main/java/com/example/common/Workers.java", "common/pom.xml",
            "orders/src/main/java/com/example/orders/OtelBootstrap.java")
        .noneMatch(p -> p.startsWith("common/") && p.endsWith("OtelBootstrap.java"));
    assertThat(plan.changes())
        .filteredOn(c -> c.file().equals("common/pom.xml"))
        .extracting(Change::description)
        .containsExactly("dependency io.opentelemetry:opentelemetry-api");
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  @Test
  void aModuleWhoseParentIsNotTheRootGetsItsOwnBoms() throws Exception {
    fixture.write("pom.xml", MultiModuleFixture.PARENT);
    fixture.write("orders/pom.xml", MultiModuleFixture.MODULE.replace(
        "<artifactId>shop-parent</artifactId>", "<artifactId>company-parent</artifactId>"));
    fixture.write("orders/src/main/java/com/example/orders/Orders.java", MultiModuleFixture.JAVA);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "orders/pom.xml"))
        .contains("<artifactId>opentelemetry-bom</artifactId>", "<opentelemetry.version>");
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  @Test
  void aMalformedModulePomIsLeftByteIdenticalAndReportedWithItsLine() throws Exception {
    String broken = MultiModuleFixture.MODULE.replace("</parent>", "");
    fixture.write("pom.xml", MultiModuleFixture.PARENT);
    fixture.write("orders/pom.xml", broken);
    fixture.write("orders/src/main/java/com/example/orders/Orders.java", MultiModuleFixture.JAVA);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());
    assertThatThrownBy(() -> service.apply(root, plan)).hasMessageContaining("orders/pom.xml");

    assertThat(Files.readString(root.resolve("orders/pom.xml"))).isEqualTo(broken);
    assertThat(Files.readString(root.resolve("orders/src/main/java/com/example/orders/Orders.java")))
        .as("nothing is written when a build file does not parse")
        .isEqualTo(MultiModuleFixture.JAVA);
    assertThat(plan.blockers())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.file()).isEqualTo("orders/pom.xml");
          assertThat(f.line()).isPositive();
          assertThat(f.toString()).doesNotContain("\n");
        });
  }

  // --- Spring

  private static final String BOOT3_POM =
      """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <parent>
          <groupId>org.springframework.boot</groupId>
          <artifactId>spring-boot-starter-parent</artifactId>
          <version>3.4.5</version>
        </parent>
        <artifactId>storefront</artifactId>
        <dependencies>
          <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-web</artifactId>
          </dependency>
        </dependencies>
      </project>
      """;

  private static final String REST_TEMPLATE_CONFIG =
      """
      package com.example.storefront;

      import org.springframework.boot.web.client.RestTemplateBuilder;
      import org.springframework.context.annotation.Bean;
      import org.springframework.web.client.RestTemplate;

      class Clients {
        @Bean
        RestTemplate inventory(RestTemplateBuilder builder) {
          return builder.build();
        }
      }
      """;

  @Test
  void springBoot3AppGetsTheStarterInsteadOfCodeRewritesAndABootstrap() throws Exception {
    fixture.write("pom.xml", BOOT3_POM);
    fixture.write("src/main/java/com/example/storefront/Clients.java", REST_TEMPLATE_CONFIG);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.edits())
        .extracting(FileEdit::path)
        .containsExactlyInAnyOrder("otelboard.yaml", "pom.xml");
    assertThat(after(plan, "pom.xml"))
        .isEqualTo(
            """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
                <version>3.4.5</version>
              </parent>
              <artifactId>storefront</artifactId>
              <properties>
                <opentelemetry.version>1.65.0</opentelemetry.version>
                <opentelemetry-instrumentation.version>2.31.1</opentelemetry-instrumentation.version>
              </properties>

              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>io.opentelemetry</groupId>
                    <artifactId>opentelemetry-bom</artifactId>
                    <version>${opentelemetry.version}</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                  <dependency>
                    <groupId>io.opentelemetry</groupId>
                    <artifactId>opentelemetry-bom-alpha</artifactId>
                    <version>${opentelemetry.version}-alpha</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                  <dependency>
                    <groupId>io.opentelemetry.instrumentation</groupId>
                    <artifactId>opentelemetry-instrumentation-bom-alpha</artifactId>
                    <version>${opentelemetry-instrumentation.version}-alpha</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                  <dependency>
                    <groupId>io.opentelemetry.instrumentation</groupId>
                    <artifactId>opentelemetry-instrumentation-bom</artifactId>
                    <version>${opentelemetry-instrumentation.version}</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>

              <dependencies>
                <dependency>
                  <groupId>org.springframework.boot</groupId>
                  <artifactId>spring-boot-starter-web</artifactId>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry.instrumentation</groupId>
                  <artifactId>opentelemetry-spring-boot-starter</artifactId>
                  <exclusions>
                    <exclusion>
                      <groupId>io.opentelemetry</groupId>
                      <artifactId>opentelemetry-exporter-sender-okhttp</artifactId>
                    </exclusion>
                    <exclusion>
                      <groupId>com.squareup.okhttp3</groupId>
                      <artifactId>*</artifactId>
                    </exclusion>
                  </exclusions>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry</groupId>
                  <artifactId>opentelemetry-exporter-sender-jdk</artifactId>
                  <scope>runtime</scope>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry.instrumentation</groupId>
                  <artifactId>opentelemetry-logback-mdc-1.0</artifactId>
                  <scope>runtime</scope>
                </dependency>
              </dependencies>
            </project>
            """);
    assertThat(plan.manual())
        .filteredOn(m -> m.rewriteId() == RewriteId.SPRING_LOGGING_PATTERN)
        .singleElement()
        .satisfies(m -> assertThat(m.reason()).contains("logging.pattern.correlation"));
    assertThat(plan.changes())
        .filteredOn(c -> c.rewriteId() == RewriteId.SPRING_BOOT_STARTER)
        .singleElement()
        .satisfies(c -> {
          assertThat(c.file()).isEqualTo("pom.xml");
          assertThat(c.description()).contains("instead of code rewrites");
        });
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  @Test
  void aSpringBootApplicationOnJakartaWithAnUnknownBootVersionGetsTheStarter() throws Exception {
    fixture.write("pom.xml", pom("com.example.platform:platform-web:7.1.0"));
    fixture.write("src/main/java/com/example/storefront/Storefront.java",
        """
        package com.example.storefront;

        import jakarta.annotation.PostConstruct;
        import org.springframework.boot.SpringApplication;
        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        public class Storefront {
          public static void main(String[] args) {
            SpringApplication.run(Storefront.class, args);
          }

          @PostConstruct
          void ready() {}
        }
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "pom.xml")).contains("opentelemetry-spring-boot-starter");
    assertThat(edit(plan, "src/main/java/com/example/storefront/Storefront.java")).isEmpty();
    assertThat(plan.changes())
        .extracting(Change::rewriteId)
        .contains(RewriteId.SPRING_BOOT_STARTER);
  }

  @Test
  void springBootBefore26GetsTheSpringWebInterceptorInPlace() throws Exception {
    fixture.write("pom.xml", BOOT3_POM.replace("3.4.5", "2.5.15"));
    fixture.write("src/main/java/com/example/storefront/Clients.java", REST_TEMPLATE_CONFIG);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "src/main/java/com/example/storefront/Clients.java"))
        .contains("return OtelSpringWeb.instrument(builder.build());");
    assertThat(after(plan, "src/main/java/com/example/storefront/OtelSpringWeb.java"))
        .contains("SpringWebTelemetry.create(OtelBootstrap.openTelemetry()).createInterceptor()")
        .doesNotContain("RestClient");
    assertThat(after(plan, "pom.xml"))
        .contains("<artifactId>opentelemetry-spring-web-3.1</artifactId>")
        .doesNotContain("opentelemetry-spring-boot-starter");
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  // --- Kafka

  @Test
  void kafkaClientsGetTheLibraryAndTheConfigHelperWhenTheyKeepTheirConcreteType()
      throws Exception {
    fixture.write("pom.xml", pom("org.apache.kafka:kafka-clients:4.1.1"));
    fixture.write("src/main/java/com/example/shop/Events.java",
        """
        package com.example.shop;

        import java.util.Properties;
        import org.apache.kafka.clients.producer.KafkaProducer;

        public final class Events {
          private final KafkaProducer<String, String> producer;

          Events(Properties config) {
            producer = new KafkaProducer<>(config);
          }
        }
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "src/main/java/com/example/shop/Events.java"))
        .contains("producer = new KafkaProducer<>(OtelKafka.producerConfig(config));");
    assertThat(after(plan, "src/main/java/com/example/shop/OtelKafka.java"))
        .startsWith(GeneratedSources.STAMP_PREFIX)
        .contains("KafkaTelemetry.create(OtelBootstrap.openTelemetry())");
    assertThat(after(plan, "pom.xml"))
        .contains("<artifactId>opentelemetry-kafka-clients-2.6</artifactId>");
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  // --- logging APIs and configs outside logback.xml/log4j2.xml

  private static final String JUL_SERVICE =
      """
      package com.example.shop;

      import java.util.logging.Logger;

      public final class Shop {
        private static final Logger LOG = Logger.getLogger(Shop.class.getName());

        void order(String id) {
          LOG.info("order " + id);
        }
      }
      """;

  @Test
  void julLoggersMoveToSlf4jWhenTheModuleHasAnSlf4jBackend() throws Exception {
    fixture.write("pom.xml", pom("ch.qos.logback:logback-classic:1.5.18"));
    fixture.write("src/main/java/com/example/shop/Shop.java", JUL_SERVICE);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "src/main/java/com/example/shop/Shop.java"))
        .contains("import org.slf4j.Logger;", "LoggerFactory.getLogger(Shop.class)",
            "LOG.info(\"order {}\", id);");
    assertThat(plan.changes())
        .extracting(Change::rewriteId)
        .contains(RewriteId.MIGRATE_JUL_TO_SLF4J, RewriteId.PARAMETERIZE_LOG_MESSAGE);
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  @Test
  void keepLoggingApiLeavesJulAloneWithAManualItem() throws Exception {
    fixture.write("pom.xml", pom("ch.qos.logback:logback-classic:1.5.18"));
    fixture.write("src/main/java/com/example/shop/Shop.java", JUL_SERVICE);

    OnboardPlan plan =
        service.plan(root, new OnboardOptions(null, null, OnboardOptions.HttpLibrary.AUTO, false,
            true));

    assertThat(edit(plan, "src/main/java/com/example/shop/Shop.java")).isEmpty();
    assertThat(plan.manual())
        .filteredOn(m -> m.rewriteId() == RewriteId.MIGRATE_JUL_TO_SLF4J)
        .singleElement()
        .satisfies(m -> assertThat(m.line()).isEqualTo(6));
  }

  @Test
  void aJulOnlyServiceKeepsJulAndGetsTheExportingHandlerInstalledByTheBootstrap()
      throws Exception {
    fixture.write("pom.xml", pom());
    fixture.write("src/main/java/com/example/shop/Shop.java", JUL_SERVICE);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(edit(plan, "src/main/java/com/example/shop/Shop.java")).isEmpty();
    assertThat(plan.manual()).extracting(ManualItem::rewriteId)
        .doesNotContain(RewriteId.JUL_LOG_CORRELATION, RewriteId.MIGRATE_JUL_TO_SLF4J);
    assertThat(plan.changes()).filteredOn(c -> c.rewriteId() == RewriteId.JUL_LOG_CORRELATION)
        .singleElement()
        .satisfies(c -> assertThat(c.file())
            .isEqualTo("src/main/java/com/example/shop/OtelJulHandler.java"));
    assertThat(after(plan, "src/main/java/com/example/shop/OtelBootstrap.java"))
        .contains("    OtelJulHandler.install(sdk);\n");
    assertThat(after(plan, "src/main/java/com/example/shop/OtelJulHandler.java"))
        .startsWith(GeneratedSources.STAMP_PREFIX)
        .contains("public final class OtelJulHandler extends Handler",
            "openTelemetry.getLogsBridge()", "\"trace_id=\" + span.getTraceId()");
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  @Test
  void aServlet25ContainerGetsAManualItemAtItsPomLineAndNoFilterRegistration() throws Exception {
    String pom = pom("org.eclipse.jetty:jetty-servlet:7.6.21.v20160908",
        "ch.qos.logback:logback-classic:1.5.18");
    fixture.write("pom.xml", pom);
    String main = """
        package com.example.shop;

        import org.eclipse.jetty.server.Server;
        import org.eclipse.jetty.servlet.ServletContextHandler;

        public final class Shop {
          public static void main(String[] args) throws Exception {
            Server server = new Server(8080);
            ServletContextHandler context = new ServletContextHandler();
            server.setHandler(context);
            server.start();
          }
        }
        """;
    fixture.write("src/main/java/com/example/shop/Shop.java", main);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    int line = pom.substring(0, pom.indexOf("<groupId>org.eclipse.jetty</groupId>"))
        .split("\n", -1).length;
    assertThat(plan.manual()).filteredOn(m -> m.rewriteId() == RewriteId.REGISTER_JETTY_FILTER)
        .singleElement()
        .satisfies(m -> assertThat(m.file() + ":" + m.line()).isEqualTo("pom.xml:" + line))
        .satisfies(m -> assertThat(m.reason()).startsWith("Jetty 7 implements Servlet 2.5"));
    assertThat(after(plan, "src/main/java/com/example/shop/Shop.java"))
        .doesNotContain("addFilter").contains("OtelBootstrap.init();");
    assertThat(plan.edits()).extracting(FileEdit::path)
        .noneMatch(p -> p.endsWith("OtelServletFilter.java"));
  }

  @Test
  void aServlet2ApiWithEmbeddedTomcatGetsTheManualItemUnderTheTomcatRegistration()
      throws Exception {
    fixture.write("pom.xml", pom("javax.servlet:servlet-api:2.5",
        "org.apache.tomcat.embed:tomcat-embed-core:9.0.100"));
    fixture.write("src/main/java/com/example/shop/Shop.java", """
        package com.example.shop;

        import org.apache.catalina.Context;
        import org.apache.catalina.startup.Tomcat;

        public final class Shop {
          public static void main(String[] args) throws Exception {
            Tomcat tomcat = new Tomcat();
            Context ctx = tomcat.addContext("", null);
            tomcat.start();
          }
        }
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.manual()).filteredOn(m -> m.reason().startsWith("javax.servlet:servlet-api"))
        .singleElement()
        .satisfies(m -> assertThat(m.rewriteId()).isEqualTo(RewriteId.REGISTER_TOMCAT_FILTER));
    assertThat(after(plan, "src/main/java/com/example/shop/Shop.java"))
        .doesNotContain("FilterDef");
  }

  @Test
  void aWarsWebXmlRegistersTheGeneratedFilterOnTheBootstrap() throws Exception {
    fixture.write("pom.xml", pom("jakarta.servlet:jakarta.servlet-api:6.1.0",
        "ch.qos.logback:logback-classic:1.5.18").replace("<artifactId>shop</artifactId>",
        "<artifactId>shop</artifactId>\n  <packaging>war</packaging>"));
    fixture.write("src/main/java/com/example/shop/OrderServlet.java", """
        package com.example.shop;

        import jakarta.servlet.http.HttpServlet;

        public class OrderServlet extends HttpServlet {}
        """);
    fixture.write("src/main/webapp/WEB-INF/web.xml", """
        <web-app version="6.0">
          <servlet>
            <servlet-name>orders</servlet-name>
            <servlet-class>com.example.shop.OrderServlet</servlet-class>
          </servlet>
        </web-app>
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "src/main/webapp/WEB-INF/web.xml"))
        .contains("<filter-class>com.example.shop.OtelServletFilter</filter-class>");
    assertThat(plan.changes()).extracting(Change::rewriteId)
        .contains(RewriteId.REGISTER_WEB_XML_FILTER);
    assertThat(after(plan, "src/main/java/com/example/shop/OtelServletFilter.java"))
        .contains("import jakarta.servlet.Filter;", "this(OtelBootstrap.openTelemetry());");
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  @Test
  void springLoggingPatternsInApplicationPropertiesGetTheTraceFields() throws Exception {
    fixture.write("pom.xml", pom("ch.qos.logback:logback-classic:1.5.18"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MultiModuleFixture.JAVA
        .replace("com.example.orders", "com.example.shop").replace("Orders", "Shop"));
    fixture.write("src/main/resources/application.properties",
        "server.port=8080\nlogging.pattern.console=%d %-5level %logger - %msg%n\n");

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "src/main/resources/application.properties"))
        .isEqualTo("server.port=8080\nlogging.pattern.console=%d %-5level %logger - "
            + "trace_id=%X{trace_id} span_id=%X{span_id} %msg%n\n");
    assertThat(plan.changes())
        .filteredOn(c -> c.rewriteId() == RewriteId.SPRING_LOGGING_PATTERN)
        .singleElement()
        .satisfies(c -> assertThat(c.line()).isEqualTo(2));
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  @Test
  void anInvalidApplicationYmlIsLeftByteIdenticalAndReportedWithItsLine() throws Exception {
    String broken = "logging:\n  pattern:\n    console: \"%d %m%n\n  level: [\n";
    fixture.write("pom.xml", pom("ch.qos.logback:logback-classic:1.5.18"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MultiModuleFixture.JAVA
        .replace("com.example.orders", "com.example.shop").replace("Orders", "Shop"));
    fixture.write("src/main/resources/application.yml", broken);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());
    assertThatThrownBy(() -> service.apply(root, plan)).hasMessageContaining("application.yml");

    assertThat(Files.readString(root.resolve("src/main/resources/application.yml")))
        .isEqualTo(broken);
    assertThat(root.resolve("otelboard.yaml")).doesNotExist();
    assertThat(plan.blockers())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.file()).isEqualTo("src/main/resources/application.yml");
          assertThat(f.line()).isPositive();
          assertThat(f.toString()).doesNotContain("\n");
        });
  }

  @Test
  void aDropwizardServiceGetsTraceIdsInItsYamlAndTheAppendersAttachedInRun() throws Exception {
    fixture.write("pom.xml", pom("io.dropwizard:dropwizard-core:2.1.12"));
    fixture.write("src/main/java/com/example/shop/ShopApplication.java", """
        package com.example.shop;

        import io.dropwizard.Application;
        import io.dropwizard.Configuration;
        import io.dropwizard.setup.Environment;

        public class ShopApplication extends Application<Configuration> {
          public static void main(String[] args) throws Exception {
            new ShopApplication().run(args);
          }

          @Override
          public void run(Configuration configuration, Environment environment) {
          }
        }
        """);
    fixture.write("config.yml", "server:\n  type: simple\n\nlogging:\n  level: INFO\n  appenders:\n"
        + "    - type: console   # stdout\n");

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "config.yml")).isEqualTo("server:\n  type: simple\n\nlogging:\n"
        + "  level: INFO\n  appenders:\n    - type: console   # stdout\n      logFormat: "
        + "\"%-5p [%d{ISO8601,UTC}] %c: trace_id=%X{trace_id} span_id=%X{span_id} %m%n%rEx\"\n");
    assertThat(plan.changes()).filteredOn(c -> c.rewriteId() == RewriteId.DROPWIZARD_LOGGING)
        .singleElement().satisfies(c -> {
          assertThat(c.file()).isEqualTo("config.yml");
          assertThat(c.line()).isEqualTo(8);
        });
    assertThat(plan.manual()).isEmpty();
    assertThat(after(plan, "src/main/java/com/example/shop/ShopApplication.java"))
        .contains("OtelBootstrap.init();", "OtelBootstrap.attachLogbackAppenders();");
    assertThat(after(plan, "src/main/java/com/example/shop/OtelBootstrap.java"))
        .contains("public static void attachLogbackAppenders()");
    // Dropwizard 2 is javax: the servlet filter and the JAX-RS route filter agree.
    assertThat(after(plan, "src/main/java/com/example/shop/ShopApplication.java"))
        .contains("environment.jersey().register(OtelJaxrsRoute.class);");
    assertThat(after(plan, "src/main/java/com/example/shop/OtelJaxrsRoute.java"))
        .contains("import javax.ws.rs.Path;", "@javax.ws.rs.core.Context private ResourceInfo");
    assertThat(after(plan, "src/main/java/com/example/shop/OtelServletFilter.java"))
        .contains("import javax.servlet.ServletRegistration;");
    // The bootstrap builds the MDC appender itself, so it is a compile dependency here.
    assertThat(after(plan, "pom.xml")).contains("opentelemetry-logback-appender-1.0")
        .containsPattern("<artifactId>opentelemetry-logback-mdc-1.0</artifactId>\\s*</dependency>");
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  @Test
  void aDropwizardModuleWithoutARecognizedApplicationSaysTheAppendersAreNotAttached()
      throws Exception {
    fixture.write("pom.xml", pom("io.dropwizard:dropwizard-core:2.1.12"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MultiModuleFixture.JAVA
        .replace("com.example.orders", "com.example.shop").replace("Orders", "Shop"));
    fixture.write("config.yml", "logging:\n  appenders:\n    - type: console\n      logFormat: \"%m%n\"\n");

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.manual())
        .filteredOn(m -> m.rewriteId() == RewriteId.ATTACH_DROPWIZARD_LOG_APPENDERS)
        .singleElement().satisfies(m -> {
          assertThat(m.file()).isEqualTo("pom.xml");
          assertThat(m.reason()).contains("OtelBootstrap.attachLogbackAppenders();");
        });
  }

  @Test
  void anUnparseableDropwizardConfigIsLeftByteIdenticalWithItsLine() throws Exception {
    fixture.write("pom.xml", pom("io.dropwizard:dropwizard-core:2.1.12"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MultiModuleFixture.JAVA
        .replace("com.example.orders", "com.example.shop").replace("Orders", "Shop"));
    String broken = "logging:\n  appenders:\n    - type: console\n   logFormat: \"%m\n";
    fixture.write("config.yml", broken);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());
    assertThatThrownBy(() -> service.apply(root, plan)).hasMessageContaining("config.yml");

    assertThat(Files.readString(root.resolve("config.yml"))).isEqualTo(broken);
    assertThat(plan.blockers()).singleElement().satisfies(f -> {
      assertThat(f.file()).isEqualTo("config.yml");
      assertThat(f.line()).isPositive();
    });
  }

  @Test
  void log4j2PropertiesIsEditedInSdkMode() throws Exception {
    fixture.write("pom.xml", pom("org.apache.logging.log4j:log4j-core:2.25.2"));
    fixture.write("src/main/java/com/example/shop/Shop.java", MultiModuleFixture.JAVA
        .replace("com.example.orders", "com.example.shop").replace("Orders", "Shop"));
    fixture.write("src/main/resources/log4j2.properties",
        "appender.console.type = Console\nappender.console.name = STDOUT\n"
            + "appender.console.layout.type = PatternLayout\n"
            + "appender.console.layout.pattern = %d %p %c - %m%n\n"
            + "rootLogger.appenderRef.stdout.ref = STDOUT\n");

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(after(plan, "src/main/resources/log4j2.properties"))
        .contains("%c - trace_id=%X{trace_id} span_id=%X{span_id} %m%n", "type = OpenTelemetry");
    assertThat(after(plan, "pom.xml"))
        .contains("opentelemetry-log4j-context-data-2.17-autoconfigure");
    fixture.applyAndPlanAgain(plan, OnboardOptions.defaults());
  }

  @Test
  void agentModeStillEditsSpringLoggingPatterns() throws Exception {
    fixture.write("pom.xml", BOOT3_POM);
    fixture.write("src/main/java/com/example/storefront/Clients.java", REST_TEMPLATE_CONFIG);
    fixture.write("src/main/resources/application.yml",
        "logging:\n  pattern:\n    console: \"%d %m%n\"\n");

    OnboardPlan plan =
        service.plan(root, new OnboardOptions(OtelboardConfig.Mode.AGENT, null,
            OnboardOptions.HttpLibrary.AUTO, false));

    assertThat(after(plan, "src/main/resources/application.yml"))
        .isEqualTo("logging:\n  pattern:\n    console: \"%d trace_id=%X{trace_id} "
            + "span_id=%X{span_id} %m%n\"\n");
    assertThat(edit(plan, "pom.xml")).isEmpty();
  }

  // --- existing tracing (dd-trace, OpenTracing: VendorTracingOnboardTest; Sleuth, Brave and
  // Micrometer's Brave bridge: SleuthBraveOnboardTest)

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "io.micrometer:micrometer-tracing:1.5.0, Micrometer Tracing",
    "io.micrometer:micrometer-tracing-bridge-otel:1.5.0, Micrometer Tracing on OpenTelemetry",
    "com.newrelic.agent.java:newrelic-api:8.20.0, New Relic agent API",
    "co.elastic.apm:apm-agent-api:1.52.0, Elastic APM"
  })
  void aTracerInThePomIsReportedAndTheCodeLeftAlone(String artifact, String tracer)
      throws Exception {
    fixture.write("pom.xml", pom(artifact));
    fixture.write("src/main/java/com/example/shop/Shop.java", MultiModuleFixture.JAVA
        .replace("com.example.orders", "com.example.shop").replace("Orders", "Shop"));

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.edits()).extracting(FileEdit::path).containsExactly("otelboard.yaml");
    assertThat(plan.manual())
        .filteredOn(m -> m.rewriteId() == RewriteId.EXISTING_TRACING)
        .singleElement()
        .satisfies(m -> assertThat(m.reason()).contains("found " + tracer, "To migrate: ")
            .doesNotContain("To migrate: remove it;"));
  }

  @Test
  void aTracerUseNoRewriteMovesRefusesTheService() throws Exception {
    fixture.write("pom.xml", pom());
    fixture.write("src/main/java/com/example/shop/Shop.java",
        """
        package com.example.shop;

        import io.opentracing.util.GlobalTracer;

        class Shop {
          Object scopes = GlobalTracer.get().scopeManager();
        }
        """);

    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.writable()).isFalse();
    assertThat(plan.blockers())
        .extracting(ManualItem::file, ManualItem::line, ManualItem::rewriteId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            "src/main/java/com/example/shop/Shop.java", 6, RewriteId.MIGRATE_OPENTRACING));
  }
}
