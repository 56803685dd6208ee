package dev.otelboard.cli.buildfile;

import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.Element;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Edits a pom.xml as text: adds properties, BOM imports and dependencies, removes dependencies,
 * keeping the file's formatting, comments and ordering. Every edit first checks whether its target is already there,
 * so applying it twice changes nothing.
 */
public final class PomEditor {
  /** The rewrite id its changes and manual items are reported under. */
  public static final RewriteId ID = RewriteId.POM;

  /** Where a property, BOM or dependency was added: line in the edited file and what. */
  public record Edit(int line, String what) {}

  private static final List<String> PROJECT_ORDER =
      List.of(
          "modelVersion", "parent", "groupId", "artifactId", "version", "packaging", "name",
          "description", "url", "inceptionYear", "organization", "licenses", "developers",
          "contributors", "mailingLists", "prerequisites", "modules", "scm", "issueManagement",
          "ciManagement", "distributionManagement", "properties", "dependencyManagement",
          "dependencies", "repositories", "pluginRepositories", "build", "reporting", "profiles");

  private String text;
  private final List<Edit> edits = new ArrayList<>();

  private PomEditor(String text) {
    this.text = text;
  }

  /** Starts editing {@code pomXml}; fails with the line of an XML error. */
  public static PomEditor of(String pomXml) throws XmlParseException {
    XmlTree.parse(pomXml);
    return new PomEditor(pomXml);
  }

  /** The edited text. */
  public String text() {
    return text;
  }

  /** What was added, in order. */
  public List<Edit> edits() {
    return List.copyOf(edits);
  }

  /**
   * The {@code groupId:artifactId} of every dependency in {@code <dependencies>}: what the module
   * puts on its classpath, not what dependencyManagement pins or an exclusion keeps off.
   */
  public Set<String> dependencyKeys() throws XmlParseException {
    Set<String> keys = new java.util.LinkedHashSet<>();
    XmlTree tree = XmlTree.parse(text);
    collect(tree, tree.root().child("dependencies"), keys);
    return keys;
  }

  /** The {@code groupId:artifactId} of every dependency and managed dependency in the file. */
  public Set<String> declaredKeys() throws XmlParseException {
    Set<String> keys = new java.util.LinkedHashSet<>();
    XmlTree tree = XmlTree.parse(text);
    collect(tree, tree.root().child("dependencies"), keys);
    tree.root()
        .child("dependencyManagement")
        .ifPresent(dm -> collect(tree, dm.child("dependencies"), keys));
    return keys;
  }

  /** Whether the pom has a {@code <parent>}. */
  public Optional<String> parentRelativePath() throws XmlParseException {
    XmlTree tree = XmlTree.parse(text);
    return tree.root()
        .child("parent")
        .map(p -> p.child("relativePath").map(tree::textOf).orElse("../pom.xml"));
  }

  /** The value of {@code <properties><name>} if present. */
  public Optional<String> property(String name) throws XmlParseException {
    XmlTree tree = XmlTree.parse(text);
    return tree.root()
        .child("properties")
        .flatMap(p -> p.child(name))
        .map(tree::textOf);
  }

  /** Adds {@code <name>value</name>} to {@code <properties>} unless the property exists. */
  public PomEditor addProperty(String name, String value) throws XmlParseException {
    XmlTree tree = XmlTree.parse(text);
    Optional<Element> properties = tree.root().child("properties");
    String element = "<" + name + ">" + XmlTree.escape(value) + "</" + name + ">";
    if (properties.isEmpty()) {
      insertProjectSection(tree, "properties", "<properties>\n" + tree.indentUnit() + element
          + "\n</properties>");
      record("property " + name, text.indexOf(element), 0);
      return this;
    }
    if (properties.get().child(name).isPresent()) {
      return this;
    }
    text = tree.appendChild(properties.get(), element);
    record("property " + name, text.indexOf(element), 0);
    return this;
  }

  /** Imports a BOM in {@code <dependencyManagement>} unless that BOM is already imported. */
  public PomEditor importBom(MavenDependency bom) throws XmlParseException {
    XmlTree tree = XmlTree.parse(text);
    Optional<Element> management = tree.root().child("dependencyManagement");
    if (management.isPresent()) {
      Optional<Element> dependencies = management.get().child("dependencies");
      if (dependencies.isPresent() && find(tree, dependencies.get(), bom.key()).isPresent()) {
        return this;
      }
      if (dependencies.isPresent()) {
        text = tree.appendChild(dependencies.get(), bom.toXml(tree.indentUnit()));
      } else {
        text =
            tree.appendChild(
                management.get(),
                wrap("dependencies", bom.toXml(tree.indentUnit()), tree.indentUnit()));
      }
    } else {
      String unit = tree.indentUnit();
      insertProjectSection(
          tree,
          "dependencyManagement",
          wrap("dependencyManagement", wrap("dependencies", bom.toXml(unit), unit), unit));
    }
    record("BOM " + bom.key() + ":" + bom.version(),
        text.indexOf("<artifactId>" + bom.artifactId() + "</artifactId>"), -2);
    return this;
  }

