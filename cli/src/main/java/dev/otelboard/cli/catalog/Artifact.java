package dev.otelboard.cli.catalog;

import static java.util.Objects.requireNonNull;

/**
 * An artifact onboard adds to a pom for a library; its version comes from the BOMs onboard
 * imports.
 *
 * @param groupId the groupId
 * @param artifactId the artifactId
 * @param runtime whether it goes in {@code runtime} scope (nothing compiles against it)
 */
public record Artifact(String groupId, String artifactId, boolean runtime) {
  static final String INSTRUMENTATION_GROUP = "io.opentelemetry.instrumentation";

  /** Validates the coordinates. */
  public Artifact {
    requireNonNull(groupId, "groupId");
    requireNonNull(artifactId, "artifactId");
  }

  /** A compile-scope artifact of opentelemetry-java-instrumentation. */
  static Artifact instrumentation(String artifactId) {
    return new Artifact(INSTRUMENTATION_GROUP, artifactId, false);
  }

  /** A runtime-scope artifact of opentelemetry-java-instrumentation. */
  static Artifact instrumentationRuntime(String artifactId) {
    return new Artifact(INSTRUMENTATION_GROUP, artifactId, true);
  }

  /** {@code groupId:artifactId}. */
  public String key() {
    return groupId + ":" + artifactId;
  }
}
