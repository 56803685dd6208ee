package dev.otelboard.collector.ottl;

/** OTTL's literal tokens turned into values, with the rules the collector's lexer applies. */
final class OttlLiterals {
  private OttlLiterals() {}

  /**
   * Checks every string token up front: participle unquotes strings in the lexer, so an invalid
   * escape fails the whole text at that token, before any grammar rule runs.
   */
  static void checkStrings(java.util.List<Token> tokens) {
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.STRING) {
        unquote(t);
      }
    }
  }

  /** Go's strconv.Unquote for a double-quoted literal, as participle.Unquote applies it. */
  static String unquote(Token t) {
    String lit = t.text();
    StringBuilder b = new StringBuilder(lit.length());
    int end = lit.length() - 1;
    for (int i = 1; i < end; i++) {
      char c = lit.charAt(i);
      if (c == '\n') {
        throw new OttlSyntaxException(t.column(), "newline in string literal");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      int at = t.column();
      char e = lit.charAt(++i);
      switch (e) {
        case 'a' -> b.append('\u0007');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'v' -> b.append('\u000b');
        case '\\' -> b.append('\\');
        case '"' -> b.append('"');
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + digits >= end + 1 || !isHex(lit, i + 1, digits)) {
            throw new OttlSyntaxException(at, "invalid escape \\" + e + " in string literal: needs "
                + digits + " hex digits");
          }
          b.appendCodePoint(Integer.parseInt(lit.substring(i + 1, i + 1 + digits), 16));
          i += digits;
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 2 >= end || !isOctal(lit, i, 3)) {
            throw new OttlSyntaxException(at, "invalid octal escape in string literal: needs 3 digits");
          }
          int v = Integer.parseInt(lit.substring(i, i + 3), 8);
          if (v > 255) {
            throw new OttlSyntaxException(at, "octal escape value > 255 in string literal");
          }
          b.append((char) v);
          i += 2;
        }
        default -> throw new OttlSyntaxException(at, "invalid escape \\" + e
            + " in string literal; write \\\\" + e + " for a literal backslash (e.g. regex \"\\\\d\")");
      }
    }
    return b.toString();
  }

  /** Whether an unsigned decimal integer fits in a Go int64. */
  static boolean fitsLong(String digits) {
    try {
      Long.parseLong(digits);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isHex(String s, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOctal(String s, int from, int count) {
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return true;
  }

}
