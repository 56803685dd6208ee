package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
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
 * node changes so that a single use it can't move leaves the whole file alone. The types and where
 * a Tracer comes from are planned here, the calls by {@link BraveCalls}; {@link BraveNames} reads
 * what an expression is in the API's terms.
 */
final class BravePlan {
  private static final Set<String> SPRING_COMPONENTS = Set.of("Component", "Service",
      "Repository", "Controller", "RestController", "Configuration");

  private final CompilationUnit unit;
  private final RewriteContext context;
  private final Api api;
  private final BraveNames names;
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
    this.names = new BraveNames(unit, api);
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
      String name = names.qualified(annotation.getNameAsString());
      if (name != null) {
        problem(annotation, "@" + annotation.getName() + " is not moved: put the method's work "
            + "in an OpenTelemetry span (@WithSpan with the Spring Boot starter's aspect, or "
            + "tracer.spanBuilder) by hand");
      }
    }
    types();
    new BraveCalls(this, names, unit, api).plan();
    coverage();
  }

  private void types() {
    Map<Parameter, Kind> injected = new IdentityHashMap<>();
    for (ClassOrInterfaceType type : unit.findAll(ClassOrInterfaceType.class)) {
      if (type.getParentNode().orElse(null) instanceof ClassOrInterfaceType outer
          && outer.getScope().orElse(null) == type) {
        continue;
      }
      String qualified = names.qualified(type.getNameWithScope());
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
      if (!names.isCurrentTracer(variable.getInitializer().get())) {
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

  /** The call that gives the service's OpenTelemetry Tracer: the generated holder's. */
  MethodCallExpr holderCall() {
    String name = RewriteContext.reference(unit, context.settings().tracingHolder());
    return new MethodCallExpr(new NameExpr(name), "tracer");
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

  // The plan's ledger, written by the types here and the calls in BraveCalls; nothing changes
  // until apply(), so one use that can't be moved leaves the whole file alone.

  void useHolder() {
    holder = true;
  }

  void edit(Runnable edit) {
    edits.add(edit);
  }

  void consume(Node node) {
    consumed.put(node, Boolean.TRUE);
    node.getChildNodes().forEach(this::consume);
  }

  void change(Node node, String what) {
    int line = node.getBegin().map(p -> p.line).orElse(0);
    changes.computeIfAbsent(line, l -> new LinkedHashSet<>()).add(what);
    changeNodes.putIfAbsent(line, node);
  }

  void problem(Node node, String reason) {
    if (problems.stream().noneMatch(p -> p.getKey() == node)) {
      problems.add(Map.entry(node, reason));
    }
  }
}
