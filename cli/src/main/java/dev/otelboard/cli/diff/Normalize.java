package dev.otelboard.cli.diff;

import java.util.Locale;
import java.util.Set;

/**
 * The normalizations that let two runs be matched by shape: ids never repeat across runs, so
 * whatever looks like one (a number, a UUID, a token with digits in it) becomes a placeholder.
 * Path segments become {@code {id}}, words in span names and log messages {@code {}} (the SLF4J
 * placeholder, so a message template reads like the logging call that wrote it).
 */
final class Normalize {
  /** The placeholder of a path segment that is an id. */
  static final String ID = "{id}";
  /** The placeholder of a word with digits in a span name or log message. */
  static final String ARG = "{}";
  /** Longest message template kept; longer ones are cut (the start tells them apart). */
  static final int MAX_TEMPLATE = 160;

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "_OTHER");

  private Normalize() {}

  /**
   * A URL path, a full URL or a route as a path template: no scheme, host, query or fragment;
   * route parameters ({@code {sku}}, {@code :sku}) and segments that are ids ({@code 123}, {@code
   * ord-1001}, UUIDs, long tokens) become {@code {id}}; no trailing slash. Version segments ({@code
   * v2}) stay. {@code /orders/ord-1001?x=1} and the route {@code /orders/{orderId}} are both {@code
   * /orders/{id}}.
   */
  static String path(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "/";
    }
    String s = raw;
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      int slash = s.indexOf('/', scheme + 3);
      s = slash < 0 ? "/" : s.substring(slash);
    }
    int cut = firstOf(s, '?', '#');
    if (cut >= 0) {
      s = s.substring(0, cut);
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    int i = 0;
    while (i < s.length()) {
      int next = s.indexOf('/', i);
      int end = next < 0 ? s.length() : next;
      if (end > i) {
        out.append('/').append(segment(s.substring(i, end)));
      }
      i = end + 1;
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private static String segment(String seg) {
    if (seg.length() >= 2 && seg.charAt(0) == '{' && seg.charAt(seg.length() - 1) == '}') {
      return ID;
    }
    if (seg.length() >= 2 && seg.charAt(0) == ':') {
      return ID;
    }
    if (isVersion(seg)) {
      return seg;
    }
    if (hasDigit(seg)) {
      return ID;
    }
    if (seg.length() >= 20 && isToken(seg)) {
      return ID;
    }
    return seg;
  }

  /**
   * A span name as a shape: {@code METHOD /path} names (HTTP spans named before the stable
   * conventions, or by hand) get their path normalized; elsewhere words with digits become
   * {@code {}}.
   */
  static String name(String name) {
    if (name == null || name.isEmpty()) {
      return "(no name)";
    }
    int space = name.indexOf(' ');
    if (space > 0 && space + 1 < name.length() && name.charAt(space + 1) == '/'
        && METHODS.contains(name.substring(0, space).toUpperCase(Locale.ROOT))
        && name.indexOf(' ', space + 1) < 0) {
      return name.substring(0, space).toUpperCase(Locale.ROOT) + " " + path(name.substring(space + 1));
    }
    return words(name, 200);
  }

  /**
   * A log message as its template: every word holding a digit (numbers, ids, UUIDs, durations like
   * {@code 12ms}, addresses) becomes {@code {}}, whitespace runs become one space, and the result
   * is cut at {@value #MAX_TEMPLATE} characters.
   */
  static String template(String body) {
    if (body == null || body.isEmpty()) {
      return "(empty)";
    }
    return words(body, MAX_TEMPLATE);
  }

  /** {@code 2xx} for {@code 204}; empty for an empty or unreadable code. */
  static String statusClass(String code) {
    if (code == null || code.isEmpty()) {
      return "";
    }
    char c = code.charAt(0);
    return c >= '1' && c <= '5' ? c + "xx" : "";
  }

  /** The upper-case HTTP method, {@code _OTHER} for unknown ones, empty for none. */
  static String method(String method) {
    if (method == null || method.isEmpty()) {
      return "";
    }
    String m = method.toUpperCase(Locale.ROOT);
    return METHODS.contains(m) ? m : "_OTHER";
  }

  private static String words(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    int i = 0;
    int n = text.length();
    boolean space = false;
    while (i < n && out.length() < max) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
        i++;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      // A word starts with a letter, digit or _; - . : / only join its parts (12:30, ABC-1, 10.0.0.7).
      if (!Character.isLetterOrDigit(c) && c != '_') {
        out.append(c);
        i++;
        continue;
      }
      int start = i;
      boolean digit = false;
      while (i < n && isWordChar(text.charAt(i))) {
        digit |= Character.isDigit(text.charAt(i));
        i++;
      }
      if (digit || (i - start >= 20 && isToken(text.substring(start, i)))) {
        out.append(ARG);
      } else {
        out.append(text, start, i);
      }
    }
    if (out.length() > max) {
      out.setLength(max);
    }
    return out.toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '/';
  }

  private static boolean isVersion(String seg) {
    if (seg.length() < 2 || (seg.charAt(0) != 'v' && seg.charAt(0) != 'V')) {
      return false;
    }
    for (int i = 1; i < seg.length(); i++) {
      char c = seg.charAt(i);
      if (!Character.isDigit(c) && c != '.') {
        return false;
      }
    }
    return Character.isDigit(seg.charAt(1));
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A long run of letters, digits, {@code -} and {@code _} with both cases: a base64-ish id. */
  private static boolean isToken(String s) {
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isLowerCase(c)) {
        lower = true;
      } else if (!Character.isDigit(c) && c != '-' && c != '_') {
        return false;
      }
    }
    return upper && lower;
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j;
    }
    return j < 0 ? i : Math.min(i, j);
  }
}
