package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a Dropwizard application's own code runs at start: the {@code run(Configuration,
 * Environment)} of each {@code Application} subclass (Dropwizard 1-3, and 4+ under
 * {@code io.dropwizard.core}). Shared by the rewrites that add a statement there.
 */
final class DropwizardApplications {
  private static final List<String> APPLICATIONS =
      List.of("io.dropwizard.Application", "io.dropwizard.core.Application");
  private static final List<String> ENVIRONMENTS =
      List.of("io.dropwizard.setup.Environment", "io.dropwizard.core.setup.Environment");

  private DropwizardApplications() {}

  /** Whether a source file can hold an application at all (the rewrites' precondition). */
  static boolean mayHoldOne(String source) {
    return source.contains("io.dropwizard") && source.contains("Application");
  }

  /** The {@code run} methods with a body of every Application subclass in {@code unit}. */
  static List<MethodDeclaration> runMethods(CompilationUnit unit) {
    List<MethodDeclaration> runs = new ArrayList<>();
    for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
      boolean application = type.getExtendedTypes().stream().anyMatch(t ->
          APPLICATIONS.stream().anyMatch(a -> Ast.isType(unit, t.getNameWithScope(), a)));
      if (application) {
        type.getMethodsByName("run").stream()
            .filter(m -> isRun(unit, m) && m.getBody().isPresent())
            .forEach(runs::add);
      }
    }
    return runs;
  }

  /** {@code run(Configuration, Environment)}: the application's, not a command's. */
  static boolean isRun(CompilationUnit unit, MethodDeclaration method) {
    if (!method.getNameAsString().equals("run") || method.isStatic()
        || method.getParameters().size() != 2) {
      return false;
    }
    String environment = method.getParameter(1).getTypeAsString();
    return ENVIRONMENTS.stream().anyMatch(e -> Ast.isType(unit, environment, e));
  }
}
