package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.Optional;
import java.util.Set;

/** Small tree helpers the rewrites share. No symbol solver: names are matched as written. */
final class Ast {
  private Ast() {}

  /** Whether {@code unit} imports {@code qualifiedName} or its package with a wildcard. */
  static boolean imports(CompilationUnit unit, String qualifiedName) {
    String pkg = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
    for (ImportDeclaration imp : unit.getImports()) {
      if (imp.isStatic()) {
        continue;
      }
      String name = imp.getNameAsString();
      if ((!imp.isAsterisk() && name.equals(qualifiedName)) || (imp.isAsterisk() && name.equals(pkg))) {
        return true;
      }
    }
    return unit.getPackageDeclaration().map(p -> p.getNameAsString().equals(pkg)).orElse(false);
  }

  /** Whether {@code scope} names the class {@code qualifiedName} (simple or qualified). */
  static boolean namesClass(CompilationUnit unit, Expression scope, String qualifiedName) {
    String written = scope.toString();
    if (written.equals(qualifiedName)) {
      return true;
    }
    String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    return written.equals(simple) && imports(unit, qualifiedName);
  }

  /** The call {@code expr} is an argument of, when it is one. */
  static Optional<MethodCallExpr> enclosingCall(Expression expr) {
    return expr.getParentNode()
        .filter(MethodCallExpr.class::isInstance)
        .map(MethodCallExpr.class::cast)
        .filter(call -> call.getArguments().contains(expr));
  }

  /** Whether {@code expr} is already an argument of a call named one of {@code names}. */
  static boolean isArgumentOf(Expression expr, Set<String> names) {
    return enclosingCall(expr).map(call -> names.contains(call.getNameAsString())).orElse(false);
  }

  /** Replaces {@code target} by {@code scope.method(target)} and returns the new call. */
  static MethodCallExpr wrap(Expression target, Expression scope, String method) {
    MethodCallExpr call = new MethodCallExpr(scope, method, new NodeList<>());
    Node parent = target.getParentNode().orElseThrow();
    parent.replace(target, call);
    call.addArgument(target);
    return call;
  }

  /** {@code Context.current()} with Context imported (or qualified). */
  static MethodCallExpr currentContext(CompilationUnit unit) {
    String context = RewriteContext.reference(unit, "io.opentelemetry.context.Context");
    return new MethodCallExpr(new NameExpr(context), "current");
  }

  /** The declared type of the variable, field or parameter {@code name} visible at {@code at}. */
  static Optional<String> declaredType(Node at, String name) {
    for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof LambdaExpr lambda) {
        for (Parameter p : lambda.getParameters()) {
          if (p.getNameAsString().equals(name)) {
            return Optional.of(p.getType().isUnknownType() ? "?" : p.getTypeAsString());
          }
        }
      }
      if (n instanceof com.github.javaparser.ast.stmt.CatchClause clause
          && clause.getParameter().getNameAsString().equals(name)) {
        return Optional.of(clause.getParameter().getTypeAsString());
      }
      if (n instanceof MethodDeclaration method) {
        for (Parameter p : method.getParameters()) {
          if (p.getNameAsString().equals(name)) {
            return Optional.of(p.getTypeAsString());
          }
        }
      }
      if (n instanceof BlockStmt || n instanceof com.github.javaparser.ast.body.TypeDeclaration) {
        for (VariableDeclarator v : n.findAll(VariableDeclarator.class)) {
          if (v.getNameAsString().equals(name)
              && (v.getParentNode().orElse(null) instanceof FieldDeclaration
                  || v.getBegin().isPresent() && at.getBegin().isPresent()
                      && v.getBegin().get().isBefore(at.getBegin().get()))) {
            return Optional.of(v.getTypeAsString());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code name} is a parameter of an enclosing lambda or method. */
  static boolean isParameter(Node at, String name) {
    for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof LambdaExpr lambda
          && lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        return true;
      }
      if (n instanceof MethodDeclaration method
          && method.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  /** The declared type the value of {@code expr} is stored into, when it is stored. */
  static Optional<String> targetType(Expression expr) {
    Node parent = expr.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator v) {
      return Optional.of(v.getTypeAsString());
    }
    if (parent instanceof AssignExpr assign && assign.getValue() == expr) {
      Expression target = assign.getTarget();
      String name =
          target.isFieldAccessExpr()
              ? target.asFieldAccessExpr().getNameAsString()
              : target.toString();
      return declaredType(assign, name);
    }
    return Optional.empty();
  }

  /**
   * The declared type the value of {@code expr} ends up in: a variable, field or assignment target,
   * or the return type of the enclosing method when {@code expr} is returned (not from a lambda).
   */
  static Optional<String> valueType(Expression expr) {
    Optional<String> stored = targetType(expr);
    if (stored.isPresent()) {
      return stored;
    }
    Node parent = expr.getParentNode().orElse(null);
    if (!(parent instanceof com.github.javaparser.ast.stmt.ReturnStmt)) {
      return Optional.empty();
    }
    for (Node n = parent; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof LambdaExpr) {
        return Optional.empty();
      }
      if (n instanceof MethodDeclaration method) {
        return Optional.of(method.getTypeAsString());
      }
    }
    return Optional.empty();
  }

  /** {@code type} without its type arguments: {@code Producer<K, V>} is {@code Producer}. */
  static String rawType(String type) {
    int lt = type.indexOf('<');
    return (lt < 0 ? type : type.substring(0, lt)).strip();
  }

  /** Whether the type written as {@code type} in {@code unit} is {@code qualifiedName}. */
  static boolean isType(CompilationUnit unit, String type, String qualifiedName) {
    String raw = rawType(type);
    String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    return raw.equals(qualifiedName) || raw.equals(simple) && imports(unit, qualifiedName);
  }

  /** Whether {@code creation} is {@code new Simple(...)} for {@code qualifiedName}. */
  static boolean creates(CompilationUnit unit, ObjectCreationExpr creation, String qualifiedName) {
    String type = rawType(creation.getType().asString());
    String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    return type.equals(qualifiedName) || (type.equals(simple) && imports(unit, qualifiedName));
  }
}
