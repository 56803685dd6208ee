package dev.otelboard.cli.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelboard.cli.check.CheckItem.Outcome;
import dev.otelboard.cli.report.JunitXml;
import dev.otelboard.cli.report.Sarif;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.scan.FindingKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The writers of a {@link CheckResult}: a summary for people, SARIF 2.1.0 and JUnit XML. */
public final class CheckReports {
  private static final int MAX_LISTED = 50;

  private CheckReports() {}

  /** The human summary: verdict, counts per category, then failures, warnings and notes. */
  public static String text(CheckResult r) {
    StringWriter buffer = new StringWriter();
    PrintWriter out = new PrintWriter(buffer);
    int failed = r.items(Outcome.FAILED).size() + r.items(Outcome.ERROR).size();
    out.printf(Locale.ROOT, "otelboard check %s: %s%n", r.root(), r.failed()
        ? "FAILED (" + failed + " failing check" + (failed == 1 ? "" : "s") + ")" : "passed");
    out.printf(Locale.ROOT, "%n  %-12s %7s %7s %8s %9s %7s%n", "category", "passed", "failed",
        "warnings", "baselined", "skipped");
    for (CheckCategory c : r.categories()) {
      Map<Outcome, Integer> n = r.counts(c);
      out.printf(Locale.ROOT, "  %-12s %7d %7d %8d %9d %7d%n", c.id(), n.get(Outcome.PASSED),
          n.get(Outcome.FAILED) + n.get(Outcome.ERROR), n.get(Outcome.WARNING),
          n.get(Outcome.BASELINED), n.get(Outcome.SKIPPED));
    }
    List<CheckItem> failures = r.items().stream().filter(CheckItem::fails).toList();
    list(out, "Failures", "FAIL", failures);
    list(out, "Warnings (do not fail; --fail-on manual makes them fail)", "WARN",
        r.items(Outcome.WARNING));
    list(out, "Not checked", "SKIP", r.items(Outcome.SKIPPED));
    out.println();
    if (r.baseline() != null) {
      out.printf(Locale.ROOT, "Baseline %s: %d finding(s) accepted", r.baseline(),
          r.items(Outcome.BASELINED).size());
      if (r.staleBaselineEntries() > 0) {
        out.printf(Locale.ROOT, "; %d entr%s no longer occur (fixed or moved): regenerate it with"
            + " --write-baseline to keep them from coming back", r.staleBaselineEntries(),
            r.staleBaselineEntries() == 1 ? "y" : "ies");
      }
      out.println();
    }
    if (r.testFindings() > 0) {
      out.printf(Locale.ROOT, "%d finding(s) in test code are not checked.%n", r.testFindings());
    }
    if (r.generatedFindings() > 0) {
      out.printf(Locale.ROOT, "%d finding(s) in classes otelboard generated are not checked.%n",
          r.generatedFindings());
    }
    if (r.failed() && failures.stream().anyMatch(i -> i.properties().containsKey("rewrite")
        && !RewriteId.MANUAL.id().equals(i.properties().get("rewrite")))) {
      out.println("Fix: run `otelboard onboard` (preview with --dry-run), or accept today's findings"
          + " with `otelboard check --write-baseline otelboard-baseline.json`.");
    }
    out.flush();
    return buffer.toString();
  }

  private static void list(PrintWriter out, String title, String tag, List<CheckItem> items) {
    if (items.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "%n%s (%d):%n", title, items.size());
    for (CheckItem i : items.subList(0, Math.min(MAX_LISTED, items.size()))) {
      out.printf(Locale.ROOT, "  %s %s%n", tag, i.message());
    }
    if (items.size() > MAX_LISTED) {
      out.printf(Locale.ROOT, "  ... and %d more (see --sarif or --junit)%n",
          items.size() - MAX_LISTED);
    }
  }

