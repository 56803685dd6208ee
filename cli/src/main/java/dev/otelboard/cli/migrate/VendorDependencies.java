package dev.otelboard.cli.migrate;

import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.Element;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vendor tracer dependencies a pom.xml declares in {@code <dependencies>}: what onboard
 * removes once nothing references them (dependencyManagement entries add nothing to the classpath
 * and stay).
 */
public final class VendorDependencies {
  /** The rewrite id removals and kept dependencies are reported under. */
  public static final RewriteId ID = RewriteId.VENDOR_DEPENDENCY;

  private VendorDependencies() {}

  /**
   * One declared dependency.
   *
   * @param groupId its groupId
   * @param artifactId its artifactId
   * @param scope its scope ({@code compile} when not written)
   * @param line the line of its {@code <dependency>}
   * @param vendor whose tracer it brings
   */
  public record Declared(String groupId, String artifactId, String scope, int line,
      Vendor vendor) {
    /** {@code groupId:artifactId}. */
    public String key() {
      return groupId + ":" + artifactId;
    }
  }

  /** The vendor tracer dependencies of {@code pom}, in file order. */
  public static List<Declared> in(String pom) throws XmlParseException {
    XmlTree tree = XmlTree.parse(pom);
    List<Declared> declared = new ArrayList<>();
    Optional<Element> dependencies = tree.root().child("dependencies");
    if (dependencies.isEmpty()) {
      return declared;
    }
    for (Element d : dependencies.get().children("dependency")) {
      String groupId = d.child("groupId").map(tree::textOf).orElse("").strip();
      String artifactId = d.child("artifactId").map(tree::textOf).orElse("").strip();
      String scope = d.child("scope").map(tree::textOf).orElse("compile").strip();
      Vendor.ofArtifact(groupId, artifactId).ifPresent(vendor ->
          declared.add(new Declared(groupId, artifactId, scope, d.line(), vendor)));
    }
    return declared;
  }
}
