package dev.otelboard.cli.buildfile;

import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.Element;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spring Boot version a pom.xml builds with: from a {@code spring-boot-starter-parent}
 * (or {@code spring-boot-dependencies}) parent, an imported {@code spring-boot-dependencies} BOM,
 * or an explicitly versioned {@code org.springframework.boot} dependency or plugin. Versions given
 * as {@code ${property}} are resolved from the pom's own properties.
 */
public final class SpringBootVersion {
  private static final String BOOT_GROUP = "org.springframework.boot";
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

  /**
   * A Spring Boot release line.
   *
   * @param major the major version
   * @param minor the minor version
   */
  public record Version(int major, int minor) {
    /**
     * Whether opentelemetry-spring-boot-starter runs on it: Spring Boot 2.6+ and 3.1+ (its
     * documented compatibility); 3.0 is not among them.
     */
    public boolean hasOpenTelemetryStarter() {
      return major == 2 ? minor >= 6 : major == 3 ? minor >= 1 : major > 3;
    }

    @Override
    public String toString() {
      return major + "." + minor;
    }
  }

  private SpringBootVersion() {}

  /**
   * Whether onboard gives an application opentelemetry-spring-boot-starter: the build names a Boot
   * version the starter supports; when it names none, a Spring Boot application on Jakarta EE (so
   * Boot 3+) counts. Onboard decides by it and scan forecasts by it.
   *
   * @param version the Boot version the module's (or the root) pom names
   * @param jakartaApplication whether there is a {@code @SpringBootApplication} and the sources
   *     import {@code jakarta.*}
   */
  public static boolean starterFits(Optional<Version> version, boolean jakartaApplication) {
    return version.map(Version::hasOpenTelemetryStarter).orElse(jakartaApplication);
  }

  /**
   * Whether a Spring Boot application's build (the module's pom and the root pom) serves HTTP on
   * a servlet container without Spring MVC (Jersey through spring-boot-starter-jersey): the
   * starter's web instrumentation then has nothing to hook, and onboard registers the generated
   * servlet filter. Onboard decides by it and scan forecasts by it.
   */
  public static boolean servesWithoutSpringMvc(String buildFiles) {
    return (buildFiles.contains("<artifactId>spring-boot-starter-jersey</artifactId>")
            || buildFiles.contains("<artifactId>jersey-container-servlet"))
        && !buildFiles.contains("<artifactId>spring-boot-starter-web</artifactId>")
        && !buildFiles.contains("<artifactId>spring-webmvc</artifactId>");
  }

  /**
   * The opentelemetry-spring-webmvc line whose servlet filter onboard registers in a Spring Boot
   * application the starter does not support: 5.3 (javax) on Boot 2.4/2.5, which ship Spring
   * Framework 5.3; 6.0 (jakarta) on Boot 3.0. Empty for other versions, or when {@code buildFiles}
   * (the module's pom and the root pom) have no Spring MVC server. Onboard decides by it and scan
   * forecasts by it.
   */
  public static Optional<String> webMvcFilterLine(Optional<Version> version, String buildFiles) {
    if (version.isEmpty() || version.get().hasOpenTelemetryStarter()
        || !buildFiles.contains("<artifactId>spring-boot-starter-web</artifactId>")
            && !buildFiles.contains("<artifactId>spring-webmvc</artifactId>")) {
      return Optional.empty();
    }
    Version v = version.get();
    if (v.major() == 2 && (v.minor() == 4 || v.minor() == 5)) {
      return Optional.of("5.3");
    }
    return v.major() == 3 && v.minor() == 0 ? Optional.of("6.0") : Optional.empty();
  }

  /** The major version, or empty when the pom does not say (or does not use Spring Boot). */
  public static OptionalInt major(String pomXml) {
    return of(pomXml).map(v -> OptionalInt.of(v.major())).orElse(OptionalInt.empty());
  }

  /** The major.minor version, or empty when the pom does not say (or does not use Spring Boot). */
  public static Optional<Version> of(String pomXml) {
    XmlTree tree;
    try {
      tree = XmlTree.parse(pomXml);
    } catch (XmlParseException e) {
      return Optional.empty();
    }
    Element project = tree.root();
    Optional<Element> parent = project.child("parent");
    if (parent.isPresent() && isBoot(tree, parent.get())) {
      return versionOf(tree, parent.get());
    }
    Optional<Element> managed =
        project.child("dependencyManagement").flatMap(m -> m.child("dependencies"));
    for (Element d : managed.map(m -> m.children("dependency")).orElse(List.of())) {
      if (isBoot(tree, d)) {
        Optional<Version> version = versionOf(tree, d);
        if (version.isPresent()) {
          return version;
        }
      }
    }
    for (Element d :
        project.child("dependencies").map(m -> m.children("dependency")).orElse(List.of())) {
      if (isBoot(tree, d)) {
        Optional<Version> version = versionOf(tree, d);
        if (version.isPresent()) {
          return version;
        }
      }
    }
    Optional<Element> plugins = project.child("build").flatMap(b -> b.child("plugins"));
    for (Element p : plugins.map(m -> m.children("plugin")).orElse(List.of())) {
      if (isBoot(tree, p)) {
        Optional<Version> version = versionOf(tree, p);
        if (version.isPresent()) {
          return version;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isBoot(XmlTree tree, Element coordinates) {
    return coordinates.child("groupId").map(tree::textOf).filter(BOOT_GROUP::equals).isPresent();
  }

  private static Optional<Version> versionOf(XmlTree tree, Element coordinates) {
    Optional<String> version = coordinates.child("version").map(tree::textOf).map(String::strip);
    if (version.isEmpty()) {
      return Optional.empty();
    }
    String value = version.get();
    Matcher property = PROPERTY.matcher(value);
    if (property.matches()) {
      value =
          tree.root()
              .child("properties")
              .flatMap(p -> p.child(property.group(1)))
              .map(tree::textOf)
              .orElse("");
    }
    Matcher m = MAJOR_MINOR.matcher(value.strip());
    return m.find()
        ? Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }
}
