package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;

/**
 * A Dropwizard application's {@code run(configuration, environment)} first attaches the
 * OpenTelemetry Logback appenders. Dropwizard resets Logback and builds its appenders from the
 * YAML's {@code logging:} block after {@code main} has started OpenTelemetry and before {@code run}
 * is called, so appenders installed earlier are gone and appenders installed here stay. The
 * statement goes in as text, like {@link InitBootstrap}'s.
 */
final class AttachDropwizardLogAppenders implements JavaRewrite {
  static final RewriteId ID = RewriteId.ATTACH_DROPWIZARD_LOG_APPENDERS;
  static final String METHOD = "attachLogbackAppenders";

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "Dropwizard's run() attaches the OpenTelemetry Logback appenders to the appenders "
        + "Dropwizard built from its YAML";
  }

  @Override
  public boolean precondition(String source) {
    return DropwizardApplications.mayHoldOne(source);
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    String bootstrapSimple = context.settings().bootstrapClass();
    for (MethodDeclaration method : DropwizardApplications.runMethods(unit)) {
      boolean attached = method.getBody().get().findAll(MethodCallExpr.class).stream()
          .anyMatch(c -> c.getNameAsString().equals(METHOD)
              && c.getScope().map(s -> s.toString().endsWith(bootstrapSimple)).orElse(false));
      if (attached) {
        continue;
      }
      String bootstrap =
          RewriteContext.reference(unit, context.settings().generated(bootstrapSimple));
      context.changed(method, ID, "run() attaches the OpenTelemetry Logback appenders "
          + "(trace ids in the MDC, records exported) to the appenders Dropwizard built");
      context.need(Instrumentation.BOOTSTRAP);
      String statement = bootstrap + "." + METHOD + "();";
      context.editPrintedText(
          text -> InitBootstrap.insertFirst(text,
              m -> DropwizardApplications.isRun(unit, m), statement));
    }
  }
}
