package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import java.util.Optional;

/**
 * Spring's {@code @Async} methods run on a task executor that does not carry the caller's
 * OpenTelemetry context, so their spans start new traces and their log lines lose the trace id.
 * The {@code @EnableAsync} class of a Spring Boot application gets a {@code TaskDecorator} bean
 * that wraps each task with {@code Context.current().wrap(...)}: {@code decorate} runs on the
 * submitting thread, and Spring Boot (2.1+) applies a unique {@code TaskDecorator} bean to the
 * executor it auto-configures for {@code @Async}. Verified at runtime by the boot3-mvc fixture
 * (an {@code @Async} method returning {@code CompletableFuture}).
 *
 * <p>Where Boot's executor is not the one {@code @Async} uses (the class implements {@code
 * AsyncConfigurer}) or the class already has a {@code TaskDecorator}, a precise manual item is
 * reported and nothing is edited.
 */
final class DecorateAsyncTasks implements JavaRewrite {
  static final RewriteId ID = RewriteId.DECORATE_ASYNC_TASKS;
  static final String METHOD = "otelContextTaskDecorator";
  private static final String ENABLE_ASYNC =
      "org.springframework.scheduling.annotation.EnableAsync";

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "@Async tasks run in the caller's context (a TaskDecorator bean)";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("EnableAsync");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
      Optional<AnnotationExpr> enableAsync = type.getAnnotations().stream()
          .filter(a -> a.getNameAsString().equals(ENABLE_ASYNC)
              || a.getNameAsString().equals("EnableAsync") && Ast.imports(unit, ENABLE_ASYNC))
          .findFirst();
      if (enableAsync.isEmpty() || BeanMethods.declares(type, METHOD)) {
        continue;
      }
      if (type.getImplementedTypes().stream()
          .anyMatch(t -> t.getNameAsString().equals("AsyncConfigurer"))) {
        context.manual(enableAsync.get(), ID, type.getNameAsString() + " supplies its own @Async "
            + "executor (AsyncConfigurer): give it a TaskDecorator that returns "
            + "Context.current().wrap(task) (setTaskDecorator on a ThreadPoolTaskExecutor)");
        continue;
      }
      if (BeanMethods.returning(type, "TaskDecorator").isPresent()) {
        context.manual(enableAsync.get(), ID, type.getNameAsString() + " already declares a "
            + "TaskDecorator: make it also return Context.current().wrap(task), so @Async "
            + "tasks keep the caller's trace context");
        continue;
      }
      String bean = RewriteContext.reference(unit, "org.springframework.context.annotation.Bean");
      String decorator =
          RewriteContext.reference(unit, "org.springframework.core.task.TaskDecorator");
      String contextClass = RewriteContext.reference(unit, "io.opentelemetry.context.Context");
      context.changed(enableAsync.get(), ID,
          "@Async tasks run in the caller's OpenTelemetry context (TaskDecorator bean)");
      context.need(Instrumentation.CONTEXT);
      String method =
          "/** Runs each @Async task in the caller's OpenTelemetry context (otelboard). */\n"
          + "@" + bean + "\n"
          + decorator + " " + METHOD + "() {\n"
          + "  return task -> " + contextClass + ".current().wrap(task);\n"
          + "}";
      String className = type.getNameAsString();
      context.editPrintedText(text -> BeanMethods.append(text, className, METHOD, method));
    }
  }
}
