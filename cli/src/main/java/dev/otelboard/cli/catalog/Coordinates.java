package dev.otelboard.cli.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A {@code groupId:artifactId} pattern that identifies a library in a build file. {@code *}
 * matches any run of characters, so {@code io.zipkin.brave*:*} is every Brave artifact.
 *
 * @param groupId the groupId pattern
 * @param artifactId the artifactId pattern
 */
public record Coordinates(String groupId, String artifactId) {

  /** Validates the patterns. */
  public Coordinates {
    requireNonNull(groupId, "groupId");
    requireNonNull(artifactId, "artifactId");
    if (groupId.isEmpty() || artifactId.isEmpty() || groupId.contains(":")
        || artifactId.contains(":")) {
      throw new IllegalArgumentException("not groupId:artifactId: " + groupId + ":" + artifactId);
    }
  }

  /** Parses {@code groupId:artifactId}. */
  public static Coordinates parse(String coordinates) {
    int colon = coordinates.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not groupId:artifactId: " + coordinates);
    }
    return new Coordinates(coordinates.substring(0, colon), coordinates.substring(colon + 1));
  }

  /** Whether a dependency {@code groupId:artifactId} matches both patterns (case-sensitive). */
  public boolean matches(String groupId, String artifactId) {
    return glob(this.groupId, groupId) && glob(this.artifactId, artifactId);
  }

  /** Whether {@code artifactId} matches the artifactId pattern, whatever the group. */
  public boolean matchesArtifact(String artifactId) {
    return glob(this.artifactId, artifactId);
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId;
  }

  /** {@code *} matches any run of characters; everything else matches itself. */
  private static boolean glob(String pattern, String value) {
    String[] parts = pattern.split("\\*", -1);
    if (parts.length == 1) {
      return pattern.equals(value);
    }
    String first = parts[0];
    String last = parts[parts.length - 1];
    if (!value.startsWith(first) || value.length() < first.length() + last.length()) {
      return false;
    }
    int at = first.length();
    for (int i = 1; i < parts.length - 1; i++) {
      at = value.indexOf(parts[i], at);
      if (at < 0) {
        return false;
      }
      at += parts[i].length();
    }
    return value.length() - last.length() >= at && value.endsWith(last);
  }
}
