package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.otelboard.cli.rewrite.MigrateOpenTracing.Kind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one file's move off OpenTracing takes ({@link MigrateOpenTracing}), planned before any
 * node changes so that a single use it can't move leaves the whole file alone.
 */
final class OpenTracingPlan {
  private final CompilationUnit unit;
  private final RewriteContext context;
  private final OpenTracingNames names;
  /** Each use left alone, and why; by identity, since nodes compare equal by structure. */
  private final List<Map.Entry<Node, String>> problems = new ArrayList<>();

  /** The uses left alone, each with why. */
  List<Map.Entry<Node, String>> problems() {
    return problems;
  }
  private final Map<Node, Boolean> consumed = new IdentityHashMap<>();
  private final List<Runnable> edits = new ArrayList<>();
  /** What changes on each line, by position, so a builder chain reads in source order. */
  private final Map<Integer, java.util.TreeMap<Integer, String>> changes =
      new java.util.TreeMap<>();
  private final Map<Integer, Node> changeNodes = new LinkedHashMap<>();
  private final Map<ClassOrInterfaceType, Kind> types = new IdentityHashMap<>();
  private boolean holder;
  /** Whether an error log's map literal went, which may leave its Map class unused. */
  private boolean mapClasses;

  OpenTracingPlan(CompilationUnit unit, RewriteContext context) {
    this.unit = unit;
    this.context = context;
    this.names = new OpenTracingNames(unit);
  }

  /** Every OpenTracing type in the file: replaced, or a problem. */
  void types() {
    for (ImportDeclaration imp : unit.getImports()) {
      if (imp.isStatic() && imp.getNameAsString().startsWith("io.opentracing")) {
        problem(imp, "static import of " + imp.getNameAsString() + ": qualify its uses with "
            + "the class name and re-run onboard");
      }
    }
    for (ClassOrInterfaceType type : unit.findAll(ClassOrInterfaceType.class)) {
      if (type.getParentNode().orElse(null) instanceof ClassOrInterfaceType outer
          && outer.getScope().orElse(null) == type) {
        continue;
      }
      String qualified = names.qualified(type);
      if (qualified == null) {
        continue;
      }
      Kind kind = names.kindOfType(qualified);
      if (kind == null || kind.openTelemetry == null) {
        problem(type, qualified + " has no OpenTelemetry counterpart otelboard can write"
            + (qualified.contains("propagation") ? ": OpenTelemetry's HTTP and messaging "
                + "instrumentation propagates the context; remove the hand-made propagation"
                : ""));
        continue;
      }
      if (kind == Kind.TRACER && !names.tracerFromGlobal(type)) {
        problem(type, "an OpenTracing Tracer that does not come from GlobalTracer.get() (passed "
            + "in, injected, or built by a vendor factory such as new DDTracer() or Jaeger's "
            + "Configuration): otelboard can't tell which tracer it is; make it "
            + "GlobalTracer.get(), or move it to OpenTelemetry by hand");
        continue;
      }
      types.put(type, kind);
      consume(type);
    }
  }

