package dev.otelboard.cli.scan;

import static dev.otelboard.cli.scan.Category.ASYNC;
import static dev.otelboard.cli.scan.Category.BUILD;
import static dev.otelboard.cli.scan.Category.HTTP_CLIENT;
import static dev.otelboard.cli.scan.Category.HTTP_SERVER;
import static dev.otelboard.cli.scan.Category.LOGGING;
import static dev.otelboard.cli.scan.Category.LOG_CONFIG;
import static dev.otelboard.cli.scan.Category.MESSAGING;
import static dev.otelboard.cli.scan.Category.TRACING;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a finding is. Each kind has a stable id (used in JSON, SARIF rule ids and docs/scan.md),
 * a category and whether it counts toward coverage: coverage asks "of the places that need
 * trace context, how many already have it", so facts such as existing tracing or a concatenated
 * log message do not count.
 */
public enum FindingKind {
  /** An SLF4J logger field or variable (or Lombok {@code @Slf4j}). */
  SLF4J_LOGGER("logging.slf4j.logger", LOGGING, true, "SLF4J logger"),
  /** A Logback {@code ch.qos.logback.classic.Logger} used directly. */
  LOGBACK_LOGGER("logging.logback.logger", LOGGING, true, "Logback logger used directly"),
  /** A Log4j 2 logger (or Lombok {@code @Log4j2}). */
  LOG4J2_LOGGER("logging.log4j2.logger", LOGGING, true, "Log4j 2 logger"),
  /** A java.util.logging logger (or Lombok {@code @Log}). */
  JUL_LOGGER("logging.jul.logger", LOGGING, true, "java.util.logging logger"),
  /** A Commons Logging {@code Log} (or Lombok {@code @CommonsLog}). */
  JCL_LOGGER("logging.jcl.logger", LOGGING, true, "Commons Logging logger"),
  /** A Log4j 1.x logger (or Lombok {@code @Log4j}). */
  LOG4J1_LOGGER("logging.log4j1.logger", LOGGING, true, "Log4j 1.x logger"),
  /** A log call whose message is built by string concatenation. */
  CONCATENATED_LOG_MESSAGE(
      "logging.concatenated-message", LOGGING, false, "log message built by concatenation"),
  /** System.out printing in service code. */
  SYSTEM_OUT("logging.system-out", LOGGING, false, "System.out in service code"),
  /** System.err printing in service code. */
  SYSTEM_ERR("logging.system-err", LOGGING, false, "System.err in service code"),
  /** {@code e.printStackTrace()} in service code. */
  PRINT_STACK_TRACE(
      "logging.print-stack-trace", LOGGING, false, "printStackTrace() in service code"),

  /** logback*.xml. */
  LOGBACK_CONFIG("logconfig.logback", LOG_CONFIG, true, "Logback configuration", "logback"),
  /** log4j2*.xml/.yaml/.yml/.json/.properties. */
  LOG4J2_CONFIG("logconfig.log4j2", LOG_CONFIG, true, "Log4j 2 configuration", "log4j2"),
  /** logging.properties (java.util.logging). */
  JUL_CONFIG("logconfig.jul", LOG_CONFIG, true, "java.util.logging configuration", "jul"),
  /** log4j.properties / log4j.xml (Log4j 1.x). */
  LOG4J1_CONFIG("logconfig.log4j1", LOG_CONFIG, true, "Log4j 1.x configuration",
      "log4j1"),
  /** Spring Boot {@code logging.pattern.*} in application.properties/yml. */
  SPRING_LOGGING_PATTERN(
      "logconfig.spring-pattern", LOG_CONFIG, true, "Spring Boot logging.pattern.*"),

