package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;

/**
 * A Dropwizard {@code Application}'s {@code run(Configuration, Environment)} registers the
 * generated servlet Filter on the application's servlet environment, the way Dropwizard apps add
 * filters ({@code environment.servlets().addFilter(...)}), so every Jersey request gets a SERVER
 * span that is current while the resource method runs. The admin port is left alone.
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
      String filter = context.settings().generated(RewriteSettings.SERVLET_FILTER);
      String simple = RewriteSettings.SERVLET_FILTER;
      boolean registered = run.getBody().get().findAll(MethodCallExpr.class).stream()
          .anyMatch(c -> c.getNameAsString().equals("addFilter")
              && c.getArguments().toString().contains(simple));
      if (registered) {
        continue;
      }
      if (!MethodBodyText.bracesOnOwnLines(run)) {
        context.manual(run, ID, "run(...) whose braces share a line with its code: put { and } "
            + "on lines of their own and re-run onboard, or register " + simple + " with "
            + "environment.servlets().addFilter(...) yourself");
        continue;
      }
      String name = RewriteContext.reference(unit, filter);
      String environment = run.getParameter(1).getNameAsString();
      String statement = environment + ".servlets().addFilter(\"" + simple + "\", new " + name
          + "()).addMappingForUrlPatterns(" + name + ".requests(), true, \"/*\");";
      String type = run.findAncestor(ClassOrInterfaceDeclaration.class).orElseThrow()
          .getNameAsString();
      context.changed(run, ID, type + ".run registers " + simple
          + ": SERVER spans for every request, current while the resource runs");
      context.need(Instrumentation.SERVLET_FILTER);
      context.need(Instrumentation.BOOTSTRAP);
      run.addAnnotation(new MarkerAnnotationExpr(MARKER));
      MethodBodyText.Edit edit =
          new MethodBodyText.Edit(MARKER, "", List.of(statement), List.of(), List.of());
      context.editPrintedText(text -> MethodBodyText.apply(text, edit));
    }
  }
}
