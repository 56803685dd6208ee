package dev.otelboard.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelboard.cli.diff.DiffResult;
import dev.otelboard.cli.diff.DiffResult.Change;
import dev.otelboard.cli.diff.DiffResult.GroupRow;
import dev.otelboard.cli.diff.DiffResult.LoggerRow;
import dev.otelboard.cli.diff.DiffResult.ServiceRow;
import dev.otelboard.cli.diff.RunSummary.GroupSummary;
import dev.otelboard.cli.diff.RunSummary.LoggerSummary;
import dev.otelboard.cli.diff.RunSummary.RunInfo;
import dev.otelboard.cli.diff.RunSummary.ServiceSummary;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code otelboard diff --format json}: the gate ({@code passed}, {@code failures}), the ranked
 * {@code lost} and {@code gained} lists in full, and per service both runs' figures, span groups
 * (with attribute counts) and loggers side by side; a side is {@code null} where a run had nothing.
 */
public final class DiffJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiffJson() {}

  /** The JSON document. */
  public static String toJson(DiffResult d) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.set("a", run(d.a()));
    root.set("b", run(d.b()));
    root.put("passed", d.gate().passed());
    ArrayNode failures = root.putArray("failures");
    d.gate().failures().forEach(failures::add);
    ObjectNode thresholds = root.putObject("thresholds");
    thresholds.put("maxLostGroups", d.gate().maxLostGroups());
    thresholds.put("minCorrelationRatio", d.gate().minCorrelationRatio());
    thresholds.put("countTolerance", d.gate().countTolerance());
    root.put("lostGroups", d.gate().lostGroups());
    changes(root.putArray("lost"), d.lost());
    changes(root.putArray("gained"), d.gained());
    ArrayNode services = root.putArray("services");
    for (ServiceRow r : d.services()) {
      ObjectNode s = services.addObject();
      s.put("service", r.service());
      s.set("a", service(r.a()));
      s.set("b", service(r.b()));
      ArrayNode groups = s.putArray("groups");
      for (GroupRow g : r.groups()) {
        ObjectNode n = groups.addObject();
        n.put("label", g.key().label());
        n.set("key", JSON.valueToTree(g.key()));
        n.set("a", group(g.a()));
        n.set("b", group(g.b()));
      }
      ArrayNode loggers = s.putArray("loggers");
      for (LoggerRow l : r.loggers()) {
        ObjectNode n = loggers.addObject();
        n.put("logger", l.name());
        n.set("a", logger(l.a()));
        n.set("b", logger(l.b()));
      }
    }
    return JSON.writeValueAsString(root) + "\n";
  }

  private static ObjectNode run(RunInfo r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("label", r.label());
    ArrayNode files = n.putArray("files");
    r.files().forEach(files::add);
    n.put("mode", r.mode());
    n.put("plan", r.plan());
    n.put("lines", r.lines());
    n.put("metricLines", r.metricLines());
    n.put("spans", r.spans());
    n.put("logs", r.logs());
    n.put("sampledShare", r.sampledShare());
    return n;
  }

  private static void changes(ArrayNode into, List<Change> changes) {
    int rank = 1;
    for (Change c : changes) {
      ObjectNode n = into.addObject();
      n.put("rank", rank++);
      n.put("category", c.category().id());
      ArrayNode services = n.putArray("services");
      c.services().forEach(services::add);
      n.put("subject", c.subject());
      n.put("detail", c.detail());
      n.put("weight", c.weight());
    }
  }

  private static ObjectNode service(ServiceSummary s) {
    if (s == null) {
      return null;
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("spans", s.spans());
    n.put("logs", s.logs());
    n.put("traces", s.traces());
    n.put("crossServiceTraces", s.crossServiceTraces());
    n.put("orphanSpans", s.orphanSpans());
    n.put("logsWithContext", s.logsWithContext());
    n.put("logsJoined", s.logsJoined());
    ArrayNode sdks = n.putArray("sdks");
    s.sdks().forEach(sdks::add);
    n.set("resourceKeys", JSON.valueToTree(new TreeMap<>(s.resourceKeys())));
    n.put("resourceBlocks", s.resourceBlocks());
    n.put("groupsDropped", s.groupsDropped());
    return n;
  }

  private static ObjectNode group(GroupSummary g) {
    if (g == null) {
      return null;
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("count", g.count());
    n.put("errors", g.errors());
    n.put("meanMillis", g.meanMillis());
    n.put("sampled", g.sampled());
    n.put("roots", g.roots());
    n.put("remoteParents", g.remoteParents());
    n.put("orphans", g.orphans());
    n.set("attributes", JSON.valueToTree(new TreeMap<>(g.attributes())));
    ArrayNode scopes = n.putArray("scopes");
    g.scopes().forEach(scopes::add);
    return n;
  }

  private static ObjectNode logger(LoggerSummary l) {
    if (l == null) {
      return null;
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("count", l.count());
    n.put("withContext", l.withContext());
    n.put("joined", l.joined());
    n.set("templates", JSON.valueToTree(new TreeMap<String, Long>(Map.copyOf(l.templates()))));
    n.put("templatesDropped", l.templatesDropped());
    return n;
  }
}
