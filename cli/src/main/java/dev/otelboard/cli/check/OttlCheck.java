package dev.otelboard.cli.check;

import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.check.CheckItem.Outcome;
import dev.otelboard.cli.ottl.OttlFileCheck;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OTTL checks of one YAML file through {@link OttlFileCheck}: each invalid statement or
 * condition is a failure named by its key path (which holds the statement's index) with the
 * column; a file without problems is one passing check.
 */
final class OttlCheck {
  /** What follows {@code file:} in OttlFileCheck's problems: line, key path, column, message. */
  private static final Pattern PROBLEM =
      Pattern.compile("(?:(\\d+): )?(\\S+): (?:column (\\d+): )?(.*)", Pattern.DOTALL);

  private OttlCheck() {}

  static List<CheckItem> check(Path file, Path root) {
    if (!Files.isRegularFile(file)) {
      throw OtelboardException.badInput(file, 0, "no such OTTL file");
    }
    List<String> problems;
    try {
      problems = OttlFileCheck.check(file);
    } catch (UncheckedIOException e) {
      throw OtelboardException.badInput(file, 0, "cannot read: " + e.getCause().getMessage());
    }
    String uri = Checker.display(file, root);
    List<CheckItem> items = new ArrayList<>();
    if (problems.isEmpty()) {
      items.add(new CheckItem(CheckCategory.OTTL, "ottl.valid", uri, Outcome.PASSED, "error",
          "every transform and filter statement in " + uri + " is valid", uri, 0, 0, "", null,
          Map.of()));
    }
    String prefix = file + ":";
    for (String problem : problems) {
      String rest = (problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem).strip();
      Matcher m = PROBLEM.matcher(rest);
      int line = 0;
      int column = 0;
      String path = "";
      String what = rest;
      if (m.matches()) {
        line = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        path = m.group(2);
        column = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        what = m.group(4);
      }
      String at = uri + (line > 0 ? ":" + line : "");
      items.add(new CheckItem(CheckCategory.OTTL, "ottl.invalid-statement",
          path.isEmpty() ? at : path, Outcome.FAILED, "error",
          "invalid OTTL at " + at + ": " + (path.isEmpty() ? "" : path + ": ")
              + (column > 0 ? "column " + column + ": " : "") + what,
          uri, line, 0, "", null, properties(path, column)));
    }
    return items;
  }

  /** The statement's column is within the OTTL string, not the file: a property, not a region. */
  private static Map<String, Object> properties(String path, int column) {
    Map<String, Object> p = new java.util.LinkedHashMap<>();
    if (!path.isEmpty()) {
      p.put("keyPath", path);
    }
    if (column > 0) {
      p.put("statementColumn", column);
    }
    return p;
  }
}