  /** {@code java.net.http.HttpClient} created. */
  JAVA_NET_HTTP_CLIENT(
      "http.client.java-net-http", HTTP_CLIENT, true, "java.net.http.HttpClient created",
      "java-http-client"),
  /** {@code okhttp3.OkHttpClient} created. */
  OKHTTP_CLIENT("http.client.okhttp", HTTP_CLIENT, true, "OkHttpClient created",
      "okhttp"),
  /** Apache HttpClient 4.x created. */
  APACHE_HTTPCLIENT_4(
      "http.client.apache-httpclient-4", HTTP_CLIENT, true, "Apache HttpClient 4 created",
      "apache-httpclient-4"),
  /** Apache HttpClient 5.x created. */
  APACHE_HTTPCLIENT_5(
      "http.client.apache-httpclient-5", HTTP_CLIENT, true, "Apache HttpClient 5 created",
      "apache-httpclient-5"),
  /** Spring {@code RestTemplate} created. */
  SPRING_REST_TEMPLATE(
      "http.client.spring-rest-template", HTTP_CLIENT, true, "Spring RestTemplate created",
      "spring-web"),
  /** Spring {@code RestClient} created. */
  SPRING_REST_CLIENT(
      "http.client.spring-rest-client", HTTP_CLIENT, true, "Spring RestClient created",
      "spring-web"),
  /** Spring {@code WebClient} created. */
  SPRING_WEB_CLIENT(
      "http.client.spring-web-client", HTTP_CLIENT, true, "Spring WebClient created",
      "spring-webclient"),
  /** JAX-RS client created. */
  JAXRS_CLIENT("http.client.jaxrs", HTTP_CLIENT, true, "JAX-RS client created",
      "jaxrs-client"),
  /** Feign client built or declared. */
  FEIGN_CLIENT("http.client.feign", HTTP_CLIENT, true, "Feign client",
      "feign"),
  /** Retrofit built. */
  RETROFIT_CLIENT("http.client.retrofit", HTTP_CLIENT, true, "Retrofit built",
      "retrofit"),

  /** A JDK {@code HttpServer.createContext}. */
  JDK_HTTP_SERVER(
      "http.server.jdk-httpserver", HTTP_SERVER, true, "JDK HttpServer context",
      "jdk-httpserver"),
  /** A servlet class. */
  SERVLET("http.server.servlet", HTTP_SERVER, true, "Servlet",
      "servlet"),
  /** A servlet filter class (runs inside the server's span). */
  SERVLET_FILTER("http.server.servlet-filter", HTTP_SERVER, false, "Servlet filter",
      "servlet"),
  /** A Spring MVC handler method. */
  SPRING_MVC("http.server.spring-mvc", HTTP_SERVER, true, "Spring MVC handler",
      "spring-mvc"),
  /** A Spring WebFlux handler method or router function. */
  SPRING_WEBFLUX("http.server.spring-webflux", HTTP_SERVER, true, "Spring WebFlux handler",
      "spring-webflux"),
  /** A JAX-RS resource method. */
  JAXRS_RESOURCE("http.server.jaxrs", HTTP_SERVER, true, "JAX-RS resource method",
      "jaxrs"),
  /** A Javalin route. */
  JAVALIN_ROUTE("http.server.javalin", HTTP_SERVER, true, "Javalin route",
      "javalin"),
  /** A Spark Java route. */
  SPARK_ROUTE("http.server.spark", HTTP_SERVER, true, "Spark route",
      "spark"),
  /** A Helidon route. */
  HELIDON_ROUTE("http.server.helidon", HTTP_SERVER, true, "Helidon route",
      "helidon"),

  /** {@code Executors.newXxx(...)} (not scheduled). */
  EXECUTOR_FACTORY("async.executor-factory", ASYNC, true, "Executors factory"),
  /** A scheduled executor: Executors.newScheduledThreadPool, new ScheduledThreadPoolExecutor. */
  SCHEDULED_EXECUTOR("async.scheduled-executor", ASYNC, true, "scheduled executor"),
  /** {@code new ThreadPoolExecutor(...)}. */
  THREAD_POOL_EXECUTOR("async.thread-pool-executor", ASYNC, true, "new ThreadPoolExecutor"),
  /** {@code new ForkJoinPool(...)} or {@code ForkJoinPool.commonPool()}. */
  FORK_JOIN_POOL("async.fork-join-pool", ASYNC, true, "ForkJoinPool"),
  /** {@code CompletableFuture.*Async} without an executor. */
  COMPLETABLE_FUTURE_ASYNC(
      "async.completable-future", ASYNC, true, "CompletableFuture async without executor"),
  /** {@code new Thread(...)}. */
  NEW_THREAD("async.thread", ASYNC, true, "new Thread"),
  /** Spring {@code @Async} method. */
  SPRING_ASYNC("async.spring-async", ASYNC, true, "Spring @Async method"),
  /** Spring {@code @Scheduled} method (starts its own traces). */
  SPRING_SCHEDULED("async.spring-scheduled", ASYNC, false, "Spring @Scheduled method"),

