package dev.otelboard.collector.ottl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The functions the collector-contrib transform and filter processors register: the standard
 * editors and converters of {@code pkg/ottl/ottlfuncs} plus the processors' own, with their
 * parameters as their Go argument structs declare them (names in snake_case, Optional[] last).
 */
final class OttlFunctions {

  /** How an argument must be written. */
  enum Kind {
    /** A path (a Go GetSetter): the thing an editor changes. */
    PATH,
    /** Any value: path, literal, converter, arithmetic, enum, list or map (a Go Getter). */
    VALUE,
    /** A string literal (a Go {@code string}). */
    STRING,
    /** Any value; a string literal is a regular expression the collector compiles (RE2). */
    REGEX,
    /** An integer literal (a Go {@code int64}). */
    INT,
    /** A number literal (a Go {@code float64}). */
    FLOAT,
    /** {@code true} or {@code false} (a Go {@code bool}). */
    BOOL,
    /** A list literal of string literals (a Go {@code []string}). */
    STRING_LIST,
    /** A list literal of values (a Go {@code []Getter}). */
    LIST,
    /** A list literal of float literals (a Go {@code []float64}). */
    FLOAT_LIST,
    /** A lambda expression (behind a feature gate). */
    LAMBDA,
    /** The bare name of a converter, e.g. {@code SHA256} (a Go FunctionGetter). */
    FUNCTION
  }

  /**
   * One parameter. {@code choices} is empty when any value of the kind goes; {@code nameable} is
   * false when the collector cannot find the parameter by its snake_case name.
   */
  record Param(String name, Kind kind, boolean optional, List<String> choices, boolean nameable) {}

  /**
   * One function.
   *
   * @param contexts the contexts it is registered in; all when empty
   * @param returnsBool whether a converter yields a boolean (so it can stand alone as a condition)
   * @param gate a feature gate it needs, or null
   * @param noArguments the factory declares no Arguments struct: the collector ignores any given
   */
  record Spec(String name, List<Param> params, Set<OttlContext> contexts, boolean returnsBool,
      String gate, boolean noArguments) {
    boolean isEditor() {
      return Character.isLowerCase(name.charAt(0));
    }

    int required() {
      int n = 0;
      for (Param p : params) {
        if (!p.optional()) {
          n++;
        }
      }
      return n;
    }

    String signature() {
      StringBuilder b = new StringBuilder(name).append('(');
      for (int i = 0; i < params.size(); i++) {
        Param p = params.get(i);
        if (i > 0) {
          b.append(", ");
        }
        b.append(p.optional() ? "Optional[" + p.name() + "]" : p.name());
      }
      return b.append(')').toString();
    }
  }

  private static final Map<String, Spec> ALL;
  /** Registered by the filter processor only: the transform processor does not know them. */
  static final Set<String> FILTER_ONLY = Set.of("HasAttrKeyOnDatapoint", "HasAttrOnDatapoint");
  private static final String LAMBDA_GATE = "ottl.functions.enableLambda";

