package dev.otelboard.cli.buildfile;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A dependency a rewrite needs. The version is left out (managed by the imported BOMs) unless set.
 *
 * @param groupId the group id
 * @param artifactId the artifact id
 * @param scope {@code compile} (written as no scope), {@code runtime}, {@code test} or {@code import}
 * @param version the version, or null when a BOM manages it
 * @param exclusions {@code groupId:artifactId} pairs to exclude
 */
public record MavenDependency(
    String groupId, String artifactId, String scope, String version, List<String> exclusions) {

  /** Validates the coordinates. */
  public MavenDependency {
    requireNonNull(groupId, "groupId");
    requireNonNull(artifactId, "artifactId");
    scope = scope == null ? "compile" : scope;
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
  }

  /** A compile-scope dependency whose version a BOM manages. */
  public static MavenDependency managed(String groupId, String artifactId) {
    return new MavenDependency(groupId, artifactId, "compile", null, List.of());
  }

  /** A runtime-scope dependency whose version a BOM manages. */
  public static MavenDependency runtime(String groupId, String artifactId) {
    return new MavenDependency(groupId, artifactId, "runtime", null, List.of());
  }

  /** A BOM import for dependencyManagement. */
  public static MavenDependency bom(String groupId, String artifactId, String version) {
    return new MavenDependency(groupId, artifactId, "import", version, List.of());
  }

  /** The same dependency excluding {@code groupId:artifactId}. */
  public MavenDependency excluding(String coordinates) {
    List<String> all = new java.util.ArrayList<>(exclusions);
    all.add(coordinates);
    return new MavenDependency(groupId, artifactId, scope, version, all);
  }

  /** {@code groupId:artifactId}. */
  public String key() {
    return groupId + ":" + artifactId;
  }

  /** The {@code <dependency>} element, one tag per line, without indentation. */
  String toXml(String indentUnit) {
    StringBuilder xml = new StringBuilder("<dependency>\n");
    xml.append(indentUnit).append("<groupId>").append(groupId).append("</groupId>\n");
    xml.append(indentUnit).append("<artifactId>").append(artifactId).append("</artifactId>\n");
    if (version != null) {
      xml.append(indentUnit).append("<version>").append(version).append("</version>\n");
    }
    if (scope.equals("import")) {
      xml.append(indentUnit).append("<type>pom</type>\n");
    }
    if (!scope.equals("compile")) {
      xml.append(indentUnit).append("<scope>").append(scope).append("</scope>\n");
    }
    if (!exclusions.isEmpty()) {
      xml.append(indentUnit).append("<exclusions>\n");
      for (String exclusion : exclusions) {
        String[] ga = exclusion.split(":", 2);
        String in2 = indentUnit + indentUnit;
        String in3 = in2 + indentUnit;
        xml.append(in2).append("<exclusion>\n");
        xml.append(in3).append("<groupId>").append(ga[0]).append("</groupId>\n");
        xml.append(in3).append("<artifactId>").append(ga[1]).append("</artifactId>\n");
        xml.append(in2).append("</exclusion>\n");
      }
      xml.append(indentUnit).append("</exclusions>\n");
    }
    return xml.append("</dependency>").toString();
  }
}
