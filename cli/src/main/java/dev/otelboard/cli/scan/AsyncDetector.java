package dev.otelboard.cli.scan;

import static dev.otelboard.cli.scan.FindingKind.COMPLETABLE_FUTURE_ASYNC;
import static dev.otelboard.cli.scan.FindingKind.EXECUTOR_FACTORY;
import static dev.otelboard.cli.scan.FindingKind.FORK_JOIN_POOL;
import static dev.otelboard.cli.scan.FindingKind.NEW_THREAD;
import static dev.otelboard.cli.scan.FindingKind.SCHEDULED_EXECUTOR;
import static dev.otelboard.cli.scan.FindingKind.SPRING_ASYNC;
import static dev.otelboard.cli.scan.FindingKind.SPRING_SCHEDULED;
import static dev.otelboard.cli.scan.FindingKind.THREAD_POOL_EXECUTOR;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.Map;
import java.util.Set;

/**
 * Thread hops that lose the current context: executor factories and constructors, ForkJoinPool,
 * CompletableFuture async stages without an executor, new Thread, Spring @Async and @Scheduled.
 * The rules follow onboard's rewrites (WrapExecutor, WrapCompletableFuture, WrapThread) so that
 * a finding says exactly what onboard will do with it.
 */
final class AsyncDetector implements JavaDetector {
  private static final String EXECUTORS = "java.util.concurrent.Executors";
  private static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  private static final String FORK_JOIN_POOL_TYPE = "java.util.concurrent.ForkJoinPool";

  private static final Set<String> FACTORIES =
      Set.of(
          "newFixedThreadPool",
          "newCachedThreadPool",
          "newSingleThreadExecutor",
          "newWorkStealingPool",
          "newVirtualThreadPerTaskExecutor",
          "newThreadPerTaskExecutor");
  private static final Set<String> SCHEDULED_FACTORIES =
      Set.of("newScheduledThreadPool", "newSingleThreadScheduledExecutor");
  private static final Set<String> CONTEXT_WRAPPERS = Set.of("taskWrapping", "wrap");
  private static final Set<String> OPAQUE_WRAPPERS =
      Set.of("unconfigurableExecutorService", "unconfigurableScheduledExecutorService");
  private static final Set<String> EXECUTOR_INTERFACES =
      Set.of(
          "java.util.concurrent.Executor",
          "java.util.concurrent.ExecutorService",
          "java.util.concurrent.ScheduledExecutorService");
  private static final Set<String> ASYNC_FACTORIES = Set.of("supplyAsync", "runAsync");
  private static final Set<String> ASYNC_STAGES =
      Set.of(
          "thenApplyAsync",
          "thenAcceptAsync",
          "thenRunAsync",
          "thenComposeAsync",
          "handleAsync",
          "whenCompleteAsync");
  private static final Set<String> TASK_WRAPPERS =
      Set.of("wrap", "wrapSupplier", "wrapFunction", "wrapConsumer", "wrapCallable");
  private static final Set<String> NOT_RUNNABLE =
      Set.of("java.lang.String", "java.lang.ThreadGroup");
  private static final Map<String, FindingKind> ANNOTATIONS =
      Map.of(
          "org.springframework.scheduling.annotation.Async", SPRING_ASYNC,
          "org.springframework.scheduling.annotation.Scheduled", SPRING_SCHEDULED);

  private static final String WRAP_TASK = "wrap the tasks with Context.current().wrap(...)";