  static {
    Map<String, Spec> m = new TreeMap<>();
    Set<OttlContext> any = Set.of();
    Set<OttlContext> metric = Set.of(OttlContext.METRIC);
    Set<OttlContext> datapoint = Set.of(OttlContext.DATAPOINT);
    Set<OttlContext> log = Set.of(OttlContext.LOG);
    Set<OttlContext> span = Set.of(OttlContext.SPAN);
    // Transcribed from `ottlcheck -functions` (the transform processor 0.158.0's own registry,
    // read by reflection); OttlDifferentialIT regenerates its corpus from that list, so a drift
    // shows there. name? = Optional, name! = the collector cannot find it by name (strcase),
    // "*" = no Arguments struct (any arguments are ignored).
    // ---- every context (ottlfuncs.StandardFuncs) ----
    add(m, any, true, "All", "source:value", "predicate:lambda");
    add(m, any, true, "Any", "source:value", "predicate:lambda");
    add(m, any, false, "Base64Decode", "target:value");
    add(m, any, false, "Base64Encode", "target:value", "variant?:value");
    add(m, any, false, "Bool", "target:value");
    add(m, any, false, "Coalesce", "values:list");
    add(m, any, false, "CommunityID", "source_ip!:value", "source_port:value",
        "destination_ip!:value", "destination_port:value", "protocol?:value", "seed?:value");
    add(m, any, false, "Concat", "vals:list", "delimiter:value");
    add(m, any, true, "ContainsValue", "target:value", "item:value");
    add(m, any, false, "ConvertAttributesToElementsXML", "target:value", "x_path?:string");
    add(m, any, false, "ConvertCase", "target:value", "to_case:string=lower|upper|snake|camel");
    add(m, any, false, "ConvertTextToElementsXML", "target:value", "x_path?:string",
        "element_name?:string");
    add(m, any, false, "Day", "time:value");
    add(m, any, false, "Decode", "target:value", "encoding:value");
    add(m, any, false, "Double", "target:value");
    add(m, any, false, "Duration", "duration:value");
    add(m, any, false, "ExtractGrokPatterns", "target:value", "pattern:value",
        "named_captures_only?:bool", "pattern_definitions?:string_list");
    add(m, any, false, "ExtractPatterns", "target:value", "pattern:regex");
    add(m, any, false, "FNV", "target:value");
    add(m, any, false, "Filter", "source:value", "predicate:lambda");
    add(m, any, false, "Find", "source:value", "predicate:lambda", "mapper?:lambda");
    add(m, any, false, "Format", "format:string", "vals:list");
    add(m, any, false, "FormatTime", "time:value", "format:string");
    add(m, any, false, "GetXML", "target:value", "x_path:string");
    add(m, any, true, "HasPrefix", "target:value", "prefix:value");
    add(m, any, true, "HasSuffix", "target:value", "suffix:value");
    add(m, any, false, "Hex", "target:value");
    add(m, any, false, "Hour", "time:value");
    add(m, any, false, "Hours", "duration:value");
    add(m, any, false, "Index", "target:value", "value:value");
    add(m, any, false, "InsertXML", "target:value", "x_path:string", "sub_document:value");
    add(m, any, false, "Int", "target:value");
    add(m, any, true, "IsBool", "target:value");
    add(m, any, true, "IsDouble", "target:value");
    add(m, any, true, "IsEmpty", "target:value");
    add(m, any, true, "IsInCIDR", "target:value", "networks:list");
    add(m, any, true, "IsInt", "target:value");
    add(m, any, true, "IsList", "target:value");
    add(m, any, true, "IsMap", "target:value");
    add(m, any, true, "IsMatch", "target:value", "pattern:regex");
    add(m, any, true, "IsString", "target:value");
    add(m, any, true, "IsValidLuhn", "target:value");
    add(m, any, false, "Keys", "target:value");
    add(m, any, false, "Len", "target:value");
    add(m, any, false, "Log", "target:value");
    add(m, any, false, "MD5", "target:value");
    add(m, any, false, "MapEach", "source:value", "mapper:lambda");
    add(m, any, false, "MapKeys", "source:value", "key_mapper:lambda");
    add(m, any, false, "Microseconds", "duration:value");
    add(m, any, false, "Milliseconds", "duration:value");
    add(m, any, false, "Minute", "time:value");
    add(m, any, false, "Minutes", "duration:value");
    add(m, any, false, "Month", "time:value");
    add(m, any, false, "Murmur3Hash", "target:value");
    add(m, any, false, "Murmur3Hash128", "target:value");
    add(m, any, false, "Nanosecond", "time:value");
    add(m, any, false, "Nanoseconds", "duration:value");
    add(m, any, false, "Now", "*");
    add(m, any, false, "ParseCSV", "target:value", "header:value", "delimiter?:string",
        "header_delimiter?:string", "mode?:string=strict|lazyQuotes|ignoreQuotes");
    add(m, any, false, "ParseInt", "target:value", "base:value");
    add(m, any, false, "ParseJSON", "target:value");
    add(m, any, false, "ParseKeyValue", "target:value", "delimiter?:string",
        "pair_delimiter?:string");
    add(m, any, false, "ParseSeverity", "target:value", "mapping:value");
    add(m, any, false, "ParseSimplifiedXML", "target:value");
    add(m, any, false, "ParseXML", "target:value");
    add(m, any, false, "ProfileID", "target:value");
    add(m, any, false, "Reduce", "source:value", "seed:value", "accumulator:lambda");
    add(m, any, false, "RemoveXML", "target:value", "x_path:string");
    add(m, any, false, "SHA1", "target:value");
    add(m, any, false, "SHA256", "target:value");
    add(m, any, false, "SHA512", "target:value");
    add(m, any, false, "Second", "time:value");
    add(m, any, false, "Seconds", "duration:value");
    add(m, any, false, "SliceToMap", "target:value", "key_path?:string_list",
        "value_path?:string_list");
    add(m, any, false, "Sort", "target:value", "order?:string=asc|desc");
    add(m, any, false, "SpanID", "target:value");
    add(m, any, false, "Split", "target:value", "delimiter:value");
    add(m, any, false, "String", "target:value");
    add(m, any, false, "Substring", "target:value", "start:value", "length:value",
        "utf_8_safe?:bool");
    add(m, any, false, "Time", "time:value", "format:string", "location?:string", "locale?:string");
    add(m, any, false, "ToCamelCase", "target:value");
    add(m, any, false, "ToKeyValueString", "target:value", "delimiter?:string",
        "pair_delimiter?:string", "sort_output?:bool");
    add(m, any, false, "ToLowerCase", "target:value");
    add(m, any, false, "ToSnakeCase", "target:value");
    add(m, any, false, "ToUpperCase", "target:value");
    add(m, any, false, "TraceID", "target:value");
    add(m, any, false, "Trim", "target:value", "replacement?:string");
    add(m, any, false, "TrimPrefix", "target:value", "prefix:value");
    add(m, any, false, "TrimSuffix", "target:value", "suffix:value");
    add(m, any, false, "TruncateTime", "time:value", "duration:value");
    add(m, any, false, "URL", "uri!:value");
    add(m, any, false, "UUID", "*");
    add(m, any, false, "UUIDv7", "*");
    add(m, any, false, "Unix", "seconds:value", "nanoseconds?:value");
    add(m, any, false, "UnixMicro", "time:value");
    add(m, any, false, "UnixMilli", "time:value");
    add(m, any, false, "UnixNano", "time:value");
    add(m, any, false, "UnixSeconds", "time:value");
    add(m, any, false, "UserAgent", "user_agent:value");
    add(m, any, false, "Values", "target:value");
    add(m, any, false, "Weekday", "time:value");
    add(m, any, false, "When", "condition:lambda", "true_value:value", "false_value:value");
    add(m, any, false, "XXH128", "target:value");
    add(m, any, false, "XXH3", "target:value");
    add(m, any, false, "Year", "time:value");
    add(m, any, false, "append", "target:path", "value?:value", "values?:list");
    add(m, any, false, "delete_index", "target:path", "start_index:value", "end_index?:value");
    add(m, any, false, "delete_key", "target:path", "key:value");
    add(m, any, false, "delete_matching_keys", "target:path", "pattern:regex");
    add(m, any, false, "flatten", "target:path", "prefix?:string", "depth?:int",
        "resolve_conflicts?:bool");
    add(m, any, false, "keep_keys", "target:path", "keys:list");
    add(m, any, false, "keep_matching_keys", "target:path", "pattern:regex");
    add(m, any, false, "limit", "target:path", "limit:int", "priority_keys:string_list");
    add(m, any, false, "merge_maps", "target:path", "source:value",
        "strategy:string=insert|update|upsert");
    add(m, any, false, "replace_all_matches", "target:path", "pattern:value", "replacement:value",
        "function?:function", "replacement_format?:value");
    add(m, any, false, "replace_all_patterns", "target:path", "mode:string=key|value",
        "regex_pattern:regex", "replacement:value", "function?:function",
        "replacement_format?:value");
    add(m, any, false, "replace_match", "target:path", "pattern:value", "replacement:value",
        "function?:function", "replacement_format?:value");
    add(m, any, false, "replace_pattern", "target:path", "regex_pattern:regex", "replacement:value",
        "function?:function", "replacement_format?:value");
    add(m, any, false, "set", "target:path", "value:value");
    add(m, any, false, "stringify_all", "target:path");
    add(m, any, false, "truncate_all", "target:path", "limit:int", "utf_8_safe?:bool",
        "truncation_marker?:string");
    // ---- span ----
    add(m, span, true, "IsRootSpan", "*");
    add(m, span, false, "set_semconv_span_name", "semconv_version:string",
        "original_span_name_attribute?:string");
    // ---- log ----
    add(m, log, false, "ParseCEF", "target:value");
    add(m, log, false, "ParseCLF", "target:value", "format?:string=clf|combined");
    add(m, log, false, "ParseELF", "target:value");
    add(m, log, false, "ParseLEEF", "target:value");
    // ---- metric ----
    add(m, metric, false, "aggregate_on_attribute_value", "aggregation_function:string",
        "attribute:string", "values:string_list", "new_value:string");
    add(m, metric, false, "aggregate_on_attributes", "aggregation_function:string",
        "attributes?:string_list");
    add(m, metric, false, "convert_exponential_histogram_to_histogram",
        "distribution_fn:string=upper|midpoint|uniform|random", "explicit_bounds:float_list");
    add(m, metric, false, "convert_gauge_to_sum", "string_agg_temp:string=cumulative|delta",
        "monotonic:bool");
    add(m, metric, false, "convert_sum_to_gauge", "*");
    add(m, metric, false, "convert_summary_quantile_val_to_gauge", "attribute_key?:string",
        "suffix?:string");
    add(m, metric, false, "copy_metric", "name?:value", "description?:value", "unit?:value");
    add(m, metric, false, "extract_count_metric", "monotonic:bool", "suffix?:string");
    add(m, metric, false, "extract_percentile_metric", "percentile:float", "suffix?:string");
    add(m, metric, false, "extract_sum_metric", "monotonic:bool", "suffix?:string");
    add(m, metric, false, "scale_metric", "multiplier:float", "unit?:value");
    // ---- datapoint ----
    add(m, datapoint, false, "convert_summary_count_val_to_sum",
        "string_agg_temp:string=cumulative|delta", "monotonic:bool", "suffix?:string");
    add(m, datapoint, false, "convert_summary_sum_val_to_sum",
        "string_agg_temp:string=cumulative|delta", "monotonic:bool", "suffix?:string");
    add(m, datapoint, false, "merge_histogram_buckets", "target_value:value",
        "method?:string=remove_explicit_bound|limit_buckets");
    // ---- filter processor only (metric context) ----
    add(m, metric, true, "HasAttrKeyOnDatapoint", "key:string");
    add(m, metric, true, "HasAttrOnDatapoint", "key:string", "expected_value:string");
    ALL = Collections.unmodifiableMap(m);
  }

