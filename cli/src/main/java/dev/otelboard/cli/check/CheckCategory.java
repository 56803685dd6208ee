package dev.otelboard.cli.check;

import dev.otelboard.cli.scan.FindingKind;

/** The groups check reports in: one JUnit test suite and one line of the text summary each. */
public enum CheckCategory {
  /** Loggers and logging configuration: do log records carry trace context. */
  LOGGING("logging"),
  /** Outgoing HTTP calls: CLIENT spans and trace headers. */
  HTTP_CLIENT("http-client"),
  /** Incoming HTTP: SERVER spans. */
  HTTP_SERVER("http-server"),
  /** Thread hops that lose the current context. */
  ASYNC("async"),
  /** Message producers and consumers. */
  MESSAGING("messaging"),
  /** Manual findings about existing tracing or the build. */
  OTHER("other"),
  /** The verify verdict read with --verdict. */
  CORRELATION("correlation"),
  /** OTTL transform and filter statements read with --ottl. */
  OTTL("ottl"),
  /** Java files the scan could not parse. */
  PARSE("parse");

  private final String id;

  CheckCategory(String id) {
    this.id = id;
  }

  /** The stable id: the JUnit suite name and the SARIF {@code category} property. */
  public String id() {
    return id;
  }

  /** The category of a scan finding's kind. */
  static CheckCategory of(FindingKind kind) {
    return switch (kind.category()) {
      case LOGGING, LOG_CONFIG -> LOGGING;
      case HTTP_CLIENT -> HTTP_CLIENT;
      case HTTP_SERVER -> HTTP_SERVER;
      case ASYNC -> ASYNC;
      case MESSAGING -> MESSAGING;
      // TRACING, BUILD, and any category the scan adds later.
      default -> OTHER;
    };
  }

  /** The categories of code findings, always reported (empty when nothing was found). */
  static final java.util.List<CheckCategory> CODE =
      java.util.List.of(LOGGING, HTTP_CLIENT, HTTP_SERVER, ASYNC, MESSAGING);
}
