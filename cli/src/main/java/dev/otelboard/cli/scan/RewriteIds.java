package dev.otelboard.cli.scan;

/**
 * The values of {@link Finding#rewrite()}: the id of the onboard rewrite that handles a finding,
 * {@link #MANUAL} when a person has to act (the finding's reason says what to do), or {@link #NONE}
 * when there is nothing to change. The ids are the ones {@code dev.otelboard.cli.rewrite} uses.
 */
public final class RewriteIds {
  /** java.net.http.HttpClient creation wrapped for CLIENT spans and trace headers. */
  public static final String WRAP_JAVA_HTTP_CLIENT = "wrap-java-http-client";
  /** OkHttpClient creation instrumented in place. */
  public static final String WRAP_OKHTTP = "wrap-okhttp";
  /** JDK HttpServer contexts get a SERVER-span filter. */
  public static final String INSTRUMENT_HTTP_SERVER = "instrument-http-server";
  /** Executors wrapped with Context.taskWrapping. */
  public static final String WRAP_EXECUTOR = "wrap-executor";
  /** CompletableFuture async tasks wrapped with the caller's context. */
  public static final String WRAP_COMPLETABLE_FUTURE = "wrap-completable-future";
  /** new Thread(runnable) runs in the creator's context. */
  public static final String WRAP_THREAD = "wrap-thread";
  /** Concatenated SLF4J/Log4j2 messages become parameterized templates. */
  public static final String PARAMETERIZE_LOG_MESSAGE = "parameterize-log-message";
  /** logback.xml patterns print trace_id/span_id (and the MDC appender fills them). */
  public static final String LOGBACK_MDC = "logback-mdc";
  /** log4j2.xml patterns print trace_id/span_id from the context data. */
  public static final String LOG4J2_CONTEXT_DATA = "log4j2-context-data";
  /** java.util.logging loggers move to SLF4J. */
  public static final String MIGRATE_JUL_TO_SLF4J = "migrate-jul-to-slf4j";
  /** Commons Logging loggers move to SLF4J. */
  public static final String MIGRATE_JCL_TO_SLF4J = "migrate-jcl-to-slf4j";
  /** Log4j 1.x loggers move to SLF4J. */
  public static final String MIGRATE_LOG4J1_TO_SLF4J = "migrate-log4j1-to-slf4j";
  /** System.out/err.println in a class with an SLF4J logger goes through the logger. */
  public static final String MIGRATE_SYSTEM_OUT_TO_SLF4J = "migrate-system-out-to-slf4j";
  /** RestTemplate and RestClient get the opentelemetry-spring-web interceptor in place. */
  public static final String INSTRUMENT_SPRING_WEB = "instrument-spring-web";
  /** Kafka producers and consumers are wrapped or configured with KafkaTelemetry. */
  public static final String WRAP_KAFKA_CLIENT = "wrap-kafka-client";
  /** A person has to act; the finding's reason says what to do. */
  public static final String MANUAL = "manual";
  /** Nothing to change: the finding is information (existing tracing, a filter, a job). */
  public static final String NONE = "none";

  private RewriteIds() {}
}
