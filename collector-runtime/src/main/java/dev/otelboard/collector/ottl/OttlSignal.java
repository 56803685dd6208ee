package dev.otelboard.collector.ottl;

import java.util.List;

/**
 * The telemetry signals a transform or filter processor handles, with the config keys and the
 * contexts each allows (transform processor README, "Path Prefix Values").
 */
public enum OttlSignal {
  /** Spans: {@code trace_statements}, contexts resource, scope, span, spanevent. */
  TRACES("trace_statements", "trace_conditions", "traces",
      List.of(OttlContext.RESOURCE, OttlContext.SCOPE, OttlContext.SPAN, OttlContext.SPANEVENT)),
  /** Metrics: {@code metric_statements}, contexts resource, scope, metric, datapoint. */
  METRICS("metric_statements", "metric_conditions", "metrics",
      List.of(OttlContext.RESOURCE, OttlContext.SCOPE, OttlContext.METRIC, OttlContext.DATAPOINT)),
  /** Logs: {@code log_statements}, contexts resource, scope, log. */
  LOGS("log_statements", "log_conditions", "logs",
      List.of(OttlContext.RESOURCE, OttlContext.SCOPE, OttlContext.LOG));

  private final String statementsKey;
  private final String conditionsKey;
  private final String legacyFilterKey;
  private final List<OttlContext> contexts;

  OttlSignal(String statementsKey, String conditionsKey, String legacyFilterKey,
      List<OttlContext> contexts) {
    this.statementsKey = statementsKey;
    this.conditionsKey = conditionsKey;
    this.legacyFilterKey = legacyFilterKey;
    this.contexts = contexts;
  }

  /** The transform processor key, e.g. {@code log_statements}. */
  public String statementsKey() {
    return statementsKey;
  }

  /** The filter processor key (collector-contrib >= 0.146), e.g. {@code log_conditions}. */
  public String conditionsKey() {
    return conditionsKey;
  }

  /** The legacy filter processor key, e.g. {@code logs}. */
  public String legacyFilterKey() {
    return legacyFilterKey;
  }

  /** The contexts statements of this signal may run in, from the top (resource) down. */
  public List<OttlContext> contexts() {
    return contexts;
  }
}
