package dev.otelboard.collector.processor;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** Go's strconv number parsing, which is stricter than Java's (no spaces, no 'd'/'f' suffix). */
final class GoNumbers {
  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern SPECIAL = Pattern.compile("[+-]?(inf|infinity|nan)");

  private GoNumbers() {}

  /** strconv.ParseFloat(s, 64), or null where Go returns an error (syntax or range). */
  static Double parseFloat(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (SPECIAL.matcher(lower).matches()) {
      if (lower.contains("nan")) {
        return Double.NaN;
      }
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!DECIMAL_FLOAT.matcher(s).matches()) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isInfinite(d) ? null : d;
  }

  /**
   * strconv.ParseInt(s, base, 64), or null where Go returns an error. Base 0 reads a 0x / 0o / 0b
   * / 0 prefix and allows underscores between digits, as Go does.
   */
  static Long parseInt(String s, int base) {
    if (s.isEmpty() || base == 1 || base > 36) {
      return null;
    }
    String digits = s;
    boolean negative = false;
    if (digits.startsWith("+") || digits.startsWith("-")) {
      negative = digits.startsWith("-");
      digits = digits.substring(1);
    }
    int radix = base;
    if (base == 0) {
      radix = 10;
      String lower = digits.toLowerCase(Locale.ROOT);
      if (lower.startsWith("0x")) {
        radix = 16;
        digits = digits.substring(2);
      } else if (lower.startsWith("0o")) {
        radix = 8;
        digits = digits.substring(2);
      } else if (lower.startsWith("0b")) {
        radix = 2;
        digits = digits.substring(2);
      } else if (lower.startsWith("0") && lower.length() > 1) {
        radix = 8;
        digits = digits.substring(1);
      }
      if (digits.startsWith("_")) {
        digits = digits.substring(1);
      }
      if (digits.contains("__") || digits.endsWith("_")) {
        return null;
      }
      digits = digits.replace("_", "");
    }
    if (digits.isEmpty()) {
      return null;
    }
    for (char c : digits.toCharArray()) {
      if (Character.digit(c, radix) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(digits, radix);
    if (negative) {
      v = v.negate();
    }
    return v.bitLength() > 63 ? null : v.longValue();
  }
}
