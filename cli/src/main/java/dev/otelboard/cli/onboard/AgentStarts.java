package dev.otelboard.cli.onboard;

import dev.otelboard.cli.migrate.DatadogAgentStart;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.scan.Finding;
import dev.otelboard.cli.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deploy files that start Datadog's javaagent (scan's findings, with file:line): in agent
 * mode each gets the OpenTelemetry javaagent in its place ({@link DatadogAgentStart}); in SDK mode
 * each start is a manual item, since the agent would trace next to the SDK onboard puts in the
 * code.
 */
final class AgentStarts {
  private AgentStarts() {}

  static void plan(Path root, ScanResult scan, boolean agentMode, PlanDraft draft)
      throws IOException {
    Map<String, Finding> byFile = new LinkedHashMap<>();
    for (Finding f : scan.findings()) {
      if (f.rewrite() == DatadogAgentStart.ID) {
        byFile.putIfAbsent(f.file(), f);
        if (!agentMode) {
          draft.manual().add(new ManualItem(f.file(), f.line(), DatadogAgentStart.ID,
              "dd-java-agent is started here: remove it (onboard moved the service to the "
                  + "OpenTelemetry SDK in its code; both would trace every request), or onboard "
                  + "with --mode agent to start the OpenTelemetry javaagent here instead"));
        }
      }
    }
    if (!agentMode) {
      return;
    }
    for (String file : byFile.keySet()) {
      Path path = root.resolve(file);
      Optional<String> before = ProjectFiles.read(path);
      if (before.isEmpty()) {
        continue;
      }
      DatadogAgentStart.Result result = DatadogAgentStart.migrate(before.get());
      if (result.text().equals(before.get())) {
        continue;
      }
      draft.edit(path, before.get(), result.text());
      for (DatadogAgentStart.Edit e : result.edits()) {
        draft.changes().add(new Change(file, e.line(), DatadogAgentStart.ID, e.what()));
      }
    }
  }
}
