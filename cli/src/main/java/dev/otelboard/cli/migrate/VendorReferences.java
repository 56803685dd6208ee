package dev.otelboard.cli.migrate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a Java file references a vendor tracer's API: its imports (each a reference on its own: the
 * file does not compile without the artifact), the simple names they bring in, and fully
 * qualified names in code (an annotation written {@code @datadog.trace.api.Trace}, a call on
 * {@code io.opentracing.util.GlobalTracer}). Comments are not code, so a use in commented-out code
 * is none. Names are matched as written (no symbol solver): a local variable that shadows an
 * imported class name counts as a use.
 */
public final class VendorReferences {
  private VendorReferences() {}

  /**
   * One reference.
   *
   * @param line its 1-based line
   * @param name the vendor's qualified name (of the import, or of the class a use names)
   * @param vendor whose API it is
   * @param isImport whether it is an import rather than a use in code
   */
  public record Reference(int line, String name, Vendor vendor, boolean isImport) {}

  /**
   * Every reference in {@code unit}, one per name and line: imports, qualified names, and uses of
   * the simple names single-type imports bring in.
   */
  public static List<Reference> in(CompilationUnit unit) {
    Set<Reference> found = new LinkedHashSet<>();
    Map<String, String> imported = new HashMap<>();
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      Optional<Vendor> vendor = Vendor.ofJavaName(name);
      vendor.ifPresent(v -> found.add(new Reference(line(imp), name, v, true)));
      if (vendor.isPresent() && !imp.isStatic() && !imp.isAsterisk()) {
        imported.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
    List<Reference> uses = new ArrayList<>();
    for (NameExpr name : unit.findAll(NameExpr.class)) {
      simpleUse(imported, name, name.getNameAsString(), uses);
    }
    for (ClassOrInterfaceType type : unit.findAll(ClassOrInterfaceType.class)) {
      if (type.getScope().isEmpty()) {
        simpleUse(imported, type, type.getNameAsString(), uses);
      }
    }
    for (Name name : unit.findAll(Name.class)) {
      if (name.getQualifier().isEmpty() && !inImportOrPackage(name)
          && !(name.getParentNode().orElse(null) instanceof Name)) {
        simpleUse(imported, name, name.getIdentifier(), uses);
      }
    }
    List<Node> qualified = new ArrayList<>();
    qualified.addAll(unit.findAll(Name.class));
    qualified.addAll(unit.findAll(ClassOrInterfaceType.class));
    qualified.addAll(unit.findAll(FieldAccessExpr.class));
    qualified.sort((a, b) -> Integer.compare(line(a), line(b)));
    for (Node node : qualified) {
      if (inImportOrPackage(node) || isInnerPartOfChain(node)) {
        continue;
      }
      String name = written(node);
      if (name.indexOf('.') < 0) {
        continue;
      }
      Vendor.ofJavaName(name).ifPresent(v -> uses.add(new Reference(line(node), name, v, false)));
    }
    uses.sort((a, b) -> Integer.compare(a.line(), b.line()));
    found.addAll(uses);
    return List.copyOf(found);
  }

  private static void simpleUse(Map<String, String> imported, Node node, String simple,
      List<Reference> uses) {
    String qualified = imported.get(simple);
    if (qualified != null) {
      Vendor.ofJavaName(qualified).ifPresent(
          v -> uses.add(new Reference(line(node), qualified, v, false)));
    }
  }

  /** The vendors {@code unit} references. */
  public static Set<Vendor> vendors(CompilationUnit unit) {
    Set<Vendor> vendors = new LinkedHashSet<>();
    in(unit).forEach(r -> vendors.add(r.vendor()));
    return vendors;
  }

  private static String written(Node node) {
    if (node instanceof ClassOrInterfaceType type) {
      return type.getNameWithScope();
    }
    if (node instanceof Name name) {
      return name.asString();
    }
    return node.toString();
  }

  /** A scope inside a longer qualified name: only the whole name is reported. */
  private static boolean isInnerPartOfChain(Node node) {
    Optional<Node> parent = node.getParentNode();
    return parent.isPresent()
        && (parent.get() instanceof Name && node instanceof Name
            || parent.get() instanceof FieldAccessExpr && node instanceof FieldAccessExpr
            || parent.get() instanceof ClassOrInterfaceType
                && node instanceof ClassOrInterfaceType outer
                && ((ClassOrInterfaceType) parent.get()).getScope().orElse(null) == outer);
  }

  private static boolean inImportOrPackage(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof ImportDeclaration || n instanceof PackageDeclaration) {
        return true;
      }
    }
    return false;
  }

  private static int line(Node node) {
    return node.getBegin().map(p -> p.line).orElse(0);
  }
}
