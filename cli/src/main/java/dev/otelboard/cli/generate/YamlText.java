package dev.otelboard.cli.generate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a string as a YAML scalar that reads back as exactly that string: plain when that is
 * unambiguous, otherwise single-quoted (where a backslash is just a backslash, so OTTL regexes
 * like {@code "^\\s*\\{"} reach the collector untouched).
 */
final class YamlText {
  private static final Pattern PLAIN = Pattern.compile("(?:[A-Za-z0-9_/.]|\\$\\{)[A-Za-z0-9_./:{}$-]*");
  private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(\\.?[0-9][0-9_.eE+-]*|\\.inf|\\.nan)",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true",
      "false", "null", "~");

  private YamlText() {}

  static String scalar(String s) {
    if (s.isEmpty()) {
      return "''";
    }
    boolean plain = PLAIN.matcher(s).matches()
        && !s.endsWith(":")
        && !NUMBER_LIKE.matcher(s).matches()
        && !RESERVED.contains(s.toLowerCase(Locale.ROOT))
        && (!s.contains("{") || s.startsWith("${"));
    return plain ? s : "'" + s.replace("'", "''") + "'";
  }
}
