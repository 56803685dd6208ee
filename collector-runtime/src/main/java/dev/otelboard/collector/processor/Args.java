package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.Expr;
import dev.otelboard.collector.processor.Interpreter.Cursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function call's arguments, read as the collector's typed getters read them (ottl's
 * StandardStringGetter, IntLikeGetter, PMapGetter...): the same conversions, the same refusals
 * (a nil where a string is needed is an error, an unparseable string to IntLike is nil).
 */
final class Args {
  private final Expr.Call call;
  private final Cursor cursor;

  Args(Expr.Call call, Cursor cursor) {
    this.call = call;
    this.cursor = cursor;
  }

  String function() {
    return call.name();
  }

  Cursor cursor() {
    return cursor;
  }

  /** Whether optional argument {@code i} was given (OttlArguments fills gaps with nil). */
  boolean has(int i) {
    return i < call.arguments().size()
        && !(call.arguments().get(i).value() instanceof Expr.NilLiteral);
  }

  Expr expr(int i) {
    return call.arguments().get(i).value();
  }

  /** A Getter: the value as it is. */
  Object value(int i) {
    return Interpreter.eval(expr(i), cursor);
  }

  /** A []Getter: a list literal's items. */
  List<Object> values(int i) {
    Object v = value(i);
    if (!(v instanceof List<?> l)) {
      throw fail("expected a list");
    }
    return new ArrayList<>(l);
  }

  /** A StringGetter: a string, nothing else. */
  String string(int i) {
    Object v = value(i);
    if (v instanceof String s) {
      return s;
    }
    throw fail("expected string but got " + type(v));
  }

  /** A StringLikeGetter: nil stays nil; other values are stringified. */
  String stringLike(int i) {
    return stringLike(expr(i), value(i));
  }

  /**
   * StringLikeGetter's conversions, which depend on the Go type behind the value: a whole
   * pcommon.Map / Slice goes through json.Marshal, one value (an attribute, the body) through
   * AsString (no HTML escaping, bytes in base64); a trace or span id (a Go byte array) marshals
   * as a JSON array of numbers; other bytes (a literal, a converter's) are hex.
   */
  static String stringLike(Expr e, Object v) {
    Expr.Path path = e instanceof Expr.Path p ? p : null;
    Expr.Field last = path == null ? null : path.fields().get(path.fields().size() - 1);
    boolean oneValue = last != null && (!last.keys().isEmpty()
        || path.fields().stream().anyMatch(f -> f.name().equals("body")));
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      return GoText.json(v, !oneValue);
    }
    if (v instanceof byte[] b && !oneValue) {
      if (last != null && last.keys().isEmpty() && Interpreter.idLength(last.name()) > 0) {
        StringBuilder json = new StringBuilder("[");
        for (int k = 0; k < b.length; k++) {
          json.append(k > 0 ? "," : "").append(b[k] & 0xff);
        }
        return json.append(']').toString();
      }
      return OttlValues.hex(b);
    }
    return v == null ? null : stringLike(v);
  }

  static String stringLike(Object v) {
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      return GoText.json(v, true);
    }
    return OttlValues.stringify(v);
  }

  /** An IntGetter: an int64, nothing else. */
  long integer(int i) {
    Object v = value(i);
    if (v instanceof Long l) {
      return l;
    }
    throw fail("expected int64 but got " + type(v));
  }

  /** A FloatLikeGetter: numbers, numeric strings (else an error), booleans as 1/0. */
  Double floatLike(int i) {
    Object v = value(i);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (v instanceof String s) {
      Double d = GoNumbers.parseFloat(s);
      if (d == null) {
        throw fail("strconv.ParseFloat: parsing \"" + s + "\": invalid syntax");
      }
      return d;
    }
    throw fail("unsupported type: " + type(v));
  }

  /** A ByteSliceLikeGetter: bytes; strings as UTF-8; numbers and booleans big-endian. */
  byte[] byteSliceLike(int i) {
    Object v = value(i);
    if (v == null) {
      return null;
    }
    if (v instanceof byte[] b) {
      return b;
    }
    if (v instanceof String s) {
      return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    if (v instanceof Long l) {
      return java.nio.ByteBuffer.allocate(8).putLong(l).array();
    }
    if (v instanceof Double d) {
      return java.nio.ByteBuffer.allocate(8).putDouble(d).array();
    }
    if (v instanceof Boolean b) {
      return new byte[] {(byte) (b ? 1 : 0)};
    }
    throw fail("unsupported type: " + type(v));
  }

  /** A PMapGetter: a map. */
  Map<String, Object> map(int i) {
    Object v = value(i);
    if (v instanceof Map<?, ?> m) {
      return OttlValues.map(m);
    }
    throw fail("expected pcommon.Map but got " + type(v));
  }

  /** A PSliceGetter: a list. */
  List<Object> slice(int i) {
    Object v = value(i);
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw fail("expected pcommon.Slice but got " + type(v));
  }

  /** A literal string argument (a Go {@code string} field), or {@code fallback} when absent. */
  String literal(int i, String fallback) {
    return has(i) ? string(i) : fallback;
  }

  OttlRuntimeException fail(String message) {
    return new OttlRuntimeException(call.name() + ": " + message);
  }

  static String type(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof String) {
      return "Str";
    }
    if (v instanceof Long) {
      return "Int";
    }
    if (v instanceof Double) {
      return "Double";
    }
    if (v instanceof Boolean) {
      return "Bool";
    }
    if (v instanceof byte[]) {
      return "Bytes";
    }
    if (v instanceof Map<?, ?>) {
      return "Map";
    }
    if (v instanceof List<?>) {
      return "Slice";
    }
    return v.getClass().getSimpleName();
  }
}
