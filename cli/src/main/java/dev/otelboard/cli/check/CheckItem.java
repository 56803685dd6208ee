package dev.otelboard.cli.check;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One check: a call site, a service's correlation figure, an OTTL statement, an unparseable file.
 *
 * @param category its group
 * @param ruleId the rule: a finding kind id ({@code http.client.java-net-http}), or
 *     {@code correlation.*}, {@code ottl.invalid-statement}, {@code parse.unparseable}
 * @param name a short name, unique within the category (the JUnit test case name)
 * @param outcome what the check says
 * @param severity how bad it is when not passed: {@code error} or {@code warning} (for a
 *     baselined item: what it would be without the baseline)
 * @param message one line for people
 * @param file the file it is about, relative to the checked directory with '/' separators
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param snippet the source at the location, or ""
 * @param fingerprint the baseline fingerprint of a code finding, or null
 * @param properties extra facts for SARIF (rewrite, symbol, enclosing class and method...)
 */
public record CheckItem(
    CheckCategory category,
    String ruleId,
    String name,
    Outcome outcome,
    String severity,
    String message,
    String file,
    int line,
    int column,
    String snippet,
    String fingerprint,
    Map<String, Object> properties) {

  /** What a check says. */
  public enum Outcome {
    /** Fine: instrumented, above threshold, valid. */
    PASSED,
    /** Fails the check (exit 1). */
    FAILED,
    /** Reported, does not fail (a manual finding without {@code --fail-on manual}). */
    WARNING,
    /** Would fail or warn, but the baseline accepts it. */
    BASELINED,
    /** Not evaluated: a file that did not parse (without --strict). */
    SKIPPED,
    /** Could not be evaluated and that fails the check: --strict parse failures, a failed run. */
    ERROR
  }

  /** Validates and copies. */
  public CheckItem {
    requireNonNull(category, "category");
    requireNonNull(ruleId, "ruleId");
    requireNonNull(name, "name");
    requireNonNull(outcome, "outcome");
    requireNonNull(severity, "severity");
    requireNonNull(message, "message");
    snippet = snippet == null ? "" : snippet;
    // Sorted, so SARIF and JUnit output is the same from one run to the next.
    properties = Collections.unmodifiableMap(new TreeMap<>(properties));
  }

  /** {@code file:line}, or the file alone when the line is unknown, or "" without a file. */
  public String location() {
    if (file == null) {
      return "";
    }
    return line > 0 ? file + ":" + line : file;
  }

  /** Whether this item makes the check fail. */
  public boolean fails() {
    return outcome == Outcome.FAILED || outcome == Outcome.ERROR;
  }

  CheckItem withOutcome(Outcome newOutcome) {
    return new CheckItem(category, ruleId, name, newOutcome, severity, message, file, line, column,
        snippet, fingerprint, properties);
  }
}
