package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.otelboard.cli.rewrite.MigrateBrave.Api;
import dev.otelboard.cli.rewrite.MigrateBrave.Kind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one file's move off Brave or Sleuth takes ({@link MigrateBrave}), planned before any
 * node changes so that a single use it can't move leaves the whole file alone.
 */
final class BravePlan {
  private static final Set<String> SPRING_COMPONENTS = Set.of("Component", "Service",
      "Repository", "Controller", "RestController", "Configuration");

  private final CompilationUnit unit;
  private final RewriteContext context;
  private final Api api;
  private final List<Map.Entry<Node, String>> problems = new ArrayList<>();
  private final Map<Node, Boolean> consumed = new IdentityHashMap<>();
  private final List<Runnable> edits = new ArrayList<>();
  private final Map<ClassOrInterfaceType, Kind> types = new IdentityHashMap<>();
  private final Map<Integer, Set<String>> changes = new java.util.TreeMap<>();
  private final Map<Integer, Node> changeNodes = new java.util.HashMap<>();
  private boolean holder;

  BravePlan(CompilationUnit unit, RewriteContext context, Api api) {
    this.unit = unit;
    this.context = context;
    this.api = api;
  }

  List<Map.Entry<Node, String>> problems() {
    return problems;
  }

  void plan() {
    for (ImportDeclaration imp : unit.getImports()) {
      if (api.owns(imp.getNameAsString()) && (imp.isStatic() || imp.isAsterisk())) {
        problem(imp, "a static or wildcard import of " + imp.getNameAsString() + ": import each "
            + "class by name and re-run onboard");
      }
    }
    for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
      String name = qualified(annotation.getNameAsString());
      if (name != null) {
        problem(annotation, "@" + annotation.getName() + " is not moved: put the method's work "
            + "in an OpenTelemetry span (@WithSpan with the Spring Boot starter's aspect, or "
            + "tracer.spanBuilder) by hand");
      }
    }
    types();
    calls();
    coverage();
  }

  private void types() {
    Map<Parameter, Kind> injected = new IdentityHashMap<>();
    for (ClassOrInterfaceType type : unit.findAll(ClassOrInterfaceType.class)) {
      if (type.getParentNode().orElse(null) instanceof ClassOrInterfaceType outer
          && outer.getScope().orElse(null) == type) {
        continue;
      }
      String qualified = qualified(type.getNameWithScope());
      if (qualified == null) {
        continue;
      }
      Optional<Kind> kind = api.kindOfType(qualified);
      if (kind.isEmpty()) {
        problem(type, qualified + " has no OpenTelemetry counterpart otelboard can write"
            + (qualified.contains("propagation") || qualified.contains("baggage")
                ? ": OpenTelemetry's instrumentation propagates the context, and its Baggage is "
                    + "separate from spans; move this by hand" : ""));
        continue;
      }
      Node declaration = type.getParentNode().orElse(null);
      if (declaration instanceof Parameter parameter
          && parameter.getParentNode().orElse(null) instanceof ConstructorDeclaration) {
        injected.put(parameter, kind.get()); // decided with the field it is stored in
        continue;
      }
      if (declaration instanceof VariableDeclarator v && kind.get() != Kind.TRACER
          && v.getParentNode().orElse(null) instanceof FieldDeclaration field
          && field.getAnnotationByName("Autowired").isPresent()) {
        problem(type, "an injected " + api.title + " " + type.getName() + ": use "
            + "Span.current() where it is used, and re-run onboard");
        continue;
      }
      if (kind.get() == Kind.TRACER && !tracerSource(type)) {
        continue;
      }
      types.put(type, kind.get());
      consume(type);
    }
    // A constructor parameter goes with the Tracer field it fills; any other is a bean Spring
    // would no longer find once its type is OpenTelemetry's.
    injected.forEach((parameter, kind) -> {
      if (kind != Kind.TRACER || !consumed.containsKey(parameter)) {
        problem(parameter, "a " + api.title + " " + parameter.getType() + " passed to a "
            + "constructor: otelboard moves a Tracer stored in a field of a Spring component"
            + (kind == Kind.SPAN ? "; use Span.current() where this one is used" : "")
            + "; move this by hand");
      }
    });
  }

  /**
   * Where a Tracer declaration gets its tracer: Brave's {@code Tracing.currentTracer()}, or the
   * bean Spring injects into a component (a constructor parameter stored in a field, or an
   * {@code @Autowired} field). Each becomes the generated holder's tracer.
   */
  private boolean tracerSource(ClassOrInterfaceType type) {
    Node declaration = type.getParentNode().orElse(null);
    List<VariableDeclarator> variables = declaration instanceof FieldDeclaration f
        ? f.getVariables() : declaration instanceof VariableDeclarator v ? List.of(v)
        : declaration instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr e
            ? e.getVariables() : List.of();
    if (variables.size() != 1) {
      problem(type, "a " + api.title + " Tracer passed in or returned: otelboard can't tell which tracer it is; move it "
          + "to OpenTelemetry by hand");
      return false;
    }
    VariableDeclarator variable = variables.get(0);
    if (variable.getInitializer().isPresent()) {
      if (!isCurrentTracer(variable.getInitializer().get())) {
        problem(type, "a Tracer from " + variable.getInitializer().get() + ": otelboard moves "
            + "Tracing.currentTracer() and an injected Tracer bean; move this one by hand");
        return false;
      }
      return true;
    }
    if (!(variable.getParentNode().orElse(null) instanceof FieldDeclaration field)) {
      problem(type, "a Tracer variable without a value otelboard can follow");
      return false;
    }
    ClassOrInterfaceDeclaration owner =
        field.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
    boolean component = owner != null && owner.getAnnotations().stream()
        .anyMatch(a -> SPRING_COMPONENTS.contains(a.getName().getIdentifier()));
    Optional<AnnotationExpr> autowired = field.getAnnotationByName("Autowired");
    if (autowired.isPresent()) {
      holderField(variable, autowired.get(), null, null);
      return true;
    }
    List<AssignExpr> stores = unit.findAll(AssignExpr.class).stream()
        .filter(a -> assigned(a).equals(variable.getNameAsString())).toList();
    if (!component || stores.size() != 1 || !(stores.get(0).getValue() instanceof NameExpr from)
        || !(stores.get(0).getParentNode().orElse(null) instanceof ExpressionStmt statement)) {
      problem(type, "a Tracer field set from outside: otelboard moves the Tracer bean Spring "
          + "injects into a @Component/@Service through its constructor; move this by hand");
      return false;
    }
    ConstructorDeclaration constructor =
        statement.findAncestor(ConstructorDeclaration.class).orElse(null);
    Optional<Parameter> parameter = constructor == null ? Optional.empty()
        : constructor.getParameterByName(from.getNameAsString());
    if (parameter.isEmpty() || constructor.findAll(NameExpr.class).stream()
        .filter(n -> n.getNameAsString().equals(from.getNameAsString())).count() != 1) {
      problem(type, "a Tracer field set from " + from + ", which otelboard can't follow to the "
          + "constructor's Tracer parameter; move this by hand");
      return false;
    }
    consume(parameter.get());
    consume(statement);
    holderField(variable, null, parameter.get(), statement);
    return true;
  }

  private void holderField(VariableDeclarator variable, AnnotationExpr autowired,
      Parameter parameter, ExpressionStmt store) {
    holder = true;
    change(variable, "the injected " + api.title + " Tracer -> the service's OpenTelemetry Tracer");
    if (autowired != null) {
      consume(autowired);
    }
    edits.add(() -> {
      if (autowired != null) {
        autowired.remove();
      }
      if (parameter != null) {
        parameter.remove();
        store.remove();
      }
      variable.setInitializer(holderCall());
    });
  }

  private static String assigned(AssignExpr assign) {
    return assign.getTarget() instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
        ? f.getNameAsString() : assign.getTarget().toString();
  }

  private boolean isCurrentTracer(Expression expr) {
    return api == Api.BRAVE && expr instanceof MethodCallExpr call
        && call.getNameAsString().equals("currentTracer") && call.getArguments().isEmpty()
        && call.getScope().map(s -> Ast.namesClass(unit, s, "brave.Tracing")).orElse(false);
  }

  private MethodCallExpr holderCall() {
    String name = RewriteContext.reference(unit, context.settings().tracingHolder());
    return new MethodCallExpr(new NameExpr(name), "tracer");
  }

  private void calls() {
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (isCurrentTracer(call)) {
        consume(call);
        holder = true;
        change(call, "Tracing.currentTracer() -> the service's OpenTelemetry Tracer");
        edits.add(() -> call.replace(holderCall()));
        continue;
      }
      Expression scope = call.getScope().orElse(null);
      Kind kind = scope == null ? null : kindOf(scope);
      if (kind == null) {
        continue;
      }
      switch (kind) {
        case TRACER -> tracerCall(call, scope);
        case UNNAMED -> {
          if (!call.getNameAsString().equals("name")) {
            problem(call, "a span with no name yet: name it first (nextSpan().name(\"x\"))");
          }
        }
        case BUILDER -> builderCall(call, scope);
        case SPAN -> spanCall(call, scope);
        case SCOPE -> {
          if (!call.getNameAsString().equals("close")) {
            problem(call, "SpanInScope." + call.getNameAsString() + "(...): move it by hand");
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
        problem(call, method + "(" + call.getArguments() .stream().map(Object::toString)
            .reduce((a, b) -> a + ", " + b).orElse("") + ") not followed by .name(...): "
            + "OpenTelemetry names a span when it builds it; write nextSpan().name(\"x\")");
        return;
      }
      change(named, "span " + named.getArgument(0) + " built with the OpenTelemetry API");
      boolean root = method.equals("newTrace");
      edits.add(() -> {
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
        && kindOf(call.getArgument(0)) == Kind.SPAN) {
      change(call, "span made current with makeCurrent()");
      Expression span = call.getArgument(0);
      edits.add(() -> {
        MethodCallExpr current = new MethodCallExpr(null, "makeCurrent");
        call.replace(current);
        current.setScope(span);
      });
      return;
    }
    if (method.equals("currentSpan") || method.equals("currentSpanCustomizer")) {
      change(call, "the current span is Span.current()");
      edits.add(() -> call.replace(new MethodCallExpr(
          new NameExpr(RewriteContext.reference(unit, Kind.SPAN.openTelemetry)), "current")));
      return;
    }
    problem(call, "Tracer." + method + "(...): " + switch (method) {
      case "startScopedSpan", "startScopedSpanWithParent" -> "a scoped span; write it as "
          + "nextSpan().name(..).start() with " + api.inScope + "(span) and re-run onboard";
      case "withSpanInScope", "withSpan" -> "scope a span declared in this file by its type";
      default -> "no OpenTelemetry counterpart otelboard can write";
    });
  }

  private void builderCall(MethodCallExpr call, Expression scope) {
    switch (call.getNameAsString()) {
      case "name" -> {
        if (!(scope instanceof MethodCallExpr inner) || kindOf(inner) != Kind.UNNAMED) {
          problem(call, "a second name before start(): move it by hand");
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
          problem(call, "span kind " + written + ": write it as Span.Kind.X");
          return;
        }
        consume(value);
        change(call, "span kind " + constant);
        edits.add(() -> {
          call.setName("setSpanKind");
          call.getArguments().clear();
          call.addArgument(new FieldAccessExpr(new NameExpr(
              RewriteContext.reference(unit, MigrateBrave.OTEL + "SpanKind")), constant));
        });
      }
      case "start" -> {
        if (!call.getArguments().isEmpty()) {
          problem(call, "start(timestamp): move it by hand");
          return;
        }
        change(call, "start() -> startSpan()");
        edits.add(() -> call.setName("startSpan"));
      }
      default -> problem(call, call.getNameAsString() + "(...) before the span starts: move "
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
      change(call, "name(..) -> updateName(..)");
      edits.add(() -> call.setName("updateName"));
    } else if (method.equals(api.event) && arguments == 1) {
      change(call, method + "(..) -> span event");
      edits.add(() -> call.setName("addEvent"));
    } else if (method.equals("error") && arguments == 1) {
      change(call, "error(..) -> setStatus(StatusCode.ERROR) and recordException(..)");
      edits.add(() -> {
        String status = RewriteContext.reference(unit, MigrateBrave.OTEL + "StatusCode");
        MethodCallExpr setStatus = new MethodCallExpr(null, "setStatus");
        call.setName("recordException");
        call.setScope(setStatus);
        setStatus.setScope(scope);
        setStatus.addArgument(new FieldAccessExpr(new NameExpr(status), "ERROR"));
      });
    } else if (method.equals(api.finish) && arguments <= 1) {
      change(call, method + "() -> end()");
      edits.add(() -> {
        call.setName("end");
        if (arguments == 1) {
          call.addArgument(new FieldAccessExpr(new NameExpr(
              RewriteContext.reference(unit, "java.util.concurrent.TimeUnit")), "MICROSECONDS"));
        }
      });
    } else if (method.equals("context") && arguments == 0) {
      edits.add(() -> call.setName("getSpanContext"));
    } else {
      problem(call, "Span." + method + "(...): " + (method.equals("start")
          ? "a span stored before it starts; start it where it is built (nextSpan().name(..)"
              + "...start())" : "no OpenTelemetry counterpart otelboard can write"));
    }
  }

  private void contextCall(MethodCallExpr call) {
    String method = call.getNameAsString();
    if (method.equals(api.traceId) || method.equals(api.spanId)) {
      String otel = method.equals(api.traceId) ? "getTraceId" : "getSpanId";
      change(call, method + "() -> " + otel + "()");
      edits.add(() -> call.setName(otel));
    } else {
      problem(call, "TraceContext." + method + "(...): no OpenTelemetry counterpart otelboard "
          + "can write");
    }
  }

  /** A tag: an attribute with its semantic-convention name; Brave's error tag is the status. */
  private void tag(MethodCallExpr call) {
    Expression key = call.getArgument(0);
    if (!(key instanceof StringLiteralExpr literal)) {
      change(call, "tag -> attribute");
      edits.add(() -> call.setName("setAttribute"));
      return;
    }
    String name = literal.getValue();
    if (TagNames.ERROR.equals(name)) {
      change(call, "error tag -> setStatus(StatusCode.ERROR, ..)");
      edits.add(() -> {
        call.setName("setStatus");
        call.getArguments().set(0, new FieldAccessExpr(new NameExpr(
            RewriteContext.reference(unit, MigrateBrave.OTEL + "StatusCode")), "ERROR"));
      });
      return;
    }
    String attribute = TagNames.attribute(name);
    change(call, "tag " + name + " -> attribute " + attribute);
    edits.add(() -> {
      call.setName("setAttribute");
      call.getArguments().set(0, new StringLiteralExpr(attribute));
    });
  }

  private void peerService(MethodCallExpr call) {
    change(call, "remote service name -> attribute peer.service");
    edits.add(() -> {
      call.setName("setAttribute");
      call.getArguments().add(0, new StringLiteralExpr("peer.service"));
    });
  }

  /** What {@code expr} holds in the API's terms, or null. */
  Kind kindOf(Expression expr) {
    if (expr.isEnclosedExpr()) {
      return kindOf(expr.asEnclosedExpr().getInner());
    }
    String variable = expr instanceof NameExpr n ? n.getNameAsString()
        : expr instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
            ? f.getNameAsString() : null;
    if (variable != null) {
      return Ast.declaredType(expr, variable).map(this::qualified)
          .flatMap(api::kindOfType).orElse(null);
    }
    if (!(expr instanceof MethodCallExpr call)) {
      return null;
    }
    if (isCurrentTracer(call)) {
      return Kind.TRACER;
    }
    Kind receiver = call.getScope().map(this::kindOf).orElse(null);
    if (receiver == null) {
      return call.getScope().isEmpty() ? ownMethod(call) : null;
    }
    String method = call.getNameAsString();
    return switch (receiver) {
      case TRACER -> method.equals("nextSpan") || method.equals("newTrace") ? Kind.UNNAMED
          : method.equals("currentSpan") || method.equals("currentSpanCustomizer") ? Kind.SPAN
          : method.equals(api.inScope) ? Kind.SCOPE : null;
      case UNNAMED -> method.equals("name") ? Kind.BUILDER : null;
      case BUILDER -> method.equals("start") ? Kind.SPAN
          : Set.of("tag", "kind", "remoteServiceName").contains(method) ? Kind.BUILDER : null;
      case SPAN -> method.equals("context") ? Kind.CONTEXT
          : Set.of("tag", "name", api.event, "error", "remoteServiceName").contains(method)
              ? Kind.SPAN : null;
      default -> null;
    };
  }

  private Kind ownMethod(MethodCallExpr call) {
    for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
      if (method.getNameAsString().equals(call.getNameAsString())
          && method.getParameters().size() == call.getArguments().size()) {
        return api.kindOfType(Optional.ofNullable(qualified(method.getTypeAsString()))
            .orElse("")).orElse(null);
      }
    }
    return null;
  }

  /** The qualified name of a type or class written in this file, when it is the API's. */
  String qualified(String written) {
    String raw = Ast.rawType(written);
    if (api.owns(raw)) {
      return raw;
    }
    String first = raw.contains(".") ? raw.substring(0, raw.indexOf('.')) : raw;
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      if (!imp.isStatic() && !imp.isAsterisk() && api.owns(name) && name.endsWith("." + first)) {
        return name + raw.substring(first.length());
      }
    }
    return null;
  }

  /** Every name the file imports from the API is one this plan moves. */
  private void coverage() {
    Set<String> vendorNames = new java.util.HashSet<>();
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      if (!imp.isStatic() && !imp.isAsterisk() && api.owns(name)) {
        vendorNames.add(name.substring(name.lastIndexOf('.') + 1));
      }
    }
    for (NameExpr name : unit.findAll(NameExpr.class)) {
      if (vendorNames.contains(name.getNameAsString()) && !consumed.containsKey(name)
          && Ast.declaredType(name, name.getNameAsString()).isEmpty()) {
        Node at = name.getParentNode().orElse(name);
        problem(at, at + " uses " + name + " in a way otelboard does not move: move it by hand");
      }
    }
    for (FieldAccessExpr access : unit.findAll(FieldAccessExpr.class)) {
      if (api.owns(access.toString()) && !consumed.containsKey(access)
          && !(access.getParentNode().orElse(null) instanceof FieldAccessExpr)) {
        problem(access, access + " is not moved by otelboard: move it by hand");
      }
    }
  }

  void apply() {
    for (ImportDeclaration imp : new ArrayList<>(unit.getImports())) {
      if (api.owns(imp.getNameAsString())) {
        imp.remove();
      }
    }
    edits.forEach(Runnable::run);
    Imports.removeIfUnused(unit, "org.springframework.beans.factory.annotation.Autowired");
    types.forEach((type, kind) -> type.replace(new ClassOrInterfaceType(null,
        RewriteContext.reference(unit, kind.openTelemetry))));
    changes.forEach((line, what) -> context.changed(changeNodes.get(line), MigrateBrave.ID,
        String.join("; ", what)));
    if (changes.isEmpty() && !types.isEmpty()) {
      context.changed(types.keySet().iterator().next(), MigrateBrave.ID,
          api.title + " types -> OpenTelemetry");
    }
    context.need(Instrumentation.TRACING_API);
    if (holder) {
      context.need(Instrumentation.TRACING_HOLDER);
    }
  }

  private void consume(Node node) {
    consumed.put(node, Boolean.TRUE);
    node.getChildNodes().forEach(this::consume);
  }

  private void change(Node node, String what) {
    int line = node.getBegin().map(p -> p.line).orElse(0);
    changes.computeIfAbsent(line, l -> new LinkedHashSet<>()).add(what);
    changeNodes.putIfAbsent(line, node);
  }

  private void problem(Node node, String reason) {
    if (problems.stream().noneMatch(p -> p.getKey() == node)) {
      problems.add(Map.entry(node, reason));
    }
  }
}