  private OttlFunctions() {}

  static Spec get(String name) {
    return ALL.get(name);
  }

  static Set<String> names() {
    return ALL.keySet();
  }

  private static void add(Map<String, Spec> m, Set<OttlContext> contexts, boolean returnsBool,
      String name, String... params) {
    List<Param> list = new ArrayList<>();
    boolean noArguments = params.length == 1 && params[0].equals("*");
    for (String p : noArguments ? new String[0] : params) {
      int colon = p.indexOf(':');
      String pname = p.substring(0, colon);
      String kind = p.substring(colon + 1);
      boolean nameable = !pname.endsWith("!");
      pname = nameable ? pname : pname.substring(0, pname.length() - 1);
      boolean optional = pname.endsWith("?");
      pname = optional ? pname.substring(0, pname.length() - 1) : pname;
      List<String> choices = List.of();
      int eq = kind.indexOf('=');
      if (eq > 0) {
        choices = List.of(kind.substring(eq + 1).split("\\|"));
        kind = kind.substring(0, eq);
      }
      list.add(new Param(pname, Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), optional,
          choices, nameable));
    }
    boolean lambda = list.stream().anyMatch(p -> p.kind() == Kind.LAMBDA);
    m.put(name, new Spec(name, List.copyOf(list),
        contexts.isEmpty() ? Set.of() : EnumSet.copyOf(contexts), returnsBool,
        lambda ? LAMBDA_GATE : null, noArguments));
  }
}
