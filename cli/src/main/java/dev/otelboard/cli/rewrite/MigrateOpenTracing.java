package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import java.util.Set;

/**
 * OpenTracing spans, as Datadog and Jaeger apps write them by hand, move to the OpenTelemetry API:
 * {@code GlobalTracer.get()} is the OpenTelemetry {@code Tracer} of the generated tracing holder;
 * {@code buildSpan(..).withTag(..).start()} is {@code spanBuilder(..).setAttribute(..)
 * .startSpan()}; {@code activateSpan(span)} is {@code span.makeCurrent()}; {@code finish()} is
 * {@code end()}; tags ({@code Tags.*}, {@code DDTags.*}, strings) become attributes with their
 * semantic-convention names ({@link TagNames}); the span kind tag becomes the span's kind; the
 * error tag and an error log become {@code setStatus(StatusCode.ERROR)} and {@code
 * recordException}.
 *
 * <p>A file moves as a whole or not at all: one use this rewrite can't express safely (a tracer
 * passed in or built by a vendor factory, a ScopeManager, inject/extract, baggage, an unknown
 * receiver of an OpenTracing-looking call) leaves the file as it is, with a manual item per use.
 * Onboard then refuses the service, so no code path ever runs two tracers.
 */
final class MigrateOpenTracing implements JavaRewrite {
  static final RewriteId ID = RewriteId.MIGRATE_OPENTRACING;
  static final String GLOBAL_TRACER = "io.opentracing.util.GlobalTracer";
  static final String TAGS = "io.opentracing.tag.Tags";
  static final String FIELDS = "io.opentracing.log.Fields";
  static final String DD_TAGS = "datadog.trace.api.DDTags";
  static final String OTEL = "io.opentelemetry.api.trace.";

  /** The OpenTracing types this rewrite moves, and what they become. */
  enum Kind {
    TRACER("io.opentracing.Tracer", OTEL + "Tracer"),
    SPAN("io.opentracing.Span", OTEL + "Span"),
    SCOPE("io.opentracing.Scope", "io.opentelemetry.context.Scope"),
    SPAN_CONTEXT("io.opentracing.SpanContext", OTEL + "SpanContext"),
    BUILDER("io.opentracing.Tracer.SpanBuilder", OTEL + "SpanBuilder"),
    SCOPE_MANAGER("io.opentracing.ScopeManager", null);

    final String openTracing;
    final String openTelemetry;

    Kind(String openTracing, String openTelemetry) {
      this.openTracing = openTracing;
      this.openTelemetry = openTelemetry;
    }
  }

  /** Calls on a receiver of unknown type that look like OpenTracing's: a reason to stop. */
  static final Set<String> OPENTRACING_METHODS =
      Set.of("buildSpan", "activateSpan", "activeSpan", "withTag", "finish", "setTag",
          "setBaggageItem", "getBaggageItem", "setOperationName", "toTraceId", "toSpanId",
          "scopeManager");
  static final Set<String> ERROR_LOG_FIELDS =
      Set.of("event", "error.kind", "message", "stack", "error.object");

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "OpenTracing spans move to the OpenTelemetry API";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("io.opentracing");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    boolean uses = unit.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith(
        "io.opentracing"));
    if (!uses) {
      return;
    }
    OpenTracingPlan plan = new OpenTracingPlan(unit, context);
    plan.types();
    plan.calls();
    plan.checkCoverage();
    if (!plan.problems().isEmpty()) {
      plan.problems().forEach(p -> context.manual(p.getKey(), ID, p.getValue()));
      return;
    }
    plan.apply();
  }
}
