package dev.otelboard.cli.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The basics of .gitignore: comments, blank lines, negation, directory-only patterns, anchored
 * patterns, {@code *}, {@code ?}, {@code [...]} and {@code **}. Files in nested directories add
 * their own rules; the last matching rule wins. (Not supported: re-including a file whose
 * directory is ignored, which git does not do either, and core.excludesFile.)
 */
final class GitIgnore {
  private record Rule(Pattern pattern, boolean negated, boolean directoryOnly, boolean anchored) {}

  /** Rules by the directory of their .gitignore, relative to the root ("" for the root). */
  private final Map<String, List<Rule>> rules = new HashMap<>();

  /** Adds the rules of the .gitignore in {@code directory} (relative, "" for the root). */
  void add(String directory, String text) {
    List<Rule> list = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      line = stripTrailingSpaces(line);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negated = line.startsWith("!");
      if (negated) {
        line = line.substring(1);
      }
      if (line.startsWith("\\#") || line.startsWith("\\!")) {
        line = line.substring(1);
      }
      boolean directoryOnly = line.endsWith("/");
      if (directoryOnly) {
        line = line.substring(0, line.length() - 1);
      }
      boolean anchored = line.contains("/");
      if (line.startsWith("/")) {
        line = line.substring(1);
      }
      if (line.isEmpty()) {
        continue;
      }
      list.add(new Rule(Pattern.compile(toRegex(line)), negated, directoryOnly, anchored));
    }
    if (!list.isEmpty()) {
      rules.computeIfAbsent(directory, d -> new ArrayList<>()).addAll(list);
    }
  }

  /** Whether {@code path} (relative to the root, '/' separators) is ignored. */
  boolean ignores(String path, boolean directory) {
    if (rules.isEmpty()) {
      return false;
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    boolean ignored = false;
    // Ancestor directories from the root down, so deeper .gitignore files win.
    int from = -1;
    while (true) {
      String base = from < 0 ? "" : path.substring(0, from);
      List<Rule> list = rules.get(base);
      if (list != null) {
        String relative = base.isEmpty() ? path : path.substring(base.length() + 1);
        for (Rule r : list) {
          if (r.directoryOnly() && !directory) {
            continue;
          }
          boolean matches = r.anchored()
              ? r.pattern().matcher(relative).matches()
              : r.pattern().matcher(name).matches();
          if (matches) {
            ignored = !r.negated();
          }
        }
      }
      int next = path.indexOf('/', from + 1);
      if (next < 0) {
        break;
      }
      from = next;
    }
    return ignored;
  }

  static String toRegex(String glob) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
        if (doubleStar) {
          boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
          if (slashAfter) {
            b.append("(?:.*/)?");
            i += 2;
          } else {
            b.append(".*");
            i += 1;
          }
        } else {
          b.append("[^/]*");
        }
      } else if (c == '?') {
        b.append("[^/]");
      } else if (c == '[') {
        int close = glob.indexOf(']', i + 1);
        if (close < 0) {
          b.append("\\[");
        } else {
          String set = glob.substring(i + 1, close);
          if (set.startsWith("!")) {
            set = "^" + set.substring(1);
          }
          b.append('[').append(set.replace("\\", "\\\\")).append(']');
          i = close;
        }
      } else if (c == '\\' && i + 1 < glob.length()) {
        b.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return b.toString();
  }

  private static String stripTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
      end--;
    }
    return line.substring(0, end);
  }
}
