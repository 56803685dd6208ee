package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.Expr;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Converters that test or change a value's type (pkg/ottl/ottlfuncs func_is_*, func_int...). */
final class TypeConverters {
  private TypeConverters() {}

  static void register(Map<String, Converter> m) {
    m.put("IsString", a -> a.value(0) instanceof String);
    m.put("IsMap", a -> a.value(0) instanceof Map<?, ?>);
    m.put("IsList", a -> a.value(0) instanceof List<?>);
    m.put("IsBool", a -> a.value(0) instanceof Boolean);
    m.put("IsInt", a -> a.value(0) instanceof Long);
    m.put("IsDouble", a -> a.value(0) instanceof Double);
    m.put("IsEmpty", TypeConverters::isEmpty);
    m.put("String", a -> a.stringLike(0));
    m.put("Int", TypeConverters::intLike);
    m.put("Double", a -> a.floatLike(0));
    m.put("Bool", TypeConverters::boolLike);
    m.put("Len", TypeConverters::len);
    m.put("Coalesce", a -> {
      for (Object v : a.values(0)) {
        if (v != null) {
          return v;
        }
      }
      return null;
    });
    m.put("ParseInt", a -> {
      String s = a.string(0);
      if (s.isEmpty()) {
        throw a.fail("target cannot be empty");
      }
      long base = a.integer(1);
      if (base < 0) {
        throw a.fail("base cannot be negative");
      }
      Long v = GoNumbers.parseInt(s, (int) Math.min(base, 99));
      if (v == null) {
        throw a.fail("strconv.ParseInt: parsing \"" + s + "\": invalid syntax or range");
      }
      return v;
    });
    m.put("Log", a -> {
      Double v = a.floatLike(0);
      if (v == null || v <= 0) {
        throw a.fail("invalid input: expected number greater than zero but got " + v);
      }
      return Math.log(v);
    });
    m.put("IsValidLuhn", TypeConverters::luhn);
  }

  /** A path into attributes, body or cache yields a pcommon.Value; "" there is not empty. */
  private static boolean isEmpty(Args a) {
    Object v = a.value(0);
    if (v == null) {
      return true;
    }
    boolean pdataValue = a.expr(0) instanceof Expr.Path p
        && (p.fields().get(p.fields().size() - 1).keys().size() > 0
            || p.fields().stream().anyMatch(f -> f.name().equals("body")));
    if (v instanceof String s) {
      return !pdataValue && s.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty();
    }
    if (v instanceof List<?> l) {
      return l.isEmpty();
    }
    if (v instanceof byte[] b) {
      return pdataValue ? false : Arrays.equals(b, new byte[b.length]);
    }
    if (pdataValue) {
      return false;
    }
    return v.equals(0L) || v.equals(0.0) || v.equals(false);
  }

  private static Object intLike(Args a) {
    Object v = a.value(0);
    if (v == null) {
      return null;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return (long) d.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof String s) {
      return GoNumbers.parseInt(s, 10);
    }
    throw a.fail("unsupported type: " + Args.type(v));
  }

  private static Object boolLike(Args a) {
    Object v = a.value(0);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0.0;
    }
    if (v instanceof String s) {
      return switch (s) {
        case "1", "t", "T", "TRUE", "true", "True" -> true;
        case "0", "f", "F", "FALSE", "false", "False" -> false;
        default -> throw a.fail("strconv.ParseBool: parsing \"" + s + "\": invalid syntax");
      };
    }
    throw a.fail("unsupported type: " + Args.type(v));
  }

  private static Object len(Args a) {
    Object v = a.value(0);
    if (v instanceof String s) {
      return (long) s.getBytes(StandardCharsets.UTF_8).length;
    }
    if (v instanceof Map<?, ?> m) {
      return (long) m.size();
    }
    if (v instanceof List<?> l) {
      return (long) l.size();
    }
    if (v instanceof byte[] b && !(a.expr(0) instanceof Expr.Path)) {
      return (long) b.length;
    }
    throw a.fail("unsupported target type " + Args.type(v));
  }

  private static Object luhn(Args a) {
    String value = a.stringLike(0);
    if (value == null) {
      throw a.fail("invalid input: <nil>");
    }
    String digits = value.replace(" ", "");
    if (digits.isEmpty()) {
      return false;
    }
    int sum = 0;
    boolean alternate = true;
    int check = digit(a, digits.charAt(digits.length() - 1));
    for (int i = digits.length() - 2; i >= 0; i--) {
      int n = digit(a, digits.charAt(i));
      if (alternate) {
        n *= 2;
        n = n > 9 ? n - 9 : n;
      }
      sum += n;
      alternate = !alternate;
    }
    return (10 - sum % 10) % 10 == check;
  }

  private static int digit(Args a, char c) {
    if (c < '0' || c > '9') {
      throw a.fail("strconv.Atoi: parsing \"" + c + "\": invalid syntax");
    }
    return c - '0';
  }
}
