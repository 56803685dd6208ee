package dev.otelboard.cli.report;

import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.scan.CoverageForecast;
import dev.otelboard.cli.scan.Finding;
import dev.otelboard.cli.scan.FindingKind;
import dev.otelboard.cli.scan.ScanResult;
import dev.otelboard.cli.scan.Scope;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scan as SARIF 2.1.0: one rule per finding kind (all kinds, so rule indexes are stable),
 * one result per finding. Findings to act on are warnings; already-instrumented ones are passes;
 * information and test findings are notes. Unparseable files are tool notifications. The
 * coverage forecast adds one result per service and library (rules {@link #FORECAST_INBOUND},
 * {@link #FORECAST_OUTBOUND}): passes for what will be instrumented, warnings for what won't,
 * errors for an HTTP server nothing will instrument.
 */
public final class ScanSarifReport {
  /** The rule of an inbound entry point's forecast; an uncovered HTTP server is an error. */
  public static final String FORECAST_INBOUND = "forecast.inbound";
  /** The rule of an outbound client's forecast. */
  public static final String FORECAST_OUTBOUND = "forecast.outbound";

  private ScanSarifReport() {}

  /** Writes {@code result} as SARIF. {@code sourceRoot} is the scanned directory's file URI. */
  public static void write(ScanResult result, String toolVersion, String sourceRoot, Writer out) {
    toSarif(result, toolVersion, sourceRoot).write(out);
  }

  /** The SARIF log of a scan. */
  public static Sarif toSarif(ScanResult result, String toolVersion, String sourceRoot) {
    Sarif.Builder sarif = Sarif.builder("otelboard", toolVersion).setSourceRoot(sourceRoot);
    for (FindingKind kind : FindingKind.values()) {
      sarif.addRule(new Sarif.Rule(kind.id(), kind.title(),
          Map.of("category", kind.category().id())));
    }
    for (Finding f : result.findings()) {
      String level;
      String kind;
      if (f.instrumented()) {
        level = "none";
        kind = "pass";
      } else if (f.scope() == Scope.TEST || f.rewrite() == RewriteId.NONE) {
        level = "note";
        kind = "informational";
      } else {
        level = "warning";
        kind = "fail";
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("rewrite", f.rewrite().id());
      properties.put("instrumented", f.instrumented());
      properties.put("scope", f.scope().id());
      properties.put("module", f.module());
      properties.put("symbol", f.symbol());
      if (f.enclosingClass() != null) {
        properties.put("enclosingClass", f.enclosingClass());
      }
      if (f.enclosingMethod() != null) {
        properties.put("enclosingMethod", f.enclosingMethod());
      }
      sarif.addResult(new Sarif.Result(f.kind().id(), level, kind, message(f), f.file(), f.line(),
          f.column(), f.snippet(), properties));
    }
    sarif.addRule(new Sarif.Rule(FORECAST_INBOUND, "inbound entry point: coverage forecast",
        Map.of("category", "forecast")));
    sarif.addRule(new Sarif.Rule(FORECAST_OUTBOUND, "outbound client: coverage forecast",
        Map.of("category", "forecast")));
    for (CoverageForecast.ServiceForecast s : CoverageForecast.of(result, Path.of(result.root()))
        .services()) {
      for (CoverageForecast.Entry e : s.entries()) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("service", s.name());
        properties.put("module", s.module());
        properties.put("library", e.library());
        properties.put("kind", e.kind().id());
        properties.put("sites", e.sites());
        properties.put("coverage", e.coverage().id());
        properties.put("by", e.by());
        boolean covered = e.coverage() != CoverageForecast.Coverage.NOT_COVERED;
        sarif.addResult(new Sarif.Result(
            e.direction() == CoverageForecast.Direction.INBOUND ? FORECAST_INBOUND
                : FORECAST_OUTBOUND,
            covered ? "none" : e.uncoveredServer() ? "error" : "warning",
            covered ? "pass" : "fail",
            s.name() + ": " + e.libraryName() + " (" + e.kind().title() + ", " + e.sites()
                + " site(s)): " + e.outcome(),
            e.file(), e.line(), 1, "", properties));
      }
    }
    for (ScanResult.ParseFailure p : result.parseFailures()) {
      sarif.addNotification(new Sarif.Notification("error", "not parsed: " + p.message(),
          p.file(), p.line()));
    }
    return sarif.build();
  }

  private static String message(Finding f) {
    StringBuilder m = new StringBuilder(f.kind().title()).append(": ").append(f.symbol());
    if (f.instrumented()) {
      m.append(" (already instrumented)");
    } else if (f.isManual()) {
      m.append(". Manual: ").append(f.reason());
    } else if (f.rewrite() != RewriteId.NONE) {
      m.append(". otelboard onboard applies ").append(f.rewrite().id());
    } else if (f.reason() != null) {
      m.append(". ").append(f.reason());
    }
    return m.toString();
  }
}
