package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;

/** Import bookkeeping for rewrites that move code from one API to another. */
final class Imports {
  private Imports() {}

  /**
   * Removes the single-type import of {@code qualifiedName} when no code in {@code unit} uses its
   * simple name any more (a type, a name, an annotation).
   */
  static void removeIfUnused(CompilationUnit unit, String qualifiedName) {
    String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    if (usesSimpleName(unit, simple)) {
      return;
    }
    for (ImportDeclaration imp : new ArrayList<>(unit.getImports())) {
      if (!imp.isStatic() && !imp.isAsterisk() && imp.getNameAsString().equals(qualifiedName)) {
        imp.remove();
      }
    }
  }

  /** Whether code in {@code unit} (not its imports) names {@code simple} unqualified. */
  static boolean usesSimpleName(CompilationUnit unit, String simple) {
    for (NameExpr name : unit.findAll(NameExpr.class)) {
      if (name.getNameAsString().equals(simple)) {
        return true;
      }
    }
    for (ClassOrInterfaceType type : unit.findAll(ClassOrInterfaceType.class)) {
      if (type.getScope().isEmpty() && type.getNameAsString().equals(simple)) {
        return true;
      }
    }
    for (Name name : unit.findAll(Name.class)) {
      if (name.getQualifier().isEmpty() && name.getIdentifier().equals(simple)
          && !inImport(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inImport(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof ImportDeclaration) {
        return true;
      }
    }
    return false;
  }
}
