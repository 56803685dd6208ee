package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Optional;

/**
 * {@code System.out.println(message)} / {@code System.err.println(message)} in a class that has an
 * SLF4J (or Log4j2) logger become {@code log.info(message)} / {@code log.error(message)}, so those
 * lines carry the trace context. In a class without a logger, and with {@code --keep-logging-api},
 * each print is a manual item instead; {@code main} (usage and startup output) is left alone.
 */
final class MigrateSystemOutToSlf4j implements JavaRewrite {
  static final RewriteId ID = RewriteId.MIGRATE_SYSTEM_OUT_TO_SLF4J;

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "System.out/err log lines go through the class's SLF4J logger";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("System.out.println") || source.contains("System.err.println");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    // Log4j2's Logger has the same info/error methods, and carries the context the same way.
    boolean slf4j =
        Ast.imports(unit, "org.slf4j.Logger")
            || Ast.imports(unit, "org.apache.logging.log4j.Logger")
            || RewriteContext.pendingImports(unit).contains("org.slf4j.Logger");
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (!call.getNameAsString().equals("println") || call.getArguments().size() != 1) {
        continue;
      }
      String stream = call.getScope().map(Expression::toString).orElse("");
      if (!stream.equals("System.out") && !stream.equals("System.err")) {
        continue;
      }
      if (insideMain(call)) {
        continue;
      }
      Optional<String> logger = slf4j ? loggerField(call) : Optional.empty();
      if (logger.isEmpty() || !context.settings().migrateLoggingApi()) {
        context.manual(call, ID, stream + ".println is not logging: its line has no trace_id; "
            + "log it through an SLF4J logger");
        continue;
      }
      Expression message = call.getArgument(0);
      boolean text =
          message.isStringLiteralExpr()
              || message.isBinaryExpr() && message.toString().contains("\"")
              || message instanceof NameExpr n
                  && Ast.declaredType(call, n.getNameAsString()).filter("String"::equals)
                      .isPresent();
      context.changed(call, ID, stream + ".println goes through the SLF4J logger");
      call.setScope(new NameExpr(logger.get()));
      call.setName(stream.equals("System.err") ? "error" : "info");
      if (!text) {
        MethodCallExpr valueOf =
            new MethodCallExpr(new NameExpr("String"), "valueOf", new NodeList<>(message.clone()));
        call.setArguments(new NodeList<>(valueOf));
      }
    }
  }

  private static boolean insideMain(MethodCallExpr call) {
    return call.findAncestor(MethodDeclaration.class)
        .map(InitBootstrap::isMain)
        .orElse(false);
  }

  /** The name of a {@code Logger} field of the class around {@code call}. */
  private static Optional<String> loggerField(MethodCallExpr call) {
    Optional<ClassOrInterfaceDeclaration> type =
        call.findAncestor(ClassOrInterfaceDeclaration.class);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    boolean staticContext =
        call.findAncestor(MethodDeclaration.class)
            .map(MethodDeclaration::isStatic)
            .orElse(false);
    for (FieldDeclaration field : type.get().getFields()) {
      if (staticContext && !field.isStatic()) {
        continue;
      }
      for (var v : field.getVariables()) {
        if (Ast.rawType(v.getTypeAsString()).equals("Logger")) {
          return Optional.of(v.getNameAsString());
        }
      }
    }
    return Optional.empty();
  }
}
