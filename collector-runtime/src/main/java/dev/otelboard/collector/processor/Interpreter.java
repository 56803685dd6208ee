package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.BoolExpr;
import dev.otelboard.collector.ottl.Expr;
import dev.otelboard.collector.ottl.OttlContext;
import dev.otelboard.collector.ottl.Statement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the OTTL subset that otelboard generates, with the collector's semantics: set,
 * delete_key, delete_matching_keys, keep_keys, keep_matching_keys, merge_maps, replace_pattern,
 * replace_all_patterns, truncate_all; the converters ParseJSON, ExtractPatterns, IsMatch, Is*,
 * TraceID, SpanID, SHA256 and a few string helpers; comparisons, and/or/not, arithmetic.
 * A statement using anything else is reported as unsupported when the processor is built.
 */
final class Interpreter {
  static final Set<String> EDITORS = Editors.NAMES;
  static final Set<String> CONVERTERS = Set.of("ParseJSON", "ExtractPatterns", "IsMatch",
      "IsString", "IsMap", "IsList", "IsBool", "IsInt", "IsDouble", "IsEmpty", "TraceID", "SpanID",
      "SHA256", "Concat", "Len", "ToLowerCase", "ToUpperCase", "HasPrefix", "HasSuffix", "String",
      "Int", "Double");
  private static final Set<String> LONG_FIELDS = Set.of("severity_number", "time_unix_nano",
      "observed_time_unix_nano", "flags", "kind", "start_time_unix_nano", "end_time_unix_nano",
      "dropped_attributes_count");
  private static final Set<String> STRING_FIELDS = Set.of("severity_text", "name", "event_name",
      "trace_state", "version");
  private static final Map<String, Integer> ID_LENGTHS = Map.of("trace_id", 16, "span_id", 8,
      "parent_span_id", 8);
  static final Map<String, Long> ENUMS = enums();

  /** The items a statement sees: its resource, scope, record and the context it runs in. */
  record Cursor(OttlContext context, Node resource, Node scope, Node span, Node item,
      Map<String, Object> cache) {}

  private Interpreter() {}

  static void execute(Statement s, Cursor c) {
    if (s.where() == null || test(s.where(), c)) {
      Editors.run(s.editor(), c);
    }
  }

  static boolean test(BoolExpr b, Cursor c) {
    if (b instanceof BoolExpr.Or or) {
      for (BoolExpr t : or.terms()) {
        if (test(t, c)) {
          return true;
        }
      }
      return false;
    }
    if (b instanceof BoolExpr.And and) {
      for (BoolExpr t : and.terms()) {
        if (!test(t, c)) {
          return false;
        }
      }
      return true;
    }
    if (b instanceof BoolExpr.Not not) {
      return !test(not.operand(), c);
    }
    if (b instanceof BoolExpr.Constant k) {
      return k.value();
    }
    if (b instanceof BoolExpr.ConverterCall cc) {
      Object v = eval(cc.call(), c);
      if (!(v instanceof Boolean bool)) {
        throw new OttlRuntimeException(cc.call().name() + " did not return a boolean");
      }
      return bool;
    }
    BoolExpr.Comparison cmp = (BoolExpr.Comparison) b;
    Object left = eval(cmp.left(), c);
    Object right = eval(cmp.right(), c);
    switch (cmp.operator()) {
      case "==":
        return OttlValues.equal(left, right);
      case "!=":
        return !OttlValues.equal(left, right);
      default:
        Integer order = OttlValues.compare(left, right);
        if (order == null) {
          return false;
        }
        return switch (cmp.operator()) {
          case "<" -> order < 0;
          case "<=" -> order <= 0;
          case ">" -> order > 0;
          default -> order >= 0;
        };
    }
  }

  // ---- values ------------------------------------------------------------------------------

