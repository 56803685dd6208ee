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
    /** A string literal holding a regular expression (RE2). */
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
    /** The bare name of a converter, e.g. {@code SHA256} (a Go FunctionGetter). */
    FUNCTION
  }

  /** One parameter. {@code choices} is empty when any value of the kind goes. */
  record Param(String name, Kind kind, boolean optional, List<String> choices) {}

  /**
   * One function.
   *
   * @param contexts the contexts it is registered in; all when empty
   * @param returnsBool whether a converter yields a boolean (so it can stand alone as a condition)
   * @param gate a feature gate it needs, or null
   */
  record Spec(String name, List<Param> params, Set<OttlContext> contexts, boolean returnsBool,
      String gate) {
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
  private static final String LAMBDA_GATE = "ottl.functions.enableLambda";

  static {
    Map<String, Spec> m = new TreeMap<>();
    Set<OttlContext> any = Set.of();
    // ---- editors (pkg/ottl/ottlfuncs) ----
    add(m, any, false, "append", "target:path", "value?:value", "values?:list");
    add(m, any, false, "delete_index", "target:path", "start_index:value", "end_index?:value");
    add(m, any, false, "delete_key", "target:path", "key:value");
    add(m, any, false, "delete_matching_keys", "target:path", "pattern:regex");
    add(m, any, false, "keep_matching_keys", "target:path", "pattern:regex");
    add(m, any, false, "flatten", "target:path", "prefix?:string", "depth?:int",
        "resolve_conflicts?:bool");
    add(m, any, false, "keep_keys", "target:path", "keys:string_list");
    add(m, any, false, "limit", "target:path", "limit:int", "priority_keys:string_list");
    add(m, any, false, "merge_maps", "target:path", "source:value",
        "strategy:string=insert|update|upsert");
    add(m, any, false, "replace_all_matches", "target:path", "pattern:string", "replacement:value",
        "function?:function", "replacement_format?:value");
    add(m, any, false, "replace_all_patterns", "target:path", "mode:string=key|value", "regex:regex",
        "replacement:value", "function?:function", "replacement_format?:value");
    add(m, any, false, "replace_match", "target:path", "pattern:string", "replacement:value",
        "function?:function", "replacement_format?:value");
    add(m, any, false, "replace_pattern", "target:path", "regex:regex", "replacement:value",
        "function?:function", "replacement_format?:value");
    add(m, any, false, "set", "target:path", "value:value");
    add(m, any, false, "stringify_all", "target:path");
    add(m, any, false, "truncate_all", "target:path", "limit:int", "utf8_safe?:bool",
        "truncation_marker?:string");
    // ---- converters (pkg/ottl/ottlfuncs) ----
    for (String unary : List.of("Base64Decode", "Bool", "Day", "Double", "Duration", "FNV", "Hex",
        "Hour", "Hours", "Int", "Keys", "Len", "Log", "MD5", "Microseconds", "Milliseconds",
        "Minute", "Minutes", "Month", "Murmur3Hash", "Murmur3Hash128", "Nanosecond",
        "Nanoseconds", "ParseJSON", "ParseSimplifiedXML", "ParseXML", "ProfileID", "Second",
        "Seconds", "SHA1", "SHA256", "SHA512", "SpanID", "String", "ToCamelCase", "ToLowerCase",
        "ToSnakeCase", "ToUpperCase", "TraceID", "UnixMicro", "UnixMilli", "UnixNano",
        "UnixSeconds", "URL", "UserAgent", "Values", "Weekday", "XXH3", "XXH128", "Year")) {
      add(m, any, false, unary, "value:value");
    }
    for (String predicate : List.of("IsBool", "IsDouble", "IsEmpty", "IsInt", "IsMap", "IsList",
        "IsString", "IsValidLuhn")) {
      add(m, any, true, predicate, "value:value");
    }
    add(m, any, false, "Base64Encode", "value:value",
        "variant?:string=base64|base64-raw|base64-url|base64-raw-url");
    add(m, any, false, "Decode", "value:value", "encoding:string");
    add(m, any, false, "Coalesce", "values:list");
    add(m, any, false, "CommunityID", "source_ip:value", "source_port:value",
        "destination_ip:value", "destination_port:value", "protocol?:value", "seed?:value");
    add(m, any, false, "Concat", "values:list", "delimiter:string");
    add(m, any, true, "ContainsValue", "target:value", "item:value");
    add(m, any, false, "ConvertCase", "target:value", "to_case:string=lower|upper|snake|camel");
    add(m, any, false, "ConvertAttributesToElementsXML", "target:value", "xpath?:string");
    add(m, any, false, "ConvertTextToElementsXML", "target:value", "xpath?:string",
        "element_name?:string");
    add(m, any, false, "ExtractPatterns", "target:value", "pattern:regex");
    add(m, any, false, "ExtractGrokPatterns", "target:value", "pattern:string",
        "named_captures_only?:bool", "pattern_definitions?:string_list");
    add(m, any, false, "Format", "format_string:string", "format_arguments:list");
    add(m, any, false, "FormatTime", "time:value", "format:string");
    add(m, any, false, "GetXML", "target:value", "xpath:string");
    add(m, any, true, "HasPrefix", "value:value", "prefix:value");
    add(m, any, true, "HasSuffix", "value:value", "suffix:value");
    add(m, any, false, "Index", "target:value", "value:value");
    add(m, any, false, "InsertXML", "target:value", "xpath:string", "value:value");
    add(m, any, true, "IsInCIDR", "target:value", "networks:list");
    add(m, Set.of(OttlContext.SPAN), true, "IsRootSpan");
    add(m, any, true, "IsMatch", "target:value", "pattern:regex");
    add(m, any, false, "Now");
    add(m, any, false, "ParseCSV", "target:value", "headers:value", "delimiter?:string",
        "header_delimiter?:string", "mode?:string=strict|lazyQuotes|ignoreQuotes");
    add(m, any, false, "ParseInt", "target:value", "base:value");
    add(m, any, false, "ParseKeyValue", "target:value", "delimiter?:string",
        "pair_delimiter?:string");
    add(m, any, false, "ParseSeverity", "target:value", "mapping:value");
    add(m, any, false, "RemoveXML", "target:value", "xpath:string");
    add(m, any, false, "SliceToMap", "target:value", "key_path?:string_list",
        "value_path?:string_list");
    add(m, any, false, "Sort", "target:value", "order?:string=asc|desc");
    add(m, any, false, "Split", "target:value", "delimiter:string");
    add(m, any, false, "Substring", "target:value", "start:value", "length:value",
        "utf8_safe?:bool");
    add(m, any, false, "Time", "time:value", "format:string", "location?:string",
        "locale?:string");
    add(m, any, false, "ToKeyValueString", "target:value", "delimiter?:string",
        "pair_delimiter?:string", "sort_output?:bool");
    add(m, any, false, "Trim", "target:value", "replacement?:string");
    add(m, any, false, "TrimPrefix", "value:value", "prefix:value");
    add(m, any, false, "TrimSuffix", "value:value", "suffix:value");
    add(m, any, false, "TruncateTime", "time:value", "duration:value");
    add(m, any, false, "Unix", "seconds:value", "nanoseconds?:value");
    add(m, any, false, "UUID");
    add(m, any, false, "UUIDv7");
    for (String lambda : List.of("All", "Any", "Filter", "Find", "MapEach", "MapKeys", "Reduce",
        "When")) {
      m.put(lambda, new Spec(lambda, List.of(), any, lambda.equals("All") || lambda.equals("Any"),
          LAMBDA_GATE));
    }
    // ---- transform processor: metric-only ----
    Set<OttlContext> metric = Set.of(OttlContext.METRIC);
    Set<OttlContext> datapoint = Set.of(OttlContext.DATAPOINT);
    add(m, metric, false, "convert_sum_to_gauge");
    add(m, metric, false, "convert_gauge_to_sum",
        "aggregation_temporality:string=cumulative|delta", "is_monotonic:bool");
    add(m, metric, false, "extract_count_metric", "is_monotonic:bool", "suffix?:string");
    add(m, metric, false, "extract_sum_metric", "is_monotonic:bool", "suffix?:string");
    add(m, metric, false, "extract_percentile_metric", "percentile:float", "suffix?:string");
    add(m, datapoint, false, "convert_summary_count_val_to_sum",
        "aggregation_temporality:string=cumulative|delta", "is_monotonic:bool", "suffix?:string");
    add(m, datapoint, false, "convert_summary_sum_val_to_sum",
        "aggregation_temporality:string=cumulative|delta", "is_monotonic:bool", "suffix?:string");
    add(m, metric, false, "convert_summary_quantile_val_to_gauge", "attribute_key?:string",
        "suffix?:string");
    add(m, metric, false, "copy_metric", "name?:value", "description?:value", "unit?:value");
    add(m, metric, false, "scale_metric", "factor:float", "unit?:value");
    add(m, metric, false, "aggregate_on_attributes", "function:string", "attributes?:string_list");
    add(m, metric, false, "aggregate_on_attribute_value", "function:string", "attribute:string",
        "values:string_list", "new_value:string");
    add(m, metric, false, "convert_exponential_histogram_to_histogram",
        "distribution:string=upper|midpoint|uniform|random", "explicit_bounds:list");
    add(m, datapoint, false, "merge_histogram_buckets", "target_value:value",
        "method?:string=remove_explicit_bound|limit_buckets");
    // filter processor, metric context
    add(m, metric, true, "HasAttrKeyOnDatapoint", "key:string");
    add(m, metric, true, "HasAttrOnDatapoint", "key:string", "expected_value:string");
    // ---- transform processor: log-only and span-only ----
    Set<OttlContext> log = Set.of(OttlContext.LOG);
    add(m, log, false, "ParseCEF", "target:value");
    add(m, log, false, "ParseCLF", "target:value", "format?:string=clf|combined");
    add(m, log, false, "ParseELF", "target:value");
    add(m, log, false, "ParseLEEF", "target:value");
    add(m, Set.of(OttlContext.SPAN), false, "set_semconv_span_name", "semconv_version:string",
        "original_span_name_attribute?:string");
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
    for (String p : params) {
      int colon = p.indexOf(':');
      String pname = p.substring(0, colon);
      String kind = p.substring(colon + 1);
      boolean optional = pname.endsWith("?");
      if (optional) {
        pname = pname.substring(0, pname.length() - 1);
      }
      List<String> choices = List.of();
      int eq = kind.indexOf('=');
      if (eq > 0) {
        choices = List.of(kind.substring(eq + 1).split("\\|"));
        kind = kind.substring(0, eq);
      }
      list.add(new Param(pname, Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), optional,
          choices));
    }
    m.put(name, new Spec(name, List.copyOf(list),
        contexts.isEmpty() ? Set.of() : EnumSet.copyOf(contexts), returnsBool, null));
  }
}
