package dev.otelboard.cli.report;

import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.scan.Finding;
import dev.otelboard.cli.scan.FindingKind;
import dev.otelboard.cli.scan.ScanResult;
import dev.otelboard.cli.scan.Scope;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scan as SARIF 2.1.0: one rule per finding kind (all kinds, so rule indexes are stable),
 * one result per finding. Findings to act on are warnings; already-instrumented ones are passes;
 * information and test findings are notes. Unparseable files are tool notifications.
 */
public final class ScanSarifReport {
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
