package dev.otelboard.cli.catalog;

import static dev.otelboard.cli.catalog.Artifact.instrumentation;
import static dev.otelboard.cli.catalog.LibraryCategory.FRAMEWORK;
import static dev.otelboard.cli.catalog.LibraryCategory.HTTP_CLIENT;
import static dev.otelboard.cli.catalog.LibraryCategory.HTTP_SERVER;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP clients, HTTP servers and web frameworks otelboard recognizes. Entries of the
 * {@link LibraryCatalog}.
 */
public final class HttpLibraries {
  private HttpLibraries() {}

  // --- HTTP clients --------------------------------------------------------------------------

  /** The JDK's java.net.http client. */
  public static final Library JAVA_HTTP_CLIENT =
      Library.builder("java-http-client", "java.net.http HttpClient", HTTP_CLIENT)
          .addTypes("java.net.http.HttpClient")
          .addFactory("java.net.http.HttpClient", "newHttpClient", "java.net.http.HttpClient")
          .setOnboarding(Onboarding.rewrite("wrap-java-http-client",
              "the official library with `--http-library library` (or `auto` when it is in the "
                  + "local Maven repository), else a generated adapter on "
                  + "opentelemetry-instrumentation-api (Maven Central does not serve the library "
                  + "at 2.31.1-alpha: its last release is 2.23.0-alpha, so `auto` takes the "
                  + "adapter)",
              instrumentation("opentelemetry-java-http-client")))
          .build();

  /** OkHttp 3/4. */
  public static final Library OKHTTP =
      Library.builder("okhttp", "OkHttp", HTTP_CLIENT)
          .addTypes("okhttp3.OkHttpClient")
          .addCoordinates("com.squareup.okhttp3:okhttp")
          .setOnboarding(Onboarding.rewrite("wrap-okhttp",
              "a generated interceptor on opentelemetry-instrumentation-api, so fields keep the "
                  + "OkHttpClient type"))
          .build();

  /**
   * Apache HttpClient 4.x, also as built by dropwizard-client up to Dropwizard 2.x (3.0 moved it
   * to HttpClient 5).
   */
  public static final Library APACHE_HTTPCLIENT_4 =
      Library.builder("apache-httpclient-4", "Apache HttpClient 4", HTTP_CLIENT)
          .addTypes(
              "org.apache.http.impl.client.HttpClients",
              "org.apache.http.impl.client.HttpClientBuilder",
              "org.apache.http.impl.client.DefaultHttpClient",
              "io.dropwizard.client.HttpClientBuilder")
          .addFactories("org.apache.http.impl.client.HttpClients",
              "createDefault", "createSystem", "createMinimal", "custom")
          .addFactories("org.apache.http.impl.client.HttpClientBuilder", "create")
          .addCoordinates("org.apache.httpcomponents:httpclient")
          .setOnboarding(Onboarding.rewrite("wrap-apache-httpclient-4",
              "a generated CloseableHttpClient on opentelemetry-instrumentation-api "
                  + "(apache-httpclient-4.3 is not served here), installed where the client is "
                  + "built (HttpClients, HttpClientBuilder, dropwizard-client's builder on "
                  + "Dropwizard 2.x); `new DefaultHttpClient()` is manual"))
          .build();

  /** Apache HttpClient 5.x, classic and async. */
  public static final Library APACHE_HTTPCLIENT_5 =
      Library.builder("apache-httpclient-5", "Apache HttpClient 5", HTTP_CLIENT)
          .addTypes(
              "org.apache.hc.client5.http.impl.classic.HttpClients",
              "org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
              "org.apache.hc.client5.http.impl.async.HttpAsyncClients")
          .addFactories("org.apache.hc.client5.http.impl.classic.HttpClients",
              "createDefault", "createSystem", "createMinimal", "custom")
          .addFactories("org.apache.hc.client5.http.impl.classic.HttpClientBuilder", "create")
          .addFactories("org.apache.hc.client5.http.impl.async.HttpAsyncClients",
              "createDefault", "createSystem", "custom")
          .addCoordinates("org.apache.httpcomponents.client5:httpclient5")
          .setOnboarding(Onboarding.rewrite("wrap-apache-httpclient-5",
              "classic clients built by HttpClients.custom()/createDefault()/createSystem() or "
                  + "HttpClientBuilder.create() get a generated exec interceptor on "
                  + "opentelemetry-instrumentation-api (apache-httpclient-5.2 is not served "
                  + "here); createMinimal() and the async client are manual items"))
          .build();

