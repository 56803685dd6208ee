package dev.otelboard.collector.processor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Map and list converters (ottlfuncs func_parse_json, func_keys, func_values, func_slice_to_map,
 * func_parse_key_value, func_to_key_value_string, func_sort).
 */
final class MapConverters {
  private MapConverters() {}

  static void register(Map<String, Converter> m) {
    m.put("ParseJSON", a -> {
      Object v = OttlValues.parseJson(a.string(0));
      if (!(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
        throw a.fail("could not convert parsed value of type " + Args.type(v) + " to JSON object");
      }
      return v;
    });
    m.put("Keys", a -> new ArrayList<Object>(a.map(0).keySet()));
    m.put("Values", a -> {
      List<Object> out = new ArrayList<>();
      a.map(0).values().forEach(v -> out.add(OttlValues.copy(v)));
      return out;
    });
    m.put("SliceToMap", MapConverters::sliceToMap);
    m.put("ParseKeyValue", MapConverters::parseKeyValue);
    m.put("ToKeyValueString", MapConverters::toKeyValueString);
    m.put("Sort", MapConverters::sort);
    m.put("ParseSeverity", MapConverters::parseSeverity);
    m.put("ParseCSV", CsvRows::parseCsv);
  }

  /**
   * ParseSeverity: the level whose criteria ({@code equals} strings, {@code range} min/max or
   * "2xx".."5xx") match; the mapping must be a map literal. Levels are tried in written order
   * (the collector's order is a Go map's: only overlapping criteria could tell them apart).
   */
  private static Object parseSeverity(Args a) {
    if (!(a.expr(1) instanceof dev.otelboard.collector.ottl.Expr.MapLiteral)) {
      throw a.fail("severity mapping must be a literal PMap");
    }
    Map<String, Object> mapping = a.map(1);
    Object value = a.value(0);
    for (Map.Entry<String, Object> level : mapping.entrySet()) {
      if (!(level.getValue() instanceof List<?> criteria)) {
        throw a.fail("severity mapping criteria must be []any");
      }
      for (Object c : criteria) {
        if (!(c instanceof Map<?, ?> crit)) {
          throw a.fail("severity mapping criteria items must be map[string]any");
        }
        if (matches(a, OttlValues.map(crit), value)) {
          return level.getKey();
        }
      }
    }
    throw a.fail("no matching log level found for value '" + value + "'");
  }

  private static boolean matches(Args a, Map<String, Object> crit, Object value) {
    List<?> equals = crit.get("equals") instanceof List<?> l ? l : List.of();
    if (crit.containsKey("equals") && !(crit.get("equals") instanceof List<?>)) {
      throw a.fail("equals must be a list");
    }
    long[] range = null;
    Object r = crit.get("range");
    if (r instanceof Map<?, ?> bounds) {
      if (!(bounds.get("min") instanceof Long min) || !(bounds.get("max") instanceof Long max)) {
        throw a.fail("range needs int64 min and max values");
      }
      range = new long[] {min, max};
    } else if (r instanceof String placeholder) {
      if (!placeholder.matches("[2-5]xx")) {
        throw a.fail("unknown range placeholder: " + placeholder);
      }
      long base = (placeholder.charAt(0) - '0') * 100L;
      range = new long[] {base, base + 99};
    } else if (r != null) {
      throw a.fail("range must be a map or a known placeholder string");
    }
    for (Object e : equals) {
      if (!(e instanceof String)) {
        throw a.fail("equals values must be strings");
      }
    }
    if (value instanceof String s) {
      return equals.contains(s);
    }
    if (value instanceof Long n) {
      return range != null && n >= range[0] && n <= range[1];
    }
    throw a.fail("unsupported value type: " + Args.type(value));
  }

  private static Object sliceToMap(Args a) {
    List<Object> slice = a.slice(0);
    List<String> keyPath = a.has(1) ? strings(a.values(1)) : null;
    List<String> valuePath = a.has(2) ? strings(a.values(2)) : null;
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < slice.size(); i++) {
      Object element = slice.get(i);
      if ((keyPath != null || valuePath != null) && !(element instanceof Map<?, ?>)) {
        throw a.fail("slice elements must be maps when using `key_path` or `value_path`");
      }
      String key = String.valueOf(i);
      if (keyPath != null) {
        Object k = extract(a, OttlValues.map(element), keyPath);
        if (!(k instanceof String s)) {
          throw a.fail("element " + i + ": extracted key attribute is not of type string");
        }
        key = s;
      }
      Object value = valuePath != null ? extract(a, OttlValues.map(element), valuePath) : element;
      out.remove(key); // pcommon.Map.PutEmpty on an existing key overwrites it in place
      out.put(key, OttlValues.copy(value));
    }
    return out;
  }

