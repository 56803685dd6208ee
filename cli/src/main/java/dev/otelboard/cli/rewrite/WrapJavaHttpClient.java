package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code HttpClient.newHttpClient()} and {@code HttpClient.newBuilder()...build()} are wrapped so
 * every request gets a CLIENT span and W3C trace headers: by the generated adapter, or by
 * opentelemetry-java-http-client where that library is available.
 */
final class WrapJavaHttpClient implements JavaRewrite {
  static final RewriteId ID = RewriteId.WRAP_JAVA_HTTP_CLIENT;
  private static final String HTTP_CLIENT = "java.net.http.HttpClient";

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "java.net.http.HttpClient gets CLIENT spans and trace headers";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("java.net.http") && source.contains("HttpClient");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    List<MethodCallExpr> targets = new ArrayList<>();
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (isNewHttpClient(unit, call) || isBuilderBuild(unit, call)) {
        targets.add(call);
      }
    }
    for (MethodCallExpr target : targets) {
      if (Ast.isArgumentOf(target, Set.of("wrap"))) {
        continue;
      }
      context.changed(target, ID, "HttpClient wrapped: CLIENT spans, W3C trace headers");
      RewriteSettings settings = context.settings();
      Expression scope;
      if (settings.useHttpClientLibrary()) {
        String bootstrap =
            RewriteContext.reference(unit, settings.generated(settings.bootstrapClass()));
        String telemetry =
            RewriteContext.reference(
                unit, "io.opentelemetry.instrumentation.javahttpclient.JavaHttpClientTelemetry");
        scope =
            new MethodCallExpr(
                new NameExpr(telemetry),
                "create",
                new com.github.javaparser.ast.NodeList<>(
                    new MethodCallExpr(new NameExpr(bootstrap), "openTelemetry")));
        context.need(Instrumentation.HTTP_CLIENT_LIBRARY);
      } else {
        scope =
            new NameExpr(
                RewriteContext.reference(
                    unit, settings.generated(RewriteSettings.HTTP_CLIENT_ADAPTER)));
        context.need(Instrumentation.HTTP_CLIENT_ADAPTER);
      }
      context.need(Instrumentation.BOOTSTRAP);
      Ast.wrap(target, scope, "wrap");
    }
  }

  private static boolean isNewHttpClient(CompilationUnit unit, MethodCallExpr call) {
    return call.getNameAsString().equals("newHttpClient")
        && call.getArguments().isEmpty()
        && call.getScope().map(s -> Ast.namesClass(unit, s, HTTP_CLIENT)).orElse(false);
  }

  private static boolean isBuilderBuild(CompilationUnit unit, MethodCallExpr call) {
    if (!call.getNameAsString().equals("build") || !call.getArguments().isEmpty()) {
      return false;
    }
    Expression scope = call.getScope().orElse(null);
    while (scope instanceof MethodCallExpr inner) {
      if (inner.getNameAsString().equals("newBuilder")) {
        return inner.getScope().map(s -> Ast.namesClass(unit, s, HTTP_CLIENT)).orElse(false);
      }
      scope = inner.getScope().orElse(null);
    }
    return false;
  }
}