  /** Spring's RestTemplate and RestClient (spring-web). */
  public static final Library SPRING_WEB =
      Library.builder("spring-web", "Spring RestTemplate and RestClient", HTTP_CLIENT)
          .addTypes(
              "org.springframework.web.client.RestTemplate",
              "org.springframework.boot.web.client.RestTemplateBuilder",
              "org.springframework.web.client.RestClient")
          .addCoordinates("org.springframework:spring-web")
          .setOnboarding(Onboarding.rewrite("instrument-spring-web",
              "the spring-web interceptor goes first in the client's own interceptor list "
                  + "(under the Spring Boot starter its RestTemplate/RestClient customizers do "
                  + "it)",
              instrumentation("opentelemetry-spring-web-3.1")))
          .build();

  /** Spring's reactive WebClient (spring-webflux). */
  public static final Library SPRING_WEB_CLIENT =
      Library.builder("spring-webclient", "Spring WebClient", HTTP_CLIENT)
          .addTypes("org.springframework.web.reactive.function.client.WebClient")
          .addFactories("org.springframework.web.reactive.function.client.WebClient",
              "create", "builder")
          .addCoordinates("org.springframework:spring-webflux")
          .setOnboarding(Onboarding.manual(
              "no onboard rewrite: in a Spring Boot 2.6+/3.1+ application the OpenTelemetry "
                  + "starter instruments WebClients built from Boot's WebClient.Builder bean; "
                  + "elsewhere run the javaagent"))
          .build();

  /** JAX-RS clients, javax and jakarta. */
  public static final Library JAXRS_CLIENT =
      Library.builder("jaxrs-client", "JAX-RS client", HTTP_CLIENT)
          .addTypes("javax.ws.rs.client.ClientBuilder", "jakarta.ws.rs.client.ClientBuilder")
          .addFactories("javax.ws.rs.client.ClientBuilder", "newClient", "newBuilder")
          .addFactories("jakarta.ws.rs.client.ClientBuilder", "newClient", "newBuilder")
          .addCoordinates("javax.ws.rs:javax.ws.rs-api", "jakarta.ws.rs:jakarta.ws.rs-api")
          .setOnboarding(Onboarding.manual(
              "no onboard rewrite for JAX-RS clients: run the javaagent"))
          .build();

  /** OpenFeign, plain or through Spring Cloud OpenFeign. */
  public static final Library FEIGN =
      Library.builder("feign", "Feign", HTTP_CLIENT)
          .addTypes("feign.Feign", "org.springframework.cloud.openfeign.FeignClient")
          .addFactories("feign.Feign", "builder")
          .addCoordinates(
              "io.github.openfeign:feign-core",
              "org.springframework.cloud:spring-cloud-starter-openfeign")
          .setOnboarding(Onboarding.manual(
              "no onboard rewrite for Feign: give it an instrumented client (feign-okhttp with an "
                  + "instrumented OkHttpClient) or run the javaagent"))
          .build();

  /** Retrofit 2, whose calls go through an OkHttpClient. */
  public static final Library RETROFIT =
      Library.builder("retrofit", "Retrofit", HTTP_CLIENT)
          .addTypes("retrofit2.Retrofit")
          .addCoordinates("com.squareup.retrofit2:retrofit")
          .setOnboarding(Onboarding.manual(
              "Retrofit builds its own OkHttpClient: pass an instrumented one with .client(...)"))
          .build();

  // --- HTTP servers --------------------------------------------------------------------------

  /** The JDK's com.sun.net.httpserver. */
  public static final Library JDK_HTTP_SERVER =
      Library.builder("jdk-httpserver", "JDK HttpServer", HTTP_SERVER)
          .addTypes("com.sun.net.httpserver.HttpServer", "com.sun.net.httpserver.HttpsServer")
          .addPackages("com.sun.net.httpserver")
          .addFactory("com.sun.net.httpserver.HttpServer", "create",
              "com.sun.net.httpserver.HttpServer")
          .addFactory("com.sun.net.httpserver.HttpsServer", "create",
              "com.sun.net.httpserver.HttpsServer")
          .setOnboarding(Onboarding.rewrite("instrument-http-server",
              "a generated SERVER-span filter on opentelemetry-instrumentation-api"))
          .build();

  /** Servlets and servlet filters, javax and jakarta. */
  public static final Library SERVLET =
      Library.builder("servlet", "Servlet API", HTTP_SERVER)
          .addTypes(
              "javax.servlet.http.HttpServlet", "jakarta.servlet.http.HttpServlet",
              "javax.servlet.Filter", "jakarta.servlet.Filter",
              "javax.servlet.http.HttpFilter", "jakarta.servlet.http.HttpFilter")
          .addCoordinates(
              "javax.servlet:javax.servlet-api", "jakarta.servlet:jakarta.servlet-api")
          .setOnboarding(Onboarding.manual(
              "servlets run inside the SERVER span of the generated OtelServletFilter (javax or "
                  + "jakarta; servlet-3.0 instrumentation is not served here) where onboard "
                  + "registers it: embedded Jetty (register-jetty-filter), embedded Tomcat "
                  + "(register-tomcat-filter), Dropwizard "
                  + "(register-dropwizard-filter), Spring Boot without Spring MVC (a "
                  + "FilterRegistrationBean); in a war or another container, add "
                  + "OtelServletFilter to web.xml or run the javaagent"))
          .build();