  private static Object extract(Args a, Map<String, Object> m, List<String> path) {
    if (path.isEmpty()) {
      throw a.fail("must provide at least one path item");
    }
    if (!m.containsKey(path.get(0))) {
      throw a.fail("provided object does not contain the path " + path);
    }
    Object v = m.get(path.get(0));
    if (path.size() == 1) {
      return v;
    }
    if (!(v instanceof Map<?, ?> inner)) {
      throw a.fail("provided object does not contain the path " + path);
    }
    return extract(a, OttlValues.map(inner), path.subList(1, path.size()));
  }

  private static List<String> strings(List<Object> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(String.valueOf(v)));
    return out;
  }

  private static String[] delimiters(Args a, int at) {
    String delimiter = a.literal(at, "=");
    String pairDelimiter = a.literal(at + 1, " ");
    if (delimiter.isEmpty() || pairDelimiter.isEmpty() || delimiter.equals(pairDelimiter)) {
      throw a.fail("invalid delimiters");
    }
    return new String[] {delimiter, pairDelimiter};
  }

  private static Object parseKeyValue(Args a) {
    String[] d = delimiters(a, 1);
    String source = a.string(0);
    if (source.isEmpty()) {
      throw a.fail("cannot parse from empty target");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String pair : splitQuoted(a, source, d[1])) {
      int at = pair.indexOf(d[0]);
      if (at < 0) {
        throw a.fail("cannot split \"" + pair + "\" into 2 items");
      }
      out.put(pair.substring(0, at).strip(), pair.substring(at + d[0].length()).strip());
    }
    return out;
  }

  /** parseutils.SplitString: quotes group (and are dropped), a backslash keeps a quote. */
  private static List<String> splitQuoted(Args a, String input, String delimiter) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean escaped = false;
    for (int i = 0; i < input.length(); i++) {
      if (quote == 0 && input.startsWith(delimiter, i)) {
        if (current.length() > 0) {
          out.add(current.toString());
          current.setLength(0);
        }
        i += delimiter.length() - 1;
        continue;
      }
      char c = input.charAt(i);
      if (!escaped) {
        if (quote == 0 && (c == '"' || c == '\'')) {
          quote = c;
          continue;
        }
        if (c == quote) {
          quote = 0;
          continue;
        }
        escaped = c == '\\';
      } else {
        escaped = false;
      }
      current.append(c);
    }
    if (quote != 0) {
      throw a.fail("never reached the end of a quoted value");
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }

  private static Object toKeyValueString(Args a) {
    String[] d = delimiters(a, 1);
    boolean sorted = a.has(3) && Boolean.TRUE.equals(a.value(3));
    Map<String, Object> source = a.map(0);
    Map<String, Object> ordered = sorted ? new TreeMap<>(source) : source;
    List<String> pairs = new ArrayList<>();
    ordered.forEach((k, v) -> pairs.add(quoteKv(k, d) + d[0]
        + quoteKv(v instanceof Map<?, ?> || v instanceof List<?> ? GoText.json(v, false)
            : OttlValues.stringify(v), d)));
    return String.join(d[1], pairs);
  }

  private static String quoteKv(String s, String[] d) {
    String out = s.replace("\"", "\\\"");
    return out.contains(d[1]) || out.contains(d[0]) ? "\"" + out + "\"" : out;
  }

  /** Sort: ints, doubles (ints among them compare as doubles) or strings; else unchanged. */
  private static Object sort(Args a) {
    Object v = a.value(0);
    if (!(v instanceof List<?> l)) {
      throw a.fail("sort with unsupported type: '" + Args.type(v) + "'. Target is not a list");
    }
    boolean desc = "desc".equals(a.literal(1, "asc"));
    List<Object> list = new ArrayList<>(l);
    if (list.isEmpty()) {
      return list;
    }
    boolean strings = false;
    boolean doubles = false;
    boolean ints = false;
    for (Object o : list) {
      if (o instanceof Long) {
        ints = true;
      } else if (o instanceof Double) {
        doubles = true;
      } else if (o == null || o instanceof String || o instanceof Boolean) {
        strings = true;
      } else {
        return list;
      }
    }
    Comparator<Object> order = strings
        ? Comparator.comparing(o -> o == null ? "" : OttlValues.stringify(o))
        : ints && !doubles ? Comparator.comparingLong(o -> (Long) o)
            : Comparator.comparingDouble(o -> ((Number) o).doubleValue());
    list.sort(desc ? order.reversed() : order);
    return list;
  }
}
