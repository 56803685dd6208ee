package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brave spans, and Spring Cloud Sleuth 3's copy of Brave's API, move to the OpenTelemetry API:
 * {@code tracer.nextSpan().name("x").tag(k, v).start()} is {@code tracer.spanBuilder("x")
 * .setAttribute(k', v).startSpan()}; {@code withSpanInScope(span)} (Sleuth: {@code withSpan}) is
 * {@code span.makeCurrent()}; {@code currentSpan()}/{@code currentSpanCustomizer()} are {@code
 * Span.current()}; {@code annotate}/{@code event} are {@code addEvent}; {@code error(t)} is {@code
 * setStatus(StatusCode.ERROR).recordException(t)}; {@code finish()}/{@code end()} is {@code end()};
 * tag keys get their semantic-convention names ({@link TagNames}).
 *
 * <p>The tracer comes from the generated tracing holder: Brave's {@code Tracing.currentTracer()},
 * and the {@code Tracer} bean Sleuth injects into a Spring component (a constructor parameter
 * stored in a field, or an {@code @Autowired} field), which leaves the constructor. Any use this
 * rewrite can't express (a scoped span, baggage, propagation, a span stored before it starts,
 * {@code @NewSpan}) leaves the file as it is with a manual item per use; onboard then refuses the
 * service, so no code path runs two tracers.
 */
final class MigrateBrave implements JavaRewrite {
  static final RewriteId ID = RewriteId.MIGRATE_BRAVE;
  static final String OTEL = "io.opentelemetry.api.trace.";

  /** What a value is in Brave's terms. */
  enum Kind {
    /** A Tracer. */
    TRACER(OTEL + "Tracer"),
    /** {@code nextSpan()}/{@code newTrace()}: a span with no name yet. */
    UNNAMED(null),
    /** A named span not started yet: OpenTelemetry's SpanBuilder. */
    BUILDER(null),
    /** A started span, a SpanCustomizer. */
    SPAN(OTEL + "Span"),
    /** {@code Tracer.SpanInScope}. */
    SCOPE("io.opentelemetry.context.Scope"),
    /** A span's TraceContext. */
    CONTEXT(OTEL + "SpanContext");

    final String openTelemetry;

    Kind(String openTelemetry) {
      this.openTelemetry = openTelemetry;
    }
  }

  /**
   * The two APIs of the same shape, each with its own words for the same calls: Brave's, and
   * Sleuth 3's ({@code org.springframework.cloud.sleuth}), which copied it.
   */
  enum Api {
    BRAVE("Brave", "brave.", "withSpanInScope", "annotate", "finish", "traceIdString", "spanIdString",
        Map.of("Tracer", Kind.TRACER, "Span", Kind.SPAN, "SpanCustomizer", Kind.SPAN,
            "Tracer.SpanInScope", Kind.SCOPE, "propagation.TraceContext", Kind.CONTEXT)),
    SLEUTH("Sleuth", "org.springframework.cloud.sleuth.", "withSpan", "event", "end", "traceId", "spanId",
        Map.of("Tracer", Kind.TRACER, "Span", Kind.SPAN, "SpanCustomizer", Kind.SPAN,
            "Tracer.SpanInScope", Kind.SCOPE, "TraceContext", Kind.CONTEXT));

    final String title;
    final String prefix;
    final String inScope;
    final String event;
    final String finish;
    final String traceId;
    final String spanId;
    /** Types by their name inside the API's package. */
    final Map<String, Kind> types;

    Api(String title, String prefix, String inScope, String event, String finish, String traceId,
        String spanId, Map<String, Kind> types) {
      this.title = title;
      this.prefix = prefix;
      this.inScope = inScope;
      this.event = event;
      this.finish = finish;
      this.traceId = traceId;
      this.spanId = spanId;
      this.types = types;
    }

    /** The kind of the qualified type name, if this API has it. */
    Optional<Kind> kindOfType(String qualified) {
      return qualified.startsWith(prefix)
          ? Optional.ofNullable(types.get(qualified.substring(prefix.length())))
          : Optional.empty();
    }

    boolean owns(String name) {
      return (name + ".").startsWith(prefix);
    }
  }

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "Brave and Spring Cloud Sleuth spans move to the OpenTelemetry API";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("brave.") || source.contains("org.springframework.cloud.sleuth");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    List<Api> apis = java.util.Arrays.stream(Api.values())
        .filter(api -> unit.getImports().stream()
            .map(ImportDeclaration::getNameAsString).anyMatch(api::owns))
        .toList();
    if (apis.isEmpty()) {
      return;
    }
    if (apis.size() > 1) {
      context.manual(unit.getImports().get(0), ID, "uses Brave and Sleuth's API in one file: "
          + "move it to Sleuth's or Brave's alone, or to OpenTelemetry by hand");
      return;
    }
    BravePlan plan = new BravePlan(unit, context, apis.get(0));
    plan.plan();
    if (!plan.problems().isEmpty()) {
      plan.problems().forEach(p -> context.manual(p.getKey(), ID, p.getValue()));
      return;
    }
    plan.apply();
  }
}
