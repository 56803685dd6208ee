package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.otelboard.cli.rewrite.StatementLines.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An embedded Jetty {@code ServletContextHandler} gets the generated servlet Filter right after it
 * is created ({@code handler.addFilter(OtelServletFilter.class, "/*", ...)}), so every request to
 * its servlets has a SERVER span that is current while the servlet runs. Jetty 9 to 11
 * ({@code org.eclipse.jetty.servlet}) and Jetty 12's EE8/EE9/EE10 environments.
 */
final class RegisterJettyFilter implements JavaRewrite {
  static final RewriteId ID = RewriteId.REGISTER_JETTY_FILTER;
  private static final List<String> HANDLERS = List.of(
      "org.eclipse.jetty.servlet.ServletContextHandler",
      "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
      "org.eclipse.jetty.ee9.servlet.ServletContextHandler",
      "org.eclipse.jetty.ee8.servlet.ServletContextHandler");

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "an embedded Jetty ServletContextHandler gets the SERVER-span servlet filter";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("org.eclipse.jetty") && source.contains("ServletContextHandler");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    String simple = RewriteSettings.SERVLET_FILTER;
    for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
      if (HANDLERS.stream().noneMatch(h -> Ast.creates(unit, creation, h))) {
        continue;
      }
      Optional<Target> target = StatementLines.target(creation);
      if (target.isEmpty()) {
        context.manual(creation, ID, "a ServletContextHandler that is not assigned to a variable "
            + "in a block: assign it to one and re-run onboard, or call handler.addFilter("
            + simple + ".class, \"/*\", " + simple + ".requests()) yourself");
        continue;
      }
      if (registered(target.get())) {
        continue;
      }
      String name = RewriteContext.reference(unit, context.settings().generated(simple));
      String variable = target.get().variable();
      context.changed(creation, ID, "ServletContextHandler " + variable + " gets " + simple
          + ": SERVER spans for every request, current while the servlet runs");
      context.need(Instrumentation.SERVLET_FILTER);
      context.need(Instrumentation.BOOTSTRAP);
      String statement = variable + ".addFilter(" + name + ".class, \"/*\", " + name
          + ".requests());";
      context.editPrintedText(text -> insertAfterCreations(text, statement));
    }
  }

  private static boolean registered(Target target) {
    return target.following().stream().flatMap(s -> s.findAll(MethodCallExpr.class).stream())
        .anyMatch(c -> c.getNameAsString().equals("addFilter")
            && c.getScope().map(s -> s.toString().equals(target.variable())).orElse(false)
            && c.getArguments().toString().contains(RewriteSettings.SERVLET_FILTER));
  }

  /**
   * Puts {@code statement} on the line after each handler creation it belongs to that has no such
   * line yet.
   */
  static String insertAfterCreations(String text, String statement) {
    String variable = statement.substring(0, statement.indexOf('.'));
    return StatementLines.insertAfter(text, unit -> {
      List<ExpressionStmt> targets = new ArrayList<>();
      for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
        if (creation.getType().getNameAsString().equals("ServletContextHandler")) {
          StatementLines.target(creation).filter(t -> t.variable().equals(variable) && !registered(t))
              .ifPresent(t -> targets.add(t.statement()));
        }
      }
      return targets;
    }, List.of(statement));
  }
}