  @Override
  public void detect(JavaSource src) {
    TypeNames types = src.types;
    boolean completableFuture = COMPLETABLE_FUTURE.equals(types.resolve("CompletableFuture"));
    for (MethodCallExpr call : src.calls) {
      String name = call.getNameAsString();
      if (FACTORIES.contains(name) || SCHEDULED_FACTORIES.contains(name)) {
        if (types.isStaticCall(call, EXECUTORS, name)) {
          executor(src, call, SCHEDULED_FACTORIES.contains(name) ? SCHEDULED_EXECUTOR
              : EXECUTOR_FACTORY, EXECUTORS + "." + name, true);
        }
      } else if (ASYNC_FACTORIES.contains(name)) {
        if (call.getArguments().size() == 1
            && types.isStaticCall(call, COMPLETABLE_FUTURE, name)) {
          completableFuture(src, call, COMPLETABLE_FUTURE + "." + name);
        }
      } else if (ASYNC_STAGES.contains(name)) {
        if (completableFuture && call.getScope().isPresent() && call.getArguments().size() == 1) {
          completableFuture(src, call, COMPLETABLE_FUTURE + "." + name);
        }
      } else if (name.equals("commonPool") && types.isStaticCall(call, FORK_JOIN_POOL_TYPE, name)) {
        src.add(FORK_JOIN_POOL, call, FORK_JOIN_POOL_TYPE + ".commonPool",
            JavaSource.isArgumentOf(call, CONTEXT_WRAPPERS), RewriteId.MANUAL,
            "ForkJoinPool tasks do not carry the context: " + WRAP_TASK);
      } else if ((name.equals("startVirtualThread") || name.equals("ofVirtual")
          || name.equals("ofPlatform")) && types.isStaticCall(call, "java.lang.Thread", name)) {
        boolean wrapped = name.equals("startVirtualThread") && call.getArguments().size() == 1
            && isWrappedTask(call.getArgument(0));
        src.add(NEW_THREAD, call, "java.lang.Thread." + name, wrapped, RewriteId.MANUAL,
            "no onboard rewrite for Thread builders: wrap the Runnable with "
                + "Context.current().wrap(...)");
      }
    }
    for (ObjectCreationExpr creation : src.creations) {
      String type = types.resolve(creation.getType());
      if (type == null) {
        continue;
      }
      switch (type) {
        case "java.util.concurrent.ThreadPoolExecutor" ->
            executor(src, creation, THREAD_POOL_EXECUTOR, "new " + type, false);
        case "java.util.concurrent.ScheduledThreadPoolExecutor" ->
            executor(src, creation, SCHEDULED_EXECUTOR, "new " + type, false);
        case FORK_JOIN_POOL_TYPE ->
            src.add(FORK_JOIN_POOL, creation, "new " + type,
                JavaSource.isArgumentOf(creation, CONTEXT_WRAPPERS), RewriteId.MANUAL,
                "ForkJoinPool tasks do not carry the context: " + WRAP_TASK);
        case "java.lang.Thread" -> thread(src, creation);
        default -> {}
      }
    }
    for (MethodDeclaration method : src.methods) {
      annotated(src, method, method.getName(), method.getAnnotations());
    }
    for (TypeDeclaration<?> type : src.typeDeclarations) {
      annotated(src, type, type.getName(), type.getAnnotations());
    }
  }

  private static void executor(
      JavaSource src, Expression target, FindingKind kind, String symbol, boolean factory) {
    if (JavaSource.isArgumentOf(target, CONTEXT_WRAPPERS)) {
      src.add(kind, target, symbol, true, RewriteId.WRAP_EXECUTOR, null);
      return;
    }
    if (JavaSource.isArgumentOf(target, OPAQUE_WRAPPERS)) {
      src.add(kind, target, symbol, false, RewriteId.MANUAL,
          "wrapped by Executors.unconfigurable*: wrap the outer executor with "
              + "Context.taskWrapping(...)");
      return;
    }
    if (JavaSource.isArgumentOf(target, Set.of("setExecutor"))) {
      src.add(kind, target, symbol, false, RewriteId.NONE,
          "the HttpServer's dispatcher: exchanges start without a context; the server's span "
              + "filter makes one");
      return;
    }
    if (target.getParentNode().orElse(null) instanceof CastExpr) {
      src.add(kind, target, symbol, false, RewriteId.MANUAL,
          "executor is cast to its implementation type: wrap it with Context.taskWrapping(...) "
              + "where tasks are submitted");
      return;
    }
    if (!factory) {
      String declared = targetType(src, target);
      if (declared == null || !EXECUTOR_INTERFACES.contains(declared)) {
        src.add(kind, target, symbol, false, RewriteId.MANUAL,
            symbol + "(...) is used as " + (declared == null ? "its own type" : declared)
                + "; declare it as ExecutorService and wrap it with Context.taskWrapping(...)");
        return;
      }
    }
    src.add(kind, target, symbol, false, RewriteId.WRAP_EXECUTOR, null);
  }

