package dev.otelboard.cli.onboard;

/** Which logging frameworks the module uses, from its config files and pom. */
record LoggingFrameworks(boolean logback, boolean log4j2, boolean hasConfig) {}
