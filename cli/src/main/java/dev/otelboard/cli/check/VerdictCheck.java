package dev.otelboard.cli.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.check.CheckItem.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The correlation checks of a verify JSON report ({@code otelboard verify --report-json}, written
 * by {@code report.VerdictJson}): per service, in-request log correlation against its
 * {@code minLogCorrelation} and orphan spans against its {@code maxOrphanSpans}, plus any other
 * problem verify found for it; a verdict that failed for a reason no service explains (a
 * cross-service expectation) is one more failure; a run that itself failed is an error.
 */
final class VerdictCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VerdictCheck() {}

  static List<CheckItem> read(Path file, Path root) {
    JsonNode v;
    try {
      v = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw OtelboardException.badInput(file, 0,
          "no such verify report (write one with otelboard verify --report-json FILE)");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw OtelboardException.badInput(file, line, "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw OtelboardException.badInput(file, 0, "cannot read: " + e.getMessage());
    }
    if (v == null || !v.isObject() || !v.path("passed").isBoolean() || !v.path("services").isArray()) {
      throw OtelboardException.badInput(file, 1,
          "not a verify report: expected \"passed\" and \"services\" at the top level"
              + " (otelboard verify --report-json FILE)");
    }
    String uri = Checker.display(file, root);
    List<CheckItem> items = new ArrayList<>();
    String runFailure = v.path("runFailure").isTextual() ? v.path("runFailure").asText() : null;
    if (runFailure != null) {
      items.add(item("correlation.run", "verify run", Outcome.ERROR,
          "the verify run itself failed, so its figures are incomplete: " + runFailure, uri));
    }
    boolean anyServiceFailed = false;
    for (JsonNode s : v.path("services")) {
      String service = s.path("service").asText("?");
      boolean expected = s.path("expected").asBoolean(true);
      long inRequest = s.path("inRequestLogs").asLong();
      long correlated = s.path("correlatedInRequestLogs").asLong();
      double min = s.path("minLogCorrelation").asDouble(0.0);
      boolean scored = inRequest > 0 && s.path("logCorrelation").isNumber();
      double rate = scored ? s.path("logCorrelation").asDouble() : Double.NaN;
      boolean rateOk = !scored || rate + 1e-12 >= min;
      items.add(item("correlation.log-correlation", service + ": in-request log correlation",
          !scored ? Outcome.SKIPPED : rateOk ? Outcome.PASSED : Outcome.FAILED,
          scored
              ? String.format(Locale.ROOT,
                  "%s: in-request log correlation %.1f%% (%d of %d) %s the %.1f%% threshold (%s)",
                  service, rate * 100, correlated, inRequest, rateOk ? "meets" : "is below",
                  min * 100, s.path("thresholdSource").asText("verify"))
              : service + ": in-request log correlation n/a: no log record inside a SERVER or"
                  + " CONSUMER span to score",
          uri));
      long orphans = s.path("orphanSpans").asLong();
      int maxOrphans = s.path("maxOrphanSpans").asInt(0);
      boolean orphansOk = orphans <= maxOrphans;
      items.add(item("correlation.orphan-spans", service + ": orphan spans",
          orphansOk ? Outcome.PASSED : Outcome.FAILED,
          String.format(Locale.ROOT, "%s: %d orphan span(s), at most %d allowed%s", service,
              orphans, maxOrphans, orphansOk ? "" : ": trace context is lost between spans"),
          uri));
      boolean passed = s.path("passed").asBoolean(true);
      anyServiceFailed |= !passed || !rateOk || !orphansOk;
      if (!passed && rateOk && orphansOk) {
        List<String> problems = new ArrayList<>();
        s.path("problems").forEach(p -> problems.add(p.asText()));
        items.add(item("correlation.service", service + ": expectations", Outcome.FAILED,
            service + ": " + (problems.isEmpty() ? "failed its verify expectations"
                : String.join("; ", problems)) + (expected ? "" : " (not started by the run)"),
            uri));
      }
    }
    if (!v.path("passed").asBoolean() && !anyServiceFailed && runFailure == null) {
      List<String> failures = new ArrayList<>();
      v.path("failures").forEach(f -> failures.add(f.asText()));
      items.add(item("correlation.verdict", "verdict", Outcome.FAILED,
          failures.isEmpty() ? "the verify verdict failed" : String.join("; ", failures), uri));
    }
    return items;
  }

  private static CheckItem item(String rule, String name, Outcome outcome, String message,
      String uri) {
    return new CheckItem(CheckCategory.CORRELATION, rule, name, outcome, "error", message, uri, 0,
        0, "", null, Map.of());
  }
}
