package dev.otelboard.cli.generate;

import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.generate.CollectorModel.Config;
import dev.otelboard.cli.generate.CollectorModel.FilterProcessor;
import dev.otelboard.cli.generate.CollectorModel.Group;
import dev.otelboard.cli.generate.CollectorModel.TransformProcessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads generated YAML back and insists that every OTTL statement and condition arrives exactly
 * as the model holds it: quoting must neither eat a backslash nor add one. A mismatch is a bug in
 * otelboard, so it is an IllegalStateException, not a user-facing finding.
 */
final class RoundTrip {
  private RoundTrip() {}

  /** Verifies a values file ({@code config.processors}) against {@code config}. */
  static void verify(LocatedYaml doc, Config config) {
    Map<String, Object> root = CollectorConfigChecker.map(doc.root());
    Map<String, Object> processors = CollectorConfigChecker.map(
        CollectorConfigChecker.map(root.get("config")).get("processors"));
    verifyProcessors(processors, config);
  }

  /** Verifies a transform.yaml ({@code processors}) against {@code config}. */
  static void verifyTransformFile(LocatedYaml doc, Config config) {
    Map<String, Object> root = CollectorConfigChecker.map(doc.root());
    verifyProcessors(CollectorConfigChecker.map(root.get("processors")), config);
  }

  private static void verifyProcessors(Map<String, Object> processors, Config config) {
    for (TransformProcessor t : config.transforms()) {
      Map<String, Object> parsed = CollectorConfigChecker.map(processors.get(t.id()));
      expect(t.id() + ".trace_statements", groups(t.traces()), parsed.get("trace_statements"));
      expect(t.id() + ".metric_statements", groups(t.metrics()), parsed.get("metric_statements"));
      expect(t.id() + ".log_statements", groups(t.logs()), parsed.get("log_statements"));
    }
    for (FilterProcessor f : config.filters()) {
      Map<String, Object> parsed = CollectorConfigChecker.map(processors.get(f.id()));
      expect(f.id() + ".trace_conditions", f.traceConditions().isEmpty() ? null
          : f.traceConditions(), parsed.get("trace_conditions"));
      expect(f.id() + ".log_conditions", f.logConditions().isEmpty() ? null : f.logConditions(),
          parsed.get("log_conditions"));
    }
  }

  private static Object groups(List<Group> groups) {
    if (groups.isEmpty()) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    for (Group g : groups) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (g.context() != null) {
        m.put("context", g.context());
      }
      m.put("conditions", g.conditions());
      m.put("statements", g.statements());
      out.add(m);
    }
    return out;
  }

  private static void expect(String what, Object expected, Object actual) {
    if (expected == null ? actual != null : !expected.equals(actual)) {
      throw new IllegalStateException("generated YAML does not read back as generated at " + what
          + ": expected " + expected + " but read " + actual);
    }
  }
}
