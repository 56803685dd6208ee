package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.catalog.HttpLibraries;
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.LibraryCatalog;
import dev.otelboard.cli.catalog.LibraryCategory;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.Rewrites;
import dev.otelboard.cli.scan.CoverageForecast.Coverage;
import dev.otelboard.cli.scan.CoverageForecast.Direction;
import dev.otelboard.cli.scan.CoverageForecast.Entry;
import dev.otelboard.cli.scan.CoverageForecast.ServiceForecast;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageForecastTest {
  private static final String BOOT_PARENT = """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <parent>
          <groupId>org.springframework.boot</groupId>
          <artifactId>spring-boot-starter-parent</artifactId>
          <version>%s</version>
        </parent>
        <artifactId>%s</artifactId>
        <dependencies>
          <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-web</artifactId>
          </dependency>
        </dependencies>
      </project>
      """;

  private static final String BOOT_APP = """
      package shop;

      import org.springframework.boot.autoconfigure.SpringBootApplication;

      @SpringBootApplication
      public class App {
        public static void main(String[] args) {}
      }
      """;

  private static final String MVC_CONTROLLER = """
      package shop;

      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.RestController;
      import org.springframework.web.client.RestTemplate;

      @RestController
      class Prices {
        private final RestTemplate rest = new RestTemplate();
        private final okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();

        @GetMapping("/price")
        String price() { return "1"; }

        @GetMapping("/stock")
        String stock() { return "2"; }
      }
      """;

  private static final String JERSEY_RESOURCE = """
      package shop;

      import javax.ws.rs.GET;
      import javax.ws.rs.Path;

      @Path("/orders")
      public class Orders {
        @GET
        public String list() { return "[]"; }
      }
      """;

  @Test
  void findingsAndTheSummarySayWhatTheForecastSays() {
    Repo repo = Repo.create()
        .file("pom.xml", BOOT_PARENT.formatted("2.7.18", "front"))
        .file("src/main/java/shop/App.java", BOOT_APP)
        .file("src/main/java/shop/Prices.java", MVC_CONTROLLER);
    ScanResult scan = repo.scan();
    ServiceForecast s = CoverageForecast.of(scan, repo.root()).services().get(0);

    // A handler has no rewrite of its own; the starter's filter traces it, and its finding says so.
    List<Finding> handlers = scan.findings().stream()
        .filter(f -> f.kind().category() == Category.HTTP_SERVER).toList();
    assertThat(handlers).hasSize(2).allSatisfy(f -> {
      assertThat(f.rewrite()).isEqualTo(RewriteId.SPRING_BOOT_STARTER);
      assertThat(f.isManual()).isFalse();
    });
    int manualInForecast = 0;
    int coveredInForecast = 0;
    for (Entry e : s.entries()) {
      if (e.coverage() == Coverage.NOT_COVERED) {
        manualInForecast += e.sites();
      } else if (e.coverage() == Coverage.WILL_BE_INSTRUMENTED) {
        coveredInForecast += e.sites();
      }
    }
    ScanSummary.CategoryCount servers = ScanSummary.of(scan).categories().stream()
        .filter(c -> c.category() == Category.HTTP_SERVER).findFirst().orElseThrow();
    assertThat(servers.rewritable()).isEqualTo(2);
    assertThat(servers.manual()).isZero();
    int manualHttp = 0;
    int rewritableHttp = 0;
    for (ScanSummary.CategoryCount c : ScanSummary.of(scan).categories()) {
      if (c.category() == Category.HTTP_SERVER || c.category() == Category.HTTP_CLIENT) {
        manualHttp += c.manual();
        rewritableHttp += c.rewritable();
      }
    }
    assertThat(manualHttp).isEqualTo(manualInForecast);
    assertThat(rewritableHttp).isEqualTo(coveredInForecast);
    // Settling is a fixed point: the forecast of settled findings is the same forecast.
    assertThat(CoverageForecast.of(CoverageForecast.settle(scan, repo.root()), repo.root()))
        .isEqualTo(CoverageForecast.of(scan, repo.root()));
  }

  @Test
  void springBoot27MvcIsCoveredByTheStarterAndOkHttpOffItsPathIsNot() {
    ServiceForecast s = only(Repo.create()
        .file("pom.xml", BOOT_PARENT.formatted("2.7.18", "front"))
        .file("src/main/java/shop/App.java", BOOT_APP)
        .file("src/main/java/shop/Prices.java", MVC_CONTROLLER));

    assertThat(s.name()).isEqualTo("front");
    assertThat(s.springBootStarter()).isTrue();
    Entry mvc = entry(s, "spring-mvc");
    assertThat(mvc.direction()).isEqualTo(Direction.INBOUND);
    assertThat(mvc.sites()).isEqualTo(2);
    assertThat(mvc.outcome()).isEqualTo("will be instrumented by spring-boot-starter");
    assertThat(entry(s, "spring-web").outcome())
        .isEqualTo("will be instrumented by spring-boot-starter");
    Entry okhttp = entry(s, "okhttp");
    assertThat(okhttp.direction()).isEqualTo(Direction.OUTBOUND);
    // Whether onboard runs wrap-okhttp on the starter path is Rewrites' to say.
    if (Rewrites.springBootStarter().stream().anyMatch(r -> r.id() == RewriteId.WRAP_OKHTTP)) {
      assertThat(okhttp.outcome()).isEqualTo("will be instrumented by wrap-okhttp");
    } else {
      assertThat(okhttp.coverage()).isEqualTo(Coverage.NOT_COVERED);
      assertThat(okhttp.reason()).contains("opentelemetry-spring-boot-starter", "wrap-okhttp");
    }
    assertThat(s.uncoveredServers()).isEmpty();
  }

  @Test
  void springBoot25GetsCodeRewritesAndTheSpringWebMvcFilter() {
    ServiceForecast s = only(Repo.create()
        .file("pom.xml", BOOT_PARENT.formatted("2.5.15", "legacy"))
        .file("src/main/java/shop/App.java", BOOT_APP)
        .file("src/main/java/shop/Prices.java", MVC_CONTROLLER));

    assertThat(s.springBootStarter()).isFalse();
    assertThat(entry(s, "okhttp").outcome()).isEqualTo("will be instrumented by wrap-okhttp");
    assertThat(entry(s, "spring-web").outcome())
        .isEqualTo("will be instrumented by instrument-spring-web");
    assertThat(entry(s, "spring-mvc").outcome())
        .isEqualTo("will be instrumented by instrument-spring-mvc");
    assertThat(s.uncoveredServers()).isEmpty();
  }

  @Test
  void springBoot23MvcFollowsTheCatalogAndIsAnUncoveredServer() {
    ServiceForecast s = only(Repo.create()
        .file("pom.xml", BOOT_PARENT.formatted("2.3.12.RELEASE", "old"))
        .file("src/main/java/shop/App.java", BOOT_APP)
        .file("src/main/java/shop/Prices.java", MVC_CONTROLLER));

    Entry mvc = entry(s, "spring-mvc");
    assertCatalogOutcome(mvc, HttpLibraries.SPRING_MVC);
    assertThat(s.uncoveredServers().contains(mvc))
        .isEqualTo(HttpLibraries.SPRING_MVC.onboarding().isManual());
  }

  @Test
  void jerseyResourcesFollowTheCatalogAndAnUncoveredServerIsNamed() {
    ServiceForecast s = only(Repo.create()
        .file("pom.xml", BOOT_PARENT.formatted("2.7.18", "orders"))
        .file("src/main/java/shop/App.java", BOOT_APP)
        .file("src/main/java/shop/Orders.java", JERSEY_RESOURCE));

    Entry jaxrs = entry(s, "jaxrs");
    assertThat(jaxrs.kind()).isEqualTo(FindingKind.JAXRS_RESOURCE);
    assertThat(jaxrs.location()).isEqualTo("src/main/java/shop/Orders.java:9");
    if (HttpLibraries.JAXRS.onboarding().isManual()) {
      assertThat(jaxrs.outcome()).isEqualTo("not covered: "
          + HttpLibraries.JAXRS.onboarding().note());
      assertThat(s.uncoveredServers()).containsExactly(jaxrs);
    } else {
      assertThat(jaxrs.coverage()).isNotEqualTo(Coverage.NOT_COVERED);
    }
  }

  @Test
  void tomcatPinnedInDependencyManagementOrExcludedRegistersNoTomcatFilter() {
    String pom = """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>2.5.15</version>
          </parent>
          <artifactId>orders</artifactId>
          <dependencyManagement>
            <dependencies>
              <dependency>
                <groupId>org.apache.tomcat.embed</groupId>
                <artifactId>tomcat-embed-core</artifactId>
                <version>9.0.100</version>
              </dependency>
            </dependencies>
          </dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-jersey</artifactId>
              <exclusions>
                <exclusion>
                  <groupId>org.eclipse.jetty</groupId>
                  <artifactId>jetty-servlet</artifactId>
                </exclusion>
              </exclusions>
            </dependency>
          </dependencies>
        </project>
        """;
    ServiceForecast s = only(Repo.create()
        .file("pom.xml", pom)
        .file("src/main/java/shop/App.java", BOOT_APP)
        .file("src/main/java/shop/Orders.java", JERSEY_RESOURCE));

    Entry jaxrs = entry(s, "jaxrs");
    assertThat(jaxrs.by()).isNotIn("register-tomcat-filter", "register-jetty-filter");
    assertCatalogOutcome(jaxrs, HttpLibraries.JAXRS);
  }

  @Test
  void aTomcatDependencyWithoutATomcatContextInTheSourcesRegistersNoTomcatFilter() {
    ServiceForecast s = only(Repo.create()
        .file("pom.xml", BOOT_PARENT.formatted("2.5.15", "orders").replace("<dependencies>", """
            <dependencies>
                <dependency>
                  <groupId>org.apache.tomcat.embed</groupId>
                  <artifactId>tomcat-embed-core</artifactId>
                </dependency>"""))
        .file("src/main/java/shop/App.java", BOOT_APP)
        .file("src/main/java/shop/Orders.java", JERSEY_RESOURCE));

    assertThat(entry(s, "jaxrs").by()).isNotEqualTo("register-tomcat-filter");
  }

  @Test
  void jdkServerAndJavaHttpClientGetTheirRewrites() {
    ServiceForecast s = only(Repo.create()
        .pom("", "plain")
        .file("src/main/java/a/Main.java", """
            package a;

            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            import java.net.http.HttpClient;

            public class Main {
              public static void main(String[] args) throws Exception {
                HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
                server.createContext("/a", ex -> {});
                HttpClient client = HttpClient.newHttpClient();
              }
            }
            """));

    assertThat(s.service()).isTrue();
    assertThat(entry(s, "jdk-httpserver").outcome())
        .isEqualTo("will be instrumented by instrument-http-server");
    assertThat(entry(s, "java-http-client").outcome())
        .isEqualTo("will be instrumented by wrap-java-http-client");
    assertThat(s.inbound()).extracting(Entry::library).containsExactly("jdk-httpserver");
    assertThat(s.outbound()).extracting(Entry::library).containsExactly("java-http-client");
  }

  @Test
  void agentModeIsCoveredByTheJavaagentAndWhatIsInstrumentedSaysSo() {
    ServiceForecast s = only(Repo.create()
        .pom("", "agent")
        .file("otelboard.yaml", "service_name: agent\nmode: agent\n")
        .file("src/main/java/a/Main.java", """
            package a;

            import javax.ws.rs.GET;

            public class Main {
              public static void main(String[] args) {}

              @GET
              public String get() { return ""; }
            }
            """));

    assertThat(entry(s, "jaxrs").outcome()).isEqualTo("will be instrumented by the javaagent");
    assertThat(s.uncoveredServers()).isEmpty();
  }

  @Test
  void springKafkaTemplateIsSpringKafkasNotKafkaClients() {
    ServiceForecast s = only(Repo.create()
        .file("pom.xml", BOOT_PARENT.formatted("3.2.5", "events"))
        .file("src/main/java/shop/App.java", BOOT_APP)
        .file("src/main/java/shop/Events.java", """
            package shop;

            import org.springframework.kafka.core.KafkaTemplate;
            import org.springframework.kafka.core.ProducerFactory;

            class Events {
              KafkaTemplate<String, String> t(ProducerFactory<String, String> f) {
                return new KafkaTemplate<>(f);
              }
            }
            """));

    Entry kafka = entry(s, "spring-kafka");
    assertThat(kafka.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(kafka.outcome()).isEqualTo("will be instrumented by spring-boot-starter");
  }

  @Test
  void theRealBoot27FixtureForecastsEveryServiceOfTheMatrix() throws IOException {
    Path fixture = Path.of("../examples/matrix/boot27-mvc/front");
    ScanResult scan = RepoScanner.builder().setThreads(1).build().scan(fixture);
    ServiceForecast s = CoverageForecast.of(scan, fixture).services().get(0);
    assertThat(s.springBootStarter()).isTrue();
    assertThat(s.inbound()).isNotEmpty().allSatisfy(e ->
        assertThat(e.outcome()).isEqualTo("will be instrumented by spring-boot-starter"));
  }

  /** Every fixture of the framework matrix passes verify in code mode: none may be forecast uncovered. */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("matrixFixtures")
  void noServerOfTheFrameworkMatrixIsForecastUncovered(String fixture) throws IOException {
    Path dir = Path.of("../examples/matrix", fixture);
    ScanResult scan = RepoScanner.builder().setThreads(1).build().scan(dir);
    CoverageForecast forecast = CoverageForecast.of(scan, dir);
    assertThat(forecast.services().stream().flatMap(s -> s.inbound().stream())).isNotEmpty();
    assertThat(forecast.services().stream().flatMap(s -> s.uncoveredServers().stream()))
        .isEmpty();
  }

  static java.util.stream.Stream<String> matrixFixtures() throws IOException {
    try (var dirs = java.nio.file.Files.list(Path.of("../examples/matrix"))) {
      return dirs.filter(d -> java.nio.file.Files.isRegularFile(d.resolve("verify.yaml")))
          .map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @Test
  void everyEntryPointAndClientKindBelongsToACatalogLibrary() {
    assertThat(Arrays.stream(FindingKind.values())
            .filter(k -> k.countsTowardCoverage())
            .filter(k -> k.category() == Category.HTTP_SERVER
                || k.category() == Category.HTTP_CLIENT || k.category() == Category.MESSAGING))
        .allSatisfy(k -> assertThat(k.libraryId().flatMap(LibraryCatalog::byId))
            .as(k.id()).get().extracting(Library::category)
            .isIn(LibraryCategory.HTTP_SERVER, LibraryCategory.HTTP_CLIENT,
                LibraryCategory.MESSAGING));
  }

  /** What the catalog says onboard does for {@code library} decides the forecast. */
  private static void assertCatalogOutcome(Entry e, Library library) {
    if (library.onboarding().isManual()) {
      assertThat(e.outcome()).isEqualTo("not covered: " + library.onboarding().note());
    } else {
      assertThat(e.outcome()).isEqualTo("will be instrumented by " + library.onboarding().rewrite());
    }
  }

  private static ServiceForecast only(Repo repo) {
    ScanResult scan = repo.scan();
    assertThat(CoverageForecast.of(scan, repo.root()).services()).hasSize(1);
    return CoverageForecast.of(scan, repo.root()).services().get(0);
  }

  private static Entry entry(ServiceForecast s, String library) {
    return s.entries().stream().filter(e -> e.library().equals(library)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + library + " in " + s.entries()));
  }
}
