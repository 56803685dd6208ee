package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.Expr;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OTTL converters the sandbox runs, by name, gathered from their families. A converter that is
 * not here, or one called with a literal argument the sandbox does not handle (a Time format
 * directive, a Decode encoding), makes its statement unsupported: refused, never skipped.
 */
final class Converters {
  private static final Map<String, Converter> ALL;

  static {
    Map<String, Converter> m = new TreeMap<>();
    TypeConverters.register(m);
    StringConverters.register(m);
    HashConverters.register(m);
    MapConverters.register(m);
    TimeConverters.register(m);
    NetConverters.register(m);
    ALL = Collections.unmodifiableMap(m);
  }

  /** The names of the converters the sandbox runs. */
  static final Set<String> NAMES = ALL.keySet();

  private Converters() {}

  static Object apply(Expr.Call call, Interpreter.Cursor cursor) {
    Converter c = ALL.get(call.name());
    if (c == null) {
      throw new OttlRuntimeException("unsupported converter " + call.name());
    }
    return c.apply(new Args(call, cursor));
  }

  /** Null when the sandbox runs this call as written, else why not. */
  static String unsupported(Expr.Call call) {
    if (!ALL.containsKey(call.name())) {
      return "converter " + call.name();
    }
    switch (call.name()) {
      case "Time", "FormatTime" -> {
        String format = literal(call, 1);
        String lacking = format == null ? "a format that is not a literal"
            : Strptime.unsupported(format);
        if (lacking != null) {
          return call.name() + " with " + lacking;
        }
        if (call.name().equals("Time") && call.arguments().size() > 3
            && !(call.arguments().get(3).value() instanceof Expr.NilLiteral)) {
          return "Time with a locale";
        }
        return null;
      }
      case "Format" -> {
        String format = literal(call, 0);
        String lacking = format == null ? "(not a literal)" : GoFormat.unsupported(format);
        return lacking == null ? null : "Format with " + lacking;
      }
      case "Decode" -> {
        String encoding = literal(call, 1);
        return encoding != null && StringConverters.DECODINGS.contains(
            encoding.toLowerCase(java.util.Locale.ROOT)) ? null
            : "Decode with encoding " + (encoding == null ? "(not a literal)" : encoding);
      }
      default -> {
        return null;
      }
    }
  }

  private static String literal(Expr.Call call, int i) {
    return i < call.arguments().size()
        && call.arguments().get(i).value() instanceof Expr.StringLiteral s ? s.value() : null;
  }
}
