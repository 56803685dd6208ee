package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.Optional;
import java.util.Set;

/**
 * {@code new Thread(runnable)} gets {@code Context.current().wrap(runnable)}, so the thread runs
 * in the context of the code that created it. Threads made inside a {@code ThreadFactory} are left
 * alone: wrapping there would pin the context of whoever happened to start the pool's thread.
 */
final class WrapThread implements JavaRewrite {
  static final RewriteId ID = RewriteId.WRAP_THREAD;
  private static final Set<String> NOT_RUNNABLE =
      Set.of("String", "ThreadGroup", "java.lang.String", "java.lang.ThreadGroup");

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "new Thread(runnable) runs in the creator's context";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("new Thread(");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
      String type = creation.getType().asString();
      if (!type.equals("Thread") && !type.equals("java.lang.Thread")) {
        continue;
      }
      if (creation.getAnonymousClassBody().isPresent()) {
        context.manual(creation, ID, "anonymous Thread subclass: wrap the work it runs with "
            + "Context.current().wrap(...)");
        continue;
      }
      if (creation.getArguments().isEmpty() || creation.getArguments().size() > 2) {
        continue;
      }
      Expression runnable = creation.getArgument(0);
      if (runnable instanceof MethodCallExpr call && call.getNameAsString().equals("wrap")) {
        continue;
      }
      if (!isRunnable(runnable)) {
        continue;
      }
      if (insideThreadFactory(creation, runnable) || isShutdownHook(creation)) {
        continue;
      }
      context.changed(creation, ID, "thread runs in its creator's context");
      context.need(Instrumentation.CONTEXT);
      Ast.wrap(runnable, Ast.currentContext(unit), "wrap");
    }
  }

  private static boolean isRunnable(Expression e) {
    if (e instanceof LambdaExpr || e instanceof MethodReferenceExpr) {
      return true;
    }
    if (e instanceof ObjectCreationExpr creation) {
      return !NOT_RUNNABLE.contains(creation.getType().asString());
    }
    if (e instanceof NameExpr name) {
      Optional<String> type = Ast.declaredType(e, name.getNameAsString());
      return type.isPresent() && !NOT_RUNNABLE.contains(type.get()) && !type.get().equals("?")
          && !type.get().equals("var");
    }
    return false;
  }

  /** A shutdown hook runs at exit, outside any request: there is no context worth carrying. */
  static boolean isShutdownHook(ObjectCreationExpr creation) {
    return creation.getParentNode().orElse(null) instanceof MethodCallExpr call
        && call.getNameAsString().equals("addShutdownHook")
        && call.getArguments().contains(creation);
  }

  private static boolean insideThreadFactory(ObjectCreationExpr creation, Expression runnable) {
    if (runnable instanceof NameExpr name && Ast.isParameter(creation, name.getNameAsString())) {
      return true;
    }
    for (var n = creation.getParentNode().orElse(null); n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof com.github.javaparser.ast.body.MethodDeclaration method) {
        return method.getNameAsString().equals("newThread");
      }
    }
    return false;
  }
}
