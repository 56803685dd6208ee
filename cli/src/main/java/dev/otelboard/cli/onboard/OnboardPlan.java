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
 * @param failures files left untouched because they did not parse or a rewrite failed; the rest
 *     of the change does not need them, so it is still written (and the exit is 3)
 * @param blockers parts the rest of the change depends on that could not be made (a build file
 *     or a logging config that must change does not parse, a file to generate is taken): nothing
 *     is written
 */
public record OnboardPlan(
    OtelboardConfig config,
    List<FileEdit> edits,
    List<Change> changes,
    List<ManualItem> manual,
    List<ManualItem> failures,
    List<ManualItem> blockers) {

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

  /** Whether the plan may be written: nothing it depends on failed. */
  public boolean writable() {
    return blockers.isEmpty();
  }

  /** Whether everything was planned: no failures, no blockers (else the exit is 3). */
  public boolean complete() {
    return failures.isEmpty() && blockers.isEmpty();
  }

  /** Writes the people-facing summary. */
  public void printSummary(PrintWriter out, boolean dryRun) {
    if (!blockers.isEmpty()) {
      out.printf("otelboard onboard: %s: refused, nothing %s written; fix these first:%n",
          config.serviceName(), dryRun ? "would be" : "was");
      for (ManualItem item : blockers) {
        out.println("  " + item);
      }
      printFailures(out);
      out.flush();
      return;
    }
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
    printFailures(out);
    if (edits.isEmpty() && failures.isEmpty()) {
      out.println("Nothing to do: the service is already onboarded.");
    }
    out.flush();
  }

  private void printFailures(PrintWriter out) {
    if (!failures.isEmpty()) {
      out.println();
      out.println("Left untouched (could not be parsed or rewritten):");
      for (ManualItem item : failures) {
        out.println("  " + item);
      }
    }
  }
}
