package dev.otelboard.collector.ottl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OTTL contexts a transform or filter statement runs in, with the paths and enum symbols each
 * one accepts (pkg/ottl/contexts/ottl*). A context sees its own paths and those of its ancestors
 * ("upward, never downward"): a log statement may read {@code resource.attributes}, a resource
 * statement cannot read logs.
 */
public enum OttlContext {
  /** One resource: its attributes. */
  RESOURCE("resource", null),
  /** One instrumentation scope: name, version, attributes. */
  SCOPE("scope", RESOURCE),
  /** One span. */
  SPAN("span", SCOPE),
  /** One span event. */
  SPANEVENT("spanevent", SPAN),
  /** One metric. */
  METRIC("metric", SCOPE),
  /** One metric data point. */
  DATAPOINT("datapoint", METRIC),
  /** One log record. */
  LOG("log", SCOPE);

  /** Context names OTTL knows but this validator does not model. */
  static final Set<String> UNMODELLED = Set.of("profile", "exemplar");

  private final String id;
  private final OttlContext parent;

  OttlContext(String id, OttlContext parent) {
    this.id = id;
    this.parent = parent;
  }

  /** The name used in config ({@code context: log}) and as a path prefix ({@code log.body}). */
  public String id() {
    return id;
  }

  /** The context one level up, or null for {@link #RESOURCE}. */
  public OttlContext parent() {
    return parent;
  }

  /** This context and its ancestors: the path prefixes a statement in it may use. */
  public Set<OttlContext> visible() {
    EnumSet<OttlContext> set = EnumSet.noneOf(OttlContext.class);
    for (OttlContext c = this; c != null; c = c.parent) {
      set.add(c);
    }
    return set;
  }

  /** How many ancestors this context has; deeper contexts run once per smaller item. */
  public int depth() {
    int d = 0;
    for (OttlContext c = parent; c != null; c = c.parent) {
      d++;
    }
    return d;
  }

