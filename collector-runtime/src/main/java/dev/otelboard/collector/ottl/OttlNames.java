package dev.otelboard.collector.ottl;

import java.util.Collection;

/** Names in messages: argument-name spelling and "did you mean" suggestions. */
final class OttlNames {
  private OttlNames() {}

  /** camelCase or snake_case argument names compare as snake_case. */
  static String snake(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** An argument name as the collector matches it (strcase.ToCamel): no case, no '_'. */
  static String loose(String name) {
    return name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** "; did you mean X?" for the closest candidate within edit distance 2, else "". */
  static String suggest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null
          && (c.length() < best.length() || (c.length() == best.length() && c.compareTo(best) < 0)))) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 4)
        ? "; did you mean " + best + "?" : "";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
