package dev.otelboard.collector.processor;

import java.util.regex.Pattern;

/**
 * A glob as {@code replace_match} / {@code replace_all_matches} compile it (gobwas/glob, no
 * separators): {@code *} any run, {@code ?} one character, {@code [abc]} / {@code [!a-z]} a class,
 * {@code {a,b}} alternatives, {@code \} escapes; the whole value must match.
 */
final class GlobPattern {
  private final Pattern pattern;

  private GlobPattern(Pattern pattern) {
    this.pattern = pattern;
  }

  static GlobPattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < glob.length(); i++) {
      char ch = glob.charAt(i);
      switch (ch) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '\\' -> {
          if (++i < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
          }
        }
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            throw new OttlRuntimeException("invalid glob " + glob + ": unclosed [");
          }
          String body = glob.substring(i + 1, end);
          re.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
          i = end;
        }
        case '{' -> {
          depth++;
          re.append("(?:");
        }
        case '}' -> {
          if (depth == 0) {
            re.append("\\}");
          } else {
            depth--;
            re.append(')');
          }
        }
        case ',' -> re.append(depth > 0 ? "|" : ",");
        default -> re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    if (depth != 0) {
      throw new OttlRuntimeException("invalid glob " + glob + ": unclosed {");
    }
    return new GlobPattern(Pattern.compile(re.toString(), Pattern.DOTALL));
  }

  boolean matches(String value) {
    return pattern.matcher(value).matches();
  }
}