  /** Embedded Jetty's servlet contexts: Jetty 9-11 and Jetty 12's EE8/EE9/EE10 environments. */
  public static final Library EMBEDDED_JETTY =
      Library.builder("embedded-jetty", "Embedded Jetty (servlets)", HTTP_SERVER)
          .addTypes(
              "org.eclipse.jetty.servlet.ServletContextHandler",
              "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
              "org.eclipse.jetty.ee9.servlet.ServletContextHandler",
              "org.eclipse.jetty.ee8.servlet.ServletContextHandler")
          .addCoordinates("org.eclipse.jetty:jetty-servlet",
              "org.eclipse.jetty.ee10:jetty-ee10-servlet", "org.eclipse.jetty.ee9:jetty-ee9-servlet",
              "org.eclipse.jetty.ee8:jetty-ee8-servlet")
          .setOnboarding(Onboarding.rewrite("register-jetty-filter",
              "the generated OtelServletFilter (javax or jakarta) is added to each "
                  + "ServletContextHandler where it is created"))
          .build();

  /**
   * Embedded Tomcat's contexts ({@code Tomcat.addContext}/{@code addWebapp}): Tomcat 8.5/9 (javax)
   * and 10+ (jakarta). Spring Boot's own embedded Tomcat is not this: Boot's filters reach it.
   */
  public static final Library EMBEDDED_TOMCAT =
      Library.builder("embedded-tomcat", "Embedded Tomcat (servlets)", HTTP_SERVER)
          .addTypes("org.apache.catalina.startup.Tomcat")
          .addCoordinates("org.apache.tomcat.embed:tomcat-embed-core")
          .setOnboarding(Onboarding.rewrite("register-tomcat-filter",
              "the generated OtelServletFilter (javax or jakarta) is added to each Context where "
                  + "it is created, with Tomcat's FilterDef and FilterMap (async supported, "
                  + "before the application's filters)"))
          .build();

  /** Spring MVC controllers, router functions and Spring's servlet filters. */
  public static final Library SPRING_MVC =
      Library.builder("spring-mvc", "Spring MVC", HTTP_SERVER)
          .addTypes(
              "org.springframework.web.bind.annotation.RestController",
              "org.springframework.stereotype.Controller",
              "org.springframework.web.bind.annotation.RequestMapping",
              "org.springframework.web.bind.annotation.GetMapping",
              "org.springframework.web.bind.annotation.PostMapping",
              "org.springframework.web.bind.annotation.PutMapping",
              "org.springframework.web.bind.annotation.DeleteMapping",
              "org.springframework.web.bind.annotation.PatchMapping",
              "org.springframework.web.servlet.function.RouterFunctions",
              "org.springframework.web.filter.OncePerRequestFilter",
              "org.springframework.web.filter.GenericFilterBean")
          .addCoordinates("org.springframework:spring-webmvc")
          .setOnboarding(Onboarding.manual(
              "no rewrite of its own: in a Spring Boot 2.6+/3.1+ application the OpenTelemetry "
                  + "starter's filter traces it; on Boot 2.4/2.5/3.0 onboard registers the "
                  + "spring-webmvc filter bean (instrument-spring-mvc); elsewhere run the "
                  + "javaagent"))
          .build();

  /** Spring WebFlux: router functions, web filters, handlers returning Reactor's types. */
  public static final Library SPRING_WEBFLUX =
      Library.builder("spring-webflux", "Spring WebFlux", HTTP_SERVER)
          .addTypes(
              "org.springframework.web.reactive.function.server.RouterFunctions",
              "org.springframework.web.server.WebFilter",
              // Reactor's: a handler method returning them runs on WebFlux.
              "reactor.core.publisher.Mono",
              "reactor.core.publisher.Flux")
          .addCoordinates("org.springframework:spring-webflux")
          .setOnboarding(Onboarding.manual(
              "no rewrite of its own: in a Spring Boot 2.6+/3.1+ application the OpenTelemetry "
                  + "starter's WebFilter traces it and carries the context through Reactor "
                  + "operators; elsewhere run the javaagent"))
          .build();

