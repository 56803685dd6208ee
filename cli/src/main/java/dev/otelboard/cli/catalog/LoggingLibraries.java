package dev.otelboard.cli.catalog;

import static dev.otelboard.cli.catalog.Artifact.instrumentation;
import static dev.otelboard.cli.catalog.Artifact.instrumentationRuntime;
import static dev.otelboard.cli.catalog.LibraryCategory.LOGGING;

/**
 * The logging APIs and backends otelboard recognizes. Entries of the
 * {@link LibraryCatalog}.
 */
public final class LoggingLibraries {
  private LoggingLibraries() {}

  /** SLF4J: the API; the trace context reaches its lines through its backend. */
  public static final Library SLF4J =
      Library.builder("slf4j", "SLF4J", LOGGING)
          .addLoggers("org.slf4j.Logger")
          .addTypes("org.slf4j.LoggerFactory")
          .addLombokLoggers("lombok.extern.slf4j.Slf4j", "lombok.extern.slf4j.XSlf4j")
          .addFactory("org.slf4j.LoggerFactory", "getLogger", "org.slf4j.Logger")
          .addCoordinates("org.slf4j:slf4j-api")
          .setOnboarding(Onboarding.none("its backend's config edits (`logback-mdc`, "
              + "`log4j2-context-data`) put trace_id/span_id in every line"))
          .build();

  /** Logback, as SLF4J's backend or used directly. */
  public static final Library LOGBACK =
      Library.builder("logback", "Logback", LOGGING)
          .addLoggers("ch.qos.logback.classic.Logger")
          .addCoordinates(
              "ch.qos.logback:logback-classic",
              "org.springframework.boot:spring-boot-starter-logging")
          .setOnboarding(Onboarding.rewrite("logback-mdc",
              "logback.xml patterns print trace_id/span_id, the MDC appender fills them, the "
                  + "OpenTelemetry appender exports the records",
              instrumentation("opentelemetry-logback-appender-1.0"),
              instrumentationRuntime("opentelemetry-logback-mdc-1.0")))
          .build();

  /** Log4j 2, as SLF4J's backend or as the API. */
  public static final Library LOG4J2 =
      Library.builder("log4j2", "Log4j 2", LOGGING)
          .addLoggers("org.apache.logging.log4j.Logger", "org.apache.logging.log4j.core.Logger")
          .addTypes("org.apache.logging.log4j.LogManager", "org.apache.logging.log4j.Level")
          .addLombokLoggers("lombok.extern.log4j.Log4j2")
          .addFactory("org.apache.logging.log4j.LogManager", "getLogger",
              "org.apache.logging.log4j.Logger")
          .addFactory("org.apache.logging.log4j.LogManager", "getFormatterLogger",
              "org.apache.logging.log4j.Logger")
          .addCoordinates(
              "org.apache.logging.log4j:log4j-core",
              "org.apache.logging.log4j:log4j-slf4j-impl",
              "org.apache.logging.log4j:log4j-slf4j2-impl",
              "org.springframework.boot:spring-boot-starter-log4j2")
          .setOnboarding(Onboarding.rewrite("log4j2-context-data",
              "log4j2.xml/.properties patterns print trace_id/span_id from the context data, the "
                  + "OpenTelemetry appender exports the records",
              instrumentation("opentelemetry-log4j-appender-2.17"),
              instrumentationRuntime("opentelemetry-log4j-context-data-2.17-autoconfigure")))
          .build();

  /** java.util.logging. */
  public static final Library JUL =
      Library.builder("jul", "java.util.logging", LOGGING)
          .addLoggers("java.util.logging.Logger")
          .addTypes("java.util.logging.Level")
          .addLombokLoggers("lombok.extern.java.Log")
          .addFactory("java.util.logging.Logger", "getLogger", "java.util.logging.Logger")
          .addFactory("java.util.logging.Logger", "getGlobal", "java.util.logging.Logger")
          .addFactory("java.util.logging.Logger", "getAnonymousLogger", "java.util.logging.Logger")
          .setOnboarding(Onboarding.rewrite("migrate-jul-to-slf4j",
              "when the module has an SLF4J backend; otherwise (`jul-log-correlation`) a "
                  + "generated JUL Handler on the Logs bridge exports the records with their "
                  + "trace context and the console lines get trace_id/span_id"))
          .build();

  /** Apache Commons Logging. */
  public static final Library JCL =
      Library.builder("jcl", "Commons Logging", LOGGING)
          .addLoggers("org.apache.commons.logging.Log")
          .addTypes("org.apache.commons.logging.LogFactory")
          .addLombokLoggers("lombok.extern.apachecommons.CommonsLog")
          .addFactory("org.apache.commons.logging.LogFactory", "getLog",
              "org.apache.commons.logging.Log")
          .addCoordinates("commons-logging:commons-logging")
          .setOnboarding(Onboarding.rewrite("migrate-jcl-to-slf4j",
              "when the module has an SLF4J backend"))
          .build();

  /** Log4j 1.x. */
  public static final Library LOG4J1 =
      Library.builder("log4j1", "Log4j 1.x", LOGGING)
          .addLoggers("org.apache.log4j.Logger", "org.apache.log4j.Category")
          .addTypes("org.apache.log4j.LogManager")
          .addLombokLoggers("lombok.extern.log4j.Log4j")
          .addFactory("org.apache.log4j.Logger", "getLogger", "org.apache.log4j.Logger")
          .addFactory("org.apache.log4j.LogManager", "getLogger", "org.apache.log4j.Logger")
          .addFactory("org.apache.log4j.Logger", "getRootLogger", "org.apache.log4j.Logger")
          .addCoordinates("log4j:log4j")
          .setOnboarding(Onboarding.rewrite("migrate-log4j1-to-slf4j",
              "when the module has an SLF4J backend"))
          .build();
}
