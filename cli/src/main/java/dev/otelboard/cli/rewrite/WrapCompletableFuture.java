package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task given to {@code CompletableFuture.supplyAsync/runAsync} (and to the {@code *Async}
 * stages that run on the common pool) is wrapped with {@code Context.current().wrapXxx(...)}, so it
 * runs in the caller's context.
 */
final class WrapCompletableFuture implements JavaRewrite {
  static final RewriteId ID = RewriteId.WRAP_COMPLETABLE_FUTURE;

  /** Static factories: method name to the Context method that wraps its first argument. */
  private static final Map<String, String> FACTORIES =
      Map.of("supplyAsync", "wrapSupplier", "runAsync", "wrap");

  /** Stages without an executor argument: method name to the wrapping method. */
  private static final Map<String, String> STAGES =
      Map.of(
          "thenApplyAsync", "wrapFunction",
          "thenAcceptAsync", "wrapConsumer",
          "thenRunAsync", "wrap",
          "thenComposeAsync", "wrapFunction",
          "handleAsync", "wrapFunction",
          "whenCompleteAsync", "wrapConsumer");

  private static final Set<String> WRAPPED =
      Set.of("wrap", "wrapSupplier", "wrapFunction", "wrapConsumer");

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "CompletableFuture async tasks run in the caller's context";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("Async(");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    if (!Ast.imports(unit, "java.util.concurrent.CompletableFuture")
        && !Ast.imports(unit, "java.util.concurrent.CompletionStage")) {
      return;
    }
    List<MethodCallExpr> calls = new ArrayList<>(unit.findAll(MethodCallExpr.class));
    for (MethodCallExpr call : calls) {
      String name = call.getNameAsString();
      String wrapper;
      if (FACTORIES.containsKey(name)
          && call.getScope().map(s -> Ast.namesClass(unit, s,
              "java.util.concurrent.CompletableFuture")).orElse(false)
          && !call.getArguments().isEmpty()) {
        wrapper = FACTORIES.get(name);
      } else if (STAGES.containsKey(name) && call.getArguments().size() == 1
          && call.getScope().isPresent()) {
        wrapper = STAGES.get(name);
      } else {
        continue;
      }
      Expression task = call.getArgument(0);
      if (task instanceof MethodCallExpr inner && WRAPPED.contains(inner.getNameAsString())) {
        continue;
      }
      context.changed(call, ID, name + " task runs in the caller's context");
      context.need(Instrumentation.CONTEXT);
      Ast.wrap(task, Ast.currentContext(unit), wrapper);
    }
  }
}
