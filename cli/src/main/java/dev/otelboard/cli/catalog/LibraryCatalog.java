package dev.otelboard.cli.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The libraries otelboard recognizes: THE owner of their types, packages and Maven coordinates,
 * and of what onboard does for each. Scan's detectors, the rewrites, onboard and the support
 * matrix in docs/onboard.md all read it. The entries are constants of {@link LoggingLibraries},
 * {@link HttpLibraries}, {@link MessagingLibraries} and {@link TracingLibraries}; this class
 * lists and looks them up.
 *
 * <p>Order matters where lookups take the first match: a more specific entry comes first (the
 * OpenTelemetry SDK before the API), and tracers keep scan's precedence for a dependency that
 * matches two of them.
 */
public final class LibraryCatalog {
  private LibraryCatalog() {}

  private static final List<Library> ALL =
      List.of(
          LoggingLibraries.SLF4J,
          LoggingLibraries.LOGBACK,
          LoggingLibraries.LOG4J2,
          LoggingLibraries.JUL,
          LoggingLibraries.JCL,
          LoggingLibraries.LOG4J1,
          HttpLibraries.JAVA_HTTP_CLIENT,
          HttpLibraries.OKHTTP,
          HttpLibraries.APACHE_HTTPCLIENT_4,
          HttpLibraries.APACHE_HTTPCLIENT_5,
          HttpLibraries.SPRING_WEB,
          HttpLibraries.SPRING_WEB_CLIENT,
          HttpLibraries.JAXRS_CLIENT,
          HttpLibraries.FEIGN,
          HttpLibraries.RETROFIT,
          HttpLibraries.JDK_HTTP_SERVER,
          HttpLibraries.SERVLET,
          HttpLibraries.EMBEDDED_JETTY,
          HttpLibraries.EMBEDDED_TOMCAT,
          HttpLibraries.SPRING_MVC,
          HttpLibraries.SPRING_WEBFLUX,
          HttpLibraries.JAXRS,
          HttpLibraries.JAVALIN,
          HttpLibraries.SPARK,
          HttpLibraries.HELIDON,
          MessagingLibraries.KAFKA_CLIENTS,
          MessagingLibraries.SPRING_KAFKA,
          MessagingLibraries.JMS,
          MessagingLibraries.SPRING_JMS,
          MessagingLibraries.RABBITMQ,
          MessagingLibraries.SPRING_AMQP,
          HttpLibraries.SPRING_BOOT,
          HttpLibraries.DROPWIZARD,
          TracingLibraries.OPENTELEMETRY_SDK,
          TracingLibraries.OPENTRACING_SHIM,
          TracingLibraries.OPENTELEMETRY_API,
          TracingLibraries.MICROMETER_TRACING_OTEL,
          TracingLibraries.MICROMETER_TRACING,
          TracingLibraries.BRAVE,
          TracingLibraries.SLEUTH,
          TracingLibraries.OPENTRACING,
          TracingLibraries.DD_TRACE,
          TracingLibraries.NEW_RELIC,
          TracingLibraries.ELASTIC_APM);

  /**
   * Artifacts that give SLF4J a backend (directly or through a Spring Boot starter), so other
   * logging APIs can move to SLF4J.
   */
  private static final List<Coordinates> SLF4J_PROVIDERS =
      List.of(
          "ch.qos.logback:logback-classic",
          "org.apache.logging.log4j:log4j-slf4j2-impl",
          "org.apache.logging.log4j:log4j-slf4j-impl",
          "org.slf4j:slf4j-simple",
          "org.slf4j:slf4j-jdk14",
          "org.slf4j:slf4j-reload4j",
          "org.springframework.boot:spring-boot-starter",
          "org.springframework.boot:spring-boot-starter-web",
          "org.springframework.boot:spring-boot-starter-logging",
          "org.springframework.boot:spring-boot-starter-webflux").stream()
          .map(Coordinates::parse)
          .toList();

  /**
   * What opentelemetry-spring-boot-starter instruments by itself (its documented instrumentations:
   * Spring MVC and WebFlux servers, RestTemplate/RestClient/WebClient beans, spring-kafka), so an
   * application onboarded with it needs no rewrite for them.
   */
  private static final List<Library> SPRING_BOOT_STARTER_INSTRUMENTS =
      List.of(
          HttpLibraries.SPRING_MVC,
          HttpLibraries.SPRING_WEBFLUX,
          HttpLibraries.SPRING_WEB,
          HttpLibraries.SPRING_WEB_CLIENT,
          MessagingLibraries.SPRING_KAFKA);

  /** Every library, in catalog order. */
  public static List<Library> all() {
    return ALL;
  }

  /** The libraries of one category, in catalog order. */
  public static List<Library> inCategory(LibraryCategory category) {
    return ALL.stream().filter(l -> l.category() == category).toList();
  }

  /** The library with this id. */
  public static Optional<Library> byId(String id) {
    return ALL.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** The library one of whose types has this fully qualified name. */
  public static Optional<Library> byType(String name) {
    return ALL.stream().filter(l -> l.typeNames().contains(name)).findFirst();
  }

  /** The first library (in catalog order) one of whose packages prefixes this import name. */
  public static Optional<Library> byImport(String importName) {
    return ALL.stream().filter(l -> l.matchesImport(importName)).findFirst();
  }

  /**
   * Every library whose coordinates match a dependency, most specific first (one artifact may
   * identify two: spring-webflux is WebClient's and WebFlux's).
   */
  public static List<Library> byCoordinates(String groupId, String artifactId) {
    return ALL.stream().filter(l -> l.matches(groupId, artifactId)).toList();
  }

  /** Whether opentelemetry-spring-boot-starter instruments {@code library} by itself. */
  public static boolean instrumentedBySpringBootStarter(Library library) {
    return SPRING_BOOT_STARTER_INSTRUMENTS.contains(library);
  }

  /** Artifacts that give SLF4J a backend, so other logging APIs can move to SLF4J. */
  public static List<Coordinates> slf4jProviders() {
    return SLF4J_PROVIDERS;
  }
}
