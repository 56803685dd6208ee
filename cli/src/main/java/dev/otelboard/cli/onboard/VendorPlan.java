package dev.otelboard.cli.onboard;

import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What onboard does about one module's vendor tracer ({@link VendorMigration}).
 *
 * @param found whether the module declares or references a vendor tracer at all
 * @param settings the rewrite settings, with the tracing holder the migrated code calls
 * @param changes pom changes: vendor dependencies removed, OpenTelemetry ones added
 * @param manual what a person has to do (kept dependencies)
 * @param blockers uses no rewrite moves, with file:line: onboard refuses the service
 * @param pom the module's pom.xml after the changes, when it changes
 * @param generated the tracing holder, when migrated code calls it
 * @param otherJavaFiles the files without vendor references, for onboard's check for other
 *     tracers (the others are migrated, or blocked)
 * @param otherPom the pom without vendor dependencies, for the same check
 * @param refusal the vendor tracer(s) named when onboard refuses; null when it proceeds
 */
record VendorPlan(
    boolean found,
    RewriteSettings settings,
    List<Change> changes,
    List<ManualItem> manual,
    List<ManualItem> blockers,
    Optional<String> pom,
    List<Generated> generated,
    List<Path> otherJavaFiles,
    String otherPom,
    String refusal) {

  /** A source file to generate. */
  record Generated(Path file, String text) {}

  /** Nothing about vendor tracers: onboard's own checks see the module as it is. */
  static VendorPlan none(List<Path> javaFiles, String pom, RewriteSettings settings) {
    return new VendorPlan(false, settings, List.of(), List.of(), List.of(), Optional.empty(),
        List.of(), javaFiles, pom, null);
  }
}
