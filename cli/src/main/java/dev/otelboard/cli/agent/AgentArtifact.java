package dev.otelboard.cli.agent;

import static java.util.Objects.requireNonNull;

/**
 * A javaagent jar in a Maven repository.
 *
 * @param groupId the Maven group id
 * @param artifactId the Maven artifact id
 * @param version the version
 * @param sha1 the expected SHA-1 of the jar in lower-case hex, or empty to trust the repository's
 *     {@code .sha1} file
 */
public record AgentArtifact(String groupId, String artifactId, String version, String sha1) {
  /**
   * The OpenTelemetry Java agent otelboard targets, {@code
   * io.opentelemetry.javaagent:opentelemetry-javaagent:2.31.1}, with the SHA-1 Maven Central
   * publishes for it pinned here, so a tampered mirror or cache is caught.
   */
  public static final AgentArtifact OPENTELEMETRY_JAVAAGENT =
      new AgentArtifact(
          "io.opentelemetry.javaagent",
          "opentelemetry-javaagent",
          "2.31.1",
          "1980f46fddc489e5c989d8369e655999455643ea");

  /** Validates the fields. */
  public AgentArtifact {
    requireNonNull(groupId, "groupId");
    requireNonNull(artifactId, "artifactId");
    requireNonNull(version, "version");
    requireNonNull(sha1, "sha1");
    if (!sha1.isEmpty() && !sha1.matches("[0-9a-f]{40}")) {
      throw new IllegalArgumentException("sha1 must be 40 lower-case hex digits: " + sha1);
    }
  }

  /** {@code group:artifact:version}. */
  public String coordinates() {
    return groupId + ":" + artifactId + ":" + version;
  }

  /** The jar's file name, {@code artifact-version.jar}. */
  public String fileName() {
    return artifactId + "-" + version + ".jar";
  }

  /** The jar's path inside a Maven repository layout. */
  public String repositoryPath() {
    return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
  }
}
