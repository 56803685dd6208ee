package dev.otelboard.cli.logconfig;

import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds {@code trace_id=%X{trace_id} span_id=%X{span_id}} to Spring Boot's {@code
 * logging.pattern.console} and {@code logging.pattern.file} in application.properties or
 * application.yml, editing only the value on its line. Values it can't edit safely (continued
 * lines, YAML block scalars) become manual items with their line.
 */
public final class SpringLoggingPatternEditor {
  /** The rewrite id its changes and manual items are reported under. */
  public static final RewriteId ID = RewriteId.SPRING_LOGGING_PATTERN;

  private static final Pattern PROPERTY =
      Pattern.compile("^(\\s*logging\\.pattern\\.(?:console|file)\\s*[=:]\\s*)(.*?)(\\s*)$");
  private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)([\\w.\\-]+)\\s*:(.*)$");

  private SpringLoggingPatternEditor() {}

  /** Edits application.properties text. */
  public static LogConfigEdit editProperties(String text) {
    List<LogConfigEdit.Change> changes = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = PROPERTY.matcher(lines[i]);
      if (!m.matches()) {
        continue;
      }
      String value = m.group(2);
      if (value.endsWith("\\")) {
        manual.add("line " + (i + 1) + ": the pattern continues on the next line: add "
            + Patterns.TRACE_FIELDS.strip() + " to it by hand");
        continue;
      }
      String edited = Patterns.withTraceFields(value);
      if (!edited.equals(value)) {
        lines[i] = m.group(1) + edited + m.group(3);
        changes.add(new LogConfigEdit.Change(i + 1, "trace_id/span_id added to "
            + m.group(1).strip().replaceAll("\\s*[=:]$", "")));
      }
    }
    return new LogConfigEdit(String.join("\n", lines), changes, manual);
  }

  /**
   * Edits application.yml text: {@code logging: pattern: console/file}, nested or dotted. A file
   * that is not valid YAML is refused with its line; an edit whose result would not parse is
   * dropped and reported instead.
   */
  public static LogConfigEdit editYaml(String text) throws ConfigParseException {
    checkYaml(text);
    LogConfigEdit edit = editYamlLines(text);
    try {
      checkYaml(edit.text());
      return edit;
    } catch (ConfigParseException e) {
      List<String> manual = new ArrayList<>(edit.manual());
      manual.add("line " + e.line() + ": adding the trace fields would make the YAML invalid: "
          + "add " + Patterns.TRACE_FIELDS.strip() + " to logging.pattern.* by hand");
      return new LogConfigEdit(text, List.of(), manual);
    }
  }

  private static void checkYaml(String text) throws ConfigParseException {
    Optional<LocatedYaml.SyntaxProblem> problem = LocatedYaml.syntaxProblem(text);
    if (problem.isPresent()) {
      throw new ConfigParseException(problem.get().line(), problem.get().what());
    }
  }

  private static LogConfigEdit editYamlLines(String text) {
    List<LogConfigEdit.Change> changes = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    List<Integer> indents = new ArrayList<>();
    List<String> path = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      if (line.startsWith("---")) {
        indents.clear();
        path.clear();
        continue;
      }
      Matcher m = YAML_KEY.matcher(line);
      if (!m.matches()) {
        continue;
      }
      int indent = m.group(1).length();
      while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
        indents.remove(indents.size() - 1);
        path.remove(path.size() - 1);
      }
      indents.add(indent);
      path.add(m.group(2));
      String key = String.join(".", path);
      if (!key.equals("logging.pattern.console") && !key.equals("logging.pattern.file")) {
        continue;
      }
      String rest = m.group(3);
      String value = rest.strip();
      if (value.startsWith("|") || value.startsWith(">") || value.isEmpty()) {
        manual.add("line " + (i + 1) + ": " + key + " is a block or multi-line value: add "
            + Patterns.TRACE_FIELDS.strip() + " to it by hand");
        continue;
      }
      String edited = editYamlScalar(value);
      if (edited == null) {
        manual.add("line " + (i + 1) + ": " + key + " has a comment or anchor otelboard does "
            + "not edit: add " + Patterns.TRACE_FIELDS.strip() + " by hand");
        continue;
      }
      if (!edited.equals(value)) {
        int at = line.length() - rest.length() + rest.indexOf(value);
        lines[i] = line.substring(0, at) + edited + line.substring(at + value.length());
        changes.add(new LogConfigEdit.Change(i + 1, "trace_id/span_id added to " + key));
      }
    }
    return new LogConfigEdit(String.join("\n", lines), changes, manual);
  }

  private static String editYamlScalar(String value) {
    char q = value.charAt(0);
    if (q == '"' || q == '\'') {
      int end = value.lastIndexOf(q);
      if (end <= 0 || !value.substring(end + 1).isBlank()) {
        return null;
      }
      return q + Patterns.withTraceFields(value.substring(1, end)) + q;
    }
    if (value.contains(" #") || value.startsWith("&") || value.startsWith("*")) {
      return null;
    }
    // Plain scalar: "%X{...}" after a space is fine in YAML; the value must not start with '%'
    // unquoted, which YAML rejects anyway.
    return Patterns.withTraceFields(value);
  }
}
