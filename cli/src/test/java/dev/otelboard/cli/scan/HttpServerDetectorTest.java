package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpServerDetectorTest {

  @Test
  void jdkHttpServerContexts() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Server.java", """
            package a;

            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;

            class Server {
              void start() throws Exception {
                HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
                server.createContext("/orders", exchange -> {});
                Tracing.instrument(server.createContext("/health", exchange -> {}));
                var other = HttpServer.create();
                other.createContext("/x");
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "http.server.jdk-httpserver src/main/java/a/Server.java:9:5 instrument-http-server",
        "http.server.jdk-httpserver src/main/java/a/Server.java:10:24 instrument-http-server "
            + "instrumented",
        "http.server.jdk-httpserver src/main/java/a/Server.java:12:5 instrument-http-server");
    assertThat(r.findings().get(0).symbol())
        .isEqualTo("com.sun.net.httpserver.HttpServer.createContext(\"/orders\")");
    assertThat(r.findings().get(0).enclosingMethod()).isEqualTo("start");
  }

  @Test
  void createContextOnSomethingElseIsNotAServer() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Other.java", """
            package a;

            class Other {
              static class Registry {
                void createContext(String path) {}
              }

              void run(Registry registry) {
                registry.createContext("/x");
              }
            }
            """)
        .scan();
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void servletsFiltersSpringAndJaxrsHandlers() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/OrderServlet.java", """
            package a;

            import jakarta.servlet.http.HttpServlet;

            public class OrderServlet extends HttpServlet {}
            """)
        .file("src/main/java/a/AuthFilter.java", """
            package a;

            import javax.servlet.Filter;

            public abstract class AuthFilter implements Filter {}
            """)
        .file("src/main/java/a/Orders.java", """
            package a;

            import org.springframework.web.bind.annotation.*;
            import reactor.core.publisher.Mono;

            @RestController
            @RequestMapping("/orders")
            class Orders {
              @GetMapping("/{id}")
              String get(@PathVariable String id) {
                return id;
              }

              @PostMapping
              Mono<String> create() {
                return null;
              }

              String helper() {
                return "";
              }
            }
            """)
        .file("src/main/java/a/Resource.java", """
            package a;

            import javax.ws.rs.GET;
            import javax.ws.rs.Path;

            @Path("/items")
            public class Resource {
              @GET
              public String list() {
                return "";
              }

              @Path("/sub")
              public Object locator() {
                return null;
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "http.server.servlet-filter src/main/java/a/AuthFilter.java:5:23 none",
        "http.server.servlet src/main/java/a/OrderServlet.java:5:14 manual",
        "http.server.spring-mvc src/main/java/a/Orders.java:10:10 manual",
        "http.server.spring-webflux src/main/java/a/Orders.java:15:16 manual",
        "http.server.jaxrs src/main/java/a/Resource.java:9:17 manual");
  }

  @Test
  void javalinSparkAndHelidonRoutes() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Routes.java", """
            package a;

            import static spark.Spark.get;

            import io.helidon.webserver.http.HttpRouting;
            import io.helidon.webserver.http.HttpRules;
            import io.javalin.Javalin;

            class Routes {
              void javalin() {
                Javalin app = Javalin.create();
                app.get("/a", ctx -> {});
                Javalin.create().post("/b", ctx -> {}).start(7000);
              }

              void spark() {
                get("/c", (req, res) -> "");
                spark.Spark.post("/d", (req, res) -> "");
              }

              void helidon(HttpRules rules) {
                HttpRouting.builder().get("/e", (req, res) -> {}).build();
                rules.put("/f", (req, res) -> {});
              }

              void notARoute(java.util.Map<String, String> map) {
                map.get("/g");
              }
            }
            """)
        .scan();
    assertThat(Repo.brief(r)).containsExactly(
        "http.server.javalin src/main/java/a/Routes.java:12:5",
        "http.server.javalin src/main/java/a/Routes.java:13:22",
        "http.server.spark src/main/java/a/Routes.java:17:5",
        "http.server.spark src/main/java/a/Routes.java:18:5",
        "http.server.helidon src/main/java/a/Routes.java:22:27",
        "http.server.helidon src/main/java/a/Routes.java:23:5");
  }
}
