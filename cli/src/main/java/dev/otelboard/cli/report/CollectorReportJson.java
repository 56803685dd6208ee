package dev.otelboard.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelboard.collector.CollectorReport;
import java.io.IOException;

/**
 * The collector's report for machines ({@code otelboard collector --report-json}), and the one
 * rule its correlation figures share with the verdict's JSON: a rate with nothing to score is
 * {@code null} ("n/a"), never 1.0.
 */
public final class CollectorReportJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CollectorReportJson() {}

  /** The JSON document of {@code report}. */
  public static byte[] toJson(CollectorReport report) throws IOException {
    ObjectNode root = JSON.valueToTree(report);
    correlationNotScored(root.path("correlation"));
    return JSON.writeValueAsBytes(root);
  }

  /**
   * Nulls {@code inRequestCorrelation} where {@code inRequestLogs} is 0, overall and per service,
   * in a serialized {@link dev.otelboard.collector.correlate.CorrelationReport}.
   */
  static void correlationNotScored(JsonNode correlation) {
    nullWhenUnscored(correlation, "inRequestLogs", "inRequestCorrelation");
    correlation.path("services")
        .forEach(s -> nullWhenUnscored(s, "inRequestLogs", "inRequestCorrelation"));
  }

  /** Sets {@code rate} to null in {@code node} when its {@code count} is 0. */
  static void nullWhenUnscored(JsonNode node, String count, String rate) {
    if (node instanceof ObjectNode o && o.has(rate) && o.path(count).asLong(-1) == 0) {
      o.putNull(rate);
    }
  }
}
