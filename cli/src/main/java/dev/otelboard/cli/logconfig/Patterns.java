package dev.otelboard.cli.logconfig;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Adds trace_id/span_id to a Logback or Log4j2 pattern layout string. */
final class Patterns {
  static final String TRACE_FIELDS = "trace_id=%X{trace_id} span_id=%X{span_id} ";

  private static final Pattern MESSAGE =
      Pattern.compile("%-?\\d*(?:\\.-?\\d+)?(?:msg|message|m)(?![a-zA-Z])");

  private Patterns() {}

  /** Whether the pattern already prints a trace id. */
  static boolean hasTraceId(String pattern) {
    return pattern.contains("trace_id")
        || pattern.contains("traceId")
        || pattern.contains("trace.id")
        || pattern.contains("dd.trace_id");
  }

  /** The pattern with the trace fields before the message conversion word, or at the end. */
  static String withTraceFields(String pattern) {
    if (hasTraceId(pattern)) {
      return pattern;
    }
    Matcher m = MESSAGE.matcher(pattern);
    if (m.find()) {
      return pattern.substring(0, m.start()) + TRACE_FIELDS + pattern.substring(m.start());
    }
    int newline = pattern.lastIndexOf("%n");
    String fields = " " + TRACE_FIELDS.strip();
    return newline >= 0
        ? pattern.substring(0, newline) + fields + pattern.substring(newline)
        : pattern + fields;
  }

  /** The 1-based line of {@code offset} in {@code text}. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