  /** The declared type the expression is assigned to, resolved; null when not assigned. */
  private static String targetType(JavaSource src, Expression e) {
    Node parent = e.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator v) {
      return src.types.resolve(v.getType());
    }
    if (parent instanceof AssignExpr assign && assign.getValue() == e) {
      Expression target = assign.getTarget();
      String name = target.isNameExpr() ? target.asNameExpr().getNameAsString()
          : target.isFieldAccessExpr() ? target.asFieldAccessExpr().getNameAsString() : null;
      if (name != null) {
        TypeNames.Declaration d = src.types.declaration(e, name);
        return d == null || d.type() == null ? null : src.types.resolve(d.type());
      }
    }
    return null;
  }

  private static void completableFuture(JavaSource src, MethodCallExpr call, String symbol) {
    boolean wrapped = isWrappedTask(call.getArgument(0));
    src.add(COMPLETABLE_FUTURE_ASYNC, call, symbol, wrapped, RewriteId.WRAP_COMPLETABLE_FUTURE,
        null);
  }

  private static boolean isWrappedTask(Expression task) {
    return task instanceof MethodCallExpr inner && TASK_WRAPPERS.contains(inner.getNameAsString());
  }

  private static void thread(JavaSource src, ObjectCreationExpr creation) {
    String symbol = "new java.lang.Thread";
    if (creation.getAnonymousClassBody().isPresent()) {
      src.add(NEW_THREAD, creation, symbol, false, RewriteId.MANUAL,
          "anonymous Thread subclass: wrap the work it runs with Context.current().wrap(...)");
      return;
    }
    int args = creation.getArguments().size();
    if (args == 0 || args > 2) {
      src.add(NEW_THREAD, creation, symbol, false, RewriteId.MANUAL,
          "no Runnable as first argument: wrap the work it runs with Context.current().wrap(...)");
      return;
    }
    Expression runnable = creation.getArgument(0);
    if (isWrappedTask(runnable)) {
      src.add(NEW_THREAD, creation, symbol, true, RewriteId.WRAP_THREAD, null);
      return;
    }
    if (creation.getParentNode().orElse(null) instanceof MethodCallExpr hook
        && hook.getNameAsString().equals("addShutdownHook")) {
      src.add(NEW_THREAD, creation, symbol, false, RewriteId.NONE,
          "shutdown hook: runs at exit, outside any request; nothing to carry");
      return;
    }
    if (insideThreadFactory(creation, runnable)) {
      src.add(NEW_THREAD, creation, symbol, false, RewriteId.NONE,
          "made by a ThreadFactory: a pool thread must not keep one task's context; wrap the "
              + "executor instead");
      return;
    }
    if (!isRunnable(src, runnable)) {
      src.add(NEW_THREAD, creation, symbol, false, RewriteId.MANUAL,
          "cannot tell what the thread runs: wrap its Runnable with Context.current().wrap(...)");
      return;
    }
    src.add(NEW_THREAD, creation, symbol, false, RewriteId.WRAP_THREAD, null);
  }

  private static boolean isRunnable(JavaSource src, Expression e) {
    if (e instanceof LambdaExpr || e instanceof MethodReferenceExpr) {
      return true;
    }
    if (e instanceof ObjectCreationExpr creation) {
      String type = src.types.resolve(creation.getType());
      return type == null || !NOT_RUNNABLE.contains(type);
    }
    if (e instanceof NameExpr name) {
      TypeNames.Declaration d = src.types.declaration(e, name.getNameAsString());
      if (d == null || d.type() == null || TypeNames.isVar(d.type())) {
        return false;
      }
      String type = src.types.resolve(d.type());
      return type == null || !NOT_RUNNABLE.contains(type);
    }
    return false;
  }

  /**
   * A thread made for a pool: inside {@code newThread(Runnable)}, or from a lambda's parameter
   * ({@code r -> new Thread(r, "worker")}). Wrapping there would pin whichever context started
   * the pool's thread.
   */
  private static boolean insideThreadFactory(ObjectCreationExpr creation, Expression runnable) {
    String name = runnable instanceof NameExpr n ? n.getNameAsString() : null;
    for (Node n = creation.getParentNode().orElse(null); n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof LambdaExpr lambda && name != null
          && lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        return true;
      }
      if (n instanceof MethodDeclaration method) {
        return method.getNameAsString().equals("newThread");
      }
    }
    return false;
  }

  private static void annotated(
      JavaSource src,
      Node owner,
      Node at,
      com.github.javaparser.ast.NodeList<com.github.javaparser.ast.expr.AnnotationExpr> annotations) {
    for (var a : annotations) {
      String fqn = src.types.resolve(a);
      FindingKind kind = fqn == null ? null : ANNOTATIONS.get(fqn);
      if (kind == null) {
        continue;
      }
      String where = owner instanceof MethodDeclaration m ? m.getNameAsString()
          : ((TypeDeclaration<?>) owner).getNameAsString();
      if (kind == SPRING_ASYNC) {
        src.add(kind, at, fqn + " " + where, false, RewriteId.DECORATE_ASYNC_TASKS,
            "Spring's @Async executor does not carry the OpenTelemetry context: onboard gives "
                + "Spring Boot's executor a TaskDecorator that wraps with "
                + "Context.current().wrap(...)");
      } else {
        src.add(kind, at, fqn + " " + where, false, RewriteId.NONE,
            "a scheduled job starts its own trace");
      }
    }
  }
}
