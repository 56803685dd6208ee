package dev.otelboard.cli.ottl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelboard.collector.ottl.OttlContext;
import dev.otelboard.collector.ottl.OttlSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Statements generated from the collector's own function registry ({@code ottlcheck -functions}):
 * for each function in each context that registers it, calls with positional, all-positional and
 * named arguments, the same call inferred from its prefixes in a flat list, and invalid forms (an
 * extra argument, an unknown name, a positional after a named one, a wrongly shaped literal).
 * Nothing here says what the verdict should be: the reference collector decides, and our
 * validator must agree.
 */
final class GeneratedOttlCorpus {
  /** One parameter as the collector's Arguments struct declares it. */
  record Param(String name, String kind, boolean optional, boolean namedOk) {}

  /** One registered function in one context. */
  record Function(OttlContext context, String name, List<Param> params, boolean noArguments) {
    boolean editor() {
      return Character.isLowerCase(name.charAt(0));
    }
  }

  /** Literals that the function factories accept, for string parameters ({@code "a"} else). */
  private static final Map<String, String> STRINGS = Map.ofEntries(
      Map.entry("merge_maps.strategy", "upsert"), Map.entry("replace_all_patterns.mode", "value"),
      Map.entry("ConvertCase.to_case", "lower"), Map.entry("ParseCSV.mode", "strict"),
      Map.entry("Sort.order", "asc"), Map.entry("ParseCLF.format", "clf"),
      Map.entry("convert_gauge_to_sum.string_agg_temp", "delta"),
      Map.entry("convert_summary_count_val_to_sum.string_agg_temp", "delta"),
      Map.entry("convert_summary_sum_val_to_sum.string_agg_temp", "delta"),
      Map.entry("convert_exponential_histogram_to_histogram.distribution_fn", "upper"),
      Map.entry("merge_histogram_buckets.method", "limit_buckets"),
      Map.entry("aggregate_on_attributes.aggregation_function", "sum"),
      Map.entry("aggregate_on_attribute_value.aggregation_function", "sum"),
      Map.entry("set_semconv_span_name.semconv_version", "1.37.0"),
      Map.entry("Time.format", "%Y-%m-%d"), Map.entry("Time.location", "UTC"),
      Map.entry("Time.locale", "en-US"), Map.entry("FormatTime.format", "%Y"),
      Map.entry("Format.format", "%s"), Map.entry("ParseCSV.delimiter", ","),
      Map.entry("ParseCSV.header_delimiter", "|"), Map.entry("ParseKeyValue.delimiter", "="),
      Map.entry("ParseKeyValue.pair_delimiter", " "), Map.entry("ToKeyValueString.delimiter", "="),
      Map.entry("ToKeyValueString.pair_delimiter", " "), Map.entry("Trim.replacement", " "));

  private GeneratedOttlCorpus() {}

  /** Reads one line of {@code ottlcheck -functions}; null for a context we do not model. */
  static Function function(JsonNode line) {
    OttlContext context = OttlContext.byId(line.path("context").asText()).orElse(null);
    if (context == null) {
      return null;
    }
    List<Param> params = new ArrayList<>();
    for (JsonNode p : line.path("params")) {
      params.add(new Param(p.path("name").asText(), p.path("kind").asText(),
          p.path("optional").asBoolean(), p.path("named_ok").asBoolean()));
    }
    return new Function(context, line.path("name").asText(), List.copyOf(params),
        line.path("no_arguments").asBoolean());
  }

