package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.otelboard.cli.rewrite.MigrateBrave.Api;
import dev.otelboard.cli.rewrite.MigrateBrave.Kind;
import java.util.Optional;
import java.util.Set;

/**
 * What the names and expressions of one file are in Brave's (or Sleuth's) terms, read without a
 * symbol solver: declared types, the receivers of calls, {@code Tracing.currentTracer()}.
 */
final class BraveNames {
  private final CompilationUnit unit;
  private final Api api;

  BraveNames(CompilationUnit unit, Api api) {
    this.unit = unit;
    this.api = api;
  }

  /** Whether {@code expr} is Brave's {@code Tracing.currentTracer()}. */
  boolean isCurrentTracer(Expression expr) {
    return api == Api.BRAVE && expr instanceof MethodCallExpr call
        && call.getNameAsString().equals("currentTracer") && call.getArguments().isEmpty()
        && call.getScope().map(s -> Ast.namesClass(unit, s, "brave.Tracing")).orElse(false);
  }

  /** What {@code expr} holds in the API's terms, or null. */
  Kind kindOf(Expression expr) {
    if (expr.isEnclosedExpr()) {
      return kindOf(expr.asEnclosedExpr().getInner());
    }
    String variable = expr instanceof NameExpr n ? n.getNameAsString()
        : expr instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
            ? f.getNameAsString() : null;
    if (variable != null) {
      return Ast.declaredType(expr, variable).map(this::qualified)
          .flatMap(api::kindOfType).orElse(null);
    }
    if (!(expr instanceof MethodCallExpr call)) {
      return null;
    }
    if (isCurrentTracer(call)) {
      return Kind.TRACER;
    }
    Kind receiver = call.getScope().map(this::kindOf).orElse(null);
    if (receiver == null) {
      return call.getScope().isEmpty() ? ownMethod(call) : null;
    }
    String method = call.getNameAsString();
    return switch (receiver) {
      case TRACER -> method.equals("nextSpan") || method.equals("newTrace") ? Kind.UNNAMED
          : method.equals("currentSpan") || method.equals("currentSpanCustomizer") ? Kind.SPAN
          : method.equals(api.inScope) ? Kind.SCOPE : null;
      case UNNAMED -> method.equals("name") ? Kind.BUILDER : null;
      case BUILDER -> method.equals("start") ? Kind.SPAN
          : Set.of("tag", "kind", "remoteServiceName").contains(method) ? Kind.BUILDER : null;
      case SPAN -> method.equals("context") ? Kind.CONTEXT
          : Set.of("tag", "name", api.event, "error", "remoteServiceName").contains(method)
              ? Kind.SPAN : null;
      default -> null;
    };
  }

  private Kind ownMethod(MethodCallExpr call) {
    for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
      if (method.getNameAsString().equals(call.getNameAsString())
          && method.getParameters().size() == call.getArguments().size()) {
        return api.kindOfType(Optional.ofNullable(qualified(method.getTypeAsString()))
            .orElse("")).orElse(null);
      }
    }
    return null;
  }

  /** The qualified name of a type or class written in this file, when it is the API's. */
  String qualified(String written) {
    String raw = Ast.rawType(written);
    if (api.owns(raw)) {
      return raw;
    }
    String first = raw.contains(".") ? raw.substring(0, raw.indexOf('.')) : raw;
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      if (!imp.isStatic() && !imp.isAsterisk() && api.owns(name) && name.endsWith("." + first)) {
        return name + raw.substring(first.length());
      }
    }
    return null;
  }
}