  /** JAX-RS resource methods, javax and jakarta. */
  public static final Library JAXRS =
      Library.builder("jaxrs", "JAX-RS resources", HTTP_SERVER)
          .addTypes(jaxrsVerbs())
          .addCoordinates("javax.ws.rs:javax.ws.rs-api", "jakarta.ws.rs:jakarta.ws.rs-api",
              "org.glassfish.jersey.core:jersey-server",
              "org.springframework.boot:spring-boot-starter-jersey")
          .setOnboarding(Onboarding.manual(
              "JAX-RS resources run inside the SERVER span of the generated OtelServletFilter "
                  + "where onboard registers it: Jersey on Spring Boot (a FilterRegistrationBean "
                  + "next to the application), Dropwizard (register-dropwizard-filter), Jersey "
                  + "on embedded Jetty (register-jetty-filter); elsewhere run the javaagent. On "
                  + "Spring Boot and Dropwizard the generated OtelJaxrsRoute request filter sets "
                  + "http.route from the matched resource method"))
          .build();

  /** Javalin routes. */
  public static final Library JAVALIN =
      Library.builder("javalin", "Javalin", HTTP_SERVER)
          .addFluentTypes("io.javalin.Javalin")
          .addTypes("io.javalin.apibuilder.ApiBuilder")
          .addFactory("io.javalin.Javalin", "create", "io.javalin.Javalin")
          .addFactory("io.javalin.Javalin", "createAndStart", "io.javalin.Javalin")
          .addCoordinates("io.javalin:javalin")
          .setOnboarding(Onboarding.manual(
              "no onboard rewrite for Javalin: run the javaagent, or add before/after handlers "
                  + "that open SERVER spans"))
          .build();

  /** Spark Java routes. */
  public static final Library SPARK =
      Library.builder("spark", "Spark Java", HTTP_SERVER)
          .addTypes("spark.Spark")
          .addCoordinates("com.sparkjava:spark-core")
          .setOnboarding(Onboarding.manual("no onboard rewrite for Spark: run the javaagent"))
          .build();

  /** Helidon routes (SE 3 and 4). */
  public static final Library HELIDON =
      Library.builder("helidon", "Helidon", HTTP_SERVER)
          .addTypes("io.helidon.webserver.Routing", "io.helidon.webserver.http.HttpRouting")
          .addFluentTypes(
              "io.helidon.webserver.Routing.Builder",
              "io.helidon.webserver.Routing.Rules",
              "io.helidon.webserver.http.HttpRouting.Builder",
              "io.helidon.webserver.http.HttpRules")
          .addFactory("io.helidon.webserver.Routing", "builder",
              "io.helidon.webserver.Routing.Builder")
          .addFactory("io.helidon.webserver.http.HttpRouting", "builder",
              "io.helidon.webserver.http.HttpRouting.Builder")
          .addCoordinates("io.helidon.webserver:helidon-webserver")
          .setOnboarding(Onboarding.manual(
              "no onboard rewrite for Helidon: enable Helidon's OpenTelemetry tracing provider or "
                  + "run the javaagent"))
          .build();

  // --- frameworks ----------------------------------------------------------------------------

  /** Spring Boot: 2.6+ and 3.1+ get the OpenTelemetry starter instead of code rewrites. */
  public static final Library SPRING_BOOT =
      Library.builder("spring-boot", "Spring Boot", FRAMEWORK)
          .addTypes("org.springframework.boot.autoconfigure.SpringBootApplication")
          .addCoordinates("org.springframework.boot:spring-boot-starter*")
          .setOnboarding(Onboarding.rewrite("spring-boot-starter",
              "Spring Boot 2.6+ and 3.1+: the starter instead of the bootstrap and client "
                  + "rewrites; Boot 2.4/2.5/3.0: the code rewrites and instrument-spring-mvc; "
                  + "older Boot: the code rewrites and a manual item for the server",
              instrumentation("opentelemetry-spring-boot-starter")))
          .build();

  /** Dropwizard (Jersey on Jetty): 1-3 in io.dropwizard, 4+ in io.dropwizard.core. */
  public static final Library DROPWIZARD =
      Library.builder("dropwizard", "Dropwizard", FRAMEWORK)
          .addTypes("io.dropwizard.Application", "io.dropwizard.core.Application")
          .addCoordinates("io.dropwizard:dropwizard-core")
          .setOnboarding(Onboarding.rewrite("register-dropwizard-filter",
              "the generated servlet Filter registered in run(configuration, environment) with "
                  + "environment.servlets().addFilter(...); `dropwizard-logging` puts "
                  + "trace_id/span_id in the YAML's logFormats and "
                  + "`attach-dropwizard-log-appenders` attaches the OpenTelemetry appenders "
                  + "after Dropwizard's logging reset"))
          .build();

  private static String[] jaxrsVerbs() {
    List<String> verbs = new ArrayList<>();
    for (String p : new String[] {"javax.ws.rs.", "jakarta.ws.rs."}) {
      for (String v : new String[] {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}) {
        verbs.add(p + v);
      }
    }
    return verbs.toArray(String[]::new);
  }
}