  /** Kafka producer created (or Spring KafkaTemplate). */
  KAFKA_PRODUCER("messaging.kafka.producer", MESSAGING, true, "Kafka producer",
      "kafka-clients"),
  /** Kafka consumer created (or Spring @KafkaListener). */
  KAFKA_CONSUMER("messaging.kafka.consumer", MESSAGING, true, "Kafka consumer",
      "kafka-clients"),
  /** JMS producer. */
  JMS_PRODUCER("messaging.jms.producer", MESSAGING, true, "JMS producer",
      "jms"),
  /** JMS consumer or listener. */
  JMS_CONSUMER("messaging.jms.consumer", MESSAGING, true, "JMS consumer",
      "jms"),
  /** RabbitMQ publish. */
  RABBITMQ_PRODUCER("messaging.rabbitmq.producer", MESSAGING, true, "RabbitMQ producer",
      "rabbitmq"),
  /** RabbitMQ consume or listener. */
  RABBITMQ_CONSUMER("messaging.rabbitmq.consumer", MESSAGING, true, "RabbitMQ consumer",
      "rabbitmq"),

  /** OpenTelemetry API used in code. */
  OTEL_API("tracing.otel-api", TRACING, false, "OpenTelemetry API in code"),
  /** OpenTelemetry SDK built in code. */
  OTEL_SDK("tracing.otel-sdk", TRACING, false, "OpenTelemetry SDK in code"),
  /** An OpenTelemetry artifact in pom.xml. */
  OTEL_DEPENDENCY("tracing.otel-dependency", TRACING, false, "OpenTelemetry dependency"),
  /** The OpenTelemetry javaagent in a Dockerfile, script or manifest. */
  OTEL_JAVAAGENT("tracing.otel-javaagent", TRACING, false, "OpenTelemetry javaagent"),
  /** Micrometer Tracing. */
  MICROMETER_TRACING("tracing.micrometer", TRACING, false, "Micrometer Tracing"),
  /** Brave / Zipkin. */
  BRAVE("tracing.brave", TRACING, false, "Brave"),
  /** Spring Cloud Sleuth. */
  SLEUTH("tracing.sleuth", TRACING, false, "Spring Cloud Sleuth"),
  /** OpenTracing. */
  OPENTRACING("tracing.opentracing", TRACING, false, "OpenTracing"),
  /** Datadog dd-trace (API, dependency or agent). */
  DATADOG("tracing.datadog", TRACING, false, "Datadog dd-trace"),
  /** Another vendor's javaagent (Elastic, New Relic, ...). */
  OTHER_AGENT("tracing.other-agent", TRACING, false, "another tracing javaagent"),

  /** A Gradle build: detected, not edited yet. */
  GRADLE_BUILD("build.gradle", BUILD, false, "Gradle build (not edited yet)");

  private static final Map<String, FindingKind> BY_ID = new HashMap<>();

  static {
    for (FindingKind k : values()) {
      BY_ID.put(k.id, k);
    }
  }

  private final String id;
  private final Category category;
  private final boolean coverage;
  private final String title;
  private final String library;

  FindingKind(String id, Category category, boolean coverage, String title) {
    this(id, category, coverage, title, null);
  }

  /** A kind whose findings belong to the catalog library {@code library} unless they name another. */
  FindingKind(String id, Category category, boolean coverage, String title, String library) {
    this.id = id;
    this.category = category;
    this.coverage = coverage;
    this.title = title;
    this.library = library;
  }

  /** The stable id, e.g. {@code http.client.java-net-http}. */
  public String id() {
    return id;
  }

  /** The concern this kind belongs to. */
  public Category category() {
    return category;
  }

  /** Whether findings of this kind count toward coverage (when their rewrite is not "none"). */
  public boolean countsTowardCoverage() {
    return coverage;
  }

  /**
   * The id of the {@link dev.otelboard.cli.catalog.LibraryCatalog catalog} library this kind's
   * findings usually belong to (a finding whose symbol names another library's type belongs to
   * that one: a KafkaTemplate is spring-kafka's), or whose configuration file it is; empty for
   * kinds that are no library's entry point, client or configuration.
   */
  public Optional<String> libraryId() {
    return Optional.ofNullable(library);
  }

  /** A short human title, also the SARIF rule's short description. */
  public String title() {
    return title;
  }

  /** The kind with this id. */
  public static Optional<FindingKind> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
