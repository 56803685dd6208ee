package dev.otelboard.cli.onboard;

import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.ManualItem;
import java.io.PrintWriter;
import java.util.List;

/**
 * Everything one onboard would do, computed without writing anything.
 *
 * @param config the service's otelboard.yaml settings
 * @param edits the files to write
 * @param changes each change, with file:line and rewrite id
 * @param manual what a person has to do, with the reason
 * @param failures files left untouched because they did not parse or a rewrite failed
 */
public record OnboardPlan(
    OtelboardConfig config,
    List<FileEdit> edits,
    List<Change> changes,
    List<ManualItem> manual,
    List<ManualItem> failures) {

  /** Sorts the changes by file (in edit order) and line. */
  public OnboardPlan {
    List<String> order = new java.util.ArrayList<>();
    edits.forEach(e -> order.add(e.path()));
    changes.forEach(c -> {
      if (!order.contains(c.file())) {
        order.add(c.file());
      }
    });
    changes =
        changes.stream()
            .sorted(java.util.Comparator.comparingInt((Change c) -> order.indexOf(c.file()))
                .thenComparingInt(Change::line))
            .toList();
  }

  /** The whole change as one unified diff for {@code git apply}. */
  public String diff() {
    StringBuilder out = new StringBuilder();
    for (FileEdit edit : edits) {
      out.append(edit.diff());
    }
    return out.toString();
  }

  /** Writes the people-facing summary. */
  public void printSummary(PrintWriter out, boolean dryRun) {
    String verb = dryRun ? "would change" : "changed";
    out.printf("otelboard onboard: %s (%s mode) %s %d file(s)%n",
        config.serviceName(), config.mode().yamlName(), verb, edits.size());
    if (!changes.isEmpty()) {
      out.println();
      out.println("Changes:");
      for (Change change : changes) {
        out.println("  " + change);
      }
    }
    if (!manual.isEmpty()) {
      out.println();
      out.println("Manual:");
      for (ManualItem item : manual) {
        out.println("  " + item);
      }
    }
    if (!failures.isEmpty()) {
      out.println();
      out.println("Left untouched (could not be parsed or rewritten):");
      for (ManualItem item : failures) {
        out.println("  " + item);
      }
    }
    if (edits.isEmpty()) {
      out.println("Nothing to do: the service is already onboarded.");
    }
    out.flush();
  }
}
