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
 * The Spring Boot major version a pom.xml builds with: from a {@code spring-boot-starter-parent}
 * (or {@code spring-boot-dependencies}) parent, an imported {@code spring-boot-dependencies} BOM,
 * or an explicitly versioned {@code org.springframework.boot} dependency or plugin. Versions given
 * as {@code ${property}} are resolved from the pom's own properties.
 */
public final class SpringBootVersion {
  private static final String BOOT_GROUP = "org.springframework.boot";
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern MAJOR = Pattern.compile("^(\\d+)\\.");

  private SpringBootVersion() {}

  /** The major version, or empty when the pom does not say (or does not use Spring Boot). */
  public static OptionalInt major(String pomXml) {
    XmlTree tree;
    try {
      tree = XmlTree.parse(pomXml);
    } catch (XmlParseException e) {
      return OptionalInt.empty();
    }
    Element project = tree.root();
    Optional<Element> parent = project.child("parent");
    if (parent.isPresent() && isBoot(tree, parent.get())) {
      return majorOf(tree, parent.get());
    }
    Optional<Element> managed =
        project.child("dependencyManagement").flatMap(m -> m.child("dependencies"));
    for (Element d : managed.map(m -> m.children("dependency")).orElse(List.of())) {
      if (isBoot(tree, d)) {
        OptionalInt major = majorOf(tree, d);
        if (major.isPresent()) {
          return major;
        }
      }
    }
    for (Element d :
        project.child("dependencies").map(m -> m.children("dependency")).orElse(List.of())) {
      if (isBoot(tree, d)) {
        OptionalInt major = majorOf(tree, d);
        if (major.isPresent()) {
          return major;
        }
      }
    }
    Optional<Element> plugins = project.child("build").flatMap(b -> b.child("plugins"));
    for (Element p : plugins.map(m -> m.children("plugin")).orElse(List.of())) {
      if (isBoot(tree, p)) {
        OptionalInt major = majorOf(tree, p);
        if (major.isPresent()) {
          return major;
        }
      }
    }
    return OptionalInt.empty();
  }

  private static boolean isBoot(XmlTree tree, Element coordinates) {
    return coordinates.child("groupId").map(tree::textOf).filter(BOOT_GROUP::equals).isPresent();
  }

  private static OptionalInt majorOf(XmlTree tree, Element coordinates) {
    Optional<String> version = coordinates.child("version").map(tree::textOf).map(String::strip);
    if (version.isEmpty()) {
      return OptionalInt.empty();
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
    Matcher major = MAJOR.matcher(value.strip());
    return major.find() ? OptionalInt.of(Integer.parseInt(major.group(1))) : OptionalInt.empty();
  }
}
