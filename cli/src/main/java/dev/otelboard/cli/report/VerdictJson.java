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
 * and, when the run itself failed, why.
 */
public final class VerdictJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VerdictJson() {}

  /** The JSON document. */
  public static String toJson(VerifyResult result) throws IOException {
    ObjectNode root = JSON.valueToTree(result.verdict());
    root.put("capturedTraces", result.traces().size());
    root.set("ports", JSON.valueToTree(result.ports()));
    root.put("runFailure", result.workloadFailure().orElse(null));
    root.set("correlation", JSON.valueToTree(result.correlation()));
    return JSON.writeValueAsString(root) + "\n";
  }

  /** Writes the JSON document to {@code file} atomically. */
  public static void write(VerifyResult result, Path file) throws IOException {
    AtomicFiles.write(file, toJson(result));
  }
}
