package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.List;

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
  private static final List<String> APPLICATIONS =
      List.of("io.dropwizard.Application", "io.dropwizard.core.Application");
  private static final List<String> ENVIRONMENTS =
      List.of("io.dropwizard.setup.Environment", "io.dropwizard.core.setup.Environment");

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
    return source.contains("io.dropwizard") && source.contains("Application");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    String bootstrapSimple = context.settings().bootstrapClass();
    for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
      if (!isApplication(unit, type)) {
        continue;
      }
      for (MethodDeclaration method : type.getMethodsByName("run")) {
        if (!isRun(unit, method) || method.getBody().isEmpty()) {
          continue;
        }
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
            text -> InitBootstrap.insertFirst(text, m -> isRun(unit, m), statement));
      }
    }
  }

  private static boolean isApplication(CompilationUnit unit, ClassOrInterfaceDeclaration type) {
    for (ClassOrInterfaceType extended : type.getExtendedTypes()) {
      for (String application : APPLICATIONS) {
        if (Ast.isType(unit, extended.getNameWithScope(), application)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code run(Configuration, Environment)}: the application's, not a command's. */
  private static boolean isRun(CompilationUnit unit, MethodDeclaration method) {
    if (!method.getNameAsString().equals("run") || method.isStatic()
        || method.getParameters().size() != 2) {
      return false;
    }
    String environment = method.getParameter(1).getTypeAsString();
    return ENVIRONMENTS.stream().anyMatch(e -> Ast.isType(unit, environment, e));
  }
}
