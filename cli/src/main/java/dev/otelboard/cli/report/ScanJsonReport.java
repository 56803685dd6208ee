package dev.otelboard.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelboard.cli.scan.CoverageForecast;
import dev.otelboard.cli.scan.Finding;
import dev.otelboard.cli.scan.ScanResult;
import dev.otelboard.cli.scan.ScanSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * A scan as JSON, following docs/scan-schema.json (version {@link ScanResult#SCHEMA_VERSION}).
 * Fields are only ever added within a schema version; renames and removals bump it.
 */
public final class ScanJsonReport {
  private ScanJsonReport() {}

  /** Writes {@code result} as pretty-printed JSON. */
  public static void write(ScanResult result, String toolVersion, Writer out) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    try {
      mapper.writeValue(out, toJson(result, toolVersion, mapper));
      out.write(System.lineSeparator());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON tree of a scan. */
  public static ObjectNode toJson(ScanResult result, String toolVersion, ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", ScanResult.SCHEMA_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "otelboard");
    tool.put("version", toolVersion);
    root.put("root", result.root());
    root.set("summary", summary(ScanSummary.of(result), mapper));
    ScanResult.Stats s = result.stats();
    ObjectNode stats = root.putObject("stats");
    stats.put("javaFiles", s.javaFiles());
    stats.put("mainJavaFiles", s.mainJavaFiles());
    stats.put("testJavaFiles", s.testJavaFiles());
    stats.put("generatedFiles", s.generatedFiles());
    stats.put("otherFiles", s.otherFiles());
    stats.put("unparseableFiles", result.parseFailures().size());
    stats.put("threads", s.threads());
    stats.put("durationMillis", s.durationMillis());
    ArrayNode modules = root.putArray("modules");
    for (ScanResult.Module m : result.modules()) {
      ObjectNode module = modules.addObject();
      module.put("path", m.path());
      module.put("name", m.name());
      module.put("buildTool", m.buildTool());
      module.put("buildFile", m.buildFile());
      ArrayNode frameworks = module.putArray("loggingFrameworks");
      m.loggingFrameworks().forEach(frameworks::add);
      ArrayNode calls = module.putArray("logCalls");
      for (ScanResult.LogCallCount c : m.logCalls()) {
        ObjectNode call = calls.addObject();
        call.put("framework", c.framework());
        call.put("level", c.level());
        call.put("count", c.count());
      }
      module.set("summary", summary(ScanSummary.ofModule(result, m.path()), mapper));
    }
    ArrayNode services = root.putArray("services");
    for (ScanResult.Service sv : result.services()) {
      ObjectNode service = services.addObject();
      service.put("module", sv.module());
      service.put("name", sv.name());
      service.put("mainClass", sv.mainClass());
      service.put("file", sv.file());
      service.put("springBoot", sv.springBoot());
    }
    root.set("forecast", forecast(CoverageForecast.of(result, Path.of(result.root())), mapper));
    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings()) {
      ObjectNode finding = findings.addObject();
      finding.put("kind", f.kind().id());
      finding.put("category", f.kind().category().id());
      finding.put("file", f.file());
      finding.put("line", f.line());
      finding.put("column", f.column());
      finding.put("module", f.module());
      finding.put("scope", f.scope().id());
      finding.put("enclosingClass", f.enclosingClass());
      finding.put("enclosingMethod", f.enclosingMethod());
      finding.put("symbol", f.symbol());
      finding.put("snippet", f.snippet());
      finding.put("instrumented", f.instrumented());
      finding.put("rewrite", f.rewrite().id());
      finding.put("reason", f.reason());
    }
    ArrayNode failures = root.putArray("parseFailures");
    for (ScanResult.ParseFailure p : result.parseFailures()) {
      ObjectNode failure = failures.addObject();
      failure.put("file", p.file());
      failure.put("line", p.line());
      failure.put("column", p.column());
      failure.put("message", p.message());
    }
    return root;
  }

  private static ArrayNode forecast(CoverageForecast forecast, ObjectMapper mapper) {
    ArrayNode services = mapper.createArrayNode();
    for (CoverageForecast.ServiceForecast s : forecast.services()) {
      ObjectNode service = services.addObject();
      service.put("module", s.module());
      service.put("name", s.name());
      service.put("service", s.service());
      service.put("springBootStarter", s.springBootStarter());
      service.put("serverCovered", s.uncoveredServers().isEmpty());
      ArrayNode entries = service.putArray("entries");
      for (CoverageForecast.Entry e : s.entries()) {
        ObjectNode entry = entries.addObject();
        entry.put("direction", e.direction().id());
        entry.put("library", e.library());
        entry.put("libraryName", e.libraryName());
        entry.put("kind", e.kind().id());
        entry.put("sites", e.sites());
        entry.put("file", e.file());
        entry.put("line", e.line());
        entry.put("coverage", e.coverage().id());
        entry.put("by", e.by());
        entry.put("reason", e.reason());
        entry.put("outcome", e.outcome());
      }
    }
    return services;
  }

  private static ObjectNode summary(ScanSummary summary, ObjectMapper mapper) {
    ObjectNode node = mapper.createObjectNode();
    ObjectNode coverage = node.putObject("coverage");
    putPercent(coverage, summary.coveragePercent());
    coverage.put("coverable", summary.coverable());
    coverage.put("instrumented", summary.instrumented());
    node.put("rewritable", summary.rewritable());
    node.put("manual", summary.manual());
    node.put("testFindings", summary.testFindings());
    ArrayNode categories = node.putArray("categories");
    for (ScanSummary.CategoryCount c : summary.categories()) {
      ObjectNode row = categories.addObject();
      row.put("category", c.category().id());
      row.put("found", c.found());
      row.put("instrumented", c.instrumented());
      row.put("rewritable", c.rewritable());
      row.put("manual", c.manual());
      row.put("coverable", c.coverable());
      row.put("covered", c.covered());
      putPercent(row, c.coveragePercent());
    }
    ArrayNode top = node.putArray("topFiles");
    for (ScanSummary.FileCount f : summary.topFiles()) {
      ObjectNode file = top.addObject();
      file.put("file", f.file());
      file.put("findings", f.findings());
    }
    return node;
  }

  private static void putPercent(ObjectNode node, int percent) {
    if (percent < 0) {
      node.putNull("percent");
    } else {
      node.put("percent", percent);
    }
  }
}