  static Object eval(Expr e, Cursor c) {
    if (e instanceof Expr.StringLiteral s) {
      return s.value();
    }
    if (e instanceof Expr.IntLiteral i) {
      return i.value();
    }
    if (e instanceof Expr.FloatLiteral f) {
      return f.value();
    }
    if (e instanceof Expr.BoolLiteral b) {
      return b.value();
    }
    if (e instanceof Expr.NilLiteral) {
      return null;
    }
    if (e instanceof Expr.BytesLiteral b) {
      return java.util.HexFormat.of().parseHex(b.hex());
    }
    if (e instanceof Expr.EnumSymbol s) {
      Long v = ENUMS.get(s.name());
      if (v == null) {
        throw new OttlRuntimeException("unknown enum " + s.name());
      }
      return v;
    }
    if (e instanceof Expr.Path p) {
      return Paths.ref(p, c).get();
    }
    if (e instanceof Expr.Call call) {
      Object v = converter(call, c);
      for (Expr key : call.keys()) {
        v = Paths.index(v, eval(key, c));
      }
      return v;
    }
    if (e instanceof Expr.ListLiteral l) {
      List<Object> out = new ArrayList<>();
      for (Expr item : l.items()) {
        out.add(eval(item, c));
      }
      return out;
    }
    if (e instanceof Expr.MapLiteral m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Expr.MapEntry en : m.entries()) {
        out.put(en.key(), eval(en.value(), c));
      }
      return out;
    }
    if (e instanceof Expr.Math m) {
      return math(m.operator(), eval(m.left(), c), eval(m.right(), c));
    }
    throw new OttlRuntimeException("unsupported value " + e);
  }

  private static Object math(char op, Object a, Object b) {
    if (!(a instanceof Number x) || !(b instanceof Number y)) {
      throw new OttlRuntimeException("arithmetic needs numbers");
    }
    if (x instanceof Long && y instanceof Long) {
      long l = x.longValue();
      long r = y.longValue();
      return switch (op) {
        case '+' -> l + r;
        case '-' -> l - r;
        case '*' -> l * r;
        default -> {
          if (r == 0) {
            throw new OttlRuntimeException("division by zero");
          }
          yield l / r;
        }
      };
    }
    double l = x.doubleValue();
    double r = y.doubleValue();
    return switch (op) {
      case '+' -> l + r;
      case '-' -> l - r;
      case '*' -> l * r;
      default -> l / r;
    };
  }

  // ---- converters --------------------------------------------------------------------------

  private static Object converter(Expr.Call call, Cursor c) {
    List<Expr.Argument> args = call.arguments();
    switch (call.name()) {
      case "ParseJSON": {
        Object v = eval(args.get(0).value(), c);
        if (!(v instanceof String s)) {
          throw new OttlRuntimeException("ParseJSON: target is not a string");
        }
        return OttlValues.parseJson(s);
      }
      case "ExtractPatterns": {
        Object v = eval(args.get(0).value(), c);
        if (!(v instanceof String s)) {
          throw new OttlRuntimeException("ExtractPatterns: target is not a string");
        }
        return Re2Pattern.compile(string(eval(args.get(1).value(), c), "pattern")).namedGroups(s);
      }
      case "IsMatch": {
        Object v = eval(args.get(0).value(), c);
        if (v == null) {
          return false;
        }
        return Re2Pattern.compile(string(eval(args.get(1).value(), c), "pattern"))
            .find(OttlValues.stringify(v));
      }
      case "IsString":
        return eval(args.get(0).value(), c) instanceof String;
      case "IsMap":
        return eval(args.get(0).value(), c) instanceof Map<?, ?>;
      case "IsList":
        return eval(args.get(0).value(), c) instanceof List<?>;
      case "IsBool":
        return eval(args.get(0).value(), c) instanceof Boolean;
      case "IsInt":
        return eval(args.get(0).value(), c) instanceof Long;
      case "IsDouble":
        return eval(args.get(0).value(), c) instanceof Double;
      case "IsEmpty": {
        Object v = eval(args.get(0).value(), c);
        return v == null || (v instanceof String s && s.isEmpty())
            || (v instanceof Map<?, ?> m && m.isEmpty()) || (v instanceof List<?> l && l.isEmpty())
            || (v instanceof byte[] b && java.util.Arrays.equals(b, new byte[b.length]));
      }
      case "TraceID":
        return id(eval(args.get(0).value(), c), 16, "trace");
      case "SpanID":
        return id(eval(args.get(0).value(), c), 8, "span");
      case "SHA256": {
        Object v = eval(args.get(0).value(), c);
        if (!(v instanceof String s)) {
          throw new OttlRuntimeException("SHA256: value is not a string");
        }
        try {
          return OttlValues.hex(MessageDigest.getInstance("SHA-256")
              .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
      case "Concat": {
        List<?> values = (List<?>) eval(args.get(0).value(), c);
        String delimiter = string(eval(args.get(1).value(), c), "delimiter");
        List<String> parts = new ArrayList<>();
        for (Object v : values) {
          if (v != null && !(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
            parts.add(v instanceof byte[] b ? OttlValues.hex(b) : OttlValues.stringify(v));
          }
        }
        return String.join(delimiter, parts);
      }
      case "Len": {
        Object v = eval(args.get(0).value(), c);
        if (v instanceof String s) {
          return (long) s.length();
        }
        if (v instanceof Map<?, ?> m) {
          return (long) m.size();
        }
        if (v instanceof List<?> l) {
          return (long) l.size();
        }
        throw new OttlRuntimeException("Len: unsupported type");
      }
      case "ToLowerCase":
        return string(eval(args.get(0).value(), c), "target").toLowerCase(Locale.ROOT);
      case "ToUpperCase":
        return string(eval(args.get(0).value(), c), "target").toUpperCase(Locale.ROOT);
      case "HasPrefix":
        return string(eval(args.get(0).value(), c), "value")
            .startsWith(string(eval(args.get(1).value(), c), "prefix"));
      case "HasSuffix":
        return string(eval(args.get(0).value(), c), "value")
            .endsWith(string(eval(args.get(1).value(), c), "suffix"));
      case "String": {
        Object v = eval(args.get(0).value(), c);
        return v == null ? null : v instanceof byte[] b ? OttlValues.hex(b) : OttlValues.stringify(v);
      }
      case "Int": {
        Object v = eval(args.get(0).value(), c);
        if (v instanceof Number n) {
          return n.longValue();
        }
        if (v instanceof Boolean b) {
          return b ? 1L : 0L;
        }
        if (v instanceof String s) {
          try {
            return Long.parseLong(s.trim());
          } catch (NumberFormatException e) {
            return null;
          }
        }
        return null;
      }
      case "Double": {
        Object v = eval(args.get(0).value(), c);
        if (v instanceof Number n) {
          return n.doubleValue();
        }
        if (v instanceof String s) {
          try {
            return Double.parseDouble(s.trim());
          } catch (NumberFormatException e) {
            return null;
          }
        }
        return v instanceof Boolean b ? (b ? 1.0 : 0.0) : null;
      }
      default:
        throw new OttlRuntimeException("unsupported converter " + call.name());
    }
  }

  private static byte[] id(Object v, int length, String what) {
    if (v instanceof byte[] b) {
      if (b.length != length) {
        throw new OttlRuntimeException(what + " ids must be " + length + " bytes");
      }
      return b;
    }
    if (v instanceof String s) {
      return OttlValues.parseHexId(s, length, what);
    }
    throw new OttlRuntimeException(what + " id needs bytes or a hex string");
  }

  // ---- helpers -----------------------------------------------------------------------------

  static Expr.Path path(Expr.Argument a) {
    if (!(a.value() instanceof Expr.Path p)) {
      throw new OttlRuntimeException("target must be a path");
    }
    return p;
  }

  static Map<String, Object> mapOf(Object v, String function) {
    if (!(v instanceof Map<?, ?> m)) {
      throw new OttlRuntimeException(function + ": target is not a map");
    }
    return OttlValues.map(m);
  }

  static String string(Object v, String what) {
    if (!(v instanceof String s)) {
      throw new OttlRuntimeException(what + " must be a string");
    }
    return s;
  }

  /** Type checks for the scalar fields of log records and spans. */
  static void checkFieldType(String field, Object v) {
    if (LONG_FIELDS.contains(field) && !(v instanceof Long)) {
      throw new OttlRuntimeException(field + " must be an int64");
    }
    if (STRING_FIELDS.contains(field) && !(v instanceof String)) {
      throw new OttlRuntimeException(field + " must be a string");
    }
    Integer idLength = ID_LENGTHS.get(field);
    if (idLength != null && (!(v instanceof byte[] b) || b.length != idLength)) {
      throw new OttlRuntimeException(field + " must be " + idLength + " bytes");
    }
    if (field.equals("attributes") && !(v instanceof Map<?, ?>)) {
      throw new OttlRuntimeException("attributes must be a map");
    }
  }

  static int idLength(String field) {
    return ID_LENGTHS.getOrDefault(field, 0);
  }

  private static Map<String, Long> enums() {
    Map<String, Long> m = new HashMap<>();
    String[] kinds = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
    for (int i = 0; i < kinds.length; i++) {
      m.put("SPAN_KIND_" + kinds[i], (long) i);
    }
    m.put("STATUS_CODE_UNSET", 0L);
    m.put("STATUS_CODE_OK", 1L);
    m.put("STATUS_CODE_ERROR", 2L);
    m.put("SEVERITY_NUMBER_UNSPECIFIED", 0L);
    String[] levels = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
    for (int l = 0; l < levels.length; l++) {
      m.put("SEVERITY_NUMBER_" + levels[l], (long) (l * 4 + 1));
      for (int i = 2; i <= 4; i++) {
        m.put("SEVERITY_NUMBER_" + levels[l] + i, (long) (l * 4 + i));
      }
    }
    return Map.copyOf(m);
  }
}