  /** The context with the given config name, e.g. {@code "spanevent"}. */
  public static Optional<OttlContext> byId(String id) {
    for (OttlContext c : values()) {
      if (c.id.equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  static boolean isContextName(String name) {
    return byId(name).isPresent() || UNMODELLED.contains(name);
  }

  // ---- paths --------------------------------------------------------------------------------

  /** What a path segment holds. */
  enum ValueType {
    MAP,
    SLICE,
    STRING,
    INT,
    DOUBLE,
    BOOL,
    BYTES,
    TIME,
    ANY,
    STRUCT
  }

  /** One path segment the context accepts, with the segments that may follow it. */
  record FieldSpec(String name, ValueType type, boolean indexable, Map<String, FieldSpec> children) {
    boolean isMapLike() {
      return type == ValueType.MAP || type == ValueType.ANY;
    }
  }

  /** The top-level segments valid right after this context's prefix. */
  Map<String, FieldSpec> fields() {
    return Tables.FIELDS.get(this);
  }

  /** The enum symbols statements in this context may use. */
  Set<String> enums() {
    return Tables.ENUMS.get(this);
  }

  private static final class Tables {
    static final Map<OttlContext, Map<String, FieldSpec>> FIELDS = new LinkedHashMap<>();
    static final Map<OttlContext, Set<String>> ENUMS = new LinkedHashMap<>();

    static {
      Map<String, FieldSpec> resource = fields(
          map("cache"), map("attributes"), f("dropped_attributes_count", ValueType.INT),
          f("schema_url", ValueType.STRING));
      Map<String, FieldSpec> scope = fields(
          map("cache"), f("name", ValueType.STRING), f("version", ValueType.STRING),
          map("attributes"), f("dropped_attributes_count", ValueType.INT),
          f("schema_url", ValueType.STRING));
      FieldSpec instrumentationScope = struct("instrumentation_scope", scope);
      Map<String, FieldSpec> stringForm = fields(f("string", ValueType.STRING));

      Map<String, FieldSpec> span = fields(
          map("cache"), instrumentationScope,
          withChildren("trace_id", ValueType.BYTES, stringForm),
          withChildren("span_id", ValueType.BYTES, stringForm),
          withChildren("parent_span_id", ValueType.BYTES, stringForm),
          new FieldSpec("trace_state", ValueType.STRING, true, Map.of()),
          f("name", ValueType.STRING),
          withChildren("kind", ValueType.INT,
              fields(f("string", ValueType.STRING), f("deprecated_string", ValueType.STRING))),
          f("start_time_unix_nano", ValueType.INT), f("end_time_unix_nano", ValueType.INT),
          f("start_time", ValueType.TIME), f("end_time", ValueType.TIME),
          map("attributes"), f("dropped_attributes_count", ValueType.INT),
          slice("events"), f("dropped_events_count", ValueType.INT),
          slice("links"), f("dropped_links_count", ValueType.INT),
          withChildren("status", ValueType.STRUCT,
              fields(f("code", ValueType.INT), f("message", ValueType.STRING))),
          f("flags", ValueType.INT));
      Map<String, FieldSpec> spanEvent = fields(
          map("cache"), instrumentationScope, f("name", ValueType.STRING),
          f("time_unix_nano", ValueType.INT), f("time", ValueType.TIME), map("attributes"),
          f("dropped_attributes_count", ValueType.INT), f("event_index", ValueType.INT));
      Map<String, FieldSpec> metric = fields(
          map("cache"), instrumentationScope, f("name", ValueType.STRING),
          f("description", ValueType.STRING), f("unit", ValueType.STRING),
          f("type", ValueType.INT), f("aggregation_temporality", ValueType.INT),
          f("is_monotonic", ValueType.BOOL), slice("data_points"), map("metadata"));
      Map<String, FieldSpec> buckets = fields(f("offset", ValueType.INT), slice("bucket_counts"));
      Map<String, FieldSpec> datapoint = fields(
          map("cache"), instrumentationScope, map("attributes"),
          f("start_time_unix_nano", ValueType.INT), f("time_unix_nano", ValueType.INT),
          f("start_time", ValueType.TIME), f("time", ValueType.TIME),
          f("value_double", ValueType.DOUBLE), f("value_int", ValueType.INT), slice("exemplars"),
          f("flags", ValueType.INT), f("count", ValueType.INT), f("sum", ValueType.DOUBLE),
          slice("bucket_counts"), slice("explicit_bounds"), f("scale", ValueType.INT),
          f("zero_count", ValueType.INT), withChildren("positive", ValueType.STRUCT, buckets),
          withChildren("negative", ValueType.STRUCT, buckets), slice("quantile_values"),
          f("min", ValueType.DOUBLE), f("max", ValueType.DOUBLE));
      Map<String, FieldSpec> log = fields(
          map("cache"), instrumentationScope,
          f("time_unix_nano", ValueType.INT), f("observed_time_unix_nano", ValueType.INT),
          f("time", ValueType.TIME), f("observed_time", ValueType.TIME),
          f("severity_number", ValueType.INT), f("severity_text", ValueType.STRING),
          new FieldSpec("body", ValueType.ANY, true, stringForm),
          map("attributes"), f("dropped_attributes_count", ValueType.INT),
          f("flags", ValueType.INT),
          withChildren("trace_id", ValueType.BYTES, stringForm),
          withChildren("span_id", ValueType.BYTES, stringForm),
          f("event_name", ValueType.STRING));
      FIELDS.put(RESOURCE, resource);
      FIELDS.put(SCOPE, scope);
      FIELDS.put(SPAN, span);
      FIELDS.put(SPANEVENT, spanEvent);
      FIELDS.put(METRIC, metric);
      FIELDS.put(DATAPOINT, datapoint);
      FIELDS.put(LOG, log);

      List<String> severities = new ArrayList<>(List.of("SEVERITY_NUMBER_UNSPECIFIED"));
      for (String level : List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL")) {
        severities.add("SEVERITY_NUMBER_" + level);
        for (int i = 2; i <= 4; i++) {
          severities.add("SEVERITY_NUMBER_" + level + i);
        }
      }
      Set<String> spanEnums = Set.of(
          "SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT",
          "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER", "STATUS_CODE_UNSET", "STATUS_CODE_OK",
          "STATUS_CODE_ERROR");
      Set<String> metricEnums = Set.of(
          "AGGREGATION_TEMPORALITY_UNSPECIFIED", "AGGREGATION_TEMPORALITY_DELTA",
          "AGGREGATION_TEMPORALITY_CUMULATIVE", "METRIC_DATA_TYPE_NONE", "METRIC_DATA_TYPE_GAUGE",
          "METRIC_DATA_TYPE_SUM", "METRIC_DATA_TYPE_HISTOGRAM",
          "METRIC_DATA_TYPE_EXPONENTIAL_HISTOGRAM", "METRIC_DATA_TYPE_SUMMARY");
      Set<String> datapointEnums = new java.util.HashSet<>(metricEnums);
      datapointEnums.add("FLAG_NONE");
      datapointEnums.add("FLAG_NO_RECORDED_VALUE");
      ENUMS.put(RESOURCE, Set.of());
      ENUMS.put(SCOPE, Set.of());
      ENUMS.put(SPAN, spanEnums);
      ENUMS.put(SPANEVENT, spanEnums);
      ENUMS.put(METRIC, metricEnums);
      ENUMS.put(DATAPOINT, Set.copyOf(datapointEnums));
      ENUMS.put(LOG, Set.copyOf(severities));
    }

    private static Map<String, FieldSpec> fields(FieldSpec... specs) {
      Map<String, FieldSpec> m = new LinkedHashMap<>();
      for (FieldSpec s : specs) {
        m.put(s.name(), s);
      }
      return Collections.unmodifiableMap(m);
    }

    private static FieldSpec f(String name, ValueType type) {
      return new FieldSpec(name, type, false, Map.of());
    }

    private static FieldSpec map(String name) {
      return new FieldSpec(name, ValueType.MAP, true, Map.of());
    }

    private static FieldSpec slice(String name) {
      return new FieldSpec(name, ValueType.SLICE, true, Map.of());
    }

    private static FieldSpec struct(String name, Map<String, FieldSpec> children) {
      return new FieldSpec(name, ValueType.STRUCT, false, children);
    }

    private static FieldSpec withChildren(String name, ValueType type, Map<String, FieldSpec> children) {
      return new FieldSpec(name, type, false, children);
    }
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
