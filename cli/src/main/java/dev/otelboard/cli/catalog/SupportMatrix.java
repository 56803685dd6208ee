package dev.otelboard.cli.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The support matrix of docs/onboard.md: one row per catalog library, generated between two
 * marker comments so that the doc can't drift from the catalog or the runtime fixtures
 * (SupportMatrixTest scans the fixtures for {@code verifiedBy} and compares).
 */
final class SupportMatrix {
  static final String BEGIN =
      "<!-- support matrix: generated from LibraryCatalog by SupportMatrixTest; edit the catalog,"
          + " not this table -->";
  static final String END = "<!-- end of support matrix -->";

  /** A column of the table. */
  private record Column(String header, Function<Library, String> cell) {}

  private SupportMatrix() {}

  /**
   * The markdown table, one line per row, ending with a newline.
   *
   * @param verifiedBy by library id, the runtime fixtures (examples/matrix/) whose services use
   *     it; a library with none gets "—"
   */
  static String table(Map<String, List<String>> verifiedBy) {
    List<Column> columns =
        List.of(
            new Column("library", Library::name),
            new Column("kind", l -> l.category().title()),
            new Column("found in code by", SupportMatrix::code),
            new Column("found in the build by", SupportMatrix::build),
            new Column("what onboard does", SupportMatrix::onboarding),
            new Column("verified by fixture", l -> String.join(", ",
                verifiedBy.getOrDefault(l.id(), List.of("—")))));
    StringBuilder out = new StringBuilder();
    row(out, columns.stream().map(Column::header).toList());
    row(out, columns.stream().map(c -> "---").toList());
    for (Library library : LibraryCatalog.all()) {
      row(out, columns.stream().map(c -> c.cell().apply(library)).toList());
    }
    return out.toString();
  }

  /** What {@code document} holds between the markers (the table, as last generated). */
  static String current(String document) {
    int[] span = span(document);
    return document.substring(span[0], span[1]);
  }

  /** {@code document} with the text between the markers replaced by {@link #table}. */
  static String render(String document, Map<String, List<String>> verifiedBy) {
    int[] span = span(document);
    return document.substring(0, span[0]) + table(verifiedBy) + document.substring(span[1]);
  }

  private static int[] span(String document) {
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("no support matrix markers: " + BEGIN + " ... " + END);
    }
    return new int[] {begin + BEGIN.length() + 1, end};
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    out.append('\n');
  }

  /**
   * Its types by package (packages with the same names share a group: javax and jakarta), Lombok
   * annotations with their {@code @}, then its import prefixes.
   */
  private static String code(Library library) {
    Map<String, List<String>> namesByPackage = new LinkedHashMap<>();
    for (JavaType type : library.types()) {
      String simple = withoutPackage(type.name());
      namesByPackage
          .computeIfAbsent(type.name().substring(0, type.name().length() - simple.length() - 1),
              p -> new ArrayList<>())
          .add(type.role() == JavaType.Role.LOMBOK_LOGGER ? "@" + simple : simple);
    }
    Map<List<String>, List<String>> packagesByNames = new LinkedHashMap<>();
    namesByPackage.forEach(
        (pkg, names) -> packagesByNames.computeIfAbsent(names, n -> new ArrayList<>()).add(pkg));
    List<String> parts = new ArrayList<>();
    packagesByNames.forEach((names, packages) -> parts.add(
        quoted(packages) + ": " + String.join(", ", names)));
    if (!library.packages().isEmpty()) {
      parts.add("imports of " + quoted(library.packages().stream()
          .map(p -> p.endsWith(".") ? p.substring(0, p.length() - 1) : p)
          .toList()));
    }
    return parts.isEmpty() ? "—" : String.join("; ", parts);
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }

  private static String build(Library library) {
    if (library.coordinates().isEmpty()) {
      return "—";
    }
    return quoted(library.coordinates().stream().map(Coordinates::toString).toList());
  }

  private static String onboarding(Library library) {
    Onboarding onboarding = library.onboarding();
    String what = switch (onboarding.rewrite()) {
      case Onboarding.MANUAL -> "manual";
      case Onboarding.NONE -> "nothing to change";
      default -> "`" + onboarding.rewrite() + "`";
    };
    if (!onboarding.artifacts().isEmpty()) {
      what += " adds " + String.join(", ", onboarding.artifacts().stream()
          .map(a -> "`" + a.artifactId() + "`" + (a.runtime() ? " (runtime)" : ""))
          .toList());
    }
    return onboarding.note().isEmpty() ? what : what + ": " + onboarding.note();
  }

  /** {@code io.helidon.webserver.Routing.Builder} to {@code Routing.Builder}. */
  private static String withoutPackage(String name) {
    String[] segments = name.split("\\.");
    int first = 0;
    while (first < segments.length - 1 && !Character.isUpperCase(segments[first].charAt(0))) {
      first++;
    }
    return String.join(".", List.of(segments).subList(first, segments.length));
  }
}