  /** Every generated case for {@code f}. */
  static List<OttlDifferentialIT.Case> cases(Function f) {
    List<OttlDifferentialIT.Case> out = new ArrayList<>();
    OttlContext c = f.context();
    List<Param> required = f.params().stream().filter(p -> !p.optional()).toList();
    List<String> requiredArgs = positional(f, required);
    explicit(out, f, requiredArgs);
    out.add(new OttlDifferentialIT.Case(statement(f, requiredArgs), flatSignal(c), null));
    if (required.size() < f.params().size()) {
      explicit(out, f, positional(f, f.params()));
      if (f.params().stream().allMatch(Param::namedOk)) {
        List<String> named = new ArrayList<>(requiredArgs);
        for (int i = required.size(); i < f.params().size(); i++) {
          Param p = f.params().get(i);
          named.add(p.name() + "=" + sample(f, p, i));
        }
        explicit(out, f, named);
      }
    }
    if (!f.params().isEmpty() && f.params().stream().allMatch(Param::namedOk)) {
      List<String> named = new ArrayList<>();
      for (int i = 0; i < f.params().size(); i++) {
        Param p = f.params().get(i);
        named.add(p.name() + "=" + sample(f, p, i));
      }
      explicit(out, f, named);
    }
    // invalid forms
    List<String> extra = new ArrayList<>(positional(f, f.params()));
    extra.add("1");
    explicit(out, f, extra);
    List<String> unknown = new ArrayList<>(requiredArgs);
    unknown.add("no_such_param=1");
    explicit(out, f, unknown);
    if (required.size() >= 2 && required.get(0).namedOk()) {
      List<String> misordered = new ArrayList<>(requiredArgs);
      misordered.set(0, required.get(0).name() + "=" + requiredArgs.get(0));
      explicit(out, f, misordered);
    }
    for (int i = 0; i < required.size(); i++) {
      String wrong = wrongShape(c, required.get(i));
      if (wrong != null) {
        List<String> args = new ArrayList<>(requiredArgs);
        args.set(i, wrong);
        explicit(out, f, args);
        break;
      }
    }
    return out;
  }

  private static void explicit(List<OttlDifferentialIT.Case> out, Function f, List<String> args) {
    out.add(new OttlDifferentialIT.Case(statement(f, args), null, f.context()));
  }

  private static List<String> positional(Function f, List<Param> params) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      args.add(sample(f, params.get(i), i));
    }
    return args;
  }

  /** An editor is the statement; a converter's result is set into the cache. */
  private static String statement(Function f, List<String> args) {
    String call = f.name() + "(" + String.join(", ", args) + ")";
    return f.editor() ? call : "set(" + f.context().id() + ".cache[\"r\"], " + call + ")";
  }

  /** A value of the parameter's shape: a path for what reads or changes telemetry. */
  static String sample(Function f, Param p, int index) {
    String prefix = f.context().id();
    String kind = p.kind();
    if (kind.startsWith("[]")) {
      String item = sample(f, new Param(p.name(), kind.substring(2), false, true), index);
      return "[" + item + "]";
    }
    if (kind.startsWith("getter:")) {
      return prefix + ".cache[\"g" + index + "\"]";
    }
    return switch (kind) {
      case "path", "slice_path" -> prefix + ".cache[\"t\"]";
      case "map_path" -> prefix + ".cache";
      case "string" -> "\"" + STRINGS.getOrDefault(f.name() + "." + p.name(), "a") + "\"";
      case "float64" -> "1.5";
      case "int64" -> "2";
      case "bool" -> "true";
      case "function" -> "SHA256";
      case "lambda" -> "(x) => x";
      default -> throw new IllegalArgumentException("unknown parameter kind " + kind + " of "
          + f.name() + "." + p.name());
    };
  }

  /** A value of the wrong shape for {@code p}, or null when any value goes (a Getter). */
  private static String wrongShape(OttlContext c, Param p) {
    return switch (p.kind()) {
      case "path", "slice_path", "map_path", "int64", "bool", "function", "float64" -> "\"x\"";
      case "string" -> c.id() + ".cache[\"s\"]";
      default -> p.kind().startsWith("[]") ? "\"x\"" : null;
    };
  }

  private static OttlSignal flatSignal(OttlContext c) {
    return switch (c) {
      case SPAN, SPANEVENT -> OttlSignal.TRACES;
      case METRIC, DATAPOINT -> OttlSignal.METRICS;
      default -> OttlSignal.LOGS;
    };
  }

  /** "context: function count" for the report. */
  static String coverage(List<Function> functions) {
    return functions.stream().collect(Collectors.groupingBy(f -> f.context().id(),
        java.util.TreeMap::new, Collectors.counting())).toString();
  }
}
