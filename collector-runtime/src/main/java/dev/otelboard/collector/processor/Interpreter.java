package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.BoolExpr;
import dev.otelboard.collector.ottl.Expr;
import dev.otelboard.collector.ottl.OttlContext;
import dev.otelboard.collector.ottl.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates OTTL with the collector's semantics: conditions (comparisons, and/or/not), values
 * (literals, paths, arithmetic) and calls, handed to {@link Editors} and {@link Converters}.
 * A statement using anything they do not run is reported as unsupported when the processor is
 * built.
 */
final class Interpreter {
  static final Set<String> EDITORS = Editors.NAMES;
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
      Object v = Converters.apply(call, c);
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
    if (a instanceof GoTime.Time || a instanceof GoTime.Duration) {
      return timeMath(op, a, b);
    }
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
      default -> {
        if (r == 0) {
          throw new OttlRuntimeException("attempted to divide by 0");
        }
        yield l / r;
      }
    };
  }

  /** time.Time and time.Duration arithmetic: only + and -, as the collector's math.go. */
  private static Object timeMath(char op, Object a, Object b) {
    if (op == '+' && a instanceof GoTime.Time t && b instanceof GoTime.Duration d) {
      return new GoTime.Time(t.instant().plusNanos(d.nanos()), t.zone());
    }
    if (op == '+' && a instanceof GoTime.Duration d && b instanceof GoTime.Time t) {
      return new GoTime.Time(t.instant().plusNanos(d.nanos()), t.zone());
    }
    if (op == '-' && a instanceof GoTime.Time t && b instanceof GoTime.Duration d) {
      return new GoTime.Time(t.instant().minusNanos(d.nanos()), t.zone());
    }
    if (op == '-' && a instanceof GoTime.Time t && b instanceof GoTime.Time u) {
      return new GoTime.Duration(java.time.Duration.between(u.instant(), t.instant()).toNanos());
    }
    if (a instanceof GoTime.Duration x && b instanceof GoTime.Duration y && (op == '+' || op == '-')) {
      return new GoTime.Duration(op == '+' ? x.nanos() + y.nanos() : x.nanos() - y.nanos());
    }
    throw new OttlRuntimeException("unsupported time arithmetic");
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
