package dev.otelboard.cli.scan;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One parsed Java file as the detectors see it: the tree, its type names, the nodes they look at
 * (collected in one walk), and where findings and facts go.
 */
final class JavaSource {
  private static final int SNIPPET_MAX = 120;

  final String file;
  final Scope scope;
  final CompilationUnit unit;
  final TypeNames types;
  private final String text;
  private int[] lineStarts;

  final List<MethodCallExpr> calls = new ArrayList<>();
  final List<ObjectCreationExpr> creations = new ArrayList<>();
  final List<TypeDeclaration<?>> typeDeclarations = new ArrayList<>();
  final List<MethodDeclaration> methods = new ArrayList<>();
  final List<VariableDeclarator> variables = new ArrayList<>();

  final List<Finding> findings = new ArrayList<>();
  /** Log calls: framework to level to count. */
  final Map<String, Map<String, Integer>> logCalls = new TreeMap<>();
  /** Classes with main() or @SpringBootApplication: fqn to whether Spring Boot. */
  final Map<String, Boolean> mainClasses = new TreeMap<>();
  /** Logging frameworks whose loggers are declared or called here. */
  final Set<String> frameworks = new java.util.TreeSet<>();

  JavaSource(String file, Scope scope, CompilationUnit unit, String text, RepoIndex index) {
    this.file = file;
    this.scope = scope;
    this.unit = unit;
    this.text = text;
    unit.walk(
        node -> {
          if (node instanceof MethodCallExpr c) {
            calls.add(c);
          } else if (node instanceof ObjectCreationExpr c) {
            creations.add(c);
          } else if (node instanceof MethodDeclaration m) {
            methods.add(m);
          } else if (node instanceof TypeDeclaration<?> t) {
            typeDeclarations.add(t);
          } else if (node instanceof VariableDeclarator v) {
            variables.add(v);
          }
        });
    this.types = new TypeNames(unit, file, index, typeDeclarations, methods);
  }

  /** Whether otelboard generated this file (its stamp is in the header). */
  boolean generatedByOtelboard() {
    return text.substring(0, Math.min(text.length(), 600)).contains(TracingDetector.GENERATED_STAMP);
  }

  boolean isTest() {
    return scope == Scope.TEST;
  }

  /** Records a finding at {@code at}. */
  void add(
      FindingKind kind,
      Node at,
      String symbol,
      boolean instrumented,
      RewriteId rewrite,
      String reason) {
    // A call made on another call's result (a fluent chain) is located at its name: the chain's
    // start is a different call.
    Node located = at instanceof MethodCallExpr call
        && call.getScope().orElse(null) instanceof MethodCallExpr ? call.getName() : at;
    Position begin = located.getBegin().orElse(new Position(1, 1));
    findings.add(
        new Finding(
            kind,
            file,
            begin.line,
            begin.column,
            enclosingClass(at),
            enclosingMethod(at),
            symbol,
            snippet(begin),
            instrumented,
            rewrite,
            reason,
            scope,
            ""));
  }

  /** Counts one log call. */
  void countLogCall(String framework, String level) {
    logCalls.computeIfAbsent(framework, f -> new TreeMap<>()).merge(level, 1, Integer::sum);
  }

  private String enclosingClass(Node at) {
    for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        return types.qualifiedName(t);
      }
    }
    return null;
  }

  private static String enclosingMethod(Node at) {
    for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof ConstructorDeclaration) {
        return "<init>";
      }
      if (n instanceof CallableDeclaration<?> c) {
        return c.getNameAsString();
      }
      if (n instanceof InitializerDeclaration i) {
        return i.isStatic() ? "<clinit>" : "<init>";
      }
      if (n instanceof TypeDeclaration<?>) {
        return null;
      }
    }
    return null;
  }

  private String snippet(Position begin) {
    if (lineStarts == null) {
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }
    if (begin.line < 1 || begin.line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[begin.line - 1] + Math.max(0, begin.column - 1);
    int end = begin.line < lineStarts.length ? lineStarts[begin.line] : text.length();
    if (start >= end) {
      return "";
    }
    return Snippets.oneLine(text.substring(start, end), SNIPPET_MAX);
  }

  /** Whether {@code e} is an argument of a call named one of {@code names}. */
  static boolean isArgumentOf(Expression e, Set<String> names) {
    Node parent = e.getParentNode().orElse(null);
    return parent instanceof MethodCallExpr call
        && names.contains(call.getNameAsString())
        && call.getArguments().contains(e);
  }

  /** The outermost call of the fluent chain {@code e} starts: {@code e.a().b()} gives b(). */
  static Expression chainTop(Expression e) {
    Expression current = e;
    while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent
        && parent.getScope().isPresent()
        && parent.getScope().get() == current) {
      current = parent;
    }
    return current;
  }

  /** Whether the chain from {@code start} up to its top calls a method named {@code name}. */
  static boolean chainCalls(Expression start, String name) {
    for (Expression e = chainTop(start); e instanceof MethodCallExpr call; ) {
      if (call == start) {
        return false;
      }
      if (call.getNameAsString().equals(name)) {
        return true;
      }
      e = call.getScope().orElse(null);
    }
    return false;
  }

  /** The innermost scope of a call chain: {@code a.b().c()} gives {@code a}. */
  static Expression chainRoot(MethodCallExpr call) {
    Expression e = call;
    while (e instanceof MethodCallExpr c && c.getScope().isPresent()) {
      e = c.getScope().get();
    }
    return e;
  }
}
