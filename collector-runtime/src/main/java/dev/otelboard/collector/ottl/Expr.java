package dev.otelboard.collector.ottl;

import java.util.List;

/**
 * A parsed OTTL value: a literal, a path into the telemetry, a converter call, a list or map
 * literal, or arithmetic over those (OTTL's {@code value} and {@code mathExpression}). Every node
 * knows the 1-based column where it starts in the statement text.
 */
public sealed interface Expr
    permits Expr.NilLiteral,
        Expr.StringLiteral,
        Expr.IntLiteral,
        Expr.FloatLiteral,
        Expr.BoolLiteral,
        Expr.BytesLiteral,
        Expr.EnumSymbol,
        Expr.FunctionName,
        Expr.Path,
        Expr.Call,
        Expr.ListLiteral,
        Expr.MapLiteral,
        Expr.Math {

  /** The 1-based column where this value starts. */
  int column();

  /** {@code nil}. */
  record NilLiteral(int column) implements Expr {}

  /** A double-quoted string, already unquoted. */
  record StringLiteral(String value, int column) implements Expr {}

  /** A 64-bit integer. */
  record IntLiteral(long value, int column) implements Expr {}

  /** A 64-bit float. */
  record FloatLiteral(double value, int column) implements Expr {}

  /** {@code true} or {@code false}. */
  record BoolLiteral(boolean value, int column) implements Expr {}

  /** A {@code 0x...} byte literal, kept as lower-case hex without the prefix. */
  record BytesLiteral(String hex, int column) implements Expr {}

  /**
   * An upper-case symbol that is not a call: an enum such as {@code SPAN_KIND_SERVER}, or the name
   * of a converter passed as a function argument such as {@code SHA256}.
   */
  record EnumSymbol(String name, int column) implements Expr {}

  /** A converter named without calling it, e.g. {@code Murmur3Hash}; only valid as an argument. */
  record FunctionName(String name, int column) implements Expr {}

  /**
   * A path into the telemetry, e.g. {@code log.attributes["trace_id"]}.
   *
   * @param context the leading context name ({@code log}, {@code resource}...), or null when the
   *     path is relative to the statement's context
   * @param fields the segments after the context
   */
  record Path(String context, List<Field> fields, int column) implements Expr {
    /** Creates a path; {@code fields} is copied. */
    public Path {
      fields = List.copyOf(fields);
    }

    /** The path as written, e.g. {@code log.attributes[...]} (keys elided). */
    public String display() {
      StringBuilder b = new StringBuilder();
      if (context != null) {
        b.append(context);
      }
      for (Field f : fields) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(f.name());
        for (int i = 0; i < f.keys().size(); i++) {
          b.append("[...]");
        }
      }
      return b.toString();
    }
  }

  /** One segment of a path with its index keys, e.g. {@code attributes["k"]}. */
  record Field(String name, List<Expr> keys, int column) {
    /** Creates a field; {@code keys} is copied. */
    public Field {
      keys = List.copyOf(keys);
    }
  }

  /**
   * A function call. Editors (lower-case names) head statements; converters (upper-case names)
   * are values and may be indexed, e.g. {@code ParseJSON(log.body)["level"]}.
   */
  record Call(String name, List<Argument> arguments, List<Expr> keys, int column) implements Expr {
    /** Creates a call; lists are copied. */
    public Call {
      arguments = List.copyOf(arguments);
      keys = List.copyOf(keys);
    }

    /** Whether the name starts with a lower-case letter, i.e. this is an editor. */
    public boolean isEditor() {
      return Character.isLowerCase(name.charAt(0));
    }
  }

  /** An argument, positional ({@code name == null}) or named ({@code depth=2}). */
  record Argument(String name, Expr value, int column) {}

  /** A list literal {@code [a, b]}. */
  record ListLiteral(List<Expr> items, int column) implements Expr {
    /** Creates a list; {@code items} is copied. */
    public ListLiteral {
      items = List.copyOf(items);
    }
  }

  /** A map literal {@code {"k": v}}, entries in written order. */
  record MapLiteral(List<MapEntry> entries, int column) implements Expr {
    /** Creates a map; {@code entries} is copied. */
    public MapLiteral {
      entries = List.copyOf(entries);
    }
  }

  /** One entry of a map literal. */
  record MapEntry(String key, Expr value) {}

  /** Arithmetic: {@code left op right} with op one of + - * /. */
  record Math(Expr left, char operator, Expr right, int column) implements Expr {}
}
