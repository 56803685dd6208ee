package dev.otelboard.cli.rewrite;

import java.util.Optional;

/**
 * The one list of rewrite ids: what onboard reports each change and manual item under, what a scan
 * finding names in its {@code rewrite} field, what verify's hints and check's findings point to.
 * {@link #id()} is the wire spelling (scan JSON and SARIF, docs/scan-schema.json, onboard's summary,
 * verify's verdict, check's baseline): it never changes once released. A library's major version
 * follows a dash, as in the catalog's library ids ({@code wrap-apache-httpclient-4}, {@code -5}).
 *
 * <p>An id is either declared by the class that makes its changes ({@link JavaRewrite#id()}, the
 * {@code ID} of a logging-config editor, {@link dev.otelboard.cli.buildfile.PomEditor#ID}...), or
 * has no automated rewrite and a {@link #manualReason()} saying why and what a person does instead.
 * docs/onboard.md has a row for every id onboard reports.
 */
public enum RewriteId {
  /** {@link WrapJavaHttpClient}. */
  WRAP_JAVA_HTTP_CLIENT("wrap-java-http-client", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link InstrumentHttpServer}. */
  INSTRUMENT_HTTP_SERVER("instrument-http-server", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link WrapOkHttp}. */
  WRAP_OKHTTP("wrap-okhttp", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link InstrumentSpringWeb}. */
  INSTRUMENT_SPRING_WEB("instrument-spring-web", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link InstrumentSpringMvc}. */
  INSTRUMENT_SPRING_MVC("instrument-spring-mvc", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link DecorateAsyncTasks}. */
  DECORATE_ASYNC_TASKS("decorate-async-tasks", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link WrapApacheHttpClient5}. */
  WRAP_APACHE_HTTPCLIENT_5("wrap-apache-httpclient-5", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link RegisterDropwizardFilter}. */
  REGISTER_DROPWIZARD_FILTER("register-dropwizard-filter", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link RegisterJettyFilter}. */
  REGISTER_JETTY_FILTER("register-jetty-filter", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link RegisterTomcatFilter}. */
  REGISTER_TOMCAT_FILTER("register-tomcat-filter", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link RegisterWebXmlFilter}. */
  REGISTER_WEB_XML_FILTER("register-web-xml-filter", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link WrapKafkaClient}. */
  WRAP_KAFKA_CLIENT("wrap-kafka-client", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link WrapExecutor}. */
  WRAP_EXECUTOR("wrap-executor", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link WrapCompletableFuture}. */
  WRAP_COMPLETABLE_FUTURE("wrap-completable-future", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link WrapThread}. */
  WRAP_THREAD("wrap-thread", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link WrapApacheHttpClient4}. */
  WRAP_APACHE_HTTPCLIENT_4("wrap-apache-httpclient-4", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link AttachDropwizardLogAppenders}. */
  ATTACH_DROPWIZARD_LOG_APPENDERS("attach-dropwizard-log-appenders", Reported.BY_ONBOARD),
  /** {@link MigrateLoggerToSlf4j} for java.util.logging. */
  MIGRATE_JUL_TO_SLF4J("migrate-jul-to-slf4j", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link MigrateLoggerToSlf4j} for Commons Logging. */
  MIGRATE_JCL_TO_SLF4J("migrate-jcl-to-slf4j", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link MigrateLoggerToSlf4j} for Log4j 1.x. */
  MIGRATE_LOG4J1_TO_SLF4J("migrate-log4j1-to-slf4j", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link MigrateSystemOutToSlf4j}. */
  MIGRATE_SYSTEM_OUT_TO_SLF4J("migrate-system-out-to-slf4j", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link ParameterizeLogMessage}. */
  PARAMETERIZE_LOG_MESSAGE("parameterize-log-message", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link InitBootstrap}. */
  INIT_BOOTSTRAP("init-bootstrap", Reported.BY_ONBOARD),
  /** {@link dev.otelboard.cli.logconfig.LogbackConfigEditor}. */
  LOGBACK_MDC("logback-mdc", Reported.BY_SCAN_AND_ONBOARD),
  /**
   * {@link dev.otelboard.cli.logconfig.Log4j2ConfigEditor} and {@link
   * dev.otelboard.cli.logconfig.Log4j2PropertiesEditor}.
   */
  LOG4J2_CONTEXT_DATA("log4j2-context-data", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link dev.otelboard.cli.logconfig.SpringLoggingPatternEditor}. */
  SPRING_LOGGING_PATTERN("spring-logging-pattern", Reported.BY_ONBOARD),
  /**
   * The opentelemetry-spring-boot-starter dependency instead of code rewrites, chosen and added by
   * {@link dev.otelboard.cli.onboard.OnboardService}.
   */
  SPRING_BOOT_STARTER("spring-boot-starter", Reported.BY_SCAN_AND_ONBOARD),
  /** {@link dev.otelboard.cli.buildfile.PomEditor}. */
  POM("pom", Reported.BY_ONBOARD),
  /** The bootstrap class and adapters of {@link dev.otelboard.cli.onboard.GeneratedSources}. */
  GENERATE("generate", Reported.BY_ONBOARD),
  /** otelboard.yaml, written by {@link dev.otelboard.cli.onboard.OnboardService} on a first run. */
  OTELBOARD_CONFIG("otelboard-config", Reported.BY_ONBOARD),
  /** {@link dev.otelboard.cli.logconfig.DropwizardLogFormatEditor}. */
  DROPWIZARD_LOGGING("dropwizard-logging", Reported.BY_ONBOARD),
  /**
   * A module that logs only through java.util.logging, without an SLF4J backend: onboard
   * generates the JUL handler the bootstrap installs.
   */
  JUL_LOG_CORRELATION("jul-log-correlation", Reported.BY_ONBOARD),
  /** {@link MigrateDatadogTrace}. */
  MIGRATE_DATADOG_TRACE("migrate-datadog-trace", Reported.BY_ONBOARD),
  /** {@link MigrateDatadogCorrelationIds}. */
  MIGRATE_DATADOG_CORRELATION_IDS("migrate-datadog-correlation-ids", Reported.BY_ONBOARD),
  /** {@link MigrateOpenTracing}. */
  MIGRATE_OPENTRACING("migrate-opentracing", Reported.BY_ONBOARD),
  /** {@link MigrateBrave}. */
  MIGRATE_BRAVE("migrate-brave", Reported.BY_ONBOARD),
  /** {@link dev.otelboard.cli.migrate.DatadogAgentStart}: dd-java-agent started in a deploy file. */
  MIGRATE_DATADOG_AGENT("migrate-datadog-agent", Reported.BY_SCAN_AND_ONBOARD),
  /** Micrometer Tracing's Brave bridge swapped for its OpenTelemetry bridge in the pom. */
  MICROMETER_BRIDGE("micrometer-bridge", Reported.BY_ONBOARD),
  /**
   * A vendor tracer's dependency nothing references any more, removed from the pom by {@link
   * dev.otelboard.cli.migrate.VendorDependencies}.
   */
  VENDOR_DEPENDENCY("vendor-dependency", Reported.BY_ONBOARD),
  /** {@link dev.otelboard.cli.logconfig.VendorLogKeys}. */
  VENDOR_LOG_KEYS("vendor-log-keys", Reported.BY_ONBOARD),
  /** Another tracer (Brave, Micrometer Tracing, OpenTracing, dd-trace...) already in the module. */
  EXISTING_TRACING(
      "existing-tracing",
      Reported.BY_ONBOARD,
      "manual: onboard never adds a second tracer; the item says how to migrate off the existing"
          + " one, then re-run onboard"),
  /** A file that did not parse (Java, XML, YAML). */
  PARSE(
      "parse",
      Reported.BY_ONBOARD,
      "manual: the file does not parse, so it is left byte-identical; fix it and re-run onboard"),
  /** A scan finding no rewrite handles. */
  MANUAL(
      "manual",
      Reported.BY_SCAN,
      "manual: no rewrite handles this finding; the finding's reason says what to do"),
  /** A scan finding that needs no change. */
  NONE(
      "none",
      Reported.BY_SCAN,
      "none: nothing to change; the finding is information (existing OpenTelemetry use, a filter"
          + " that runs inside the SERVER span, a scheduled job)");

