package dev.otelboard.collector.processor;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values written as the collector's Go code writes them: floats as strconv/encoding/json do
 * (shortest round-trip digits, exponent only below 1e-6 or from 1e21), and JSON as
 * encoding/json marshals pdata's raw maps (keys sorted, bytes in base64, HTML characters escaped
 * by json.Marshal but not by pcommon.Value.AsString).
 */
final class GoText {
  private GoText() {}

  /** pcommon's float64AsString / json.Marshal of a float64. */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d) < 0 ? "-0" : "0";
    }
    double abs = Math.abs(d);
    BigDecimal shortest = shortest(d);
    if (abs < 1e-6 || abs >= 1e21) {
      String digits = shortest.unscaledValue().abs().toString().replaceFirst("0+$", "");
      if (digits.isEmpty()) {
        digits = "0";
      }
      int exponent = shortest.precision() - shortest.scale() - 1;
      StringBuilder b = new StringBuilder(d < 0 ? "-" : "").append(digits.charAt(0));
      if (digits.length() > 1) {
        b.append('.').append(digits, 1, digits.length());
      }
      return b.append('e').append(exponent < 0 ? "-" : "+").append(Math.abs(exponent)).toString();
    }
    return shortest.stripTrailingZeros().toPlainString();
  }

  /** strconv.FormatFloat(d, 'f', -1, 64): the shortest digits that read back as {@code d}. */
  private static BigDecimal shortest(double d) {
    for (int p = 0; p < 17; p++) {
      String s = String.format(java.util.Locale.ROOT, "%." + p + "e", d);
      if (Double.parseDouble(s) == d) {
        return new BigDecimal(s);
      }
    }
    return new BigDecimal(d);
  }

  /** json.Marshal of a raw value; {@code escapeHtml} as json.Marshal, false as AsString. */
  static String json(Object v, boolean escapeHtml) {
    StringBuilder b = new StringBuilder();
    write(b, v, escapeHtml);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v, boolean html) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      quote(b, s, html);
    } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
      b.append(v);
    } else if (v instanceof Double d) {
      b.append(formatFloat(d));
    } else if (v instanceof byte[] bytes) {
      b.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        quote(b, String.valueOf(e.getKey()), html);
        b.append(':');
        write(b, e.getValue(), html);
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(b, l.get(i), html);
      }
      b.append(']');
    } else {
      quote(b, String.valueOf(v), html);
    }
  }

  private static void quote(StringBuilder b, String s, boolean html) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029'
              || (html && (c == '<' || c == '>' || c == '&'))) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
