package dev.otelboard.cli.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Collects every error found while reading a config file, each as {@code file:line: key.path:
 * what}, so one run reports them all (the collector's confmap habit).
 */
final class ConfigProblems {
  private final LocatedYaml doc;
  private final List<String> messages = new ArrayList<>();

  ConfigProblems(LocatedYaml doc) {
    this.doc = doc;
  }

  void add(String path, String message) {
    messages.add(doc.locate(path, message));
  }

  List<String> messages() {
    return List.copyOf(messages);
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  // ---- typed access -------------------------------------------------------------------------

  /** {@code value} as a map, or null (with a problem) when it is something else. */
  @SuppressWarnings("unchecked")
  java.util.Map<String, Object> map(Object value, String path) {
    if (value == null) {
      return java.util.Map.of();
    }
    if (value instanceof java.util.Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (!(k instanceof String)) {
          add(path, "keys must be strings, got " + k);
          return java.util.Map.of();
        }
      }
      return (java.util.Map<String, Object>) m;
    }
    add(path, "must be a map");
    return java.util.Map.of();
  }

  /** Flags keys of {@code map} outside {@code allowed}, with a did-you-mean. */
  void onlyKeys(java.util.Map<String, Object> map, String path, Set<String> allowed) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        add(child(path, key), "unknown key" + suggest(key, allowed) + "; known: "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  String string(java.util.Map<String, Object> map, String key, String path, String fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    add(child(path, key), "must be a string");
    return fallback;
  }

  boolean bool(java.util.Map<String, Object> map, String key, String path, boolean fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    add(child(path, key), "must be true or false");
    return fallback;
  }

  List<String> strings(java.util.Map<String, Object> map, String key, String path,
      List<String> fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof List<?> list)) {
      add(child(path, key), "must be a list of strings");
      return fallback;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof String s) {
        out.add(s);
      } else {
        add(child(path, key) + "[" + i + "]", "must be a string");
      }
    }
    return out;
  }

  List<Object> list(Object value, String path) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    add(path, "must be a list");
    return List.of();
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String suggest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= 2) {
      return " (did you mean " + best + "?)";
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    for (String c : candidates.stream().sorted().toList()) {
      String cl = c.toLowerCase(java.util.Locale.ROOT);
      int common = 0;
      while (common < Math.min(lower.length(), cl.length())
          && lower.charAt(common) == cl.charAt(common)) {
        common++;
      }
      if (common >= 4 && common * 4 >= lower.length() * 3) {
        return " (did you mean " + c + "?)";
      }
    }
    return "";
  }

  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
      }
    }
    return d[a.length()][b.length()];
  }
}
