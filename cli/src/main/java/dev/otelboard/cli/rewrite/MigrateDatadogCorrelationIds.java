package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dd-trace-api's correlation ids read from the OpenTelemetry context instead: {@code
 * CorrelationIdentifier.getTraceId()} and {@code datadog.trace.api.GlobalTracer.get().getTraceId()}
 * become {@code Span.current().getSpanContext().getTraceId()} (and the same for span ids); the
 * MDC key names {@code getTraceIdKey()}/{@code getSpanIdKey()} become the keys OpenTelemetry's MDC
 * instrumentation fills, {@code trace_id}/{@code span_id}. The ids change format with the tracer:
 * W3C hex (32 and 16 characters) instead of Datadog's decimal.
 */
final class MigrateDatadogCorrelationIds implements JavaRewrite {
  static final RewriteId ID = RewriteId.MIGRATE_DATADOG_CORRELATION_IDS;
  static final String CORRELATION_IDENTIFIER = "datadog.trace.api.CorrelationIdentifier";
  static final String DD_GLOBAL_TRACER = "datadog.trace.api.GlobalTracer";
  private static final Map<String, String> ID_GETTERS =
      Map.of("getTraceId", "getTraceId", "getSpanId", "getSpanId");
  private static final Map<String, String> KEY_GETTERS =
      Map.of("getTraceIdKey", "trace_id", "getSpanIdKey", "span_id");

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "Datadog correlation ids come from the current OpenTelemetry span";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("CorrelationIdentifier") || source.contains("GlobalTracer");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    List<Runnable> edits = new ArrayList<>();
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      Optional<Expression> scope = call.getScope();
      if (scope.isEmpty() || !call.getArguments().isEmpty()) {
        continue;
      }
      String method = call.getNameAsString();
      boolean correlation = Ast.namesClass(unit, scope.get(), CORRELATION_IDENTIFIER);
      if (correlation && KEY_GETTERS.containsKey(method)) {
        context.changed(call, ID, "MDC key " + KEY_GETTERS.get(method)
            + " (OpenTelemetry's MDC instrumentation fills it) instead of Datadog's");
        edits.add(() -> call.replace(new StringLiteralExpr(KEY_GETTERS.get(method))));
      } else if (ID_GETTERS.containsKey(method) && (correlation || isDatadogTracer(unit, scope.get()))) {
        context.changed(call, ID, method + "() of the current OpenTelemetry span (W3C hex ids, not "
            + "Datadog's decimal ones)");
        edits.add(() -> call.replace(currentSpanId(unit, ID_GETTERS.get(method))));
      }
    }
    if (edits.isEmpty()) {
      return;
    }
    edits.forEach(Runnable::run);
    context.need(Instrumentation.TRACING_API);
    Imports.removeIfUnused(unit, CORRELATION_IDENTIFIER);
    Imports.removeIfUnused(unit, DD_GLOBAL_TRACER);
  }

  /** {@code datadog.trace.api.GlobalTracer.get()}. */
  private static boolean isDatadogTracer(CompilationUnit unit, Expression expr) {
    return expr instanceof MethodCallExpr get
        && get.getNameAsString().equals("get")
        && get.getArguments().isEmpty()
        && get.getScope().map(s -> Ast.namesClass(unit, s, DD_GLOBAL_TRACER)).orElse(false);
  }

  /** {@code Span.current().getSpanContext().<getter>()}. */
  private static MethodCallExpr currentSpanId(CompilationUnit unit, String getter) {
    String span = RewriteContext.reference(unit, "io.opentelemetry.api.trace.Span");
    MethodCallExpr current = new MethodCallExpr(new NameExpr(span), "current");
    return new MethodCallExpr(new MethodCallExpr(current, "getSpanContext"), getter);
  }
}
