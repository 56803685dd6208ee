package dev.otelboard.cli.rewrite;

import java.util.List;

/** The Java rewrites otelboard has, in the order they run. */
public final class Rewrites {
  private Rewrites() {}

  /**
   * The rewrites that move code off a vendor tracer to the OpenTelemetry API, in the order they
   * run (OpenTracing first: Datadog apps tag its spans with DDTags).
   *
   * @param withSpanAspect whether the Spring Boot starter's {@code @WithSpan} aspect runs
   */
  public static List<JavaRewrite> vendorMigration(boolean withSpanAspect) {
    return List.of(
        new MigrateOpenTracing(),
        new MigrateBrave(),
        new MigrateDatadogTrace(withSpanAspect),
        new MigrateDatadogCorrelationIds());
  }

  /** Every rewrite for SDK mode. */
  public static List<JavaRewrite> sdkMode() {
    return List.of(
        new MigrateOpenTracing(),
        new MigrateBrave(),
        new MigrateDatadogTrace(false),
        new MigrateDatadogCorrelationIds(),
        new WrapJavaHttpClient(),
        new InstrumentHttpServer(),
        new RegisterJettyFilter(),
        new RegisterTomcatFilter(),
        new RegisterDropwizardFilter(),
        new WrapApacheHttpClient5(),
        new WrapOkHttp(),
        new WrapApacheHttpClient4(),
        new InstrumentSpringWeb(),
        new WrapKafkaClient(),
        new WrapExecutor(),
        new WrapCompletableFuture(),
        new WrapThread(),
        new MigrateLoggerToSlf4j(MigrateLoggerToSlf4j.JUL),
        new MigrateLoggerToSlf4j(MigrateLoggerToSlf4j.JCL),
        new MigrateLoggerToSlf4j(MigrateLoggerToSlf4j.LOG4J1),
        new MigrateSystemOutToSlf4j(),
        new ParameterizeLogMessage(),
        new AttachDropwizardLogAppenders(),
        new InitBootstrap());
  }

  /**
   * The rewrites for a Spring Boot 2.6+ or 3.1+ application onboarded with
   * opentelemetry-spring-boot-starter: the starter owns the SDK and instruments Spring's clients,
   * servers and spring-kafka, so only vendor tracer code, OkHttp (whose adapter takes the
   * starter's OpenTelemetry from the generated Spring bridge), context propagation and logging
   * remain.
   */
  public static List<JavaRewrite> springBootStarter() {
    return List.of(
        new MigrateOpenTracing(),
        new MigrateBrave(),
        new MigrateDatadogTrace(true),
        new MigrateDatadogCorrelationIds(),
        new WrapOkHttp(),
        new WrapExecutor(),
        new WrapCompletableFuture(),
        new WrapThread(),
        new DecorateAsyncTasks(),
        new MigrateLoggerToSlf4j(MigrateLoggerToSlf4j.JUL),
        new MigrateLoggerToSlf4j(MigrateLoggerToSlf4j.JCL),
        new MigrateLoggerToSlf4j(MigrateLoggerToSlf4j.LOG4J1),
        new MigrateSystemOutToSlf4j(),
        new ParameterizeLogMessage());
  }

  /**
   * The rewrites for a Spring Boot application the starter does not support, on top of {@link
   * #sdkMode()}: its {@code @Async} tasks get the caller's context through Boot's task executor
   * and, when {@code mvcFilter} (a Spring MVC server on Boot 2.4/2.5 or 3.0), its requests the
   * spring-webmvc filter.
   */
  public static List<JavaRewrite> springBootWithoutStarter(boolean mvcFilter) {
    return mvcFilter
        ? List.of(new InstrumentSpringMvc(), new DecorateAsyncTasks())
        : List.of(new DecorateAsyncTasks());
  }

  /**
   * The rewrites that instrument clients and servers through the generated bootstrap, which a
   * Spring Boot starter application does not get: their findings become manual items there.
   */
  public static List<JavaRewrite> outsideSpringBootStarter() {
    return List.of(
        new WrapJavaHttpClient(),
        new InstrumentHttpServer(),
        new WrapApacheHttpClient4(),
        new WrapKafkaClient());
  }

  /** Whether the rewrite with this id registers the generated servlet filter. */
  public static boolean registersServletFilter(RewriteId id) {
    return id == RewriteId.REGISTER_JETTY_FILTER || id == RewriteId.REGISTER_TOMCAT_FILTER
        || id == RewriteId.REGISTER_DROPWIZARD_FILTER;
  }

  /** The rewrite with this id, for tests and for scan findings. */
  public static JavaRewrite byId(RewriteId id) {
    return java.util.stream.Stream.of(sdkMode(), springBootStarter(), springBootWithoutStarter(true))
        .flatMap(List::stream)
        .filter(r -> r.id() == id)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no rewrite " + id.id()));
  }
}
