package dev.otelboard.cli.generate;

import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.fleet.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything otelboard checks in a Helm values file: the chart's schema (when a copy of
 * values.schema.json is at hand), the collector configuration the chart will render, OTTL, and
 * inlined credentials. Used on generated output before it is written, and by
 * {@code otelboard generate helm --validate FILE} on hand-edited files.
 */
public final class ValuesCheck {
  private ValuesCheck() {}

  /**
   * The findings for one values file.
   *
   * @param findings everything found, schema problems first
   * @param schemaChecked whether the chart schema was applied
   */
  public record Report(List<Finding> findings, boolean schemaChecked) {
    /** Creates a report; findings are copied. */
    public Report {
      findings = List.copyOf(findings);
    }

    /** Whether any finding is an error. */
    public boolean hasErrors() {
      return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
    }

    /** Each finding as {@code file:line: path: message}, errors and warnings labelled. */
    public List<String> describe(LocatedYaml doc) {
      List<String> out = new ArrayList<>();
      for (Finding f : findings) {
        String label = f.severity() == Finding.Severity.WARNING ? "warning: " : "";
        out.add(doc.locate(f.path(), label + f.message()
            + (f.schemaPath() != null ? " (schema: " + f.schemaPath() + ")" : "")));
      }
      return out;
    }
  }

  /** Checks {@code doc} (already parsed from {@code text}); {@code schema} may be null. */
  public static Report check(LocatedYaml doc, String text, ChartSchema schema) {
    List<Finding> findings = new ArrayList<>();
    Map<String, Object> values = CollectorConfigChecker.map(doc.root());
    if (!(doc.root() instanceof Map<?, ?>)) {
      findings.add(Finding.error("", "a values file must be a YAML map"));
      return new Report(findings, false);
    }
    if (schema != null) {
      findings.addAll(schema.validate(values));
    }
    findings.addAll(CollectorConfigChecker.check(values));
    for (SecretScanner.Finding s : SecretScanner.scan(text)) {
      findings.add(Finding.error(pathAtLine(doc, s.line()), "line " + s.line() + ": "
          + s.reason()));
    }
    return new Report(findings, schema != null);
  }

  private static String pathAtLine(LocatedYaml doc, int line) {
    String best = "";
    for (Map.Entry<String, Integer> e : doc.lines().entrySet()) {
      if (e.getValue() == line && e.getKey().length() > best.length()) {
        best = e.getKey();
      }
    }
    return best;
  }
}
