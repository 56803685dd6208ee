package dev.otelboard.cli.logconfig;

import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.config.LocatedYaml.Located;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Adds {@code trace_id=%X{trace_id} span_id=%X{span_id}} to the {@code logFormat} of each appender
 * in a Dropwizard config's {@code logging:} block ({@code logging.appenders[*]} and the appenders
 * of {@code logging.loggers.*}). Only the scalar's text changes (its quoting, the comments and the
 * rest of the file stay byte for byte); an appender without a logFormat gets one line with
 * Dropwizard's default format plus the fields. Formats it can't edit safely (block scalars, flow
 * mappings, layouts) are manual items with their line.
 */
public final class DropwizardLogFormatEditor {
  /** The rewrite id its changes and manual items are reported under. */
  public static final RewriteId ID = RewriteId.DROPWIZARD_LOGGING;

  /** The format Dropwizard 2.x uses when an appender sets none (DropwizardLayout, UTC). */
  static final String DEFAULT_FORMAT = "%-5p [%d{ISO8601,UTC}] %c: %m%n%rEx";

  private static final Pattern APPENDER =
      Pattern.compile("logging\\.(?:loggers\\..+\\.)?appenders\\[\\d+]");

  private DropwizardLogFormatEditor() {}

  /** Whether {@code text} (valid YAML) is a Dropwizard config: a top-level {@code logging:} map. */
  public static boolean isDropwizardConfig(String text) {
    if (LocatedYaml.syntaxProblem(text).isPresent()) {
      return false;
    }
    return LocatedYaml.locate(text).stream()
        .anyMatch(n -> n.path().equals("logging") && n.style() == '{');
  }

  /**
   * Edits the config text. A file that is not valid YAML is refused with its line; an edit whose
   * result would not parse to the intended formats is dropped and reported instead.
   */
  public static LogConfigEdit edit(String text) throws ConfigParseException {
    Optional<LocatedYaml.SyntaxProblem> problem = LocatedYaml.syntaxProblem(text);
    if (problem.isPresent()) {
      throw new ConfigParseException(problem.get().line(), problem.get().what());
    }
    List<Located> nodes = LocatedYaml.locate(text);
    Map<String, Located> byPath = new HashMap<>();
    nodes.forEach(n -> byPath.put(n.path(), n));
    List<Splice> splices = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    Map<String, String> expected = new HashMap<>();
    for (Located appender : nodes) {
      if (!APPENDER.matcher(appender.path()).matches()) {
        continue;
      }
      String path = appender.path();
      Located format = byPath.get(path + ".logFormat");
      if (appender.style() != '{' || text.charAt(appender.start()) == '{') {
        manual.add("line " + appender.line() + ": " + path + " is not a block mapping: give it "
            + "a logFormat with " + Patterns.TRACE_FIELDS.strip() + " by hand");
      } else if (byPath.containsKey(path + ".layout")) {
        manual.add("line " + appender.line() + ": " + path + " has a layout, which ignores "
            + "logFormat: make the layout print the MDC keys trace_id and span_id");
      } else if (format == null && byPath.get(path + ".type") == null) {
        manual.add("line " + appender.line() + ": " + path + " has no type: give it a "
            + "logFormat with " + Patterns.TRACE_FIELDS.strip() + " by hand");
      } else if (format == null) {
        // A line of its own after the type, indented like it.
        Located type = byPath.get(path + ".type");
        String line = " ".repeat(appender.column())
            + "logFormat: \"" + Patterns.withTraceFields(DEFAULT_FORMAT) + "\"";
        int at = text.indexOf('\n', type.end());
        at = at < 0 ? text.length() : at + 1;
        String nl = at == text.length() && !text.endsWith("\n") ? "\n" : "";
        splices.add(new Splice(at, at, nl + line + "\n", type.line(),
            "logFormat with trace_id/span_id added to " + path + " (Dropwizard's default)"));
        expected.put(path + ".logFormat", Patterns.withTraceFields(DEFAULT_FORMAT));
      } else if (format.value() == null || Patterns.hasTraceId(format.value())) {
        continue;
      } else if (format.style() == '|' || format.style() == '>') {
        manual.add("line " + format.line() + ": " + path + ".logFormat is a block scalar: add "
            + Patterns.TRACE_FIELDS.strip() + " to it by hand");
      } else {
        boolean quoted = format.style() == '"' || format.style() == '\'';
        int from = format.start() + (quoted ? 1 : 0);
        int to = format.end() - (quoted ? 1 : 0);
        splices.add(new Splice(from, to, Patterns.withTraceFields(text.substring(from, to)),
            format.line() - 1, "trace_id/span_id added to " + path + ".logFormat"));
        expected.put(path + ".logFormat", Patterns.withTraceFields(format.value()));
      }
    }
    Located logging = byPath.get("logging");
    if (logging != null && !byPath.containsKey("logging.appenders")) {
      manual.add("line " + logging.line() + ": logging has no appenders, so Dropwizard's default "
          + "console appender prints no trace ids: add appenders: [{type: console, logFormat: \""
          + Patterns.withTraceFields(DEFAULT_FORMAT) + "\"}]");
    }
    return apply(text, splices, manual, expected);
  }

  /**
   * Replaces text[start, end) by {@code with}; {@code afterLine} is the 1-based line the change
   * lands after (its own line minus one for an in-place edit).
   */
  private record Splice(int start, int end, String with, int afterLine, String what) {}

  private static LogConfigEdit apply(String text, List<Splice> splices, List<String> manual,
      Map<String, String> expected) {
    StringBuilder out = new StringBuilder(text);
    for (int i = splices.size() - 1; i >= 0; i--) {
      Splice s = splices.get(i);
      out.replace(s.start(), s.end(), s.with());
    }
    String edited = out.toString();
    if (!producesExpected(edited, expected)) {
      List<String> items = new ArrayList<>(manual);
      items.add("line " + splices.get(0).afterLine() + ": adding the trace fields would change "
          + "more than the logFormat values: add " + Patterns.TRACE_FIELDS.strip() + " to each "
          + "logging.appenders[*].logFormat by hand");
      return new LogConfigEdit(text, List.of(), items);
    }
    List<LogConfigEdit.Change> changes = new ArrayList<>();
    int shift = 0;
    for (Splice s : splices) {
      changes.add(new LogConfigEdit.Change(s.afterLine() + 1 + shift, s.what()));
      shift += (int) s.with().chars().filter(c -> c == '\n').count();
    }
    return new LogConfigEdit(edited, changes, manual);
  }

  private static boolean producesExpected(String edited, Map<String, String> expected) {
    if (expected.isEmpty()) {
      return true;
    }
    if (LocatedYaml.syntaxProblem(edited).isPresent()) {
      return false;
    }
    Map<String, String> values = new HashMap<>();
    for (Located n : LocatedYaml.locate(edited)) {
      if (n.value() != null) {
        values.put(n.path(), n.value());
      }
    }
    return expected.entrySet().stream()
        .allMatch(e -> e.getValue().equals(values.get(e.getKey())));
  }
}
