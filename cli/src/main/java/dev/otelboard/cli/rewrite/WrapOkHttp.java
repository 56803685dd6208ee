package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code new OkHttpClient()} and {@code new OkHttpClient.Builder()...build()} are instrumented in
 * place, keeping the {@code OkHttpClient} type. Clients derived with {@code client.newBuilder()}
 * inherit the interceptor, so they are left alone (no call is traced twice).
 */
final class WrapOkHttp implements JavaRewrite {
  static final RewriteId ID = RewriteId.WRAP_OKHTTP;
  private static final String CLIENT = "okhttp3.OkHttpClient";

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "OkHttpClient gets CLIENT spans and trace headers, keeping its type";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("okhttp3") && source.contains("OkHttpClient");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    List<Expression> targets = new ArrayList<>();
    for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
      if (Ast.creates(unit, creation, CLIENT)
          && creation.getArguments().isEmpty()
          && creation.getAnonymousClassBody().isEmpty()) {
        targets.add(creation);
      }
    }
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (isFreshBuilderBuild(unit, call)) {
        targets.add(call);
      }
    }
    for (Expression target : targets) {
      if (Ast.isArgumentOf(target, Set.of("instrument", "createCallFactory"))) {
        continue;
      }
      RewriteSettings settings = context.settings();
      String adapter =
          RewriteContext.reference(unit, settings.generated(RewriteSettings.OKHTTP_ADAPTER));
      context.changed(target, ID, "OkHttpClient instrumented: CLIENT spans, W3C trace headers");
      context.need(Instrumentation.OKHTTP_ADAPTER);
      context.need(Instrumentation.BOOTSTRAP);
      Ast.wrap(target, new NameExpr(adapter), "instrument");
    }
  }

  private static boolean isFreshBuilderBuild(CompilationUnit unit, MethodCallExpr call) {
    if (!call.getNameAsString().equals("build") || !call.getArguments().isEmpty()) {
      return false;
    }
    Expression scope = call.getScope().orElse(null);
    while (scope instanceof MethodCallExpr inner) {
      scope = inner.getScope().orElse(null);
    }
    if (scope instanceof ObjectCreationExpr creation) {
      String type = creation.getType().asString();
      return type.equals("okhttp3.OkHttpClient.Builder")
          || (type.equals("OkHttpClient.Builder") && Ast.imports(unit, CLIENT))
          || (type.equals("Builder") && Ast.imports(unit, "okhttp3.OkHttpClient.Builder"));
    }
    return false;
  }
}
