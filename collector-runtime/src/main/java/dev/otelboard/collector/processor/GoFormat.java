package dev.otelboard.collector.processor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's fmt.Sprintf for OTTL's Format converter, for the verbs the sandbox runs: %s %v %d %f %t
 * %x %X and %%, with the flags '-' and '0', a width and a precision. A value of the wrong type
 * prints as Go prints it ({@code %!d(string=abc)}); missing and extra arguments too, and a
 * width or precision too long for Go ({@code %!(NOVERB)}, the rest of the format dropped).
 */
final class GoFormat {
  private static final Pattern VERB = Pattern.compile("%([-0]*)(\\d*)(?:\\.(\\d*))?([a-zA-Z%])");
  private static final String VERBS = "svdftxX%";

  private GoFormat() {}

  /** Null when the sandbox runs {@code format}, else the part it does not. */
  static String unsupported(String format) {
    int i = format.indexOf('%');
    while (i >= 0) {
      Matcher m = VERB.matcher(format);
      if (!m.find(i) || m.start() != i || VERBS.indexOf(m.group(4).charAt(0)) < 0) {
        return format.substring(i, Math.min(format.length(), i + 3));
      }
      i = format.indexOf('%', m.end());
    }
    return null;
  }

  static String sprintf(String format, List<Object> args) {
    StringBuilder out = new StringBuilder();
    Matcher m = VERB.matcher(format);
    int at = 0;
    int arg = 0;
    while (m.find(at)) {
      out.append(format, at, m.start());
      at = m.end();
      int width = number(m.group(2));
      int precision = m.group(3) == null ? -1 : number(m.group(3));
      if (width < 0 || precision < -1) {
        // Go's parsenum gives up on a number past its limit and skips to the end of the format.
        out.append("%!(NOVERB)");
        at = format.length();
        break;
      }
      char verb = m.group(4).charAt(0);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (arg >= args.size()) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      String flags = m.group(1);
      Object v = args.get(arg++);
      String body = verb(verb, v, precision < 0 ? null : precision);
      boolean numeric = body.indexOf('!') < 0 && (v instanceof Long || v instanceof Double);
      out.append(pad(body, width, flags.contains("-"), flags.contains("0") && numeric));
    }
    out.append(format.substring(at));
    if (arg < args.size()) {
      out.append("%!(EXTRA ");
      for (int i = arg; i < args.size(); i++) {
        Object extra = args.get(i);
        out.append(i > arg ? ", " : "").append(extra == null ? "<nil>"
            : type(extra) + "=" + verb('v', extra, null));
      }
      out.append(')');
    }
    return out.toString();
  }

  /**
   * A width or precision as Go's fmt reads it: it stops with -2 once the digits read so far
   * exceed 1e6 (its tooLarge), so at most a little over 1e7 is ever read.
   */
  private static int number(String digits) {
    int n = 0;
    for (int i = 0; i < digits.length(); i++) {
      if (n > 1_000_000) {
        return -2;
      }
      n = n * 10 + digits.charAt(i) - '0';
    }
    return n;
  }

  private static String verb(char verb, Object v, Integer precision) {
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      throw new OttlRuntimeException("Format of a map or list is not run by the sandbox");
    }
    if (v == null) {
      return verb == 'v' ? "<nil>" : "%!" + verb + "(<nil>)";
    }
    switch (verb) {
      case 'v' -> {
        if (v instanceof Double d) {
          return floatV(d);
        }
        if (v instanceof byte[] b) {
          return bytesV(b);
        }
        return String.valueOf(v);
      }
      case 's' -> {
        if (v instanceof String s) {
          return precision == null ? s : s.substring(0, s.offsetByCodePoints(0,
              Math.min(precision, s.codePointCount(0, s.length()))));
        }
        if (v instanceof byte[] b) {
          return new String(b, StandardCharsets.UTF_8);
        }
      }
      case 'd' -> {
        if (v instanceof Long l) {
          return String.valueOf(l);
        }
        if (v instanceof byte[] b) {
          return bytesV(b);
        }
      }
      case 'f' -> {
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
          return new BigDecimal(d).setScale(precision == null ? 6 : precision,
              RoundingMode.HALF_EVEN).toPlainString();
        }
      }
      case 't' -> {
        if (v instanceof Boolean b) {
          return String.valueOf(b);
        }
      }
      default -> {
        boolean upper = verb == 'X';
        String hex = null;
        if (v instanceof String s) {
          hex = HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof byte[] b) {
          hex = HexFormat.of().formatHex(b);
        } else if (v instanceof Long l) {
          hex = l < 0 ? "-" + Long.toHexString(-l) : Long.toHexString(l);
        }
        if (hex != null) {
          return upper ? hex.toUpperCase(java.util.Locale.ROOT) : hex;
        }
      }
    }
    return "%!" + verb + "(" + type(v) + "=" + verb('v', v, null) + ")";
  }

  /** %v of a float64: %g with the shortest digits, an exponent below 1e-4 and from 1e21. */
  private static String floatV(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-4 || abs >= 1e21)) {
      String s = GoText.formatFloat(d); // e.g. 1e-7, 1.5e+21
      int e = s.indexOf('e');
      String exp = s.substring(e + 2);
      return s.substring(0, e + 2) + (exp.length() < 2 ? "0" + exp : exp);
    }
    return GoText.formatFloat(d);
  }

  private static String bytesV(byte[] b) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < b.length; i++) {
      s.append(i > 0 ? " " : "").append(b[i] & 0xff);
    }
    return s.append(']').toString();
  }

  private static String type(Object v) {
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long) {
      return "int64";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    return v instanceof byte[] ? "[]uint8" : v.getClass().getSimpleName();
  }

  private static String pad(String s, int width, boolean left, boolean zeros) {
    int n = s.codePointCount(0, s.length());
    if (n >= width) {
      return s;
    }
    String fill = (zeros && !left ? "0" : " ").repeat(width - n);
    if (left) {
      return s + fill;
    }
    if (zeros && s.startsWith("-")) {
      return "-" + fill + s.substring(1);
    }
    return fill + s;
  }
}
