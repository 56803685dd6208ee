package dev.otelboard.cli.onboard;

/**
 * Which logging frameworks the module uses, from its config files and pom.
 *
 * @param dropwizard Dropwizard configures Logback from its YAML: the bootstrap attaches the
 *     OpenTelemetry appenders after it did
 */
record LoggingFrameworks(boolean logback, boolean log4j2, boolean hasConfig, boolean dropwizard) {}
