package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * A Dropwizard {@code Application}'s {@code run(Configuration, Environment)} registers the
 * generated servlet Filter on the application's servlet environment, the way Dropwizard apps add
 * filters ({@code environment.servlets().addFilter(...)}), so every Jersey request gets a SERVER
 * span that is current while the resource method runs, and the generated JAX-RS request filter on
 * its Jersey environment, which names that span after the matched resource method ({@code
 * http.route}). The admin port is left alone.
 */
final class RegisterDropwizardFilter implements JavaRewrite {
  static final RewriteId ID = RewriteId.REGISTER_DROPWIZARD_FILTER;
  private static final String MARKER = "OtelboardRegisterFilter";

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "a Dropwizard application registers the SERVER-span servlet filter in run()";
  }

  @Override
  public boolean precondition(String source) {
    return DropwizardApplications.mayHoldOne(source);
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    for (MethodDeclaration run : DropwizardApplications.runMethods(unit)) {
      String simple = RewriteSettings.SERVLET_FILTER;
      String routeSimple = RewriteSettings.JAXRS_ROUTE;
      List<MethodCallExpr> calls = run.getBody().get().findAll(MethodCallExpr.class);
      boolean filterRegistered = calls.stream()
          .anyMatch(c -> c.getNameAsString().equals("addFilter")
              && c.getArguments().toString().contains(simple));
      boolean routeRegistered = calls.stream()
          .anyMatch(c -> c.getNameAsString().equals("register")
              && c.getArguments().toString().contains(routeSimple));
      if (filterRegistered && routeRegistered) {
        continue;
      }
      if (!MethodBodyText.bracesOnOwnLines(run)) {
        context.manual(run, ID, "run(...) whose braces share a line with its code: put { and } "
            + "on lines of their own and re-run onboard, or register " + simple + " with "
            + "environment.servlets().addFilter(...) and " + routeSimple + " with "
            + "environment.jersey().register(...) yourself");
        continue;
      }
      String environment = run.getParameter(1).getNameAsString();
      List<String> statements = new ArrayList<>();
      if (!filterRegistered) {
        String name = RewriteContext.reference(unit, context.settings().generated(simple));
        statements.add(environment + ".servlets().addFilter(\"" + simple + "\", new " + name
            + "()).addMappingForUrlPatterns(" + name + ".requests(), true, \"/*\");");
      }
      if (!routeRegistered) {
        String route = RewriteContext.reference(unit, context.settings().generated(routeSimple));
        statements.add(environment + ".jersey().register(" + route + ".class);");
      }
      String type = run.findAncestor(ClassOrInterfaceDeclaration.class).orElseThrow()
          .getNameAsString();
      context.changed(run, ID, type + ".run registers "
          + (filterRegistered ? "" : simple + " (SERVER spans for every request, current while "
              + "the resource runs) and ")
          + routeSimple + " (http.route from the matched resource method)");
      context.need(Instrumentation.SERVLET_FILTER);
      context.need(Instrumentation.JAXRS_ROUTE);
      context.need(Instrumentation.BOOTSTRAP);
      run.addAnnotation(new MarkerAnnotationExpr(MARKER));
      MethodBodyText.Edit edit =
          new MethodBodyText.Edit(MARKER, "", List.copyOf(statements), List.of(), List.of());
      context.editPrintedText(text -> MethodBodyText.apply(text, edit));
    }
  }
}
