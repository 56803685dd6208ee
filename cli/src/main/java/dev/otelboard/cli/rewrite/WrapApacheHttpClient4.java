package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.Set;

/**
 * Apache HttpClient 4 clients are instrumented where they are built, keeping the {@code
 * CloseableHttpClient} type: {@code HttpClients.createDefault()/createSystem()/createMinimal()},
 * {@code HttpClients.custom()...build()}, {@code HttpClientBuilder.create()...build()} and
 * dropwizard-client's {@code new HttpClientBuilder(environment)...build(name)}. Dropwizard 3+
 * builds HttpClient 5 with a builder of the same name, so a Dropwizard build site is only wrapped
 * in a file that uses HttpClient 4's types, and is a manual item when the file names neither.
 */
final class WrapApacheHttpClient4 implements JavaRewrite {
  static final RewriteId ID = RewriteId.WRAP_APACHE_HTTPCLIENT_4;
  private static final String CLIENTS = "org.apache.http.impl.client.HttpClients";
  private static final String BUILDER = "org.apache.http.impl.client.HttpClientBuilder";
  private static final String DROPWIZARD_BUILDER = "io.dropwizard.client.HttpClientBuilder";
  private static final Set<String> CLIENTS_FACTORIES =
      Set.of("createDefault", "createSystem", "createMinimal");

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "Apache HttpClient 4 clients get CLIENT spans and trace headers, keeping their type";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("org.apache.http") || source.contains("io.dropwizard.client");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      Target target = target(unit, call);
      if (target == Target.NONE || Ast.isArgumentOf(call, Set.of("instrument"))) {
        continue;
      }
      if (target == Target.DROPWIZARD && !usesHttpClient4(unit)) {
        if (!usesHttpClient5(unit)) {
          context.manual(call, ID, "dropwizard-client's HttpClientBuilder builds Apache "
              + "HttpClient 4 up to Dropwizard 2.x and HttpClient 5 from 3.0, and this file names "
              + "neither: declare the client's type (org.apache.http.impl.client."
              + "CloseableHttpClient on Dropwizard 2) and re-run onboard");
        }
        continue;
      }
      String adapter = RewriteContext.reference(unit,
          context.settings().generated(RewriteSettings.APACHE_HTTPCLIENT_4_ADAPTER));
      context.changed(call, ID,
          "Apache HttpClient 4 instrumented: CLIENT spans, W3C trace headers");
      context.need(Instrumentation.APACHE_HTTPCLIENT_4_ADAPTER);
      context.need(Instrumentation.BOOTSTRAP);
      Ast.wrap(call, new NameExpr(adapter), "instrument");
    }
  }

  private enum Target { NONE, APACHE, DROPWIZARD }

  private static Target target(CompilationUnit unit, MethodCallExpr call) {
    String name = call.getNameAsString();
    Expression scope = call.getScope().orElse(null);
    if (scope == null) {
      return Target.NONE;
    }
    if (CLIENTS_FACTORIES.contains(name) && call.getArguments().isEmpty()) {
      return Ast.namesClass(unit, scope, CLIENTS) ? Target.APACHE : Target.NONE;
    }
    if (!name.equals("build")) {
      return Target.NONE;
    }
    // The chain's root: HttpClients.custom(), HttpClientBuilder.create(), new HttpClientBuilder().
    MethodCallExpr first = null;
    Expression root = scope;
    while (root instanceof MethodCallExpr inner) {
      first = inner;
      root = inner.getScope().orElse(null);
    }
    if (root instanceof ObjectCreationExpr creation
        && Ast.creates(unit, creation, DROPWIZARD_BUILDER)) {
      return call.getArguments().size() == 1 ? Target.DROPWIZARD : Target.NONE;
    }
    boolean fresh = first != null && root != null && first.getArguments().isEmpty()
        && (first.getNameAsString().equals("custom") && Ast.namesClass(unit, root, CLIENTS)
            || first.getNameAsString().equals("create") && Ast.namesClass(unit, root, BUILDER));
    if (fresh && call.getArguments().isEmpty()) {
      return Target.APACHE;
    }
    return Target.NONE;
  }

  private static boolean usesHttpClient4(CompilationUnit unit) {
    return importsPackage(unit, "org.apache.http.");
  }

  private static boolean usesHttpClient5(CompilationUnit unit) {
    return importsPackage(unit, "org.apache.hc.");
  }

  private static boolean importsPackage(CompilationUnit unit, String prefix) {
    for (ImportDeclaration imp : unit.getImports()) {
      if (imp.getNameAsString().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