  /** Every call on an OpenTracing receiver: rewritten, or a problem. */
  void calls() {
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      Optional<Expression> scope = call.getScope();
      if (scope.isEmpty()) {
        continue;
      }
      if (Ast.namesClass(unit, scope.get(), MigrateOpenTracing.GLOBAL_TRACER)) {
        globalTracer(call, scope.get());
        continue;
      }
      if (scope.get() instanceof FieldAccessExpr tag && call.getNameAsString().equals("set")
          && names.tagKey(tag).isPresent() && call.getArguments().size() == 2) {
        consume(tag);
        setTag(call, call.getArgument(0), tag, call.getArgument(1));
        continue;
      }
      Kind kind = names.kindOf(scope.get());
      if (kind == null) {
        if (MigrateOpenTracing.OPENTRACING_METHODS.contains(call.getNameAsString())
            && !names.knownOtherType(scope.get())) {
          problem(call, "can't tell whether " + scope.get() + " is an OpenTracing object ("
              + call.getNameAsString() + "(...) on it): declare it with its type in this file, "
              + "or move it by hand");
        }
        continue;
      }
      switch (kind) {
        case TRACER -> tracerCall(call);
        case SCOPE_MANAGER -> scopeManagerCall(call);
        case BUILDER -> builderCall(call);
        case SPAN -> spanCall(call);
        case SPAN_CONTEXT -> spanContextCall(call);
        case SCOPE -> {
          if (!call.getNameAsString().equals("close")) {
            problem(call, "Scope." + call.getNameAsString() + "(...) has no OpenTelemetry "
                + "counterpart");
          }
        }
        default -> { }
      }
    }
  }

  private void globalTracer(MethodCallExpr call, Expression scope) {
    consume(scope);
    if (call.getParentNode().orElse(null) instanceof MethodCallExpr outer
        && outer.getScope().orElse(null) == call
        && Set.of("activateSpan", "activeSpan", "scopeManager").contains(
            outer.getNameAsString())) {
      return; // the outer call becomes span.makeCurrent() or Span.current(): no tracer left
    }
    if (!call.getNameAsString().equals("get") || !call.getArguments().isEmpty()) {
      problem(call, "GlobalTracer." + call.getNameAsString() + "(...) registers or inspects a "
          + "vendor tracer: drop it (OpenTelemetry's SDK is set up by onboard) and re-run");
      return;
    }
    holder = true;
    change(call, "GlobalTracer.get() -> the service's OpenTelemetry Tracer");
    edits.add(() -> {
      String name = RewriteContext.reference(unit, context.settings().tracingHolder());
      call.replace(new MethodCallExpr(new NameExpr(name), "tracer"));
    });
  }

  private void tracerCall(MethodCallExpr call) {
    switch (call.getNameAsString()) {
      case "buildSpan" -> {
        change(call, "span " + (call.getArguments().isEmpty() ? "" : call.getArgument(0) + " ")
            + "built with the OpenTelemetry API");
        edits.add(() -> call.setName("spanBuilder"));
      }
      case "activateSpan" -> makeCurrent(call);
      case "activeSpan" -> currentSpan(call);
      case "scopeManager" -> {
        if (!(call.getParentNode().orElse(null) instanceof MethodCallExpr outer)
            || outer.getScope().orElse(null) != call) {
          problem(call, "a ScopeManager handed around: OpenTelemetry's context has no "
              + "pluggable scope manager; move this by hand");
        }
      }
      default -> problem(call, "Tracer." + call.getNameAsString() + "(...): "
          + (call.getNameAsString().matches("inject|extract")
              ? "OpenTelemetry's HTTP and messaging instrumentation propagates the context; "
                  + "remove the hand-made propagation"
              : "no OpenTelemetry counterpart otelboard can write"));
    }
  }

  private void scopeManagerCall(MethodCallExpr call) {
    switch (call.getNameAsString()) {
      case "activate" -> makeCurrent(call);
      case "activeSpan" -> currentSpan(call);
      default -> problem(call, "a custom ScopeManager: OpenTelemetry's context has no "
          + "pluggable scope manager; move this by hand");
    }
  }

  private void makeCurrent(MethodCallExpr call) {
    if (call.getArguments().size() != 1) {
      problem(call, call.getNameAsString() + "(...) with " + call.getArguments().size()
          + " arguments (OpenTracing 0.31's finishSpanOnClose?): move it by hand");
      return;
    }
    consume(call.getScope().orElseThrow());
    change(call, "span made current with makeCurrent()");
    Expression span = call.getArgument(0);
    edits.add(() -> {
      MethodCallExpr current = new MethodCallExpr(null, "makeCurrent");
      call.replace(current);
      current.setScope(span);
    });
  }

  private void currentSpan(MethodCallExpr call) {
    consume(call.getScope().orElseThrow());
    change(call, "the active span is Span.current()");
    edits.add(() -> call.replace(new MethodCallExpr(
        new NameExpr(RewriteContext.reference(unit, Kind.SPAN.openTelemetry)), "current")));
  }

  private void builderCall(MethodCallExpr call) {
    Expression scope = call.getScope().orElseThrow();
    switch (call.getNameAsString()) {
      case "withTag" -> setTag(call, scope, call.getArgument(0), call.getArgument(1));
      case "start" -> {
        change(call, "start() -> startSpan()");
        edits.add(() -> call.setName("startSpan"));
      }
      case "ignoreActiveSpan" -> edits.add(() -> call.setName("setNoParent"));
      case "withStartTimestamp" -> edits.add(() -> {
        call.setName("setStartTimestamp");
        call.addArgument(microseconds());
      });
      case "asChildOf" -> {
        Expression parent = call.getArgument(0);
        Kind parentKind = names.kindOf(parent);
        if (parentKind != Kind.SPAN && parentKind != Kind.SPAN_CONTEXT) {
          problem(call, "asChildOf(" + parent + "): can't tell whether it is a span or a span "
              + "context; declare it with its type in this file, or move it by hand");
          return;
        }
        edits.add(() -> {
          String contextClass = RewriteContext.reference(unit, "io.opentelemetry.context.Context");
          MethodCallExpr current = new MethodCallExpr(new NameExpr(contextClass), "current");
          MethodCallExpr with = new MethodCallExpr(current, "with");
          call.setName("setParent");
          call.getArguments().clear();
          call.addArgument(with);
          if (parentKind == Kind.SPAN) {
            with.addArgument(parent);
          } else {
            MethodCallExpr wrap = new MethodCallExpr(
                new NameExpr(RewriteContext.reference(unit, Kind.SPAN.openTelemetry)), "wrap");
            with.addArgument(wrap);
            wrap.addArgument(parent);
          }
        });
      }
      default -> problem(call, "SpanBuilder." + call.getNameAsString() + "(...): no "
          + "OpenTelemetry counterpart otelboard can write (references and startActive are "
          + "not moved)");
    }
  }

  private void spanCall(MethodCallExpr call) {
    Expression scope = call.getScope().orElseThrow();
    int arguments = call.getArguments().size();
    switch (call.getNameAsString()) {
      case "setTag" -> setTag(call, scope, call.getArgument(0), call.getArgument(1));
      case "finish" -> {
        change(call, "finish() -> end()");
        edits.add(() -> {
          call.setName("end");
          if (arguments == 1) {
            call.addArgument(microseconds());
          }
        });
      }
      case "setOperationName" -> edits.add(() -> call.setName("updateName"));
      case "context" -> edits.add(() -> call.setName("getSpanContext"));
      case "log" -> log(call, scope);
      default -> problem(call, "Span." + call.getNameAsString() + "(...): "
          + (call.getNameAsString().contains("Baggage")
              ? "baggage is separate from spans in OpenTelemetry (io.opentelemetry.api.baggage"
                  + ".Baggage); move it by hand"
              : "no OpenTelemetry counterpart otelboard can write"));
    }
  }

  private void spanContextCall(MethodCallExpr call) {
    switch (call.getNameAsString()) {
      case "toTraceId" -> edits.add(() -> call.setName("getTraceId"));
      case "toSpanId" -> edits.add(() -> call.setName("getSpanId"));
      default -> problem(call, "SpanContext." + call.getNameAsString() + "(...): no "
          + "OpenTelemetry counterpart otelboard can write");
    }
  }

  /** {@code span.log("event")}, or an error log whose fields carry the exception. */
  private void log(MethodCallExpr call, Expression scope) {
    List<Expression> args = call.getArguments();
    if (args.size() == 1 && args.get(0) instanceof StringLiteralExpr) {
      change(call, "log event -> span event");
      edits.add(() -> call.setName("addEvent"));
      return;
    }
    if (args.size() == 2 && args.get(1) instanceof StringLiteralExpr) {
      change(call, "log event -> span event");
      Expression timestamp = args.get(0);
      Expression event = args.get(1);
      edits.add(() -> {
        call.setName("addEvent");
        call.getArguments().clear();
        call.addArgument(event);
        call.addArgument(timestamp);
        call.addArgument(microseconds());
      });
      return;
    }
    Map<String, Expression> fields = args.size() == 1 ? names.mapLiteral(args.get(0)) : null;
    if (fields == null || !fields.containsKey("error.object")
        || !MigrateOpenTracing.ERROR_LOG_FIELDS.containsAll(fields.keySet())) {
      problem(call, "span.log(" + args.stream().map(Object::toString)
          .reduce((a, b) -> a + ", " + b).orElse("") + "): only an event name, or an error "
          + "log with Fields.ERROR_OBJECT, is moved (to addEvent / recordException)");
      return;
    }
    consume(args.get(0));
    mapClasses = true;
    Expression error = fields.get("error.object");
    change(call, "error log -> recordException");
    edits.add(() -> {
      MethodCallExpr record = new MethodCallExpr(null, "recordException");
      call.replace(record);
      record.setScope(scope);
      record.addArgument(error);
    });
  }

  /** A tag on a span or span builder: an attribute, the span kind, or the error status. */
  private void setTag(MethodCallExpr call, Expression target, Expression keyExpr,
      Expression value) {
    Optional<String> key = names.tagKey(keyExpr);
    if (key.isEmpty() && !(keyExpr instanceof NameExpr || keyExpr instanceof FieldAccessExpr)) {
      problem(call, "tag key " + keyExpr + ": write it as a string or a Tags/DDTags constant");
      return;
    }
    if (key.isPresent()) {
      consume(keyExpr);
    }
    String name = key.orElse(null);
    boolean onBuilder = call.getNameAsString().equals("withTag");
    if (TagNames.SPAN_KIND.equals(name)) {
      Optional<String> kind = names.spanKind(value);
      if (!onBuilder || kind.isEmpty()) {
        problem(call, "the span kind " + (onBuilder ? "must be a Tags.SPAN_KIND_* constant or "
            + "its string" : "can't change once a span started in OpenTelemetry: set it on the "
            + "builder"));
        return;
      }
      consume(value);
      change(call, "span kind " + kind.get());
      edits.add(() -> {
        String spanKind = RewriteContext.reference(unit, MigrateOpenTracing.OTEL + "SpanKind");
        call.setName("setSpanKind");
        call.getArguments().clear();
        call.setScope(target);
        call.addArgument(new FieldAccessExpr(new NameExpr(spanKind), kind.get()));
      });
      return;
    }
    if (TagNames.ERROR.equals(name)) {
      if (onBuilder || !(value instanceof BooleanLiteralExpr b) || !b.getValue()) {
        problem(call, "the error tag is moved when it is set to true on a started span "
            + "(setStatus(StatusCode.ERROR)); move this one by hand");
        return;
      }
      change(call, "error tag -> setStatus(StatusCode.ERROR)");
      edits.add(() -> {
        String status = RewriteContext.reference(unit, MigrateOpenTracing.OTEL + "StatusCode");
        MethodCallExpr setStatus = new MethodCallExpr(null, "setStatus");
        call.replace(setStatus);
        setStatus.setScope(target);
        setStatus.addArgument(new FieldAccessExpr(new NameExpr(status), "ERROR"));
      });
      return;
    }
    Optional<String> dropped = name == null ? Optional.empty() : TagNames.dropped(name);
    if (dropped.isPresent()) {
      if (!(call.getParentNode().orElse(null) instanceof ExpressionStmt) && !onBuilder) {
        problem(call, "tag " + name + " has no OpenTelemetry attribute (" + dropped.get()
            + ") and its value is used: move it by hand");
        return;
      }
      context.manual(call, MigrateOpenTracing.ID, "tag " + name + " dropped: " + dropped.get());
      change(call, "tag " + name + " dropped");
      edits.add(() -> {
        if (call.getParentNode().orElse(null) instanceof ExpressionStmt statement) {
          statement.remove();
        } else {
          call.replace(target);
        }
      });
      return;
    }
    String attribute = name == null ? null : TagNames.attribute(name);
    change(call, name == null ? "tag -> attribute" : "tag " + name + " -> attribute "
        + attribute);
    edits.add(() -> {
      if (call.getScope().orElse(null) != target) {
        // Tags.X.set(span, value): the span becomes the receiver, the constant the key.
        call.setScope(target);
        call.getArguments().clear();
        call.addArgument(keyExpr);
        call.addArgument(value);
      }
      call.setName("setAttribute");
      if (attribute != null) {
        call.getArguments().set(0, new StringLiteralExpr(attribute));
      }
    });
  }

  /** Every OpenTracing, Tags/Fields/DDTags name in code is one this plan rewrites. */
  void checkCoverage() {
    Set<String> vendorNames = new java.util.HashSet<>();
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      if (!imp.isStatic() && !imp.isAsterisk() && (name.startsWith("io.opentracing.")
          || name.equals(MigrateOpenTracing.DD_TAGS))) {
        vendorNames.add(name.substring(name.lastIndexOf('.') + 1));
      }
    }
    for (NameExpr name : unit.findAll(NameExpr.class)) {
      if (vendorNames.contains(name.getNameAsString()) && !consumed.containsKey(name)
          && !names.shadowed(name)) {
        problem(name.getParentNode().orElse(name), name.getParentNode().orElse(name)
            + " uses " + name + " in a way otelboard does not move: move it by hand");
      }
    }
    for (FieldAccessExpr access : unit.findAll(FieldAccessExpr.class)) {
      if (access.toString().startsWith("io.opentracing.") && !consumed.containsKey(access)
          && !(access.getParentNode().orElse(null) instanceof FieldAccessExpr)) {
        problem(access, access + " is not moved by otelboard: move it by hand");
      }
    }
  }

  void apply() {
    for (ImportDeclaration imp : new ArrayList<>(unit.getImports())) {
      String name = imp.getNameAsString();
      if (name.startsWith("io.opentracing.") || name.equals("io.opentracing")) {
        imp.remove();
      }
    }
    edits.forEach(Runnable::run);
    types.forEach((type, kind) -> type.replace(new ClassOrInterfaceType(null,
        RewriteContext.reference(unit, kind.openTelemetry))));
    Imports.removeIfUnused(unit, MigrateOpenTracing.DD_TAGS);
    if (mapClasses) {
      for (String mapClass : List.of("java.util.Map", "java.util.Collections",
          "com.google.common.collect.ImmutableMap")) {
        Imports.removeIfUnused(unit, mapClass);
      }
    }
    changes.forEach((line, what) -> context.changed(changeNodes.get(line), MigrateOpenTracing.ID,
        String.join("; ", new java.util.LinkedHashSet<>(what.values()))));
    if (changes.isEmpty() && !types.isEmpty()) {
      context.changed(types.keySet().iterator().next(), MigrateOpenTracing.ID, "OpenTracing types -> OpenTelemetry");
    }
    context.need(Instrumentation.TRACING_API);
    if (holder) {
      context.need(Instrumentation.TRACING_HOLDER);
    }
  }

  private Expression microseconds() {
    String timeUnit = RewriteContext.reference(unit, "java.util.concurrent.TimeUnit");
    return new FieldAccessExpr(new NameExpr(timeUnit), "MICROSECONDS");
  }

  private void consume(Node node) {
    consumed.put(node, Boolean.TRUE);
    node.getChildNodes().forEach(this::consume);
  }

  private void change(Node node, String what) {
    int line = node.getBegin().map(p -> p.line).orElse(0);
    // A chain starts on one line and goes on over several: order by where each method is named.
    Node named = node instanceof MethodCallExpr call ? call.getName() : node;
    int position = named.getBegin().map(p -> p.line * 10_000 + p.column).orElse(0);
    changes.computeIfAbsent(line, l -> new java.util.TreeMap<>()).putIfAbsent(position, what);
    changeNodes.putIfAbsent(line, node);
  }

  private void problem(Node node, String reason) {
    if (problems.stream().noneMatch(p -> p.getKey() == node)) {
      problems.add(Map.entry(node, reason));
    }
  }
}
