package dev.otelboard.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelboard.cli.io.AtomicFiles;
import dev.otelboard.cli.verify.VerifyResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The verify verdict for machines: the {@link dev.otelboard.cli.verify.Verdict} fields at the top
 * level, plus the collector's correlation figures, the ports otelboard chose, the trace count
 * and, when the run itself failed, why. A correlation rate with no in-request log record to score
 * is {@code null} ("n/a").
 */
public final class VerdictJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VerdictJson() {}

  /** The JSON document. */
  public static String toJson(VerifyResult result) throws IOException {
    ObjectNode root = JSON.valueToTree(result.verdict());
    // A rate with nothing to score is n/a (null), never 1.0.
    root.path("services").forEach(
        s -> CollectorReportJson.nullWhenUnscored(s, "inRequestLogs", "logCorrelation"));
    CollectorReportJson.nullWhenUnscored(root.path("totals"), "inRequestLogs", "logCorrelation");
    root.put("capturedTraces", result.traces().size());
    root.set("ports", JSON.valueToTree(result.ports()));
    root.put("runFailure", result.workloadFailure().orElse(null));
    ObjectNode correlation = JSON.valueToTree(result.correlation());
    CollectorReportJson.correlationNotScored(correlation);
    root.set("correlation", correlation);
    return JSON.writeValueAsString(root) + "\n";
  }

  /** Writes the JSON document to {@code file} atomically. */
  public static void write(VerifyResult result, Path file) throws IOException {
    AtomicFiles.write(file, toJson(result));
  }
}
