package dev.otelboard.cli.rewrite;

/**
 * What the rewritten code needs at build time: each value maps to generated classes and pom.xml
 * dependencies in the onboard run.
 */
public enum Instrumentation {
  /** The generated bootstrap class (always in SDK mode). */
  BOOTSTRAP,
  /** The generated java.net.http client adapter. */
  HTTP_CLIENT_ADAPTER,
  /** The official opentelemetry-java-http-client library. */
  HTTP_CLIENT_LIBRARY,
  /** The generated JDK HttpServer filter. */
  HTTP_SERVER_ADAPTER,
  /** The official opentelemetry-java-http-server library. */
  HTTP_SERVER_LIBRARY,
  /**
   * The generated servlet Filter that opens SERVER spans (javax or jakarta, as the service's
   * dependencies say).
   */
  SERVLET_FILTER,
  /**
   * The generated JAX-RS request filter that sets {@code http.route} on the servlet filter's
   * SERVER span from the matched resource method (javax or jakarta, as the servlet filter).
   */
  JAXRS_ROUTE,
  /** The generated Apache HttpClient 5 adapter (an exec interceptor on the client builder). */
  HTTP_CLIENT5_ADAPTER,
  /** The generated OkHttp adapter (keeps the OkHttpClient type). */
  OKHTTP_ADAPTER,
  /** The generated Apache HttpClient 4 adapter (keeps the CloseableHttpClient type). */
  APACHE_HTTPCLIENT_4_ADAPTER,
  /** opentelemetry-kafka-clients-2.6. */
  KAFKA,
  /** The generated Kafka configuration helper (interceptors; keeps KafkaProducer/KafkaConsumer). */
  KAFKA_ADAPTER,
  /** opentelemetry-spring-web-3.1. */
  SPRING_WEB,
  /** The generated RestTemplate helper (the spring-web interceptor, added in place). */
  SPRING_WEB_ADAPTER,
  /** The same helper, with its RestClient overload (Spring Framework 6.1+). */
  SPRING_REST_CLIENT,
  /**
   * opentelemetry-spring-webmvc-5.3 or -6.0 and the generated filter registration for a Spring
   * Boot application the starter does not support.
   */
  SPRING_MVC_FILTER,
  /** io.opentelemetry.context.Context (part of opentelemetry-api). */
  CONTEXT,
  /** The tracing API itself (Span, Tracer, StatusCode), for code migrated off a vendor tracer. */
  TRACING_API,
  /**
   * opentelemetry-instrumentation-annotations' {@code @WithSpan}, run by the Spring Boot starter's
   * aspect (which needs AspectJ on the classpath: spring-boot-starter-aop).
   */
  WITH_SPAN,
  /** The generated class that hands migrated code its Tracer ({@link RewriteSettings#tracingHolder}). */
  TRACING_HOLDER
}
