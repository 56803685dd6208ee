package dev.otelboard.cli.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collects every error found while reading a config file, each as {@code file:line: key.path:
 * what}, so one run reports them all (the collector's confmap habit).
 */
public final class ConfigProblems {
  private final LocatedYaml doc;
  private final List<String> messages = new ArrayList<>();
  private int firstLine;

  /** Problems of {@code doc}, located by its key paths. */
  public ConfigProblems(LocatedYaml doc) {
    this.doc = doc;
  }

  /** Records a problem at {@code path}. */
  public void add(String path, String message) {
    if (messages.isEmpty()) {
      firstLine = doc.line(path);
    }
    messages.add(doc.locate(path, message));
  }

  /** Every problem as {@code file:line: path: message}, in the order found. */
  public List<String> messages() {
    return List.copyOf(messages);
  }

  /** Whether nothing was found. */
  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /** The line of the first problem's key path, for a one-line {@code file:line} error; 0 if none. */
  public int firstLine() {
    return firstLine;
  }

  // ---- typed access -------------------------------------------------------------------------

  /** {@code value} as a map, or null (with a problem) when it is something else. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(Object value, String path) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (!(k instanceof String)) {
          add(path, "keys must be strings, got " + k);
          return Map.of();
        }
      }
      return (Map<String, Object>) m;
    }
    add(path, "must be a mapping");
    return Map.of();
  }

  /** Flags keys of {@code map} outside {@code allowed}, with a did-you-mean. */
  public void onlyKeys(Map<String, Object> map, String path, Set<String> allowed) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        add(child(path, key), "unknown key" + suggest(key, allowed) + "; known: "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  public String string(Map<String, Object> map, String key, String path, String fallback) {
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

  public boolean bool(Map<String, Object> map, String key, String path, boolean fallback) {
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

  public List<String> strings(Map<String, Object> map, String key, String path,
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

  /** {@code value} as a non-blank string (numbers and booleans as written), or null with a problem. */
  public String requiredString(Object value, String path) {
    if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
      add(path, "must be a string");
      return null;
    }
    String s = String.valueOf(value);
    if (s.isBlank()) {
      add(path, "must not be empty");
      return null;
    }
    return s;
  }

  /** {@code value} as a duration such as {@code 30s} or {@code 500ms}; {@code fallback} when absent. */
  public Duration duration(Object value, String path, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      Duration d = Durations.parse(String.valueOf(value));
      if (d.isZero() || d.isNegative()) {
        add(path, "must be longer than 0");
      }
      return d;
    } catch (IllegalArgumentException e) {
      add(path, e.getMessage());
      return fallback;
    }
  }

  public List<Object> list(Object value, String path) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    add(path, "must be a list");
    return List.of();
  }

  public static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public static String suggest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= 2) {
      return " (did you mean " + best + "?)";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String c : candidates.stream().sorted().toList()) {
      String cl = c.toLowerCase(Locale.ROOT);
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