  /** Which outputs carry an id. */
  private enum Reported {
    BY_SCAN_AND_ONBOARD,
    BY_ONBOARD,
    BY_SCAN
  }

  private final String id;
  private final Reported reported;
  private final String manualReason;

  RewriteId(String id, Reported reported) {
    this(id, reported, null);
  }

  RewriteId(String id, Reported reported, String manualReason) {
    this.id = id;
    this.reported = reported;
    this.manualReason = manualReason;
  }

  /** The id whose wire spelling is {@code id}; fails on an unknown one (a programming error). */
  public static RewriteId byId(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no rewrite id " + id));
  }

  /** The id whose wire spelling is {@code id}, if one is (a catalog note may name none). */
  public static java.util.Optional<RewriteId> find(String id) {
    for (RewriteId r : values()) {
      if (r.id.equals(id)) {
        return java.util.Optional.of(r);
      }
    }
    return java.util.Optional.empty();
  }

  /** The wire spelling, e.g. {@code wrap-executor}. */
  public String id() {
    return id;
  }

  /**
   * Why no automated rewrite exists for this id and what a person does instead; empty when a
   * rewrite class or editor declares it.
   */
  public Optional<String> manualReason() {
    return Optional.ofNullable(manualReason);
  }

  /** Whether a scan finding may carry this id (the values docs/scan-schema.json lists). */
  public boolean onScanFindings() {
    return reported != Reported.BY_ONBOARD;
  }

  /** Whether onboard reports changes or manual items under this id. */
  boolean inOnboardSummary() {
    return reported != Reported.BY_SCAN;
  }
}
