package dev.otelboard.cli.report;

import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.scan.Category;
import dev.otelboard.cli.scan.CoverageForecast;
import dev.otelboard.cli.scan.Finding;
import dev.otelboard.cli.scan.ScanResult;
import dev.otelboard.cli.scan.ScanSummary;
import dev.otelboard.cli.scan.Scope;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A scan for people: counts per category, coverage, logging, top files, the findings (up to
 * {@link #DEFAULT_MAX_FINDINGS}), unparseable files, and one section per service in a repo with
 * several.
 */
public final class ScanTextReport {
  /** How many findings the text lists before pointing at {@code --format json}: 200. */
  public static final int DEFAULT_MAX_FINDINGS = 200;

  private ScanTextReport() {}

  /** Writes the report of {@code result}. */
  public static void write(ScanResult result, PrintWriter out) {
    write(result, out, DEFAULT_MAX_FINDINGS);
  }

  /** Writes the report, listing at most {@code maxFindings} findings. */
  public static void write(ScanResult result, PrintWriter out, int maxFindings) {
    ScanResult.Stats s = result.stats();
    long maven = result.modules().stream().filter(m -> m.buildTool().equals("maven")).count();
    long gradle = result.modules().stream().filter(m -> m.buildTool().equals("gradle")).count();
    out.println("otelboard scan of " + result.root());
    StringBuilder modules = new StringBuilder("  " + plural(result.modules().size(), "module"));
    if (maven > 0 || gradle > 0) {
      modules.append(" (");
      if (maven > 0) {
        modules.append(maven).append(" Maven");
      }
      if (gradle > 0) {
        modules.append(maven > 0 ? ", " : "").append(gradle)
            .append(" Gradle: detected, not edited yet");
      }
      modules.append(')');
    }
    modules.append(", ").append(plural(result.services().size(), "service"));
    out.println(modules);
    out.printf(Locale.ROOT, "  %s (%d main, %d test), %d generated skipped, %s, %d unparseable;"
            + " %.1f s on %s%n",
        plural(s.javaFiles(), "Java file"), s.mainJavaFiles(), s.testJavaFiles(),
        s.generatedFiles(), plural(s.otherFiles(), "other file"), result.parseFailures().size(),
        s.durationMillis() / 1000.0, plural(s.threads(), "thread"));
    out.println();
    ScanSummary summary = ScanSummary.of(result);
    summary(out, summary, "");
    logging(out, result.modules(), "");
    forecast(out, CoverageForecast.of(result, Path.of(result.root())));
    if (!summary.topFiles().isEmpty()) {
      out.println();
      out.println("Top files:");
      for (ScanSummary.FileCount f : summary.topFiles().subList(0,
          Math.min(5, summary.topFiles().size()))) {
        out.printf(Locale.ROOT, "  %4d  %s%n", f.findings(), f.file());
      }
    }
    List<Finding> main = result.mainFindings();
    if (!main.isEmpty()) {
      out.println();
      out.println("Findings:");
      main.stream().limit(maxFindings).forEach(f -> out.println("  " + line(f)));
      if (main.size() > maxFindings) {
        out.println("  ... and " + (main.size() - maxFindings)
            + " more: --format json lists them all");
      }
    }
    if (summary.testFindings() > 0) {
      out.println();
      out.println("Tests: " + plural(summary.testFindings(), "finding")
          + " in test code, not counted");
    }
    if (!result.parseFailures().isEmpty()) {
      out.println();
      out.println("Unparseable (" + result.parseFailures().size() + "), no findings from these:");
      result.parseFailures().forEach(p -> out.println("  " + p));
    }
    if (result.services().size() > 1) {
      for (ScanResult.Service service : result.services()) {
        out.println();
        out.println("== service " + service.name() + " ("
            + (service.module().isEmpty() ? "." : service.module()) + ", "
            + (service.springBoot() ? "Spring Boot " : "main ") + service.mainClass() + ")");
        summary(out, ScanSummary.ofModule(result, service.module()), "   ");
        logging(out, result.modules().stream()
            .filter(m -> m.path().equals(service.module())).toList(), "   ");
      }
    }
    out.flush();
  }

  private static void summary(PrintWriter out, ScanSummary summary, String indent) {
    if (summary.coverable() == 0) {
      out.println(indent + "Coverage: nothing that needs trace context was found");
    } else {
      out.printf(Locale.ROOT, "%sCoverage: %d%% (%d of %d places that need trace context are"
              + " instrumented); onboard rewrites %d, %d manual%n",
          indent, summary.coveragePercent(), summary.instrumented(), summary.coverable(),
          summary.rewritable(), summary.manual());
    }
    if (summary.categories().isEmpty()) {
      return;
    }
    out.println();
    out.printf(Locale.ROOT, "%s  %-12s %6s %13s %8s %7s %9s%n", indent, "category", "found",
        "instrumented", "onboard", "manual", "coverage");
    for (ScanSummary.CategoryCount c : summary.categories()) {
      int pct = c.coveragePercent();
      out.printf(Locale.ROOT, "%s  %-12s %6d %13d %8d %7d %9s%n", indent, c.category().title(),
          c.found(), c.instrumented(), c.rewritable(), c.manual(), pct < 0 ? "-" : pct + "%");
    }
  }

  /** Per service: each entry point and client with what onboard will do about it. */
  static void forecast(PrintWriter out, CoverageForecast forecast) {
    if (forecast.services().stream().allMatch(s -> s.entries().isEmpty())) {
      return;
    }
    out.println();
    out.println("Forecast (what onboard will instrument; proven only by `otelboard verify`):");
    for (CoverageForecast.ServiceForecast s : forecast.services()) {
      out.println("  " + (s.service() ? "service " : "module ") + s.name() + " ("
          + (s.module().isEmpty() ? "." : s.module()) + ")"
          + (s.springBootStarter() ? ", onboarded with opentelemetry-spring-boot-starter" : ""));
      if (s.entries().isEmpty()) {
        out.println("    no HTTP server, HTTP client or messaging found");
      }
      for (CoverageForecast.Entry e : s.entries()) {
        out.printf(Locale.ROOT, "    %-8s %s, %s (%s%s): %s%n", e.direction().id(),
            e.libraryName(), e.kind().title(), e.location(),
            e.sites() > 1 ? " and " + (e.sites() - 1) + " more" : "", e.outcome());
      }
      if (!s.uncoveredServers().isEmpty()) {
        out.println("    => no SERVER spans in code mode: `otelboard check` fails until this is"
            + " covered (or onboard --mode agent)");
      }
    }
  }

  private static void logging(PrintWriter out, List<ScanResult.Module> modules, String indent) {
    for (ScanResult.Module m : modules) {
      if (m.loggingFrameworks().isEmpty() && m.logCalls().isEmpty()) {
        continue;
      }
      String calls = m.logCalls().stream()
          .map(c -> c.framework() + " " + c.level() + " " + c.count())
          .collect(Collectors.joining(", "));
      out.println();
      out.println(indent + "Logging" + (modules.size() > 1 || !m.path().isEmpty()
          ? " in " + (m.path().isEmpty() ? "." : m.path()) : "") + ": "
          + String.join(", ", m.loggingFrameworks())
          + (calls.isEmpty() ? "" : "; log calls: " + calls));
    }
  }

  /** One finding on one line: location, kind, symbol, what happens to it. */
  static String line(Finding f) {
    String action;
    if (f.instrumented()) {
      // A vendor tracer traces today; what onboard does about it is worth the line.
      action = f.kind().category() == Category.TRACING && f.isManual() && f.reason() != null
          ? "instrumented, " + f.reason() : "instrumented";
    } else if (f.isManual()) {
      action = "manual: " + f.reason();
    } else if (f.rewrite() == RewriteId.NONE) {
      action = f.reason() == null ? "nothing to do" : f.reason();
    } else {
      action = "-> " + f.rewrite().id();
    }
    return f.location() + "  " + f.kind().id() + "  " + f.symbol() + "  " + action
        + (f.scope() == Scope.TEST ? "  (test)" : "");
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
