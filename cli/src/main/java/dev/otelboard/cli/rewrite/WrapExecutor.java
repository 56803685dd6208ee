package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Executors created by {@code Executors.newXxx(...)} are wrapped with {@code
 * Context.taskWrapping(...)}, so each task runs in the context of the code that submitted it. The
 * overload matches the declared type ({@code Executor}, {@code ExecutorService}, {@code
 * ScheduledExecutorService}), so fields keep their types. A {@code new ThreadPoolExecutor(...)}
 * stored as a {@code ThreadPoolExecutor} is reported instead of changed.
 */
final class WrapExecutor implements JavaRewrite {
  static final RewriteId ID = RewriteId.WRAP_EXECUTOR;
  private static final Set<String> FACTORIES =
      Set.of(
          "newFixedThreadPool",
          "newCachedThreadPool",
          "newSingleThreadExecutor",
          "newScheduledThreadPool",
          "newSingleThreadScheduledExecutor",
          "newWorkStealingPool",
          "newVirtualThreadPerTaskExecutor",
          "newThreadPerTaskExecutor");
  private static final Set<String> INTERFACES =
      Set.of(
          "Executor",
          "ExecutorService",
          "ScheduledExecutorService",
          "java.util.concurrent.Executor",
          "java.util.concurrent.ExecutorService",
          "java.util.concurrent.ScheduledExecutorService");
  private static final Set<String> WRAPPERS =
      Set.of("taskWrapping", "wrap", "unconfigurableExecutorService",
          "unconfigurableScheduledExecutorService");

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "executors propagate the submitter's context (Context.taskWrapping)";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("Executors.") || source.contains("ThreadPoolExecutor");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    List<Expression> targets = new ArrayList<>();
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (FACTORIES.contains(call.getNameAsString())
          && call.getScope()
              .map(s -> Ast.namesClass(unit, s, "java.util.concurrent.Executors"))
              .orElse(false)) {
        targets.add(call);
      }
    }
    for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
      if (Ast.creates(unit, creation, "java.util.concurrent.ThreadPoolExecutor")
          || Ast.creates(unit, creation, "java.util.concurrent.ScheduledThreadPoolExecutor")) {
        targets.add(creation);
      }
    }
    for (Expression target : targets) {
      if (Ast.isArgumentOf(target, WRAPPERS)) {
        continue;
      }
      // HttpServer.setExecutor(...): tasks come from the dispatcher thread, which has no context.
      if (Ast.isArgumentOf(target, Set.of("setExecutor"))) {
        continue;
      }
      if (target.getParentNode().orElse(null) instanceof CastExpr) {
        context.manual(target, ID, "executor is cast to its implementation type; wrap it with "
            + "Context.taskWrapping(...) where tasks are submitted");
        continue;
      }
      if (target instanceof ObjectCreationExpr creation) {
        Optional<String> declared = Ast.targetType(target);
        if (declared.isEmpty() || !INTERFACES.contains(declared.get())) {
          context.manual(target, ID, "new " + creation.getType() + "(...) is used as "
              + declared.orElse("its own type") + "; changing that type is your call: declare "
              + "it as ExecutorService and wrap it with Context.taskWrapping(...)");
          continue;
        }
      }
      String contextClass = RewriteContext.reference(unit, "io.opentelemetry.context.Context");
      context.changed(target, ID, "executor wrapped with Context.taskWrapping");
      context.need(Instrumentation.CONTEXT);
      Ast.wrap(target, new NameExpr(contextClass), "taskWrapping");
    }
  }
}