  /**
   * SARIF 2.1.0 through the shared {@link Sarif} log: failures are {@code error}, warnings
   * {@code warning}; baselined findings keep their level with an external, accepted suppression
   * (code-scanning UIs hide them); passes and skips are left out (parse failures become tool
   * notifications). Code results carry {@code partialFingerprints} ({@code otelboard/v1}: the
   * baseline fingerprint) so alerts follow code that moves; with a baseline, {@code
   * baselineState} is {@code new} or {@code unchanged}.
   */
  public static String sarif(CheckResult r, String toolVersion, String sourceRoot) {
    Sarif.Builder b = Sarif.builder("otelboard", toolVersion)
        .setInformationUri("https://github.com/otelboard/otelboard/blob/main/docs/check.md")
        .setSourceRoot(sourceRoot);
    List<CheckItem> reported = new ArrayList<>();
    Set<String> rules = new LinkedHashSet<>();
    for (CheckItem i : r.items()) {
      if (i.outcome() == Outcome.FAILED || i.outcome() == Outcome.WARNING
          || i.outcome() == Outcome.BASELINED
          || (i.outcome() == Outcome.ERROR && i.category() != CheckCategory.PARSE)) {
        reported.add(i);
        rules.add(i.ruleId());
      }
    }
    for (String id : rules) {
      Map<String, Object> props = new LinkedHashMap<>();
      String description = FindingKind.byId(id).map(FindingKind::title).orElse(describe(id));
      reported.stream().filter(i -> i.ruleId().equals(id)).findFirst()
          .ifPresent(i -> props.put("category", i.category().id()));
      b.addRule(new Sarif.Rule(id, description, props));
    }
    for (CheckItem i : reported) {
      Map<String, Object> props = new LinkedHashMap<>(i.properties());
      props.put("category", i.category().id());
      String level = i.outcome() == Outcome.WARNING ? "warning"
          : i.outcome() == Outcome.BASELINED ? i.severity() : "error";
      b.addResult(new Sarif.Result(i.ruleId(), level, "fail", i.message(),
          i.file() == null ? "" : i.file(), i.line(), i.column(), i.snippet(), props));
    }
    for (CheckItem i : r.items(CheckCategory.PARSE)) {
      b.addNotification(new Sarif.Notification(i.outcome() == Outcome.ERROR ? "error" : "warning",
          i.message(), i.file(), i.line()));
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode log = b.build().toJson(mapper);
    ArrayNode results = (ArrayNode) log.path("runs").get(0).path("results");
    for (int n = 0; n < reported.size(); n++) {
      CheckItem i = reported.get(n);
      ObjectNode result = (ObjectNode) results.get(n);
      if (i.fingerprint() != null) {
        result.putObject("partialFingerprints").put("otelboard/v1", i.fingerprint());
      }
      if (i.outcome() == Outcome.BASELINED) {
        ObjectNode s = result.putArray("suppressions").addObject();
        s.put("kind", "external");
        s.put("status", "accepted");
        s.put("justification", "accepted in baseline " + r.baseline());
      }
      if (r.baseline() != null && i.fingerprint() != null) {
        result.put("baselineState", i.outcome() == Outcome.BASELINED ? "unchanged" : "new");
      }
      if (i.line() <= 0) {
        // The shared writer puts a region on every result; whole-file results have none.
        ((ObjectNode) result.path("locations").get(0).path("physicalLocation")).remove("region");
      }
    }
    ((ObjectNode) log.path("runs").get(0).path("invocations").get(0))
        .put("exitCode", r.failed() ? 1 : 0);
    try {
      return mapper.writeValueAsString(log) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(String ruleId) {
    return switch (ruleId) {
      case "correlation.log-correlation" -> "in-request log correlation below the threshold";
      case "correlation.orphan-spans" -> "more orphan spans than allowed";
      case "correlation.service" -> "a service failed its verify expectations";
      case "correlation.verdict" -> "the verify verdict failed";
      case "correlation.run" -> "the verify run failed";
      case "ottl.invalid-statement" -> "invalid OTTL statement or condition";
      default -> ruleId;
    };
  }

  /**
   * JUnit XML: one test suite per category (the code categories always, correlation, ottl and
   * parse when there is something in them), one test case per check. Failures carry the message
   * and {@code file:line}; baselined findings and unparsed files are skipped; warnings pass with
   * the warning in {@code <system-out>}; --strict parse failures and failed verify runs are errors.
   */
  public static String junit(CheckResult r) {
    List<JunitXml.TestSuite> suites = new ArrayList<>();
    for (CheckCategory c : r.categories()) {
      List<JunitXml.TestCase> cases = new ArrayList<>();
      for (CheckItem i : r.items(c)) {
        String classname = "otelboard.check." + c.id();
        String details = i.location().isEmpty() ? i.message()
            : i.message() + "\n" + i.location() + (i.snippet().isEmpty() ? "" : "\n    " + i.snippet());
        JunitXml.TestCase tc = switch (i.outcome()) {
          case PASSED -> new JunitXml.TestCase(i.name(), classname, i.file(), i.line(),
              JunitXml.Status.PASSED, null, null, null, null);
          case WARNING -> new JunitXml.TestCase(i.name(), classname, i.file(), i.line(),
              JunitXml.Status.PASSED, null, null, null, "warning: " + details);
          case FAILED -> new JunitXml.TestCase(i.name(), classname, i.file(), i.line(),
              JunitXml.Status.FAILED, i.message(), i.ruleId(), details, null);
          case ERROR -> new JunitXml.TestCase(i.name(), classname, i.file(), i.line(),
              JunitXml.Status.ERROR, i.message(), i.ruleId(), details, null);
          case BASELINED -> new JunitXml.TestCase(i.name(), classname, i.file(), i.line(),
              JunitXml.Status.SKIPPED, "accepted in baseline " + r.baseline() + ": " + i.message(),
              null, null, null);
          case SKIPPED -> new JunitXml.TestCase(i.name(), classname, i.file(), i.line(),
              JunitXml.Status.SKIPPED, i.message(), null, null, null);
        };
        cases.add(tc);
      }
      suites.add(new JunitXml.TestSuite(c.id(), cases));
    }
    return JunitXml.toXml("otelboard check", suites);
  }
}
