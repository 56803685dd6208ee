package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import java.util.Set;

/**
 * Apache HttpClient 5 classic clients are instrumented where they are built: {@code
 * HttpClients.custom()} and {@code HttpClientBuilder.create()} get the generated exec interceptor
 * ({@code OtelHttpClient5.instrument(...)}, the builder type stays), {@code
 * HttpClients.createDefault()/createSystem()} become the adapter's instrumented equivalents. A
 * minimal client (no exec chain) and the async client are manual items.
 */
final class WrapApacheHttpClient5 implements JavaRewrite {
  static final RewriteId ID = RewriteId.WRAP_APACHE_HTTPCLIENT_5;
  private static final String CLIENTS = "org.apache.hc.client5.http.impl.classic.HttpClients";
  private static final String BUILDER =
      "org.apache.hc.client5.http.impl.classic.HttpClientBuilder";
  private static final String ASYNC_CLIENTS =
      "org.apache.hc.client5.http.impl.async.HttpAsyncClients";

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "Apache HttpClient 5 classic clients get CLIENT spans and trace headers where built";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("org.apache.hc.client5");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    List<MethodCallExpr> calls = unit.findAll(MethodCallExpr.class);
    for (MethodCallExpr call : calls) {
      if (call.getScope().isEmpty() || !call.getArguments().isEmpty()) {
        continue;
      }
      var scope = call.getScope().get();
      String method = call.getNameAsString();
      boolean clients = Ast.namesClass(unit, scope, CLIENTS);
      boolean builder = Ast.namesClass(unit, scope, BUILDER) && method.equals("create");
      if (Ast.namesClass(unit, scope, ASYNC_CLIENTS)) {
        context.manual(call, ID, "HttpAsyncClients." + method + "(): the async client is not "
            + "instrumented by onboard (only the classic one); run the javaagent, or wrap its "
            + "callbacks and add the traceparent header yourself");
        continue;
      }
      if (clients && method.equals("createMinimal")) {
        context.manual(call, ID, "HttpClients.createMinimal() has no exec chain to add the "
            + "tracing interceptor to: use HttpClients.custom()...build() and re-run onboard");
        continue;
      }
      boolean factory = clients && (method.equals("createDefault")
          || method.equals("createSystem"));
      boolean fresh = builder || clients && method.equals("custom");
      if (!factory && !fresh || Ast.isArgumentOf(call, Set.of("instrument"))) {
        continue;
      }
      String adapter = RewriteContext.reference(unit,
          context.settings().generated(RewriteSettings.HTTP_CLIENT5_ADAPTER));
      context.need(Instrumentation.HTTP_CLIENT5_ADAPTER);
      context.need(Instrumentation.BOOTSTRAP);
      if (factory) {
        context.changed(call, ID, "HttpClients." + method + "() -> " + adapter + "." + method
            + "(): CLIENT spans, W3C trace headers");
        call.setScope(new NameExpr(adapter));
      } else {
        context.changed(call, ID, scope + "." + method + "() instrumented: CLIENT spans, W3C "
            + "trace headers");
        Ast.wrap(call, new NameExpr(adapter), "instrument");
      }
    }
  }
}
