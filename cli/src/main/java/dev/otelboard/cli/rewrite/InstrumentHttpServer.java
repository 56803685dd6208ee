package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import java.util.Set;

/**
 * Every {@code createContext} of a JDK {@code HttpServer} gets a filter that extracts the W3C trace
 * context and opens a SERVER span that is current while the handler runs.
 */
final class InstrumentHttpServer implements JavaRewrite {
  static final RewriteId ID = RewriteId.INSTRUMENT_HTTP_SERVER;

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "JDK HttpServer contexts get SERVER spans from an extracting filter";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("com.sun.net.httpserver") && source.contains("createContext");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    if (!Ast.imports(unit, "com.sun.net.httpserver.HttpServer")
        && !Ast.imports(unit, "com.sun.net.httpserver.HttpsServer")) {
      return;
    }
    List<MethodCallExpr> targets =
        unit.findAll(MethodCallExpr.class).stream()
            .filter(c -> c.getNameAsString().equals("createContext"))
            .filter(c -> c.getScope().isPresent())
            .filter(c -> c.getArguments().size() == 1 || c.getArguments().size() == 2)
            .toList();
    for (MethodCallExpr target : targets) {
      if (Ast.isArgumentOf(target, Set.of("instrument"))) {
        continue;
      }
      RewriteSettings settings = context.settings();
      String adapter =
          RewriteContext.reference(unit, settings.generated(RewriteSettings.HTTP_SERVER_ADAPTER));
      context.changed(target, ID, "HttpServer context " + target.getArgument(0)
          + " opens SERVER spans");
      context.need(Instrumentation.HTTP_SERVER_ADAPTER);
      context.need(Instrumentation.BOOTSTRAP);
      Ast.wrap(target, new NameExpr(adapter), "instrument");
    }
  }
}
