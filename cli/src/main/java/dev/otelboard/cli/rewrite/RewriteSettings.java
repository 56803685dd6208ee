package dev.otelboard.cli.rewrite;

import static java.util.Objects.requireNonNull;

/**
 * What the rewrites generate references to.
 *
 * @param basePackage the service's base package, where the generated classes go ("" for none)
 * @param bootstrapClass simple name of the generated bootstrap class
 * @param useHttpClientLibrary true to use opentelemetry-java-http-client instead of the adapter
 * @param useHttpServerLibrary true to use opentelemetry-java-http-server instead of the adapter
 * @param migrateLoggingApi true to move JUL, JCL and Log4j 1.x loggers to SLF4J; false to leave
 *     them and report a manual item (the project uses them on purpose, or has no SLF4J backend)
 * @param tracingHolder fully qualified name of the generated class that hands code migrated off a
 *     vendor tracer its OpenTelemetry {@code Tracer} ({@value #TRACING_HOLDER} in the base package
 *     unless set)
 */
public record RewriteSettings(
    String basePackage,
    String bootstrapClass,
    boolean useHttpClientLibrary,
    boolean useHttpServerLibrary,
    boolean migrateLoggingApi,
    String tracingHolder) {

  /** Simple name of the generated java.net.http client adapter. */
  public static final String HTTP_CLIENT_ADAPTER = "OtelHttpClient";
  /** Simple name of the generated JDK HttpServer adapter. */
  public static final String HTTP_SERVER_ADAPTER = "OtelHttpServer";
  /** Simple name of the generated servlet Filter. */
  public static final String SERVLET_FILTER = "OtelServletFilter";
  /** Simple name of the generated JAX-RS request filter that sets {@code http.route}. */
  public static final String JAXRS_ROUTE = "OtelJaxrsRoute";
  /**
   * Simple name of the generated Spring {@code @Configuration} that hands the starter's
   * OpenTelemetry to the adapters and registers the servlet filter.
   */
  public static final String SPRING_BRIDGE = "OtelSpring";
  /** Simple name of the generated java.util.logging handler. */
  public static final String JUL_HANDLER = "OtelJulHandler";
  /** Simple name of the generated Apache HttpClient 5 adapter. */
  public static final String HTTP_CLIENT5_ADAPTER = "OtelHttpClient5";
  /** Simple name of the generated OkHttp adapter. */
  public static final String OKHTTP_ADAPTER = "OtelOkHttp";
  /** Simple name of the generated Apache HttpClient 4 adapter. */
  public static final String APACHE_HTTPCLIENT_4_ADAPTER = "OtelApacheHttpClient4";
  /** Simple name of the generated Kafka configuration helper. */
  public static final String KAFKA_ADAPTER = "OtelKafka";
  /** Simple name of the generated Spring RestTemplate/RestClient helper. */
  public static final String SPRING_WEB_ADAPTER = "OtelSpringWeb";
  /** Simple name of the generated Spring MVC server filter registration. */
  public static final String SPRING_MVC_ADAPTER = "OtelSpringMvc";
  /** Simple name of the generated class that hands migrated code its Tracer. */
  public static final String TRACING_HOLDER = "OtelTracing";
  /** Default simple name of the generated bootstrap class. */
  public static final String DEFAULT_BOOTSTRAP_CLASS = "OtelBootstrap";

  /** Validates the settings. */
  public RewriteSettings {
    requireNonNull(basePackage, "basePackage");
    requireNonNull(bootstrapClass, "bootstrapClass");
    if (tracingHolder == null) {
      tracingHolder = basePackage.isEmpty() ? TRACING_HOLDER : basePackage + "." + TRACING_HOLDER;
    }
  }

  /** Settings with the tracing holder in the base package. */
  public RewriteSettings(
      String basePackage,
      String bootstrapClass,
      boolean useHttpClientLibrary,
      boolean useHttpServerLibrary,
      boolean migrateLoggingApi) {
    this(basePackage, bootstrapClass, useHttpClientLibrary, useHttpServerLibrary,
        migrateLoggingApi, null);
  }

  /** Settings with the adapters and the default bootstrap name. */
  public static RewriteSettings adapters(String basePackage) {
    return new RewriteSettings(basePackage, DEFAULT_BOOTSTRAP_CLASS, false, false, true);
  }

  /** These settings with logging API migration switched on or off. */
  public RewriteSettings withMigrateLoggingApi(boolean migrate) {
    return new RewriteSettings(
        basePackage, bootstrapClass, useHttpClientLibrary, useHttpServerLibrary, migrate,
        tracingHolder);
  }

  /** These settings with the tracing holder {@code qualifiedName}. */
  public RewriteSettings withTracingHolder(String qualifiedName) {
    return new RewriteSettings(
        basePackage, bootstrapClass, useHttpClientLibrary, useHttpServerLibrary,
        migrateLoggingApi, requireNonNull(qualifiedName, "qualifiedName"));
  }

  /** The fully qualified name of a class generated into the base package. */
  public String generated(String simpleName) {
    return basePackage.isEmpty() ? simpleName : basePackage + "." + simpleName;
  }
}