  /**
   * Adds a dependency to {@code <dependencies>} unless one with the same groupId:artifactId is
   * there. It goes after the last non-test dependency, so test dependencies stay at the end.
   */
  public PomEditor addDependency(MavenDependency dependency) throws XmlParseException {
    XmlTree tree = XmlTree.parse(text);
    Optional<Element> dependencies = tree.root().child("dependencies");
    String xml = dependency.toXml(tree.indentUnit());
    if (dependencies.isEmpty()) {
      insertProjectSection(tree, "dependencies", wrap("dependencies", xml, tree.indentUnit()));
      record("dependency " + dependency.key(),
          text.lastIndexOf("<artifactId>" + dependency.artifactId() + "</artifactId>"), -2);
      return this;
    }
    if (find(tree, dependencies.get(), dependency.key()).isPresent()) {
      return this;
    }
    Element lastMain = null;
    Element firstTest = null;
    for (Element d : dependencies.get().children("dependency")) {
      boolean test = d.child("scope").map(tree::textOf).filter("test"::equals).isPresent();
      if (!test) {
        lastMain = d;
      } else if (firstTest == null) {
        firstTest = d;
      }
    }
    if (lastMain != null) {
      text = tree.insertAfter(lastMain, xml);
    } else if (firstTest != null) {
      text = tree.insertBefore(firstTest, xml);
    } else {
      text = tree.appendChild(dependencies.get(), xml);
    }
    record("dependency " + dependency.key(),
        text.lastIndexOf("<artifactId>" + dependency.artifactId() + "</artifactId>"), -2);
    return this;
  }

  /**
   * Removes the {@code <dependency>} {@code groupId:artifactId} from {@code <dependencies>} (not
   * from dependencyManagement, where a declaration adds nothing to the classpath), with the line
   * it stands on; nothing happens when it is not there.
   */
  public PomEditor removeDependency(String groupId, String artifactId) throws XmlParseException {
    XmlTree tree = XmlTree.parse(text);
    Optional<Element> dependencies = tree.root().child("dependencies");
    Optional<Element> found =
        dependencies.flatMap(d -> find(tree, d, groupId + ":" + artifactId));
    if (found.isEmpty()) {
      return this;
    }
    Element dependency = found.get();
    int from = dependency.start();
    int to = dependency.end();
    int lineStart = text.lastIndexOf('\n', from - 1) + 1;
    int lineEnd = text.indexOf('\n', to);
    // Whole lines go when the element has them to itself, so no blank line is left behind.
    if (text.substring(lineStart, from).isBlank()
        && (lineEnd < 0 || text.substring(to, lineEnd).isBlank())) {
      from = lineStart;
      to = lineEnd < 0 ? text.length() : lineEnd + 1;
    }
    int line = dependency.line();
    text = text.substring(0, from) + text.substring(to);
    edits.add(new Edit(line, "removed dependency " + groupId + ":" + artifactId));
    return this;
  }

  /** Records an edit at the line of {@code offset}, moved by {@code lineDelta}. */
  private void record(String what, int offset, int lineDelta) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    edits.add(new Edit(Math.max(1, line + lineDelta), what));
  }

  /** Inserts a new top-level section where Maven's conventional element order puts it. */
  private void insertProjectSection(XmlTree tree, String section, String xml) {
    int index = PROJECT_ORDER.indexOf(section);
    Element before = null;
    for (Element child : tree.root().children()) {
      int order = PROJECT_ORDER.indexOf(child.localName());
      if (order > index && before == null) {
        before = child;
      }
    }
    // A blank line between top-level sections, as most poms have.
    if (before != null) {
      text = tree.insertBefore(before, xml + "\n");
    } else {
      text = tree.appendChild(tree.root(), "\n" + xml);
    }
  }

  private static String wrap(String tag, String inner, String unit) {
    StringBuilder out = new StringBuilder("<" + tag + ">\n");
    for (String line : inner.split("\n")) {
      out.append(unit).append(line).append('\n');
    }
    return out.append("</").append(tag).append(">").toString();
  }

  private static Optional<Element> find(XmlTree tree, Element dependencies, String key) {
    for (Element d : dependencies.children("dependency")) {
      String g = d.child("groupId").map(tree::textOf).orElse("");
      String a = d.child("artifactId").map(tree::textOf).orElse("");
      if ((g + ":" + a).equals(key)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static void collect(XmlTree tree, Optional<Element> dependencies, Set<String> keys) {
    dependencies.ifPresent(
        deps -> {
          for (Element d : deps.children("dependency")) {
            keys.add(
                d.child("groupId").map(tree::textOf).orElse("")
                    + ":"
                    + d.child("artifactId").map(tree::textOf).orElse(""));
          }
        });
  }
}
