package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.otelboard.cli.rewrite.MigrateBrave.Api;
import dev.otelboard.cli.rewrite.MigrateBrave.Kind;
import java.util.Set;

/**
 * The calls on Brave's (or Sleuth's) tracer, span builder, span, scope and trace context of one
 * file, each planned as its OpenTelemetry call or as a problem, into a {@link BravePlan}: the
 * call-by-call half of the move, apart from the plan's types, tracer sources and coverage.
 */
final class BraveCalls {
  private final BravePlan plan;
  private final BraveNames names;
  private final CompilationUnit unit;
  private final Api api;

  BraveCalls(BravePlan plan, BraveNames names, CompilationUnit unit, Api api) {
    this.plan = plan;
    this.names = names;
    this.unit = unit;
    this.api = api;
  }

  /** Plans the change of every call on the API in the file. */
  void plan() {
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (names.isCurrentTracer(call)) {
        plan.consume(call);
        plan.useHolder();
        plan.change(call, "Tracing.currentTracer() -> the service's OpenTelemetry Tracer");
        plan.edit(() -> call.replace(plan.holderCall()));
        continue;
      }
      Expression scope = call.getScope().orElse(null);
      Kind kind = scope == null ? null : names.kindOf(scope);
      if (kind == null) {
        continue;
      }
      switch (kind) {
        case TRACER -> tracerCall(call, scope);
        case UNNAMED -> {
          if (!call.getNameAsString().equals("name")) {
            plan.problem(call, "a span with no name yet: name it first (nextSpan().name(\"x\"))");
          }
        }
        case BUILDER -> builderCall(call, scope);
        case SPAN -> spanCall(call, scope);
        case SCOPE -> {
          if (!call.getNameAsString().equals("close")) {
            plan.problem(call, "SpanInScope." + call.getNameAsString() + "(...): move it by hand");
          }
        }
        case CONTEXT -> contextCall(call);
        default -> { }
      }
    }
  }

  private void tracerCall(MethodCallExpr call, Expression tracer) {
    String method = call.getNameAsString();
    if (method.equals("nextSpan") || method.equals("newTrace")) {
      if (!call.getArguments().isEmpty()
          || !(call.getParentNode().orElse(null) instanceof MethodCallExpr named)
          || named.getScope().orElse(null) != call || !named.getNameAsString().equals("name")
          || named.getArguments().size() != 1) {
        plan.problem(call, method + "(" + call.getArguments() .stream().map(Object::toString)
            .reduce((a, b) -> a + ", " + b).orElse("") + ") not followed by .name(...): "
            + "OpenTelemetry names a span when it builds it; write nextSpan().name(\"x\")");
        return;
      }
      plan.change(named, "span " + named.getArgument(0) + " built with the OpenTelemetry API");
      boolean root = method.equals("newTrace");
      plan.edit(() -> {
        named.setName("spanBuilder");
        named.setScope(tracer);
        if (root) {
          MethodCallExpr noParent = new MethodCallExpr(null, "setNoParent");
          named.replace(noParent);
          noParent.setScope(named);
        }
      });
      return;
    }
    if (method.equals(api.inScope) && call.getArguments().size() == 1
        && names.kindOf(call.getArgument(0)) == Kind.SPAN) {
      plan.change(call, "span made current with makeCurrent()");
      Expression span = call.getArgument(0);
      plan.edit(() -> {
        MethodCallExpr current = new MethodCallExpr(null, "makeCurrent");
        call.replace(current);
        current.setScope(span);
      });
      return;
    }
    if (method.equals("currentSpan") || method.equals("currentSpanCustomizer")) {
      plan.change(call, "the current span is Span.current()");
      plan.edit(() -> call.replace(new MethodCallExpr(
          new NameExpr(RewriteContext.reference(unit, Kind.SPAN.openTelemetry)), "current")));
      return;
    }
    plan.problem(call, "Tracer." + method + "(...): " + switch (method) {
      case "startScopedSpan", "startScopedSpanWithParent" -> "a scoped span; write it as "
          + "nextSpan().name(..).start() with " + api.inScope + "(span) and re-run onboard";
      case "withSpanInScope", "withSpan" -> "scope a span declared in this file by its type";
      default -> "no OpenTelemetry counterpart otelboard can write";
    });
  }

  private void builderCall(MethodCallExpr call, Expression scope) {
    switch (call.getNameAsString()) {
      case "name" -> {
        if (!(scope instanceof MethodCallExpr inner) || names.kindOf(inner) != Kind.UNNAMED) {
          plan.problem(call, "a second name before start(): move it by hand");
        }
      }
      case "tag" -> tag(call);
      case "remoteServiceName" -> peerService(call);
      case "kind" -> {
        Expression value = call.getArgument(0);
        String written = value.toString();
        String constant = written.substring(written.lastIndexOf('.') + 1);
        if (!(value instanceof FieldAccessExpr) || !written.contains("Kind.")
            || !Set.of("CLIENT", "SERVER", "PRODUCER", "CONSUMER").contains(constant)) {
          plan.problem(call, "span kind " + written + ": write it as Span.Kind.X");
          return;
        }
        plan.consume(value);
        plan.change(call, "span kind " + constant);
        plan.edit(() -> {
          call.setName("setSpanKind");
          call.getArguments().clear();
          call.addArgument(new FieldAccessExpr(new NameExpr(
              RewriteContext.reference(unit, MigrateBrave.OTEL + "SpanKind")), constant));
        });
      }
      case "start" -> {
        if (!call.getArguments().isEmpty()) {
          plan.problem(call, "start(timestamp): move it by hand");
          return;
        }
        plan.change(call, "start() -> startSpan()");
        plan.edit(() -> call.setName("startSpan"));
      }
      default -> plan.problem(call, call.getNameAsString() + "(...) before the span starts: move "
          + "it after start(), or by hand");
    }
  }

  private void spanCall(MethodCallExpr call, Expression scope) {
    String method = call.getNameAsString();
    int arguments = call.getArguments().size();
    if (method.equals("tag") && arguments == 2) {
      tag(call);
    } else if (method.equals("remoteServiceName") && arguments == 1) {
      peerService(call);
    } else if (method.equals("name") && arguments == 1) {
      plan.change(call, "name(..) -> updateName(..)");
      plan.edit(() -> call.setName("updateName"));
    } else if (method.equals(api.event) && arguments == 1) {
      plan.change(call, method + "(..) -> span event");
      plan.edit(() -> call.setName("addEvent"));
    } else if (method.equals("error") && arguments == 1) {
      plan.change(call, "error(..) -> setStatus(StatusCode.ERROR) and recordException(..)");
      plan.edit(() -> {
        String status = RewriteContext.reference(unit, MigrateBrave.OTEL + "StatusCode");
        MethodCallExpr setStatus = new MethodCallExpr(null, "setStatus");
        call.setName("recordException");
        call.setScope(setStatus);
        setStatus.setScope(scope);
        setStatus.addArgument(new FieldAccessExpr(new NameExpr(status), "ERROR"));
      });
    } else if (method.equals(api.finish) && arguments <= 1) {
      plan.change(call, method + "() -> end()");
      plan.edit(() -> {
        call.setName("end");
        if (arguments == 1) {
          call.addArgument(new FieldAccessExpr(new NameExpr(
              RewriteContext.reference(unit, "java.util.concurrent.TimeUnit")), "MICROSECONDS"));
        }
      });
    } else if (method.equals("context") && arguments == 0) {
      plan.edit(() -> call.setName("getSpanContext"));
    } else {
      plan.problem(call, "Span." + method + "(...): " + (method.equals("start")
          ? "a span stored before it starts; start it where it is built (nextSpan().name(..)"
              + "...start())" : "no OpenTelemetry counterpart otelboard can write"));
    }
  }

  private void contextCall(MethodCallExpr call) {
    String method = call.getNameAsString();
    if (method.equals(api.traceId) || method.equals(api.spanId)) {
      String otel = method.equals(api.traceId) ? "getTraceId" : "getSpanId";
      plan.change(call, method + "() -> " + otel + "()");
      plan.edit(() -> call.setName(otel));
    } else {
      plan.problem(call, "TraceContext." + method + "(...): no OpenTelemetry counterpart otelboard "
          + "can write");
    }
  }

  /** A tag: an attribute with its semantic-convention name; Brave's error tag is the status. */
  private void tag(MethodCallExpr call) {
    Expression key = call.getArgument(0);
    if (!(key instanceof StringLiteralExpr literal)) {
      plan.change(call, "tag -> attribute");
      plan.edit(() -> call.setName("setAttribute"));
      return;
    }
    String name = literal.getValue();
    if (TagNames.ERROR.equals(name)) {
      plan.change(call, "error tag -> setStatus(StatusCode.ERROR, ..)");
      plan.edit(() -> {
        call.setName("setStatus");
        call.getArguments().set(0, new FieldAccessExpr(new NameExpr(
            RewriteContext.reference(unit, MigrateBrave.OTEL + "StatusCode")), "ERROR"));
      });
      return;
    }
    String attribute = TagNames.attribute(name);
    plan.change(call, "tag " + name + " -> attribute " + attribute);
    plan.edit(() -> {
      call.setName("setAttribute");
      call.getArguments().set(0, new StringLiteralExpr(attribute));
    });
  }

  private void peerService(MethodCallExpr call) {
    plan.change(call, "remote service name -> attribute peer.service");
    plan.edit(() -> {
      call.setName("setAttribute");
      call.getArguments().add(0, new StringLiteralExpr("peer.service"));
    });
  }

}
