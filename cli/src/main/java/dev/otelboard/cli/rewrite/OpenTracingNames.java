package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.otelboard.cli.rewrite.MigrateOpenTracing.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the names and expressions of one file are in OpenTracing's terms, read without a symbol
 * solver: declared types, the receivers of calls, tag keys, span kinds, the fields of a log map.
 */
final class OpenTracingNames {
  private static final String GLOBAL_TRACER = MigrateOpenTracing.GLOBAL_TRACER;
  private static final String TAGS = MigrateOpenTracing.TAGS;
  private static final String FIELDS = MigrateOpenTracing.FIELDS;
  private static final String DD_TAGS = MigrateOpenTracing.DD_TAGS;

  private final CompilationUnit unit;

  OpenTracingNames(CompilationUnit unit) {
    this.unit = unit;
  }


  /** The OpenTracing kind of the value {@code expr} holds, or null when it holds none. */
  Kind kindOf(Expression expr) {
    if (expr.isEnclosedExpr()) {
      return kindOf(expr.asEnclosedExpr().getInner());
    }
    if (expr.isCastExpr()) {
      return kindOfWritten(expr.asCastExpr().getType().asString());
    }
    if (expr instanceof NameExpr name) {
      return kindOfVariable(expr, name.getNameAsString());
    }
    if (expr instanceof FieldAccessExpr field && field.getScope() instanceof ThisExpr) {
      return kindOfVariable(expr, field.getNameAsString());
    }
    if (!(expr instanceof MethodCallExpr call)) {
      return null;
    }
    if (call.getScope().isPresent()
        && Ast.namesClass(unit, call.getScope().get(), GLOBAL_TRACER)) {
      return call.getNameAsString().equals("get") ? Kind.TRACER : null;
    }
    if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
      return kindOfOwnMethod(call);
    }
    Kind receiver = kindOf(call.getScope().get());
    if (receiver == null) {
      return null;
    }
    String method = call.getNameAsString();
    return switch (receiver) {
      case TRACER -> switch (method) {
        case "buildSpan" -> Kind.BUILDER;
        case "activateSpan" -> Kind.SCOPE;
        case "activeSpan" -> Kind.SPAN;
        case "scopeManager" -> Kind.SCOPE_MANAGER;
        default -> null;
      };
      case SCOPE_MANAGER -> method.equals("activate") ? Kind.SCOPE
          : method.equals("activeSpan") ? Kind.SPAN : null;
      case BUILDER -> method.equals("start") ? Kind.SPAN
          : Set.of("withTag", "asChildOf", "ignoreActiveSpan", "withStartTimestamp",
              "addReference").contains(method) ? Kind.BUILDER : null;
      case SPAN -> method.equals("context") ? Kind.SPAN_CONTEXT
          : Set.of("setTag", "log", "setOperationName", "setBaggageItem").contains(method)
              ? Kind.SPAN : null;
      default -> null;
    };
  }

  private Kind kindOfVariable(Node at, String name) {
    Optional<String> type = Ast.declaredType(at, name);
    if (type.isEmpty()) {
      return null;
    }
    if (type.get().equals("var")) {
      for (VariableDeclarator v : unit.findAll(VariableDeclarator.class)) {
        if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
          return kindOf(v.getInitializer().get());
        }
      }
      return null;
    }
    return kindOfWritten(type.get());
  }

  private Kind kindOfOwnMethod(MethodCallExpr call) {
    for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
      if (method.getNameAsString().equals(call.getNameAsString())
          && method.getParameters().size() == call.getArguments().size()) {
        return kindOfWritten(method.getTypeAsString());
      }
    }
    return null;
  }

  private Kind kindOfWritten(String written) {
    String raw = Ast.rawType(written);
    for (Kind kind : Kind.values()) {
      String simple = kind.openTracing.substring("io.opentracing.".length());
      if (raw.equals(kind.openTracing)
          || raw.equals(simple) && Ast.imports(unit, kind.openTracing)
          || kind == Kind.BUILDER && raw.equals("SpanBuilder")
              && Ast.imports(unit, kind.openTracing)) {
        return kind;
      }
      if (kind == Kind.BUILDER && raw.equals("Tracer.SpanBuilder")
          && Ast.imports(unit, Kind.TRACER.openTracing)) {
        return kind;
      }
    }
    return null;
  }

  /** The OpenTracing name {@code type} is written with (qualified), or null for other types. */
  String qualified(ClassOrInterfaceType type) {
    String written = type.getNameWithScope();
    if (written.startsWith("io.opentracing.")) {
      return written;
    }
    String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      if (!imp.isStatic() && name.startsWith("io.opentracing")) {
        if (!imp.isAsterisk() && name.endsWith("." + first)) {
          return name + written.substring(first.length());
        }
        if (imp.isAsterisk() && !typeDeclaredHere(first)
            && Set.of("Tracer", "Span", "Scope", "SpanContext", "ScopeManager", "References")
                .contains(first) && name.equals("io.opentracing")) {
          return name + "." + written;
        }
      }
    }
    return null;
  }

  private boolean typeDeclaredHere(String simple) {
    return unit.findAll(com.github.javaparser.ast.body.TypeDeclaration.class).stream()
        .anyMatch(t -> t.getNameAsString().equals(simple));
  }

  Kind kindOfType(String qualified) {
    for (Kind kind : Kind.values()) {
      if (kind.openTracing.equals(qualified)) {
        return kind;
      }
    }
    return null;
  }

  /** A Tracer declaration holds GlobalTracer.get() and nothing else. */
  boolean tracerFromGlobal(ClassOrInterfaceType type) {
    Node holderNode = type.getParentNode().orElse(null);
    if (holderNode instanceof Parameter parameter) {
      return parameter.getParentNode().orElse(null) instanceof LambdaExpr;
    }
    List<VariableDeclarator> variables = new ArrayList<>();
    if (holderNode instanceof VariableDeclarator v) {
      variables.add(v);
    } else if (holderNode instanceof com.github.javaparser.ast.body.FieldDeclaration field) {
      variables.addAll(field.getVariables());
    } else if (holderNode instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr e) {
      variables.addAll(e.getVariables());
    } else {
      // A method returning a Tracer, a type argument, a cast: fine when what flows in is.
      return !(holderNode instanceof MethodDeclaration);
    }
    for (VariableDeclarator v : variables) {
      if (v.getInitializer().isPresent() && !isGlobalTracer(v.getInitializer().get())) {
        return false;
      }
      for (AssignExpr assign : unit.findAll(AssignExpr.class)) {
        String target = assign.getTarget() instanceof FieldAccessExpr f ? f.getNameAsString()
            : assign.getTarget().toString();
        if (target.equals(v.getNameAsString()) && !isGlobalTracer(assign.getValue())) {
          return false;
        }
      }
      if (v.getInitializer().isEmpty() && unit.findAll(AssignExpr.class).stream()
          .noneMatch(a -> a.getTarget().toString().endsWith(v.getNameAsString()))) {
        return false;
      }
    }
    return true;
  }

  /** {@code GlobalTracer.get()}. */
  boolean isGlobalTracer(Expression expr) {
    return expr instanceof MethodCallExpr call && call.getNameAsString().equals("get")
        && call.getScope().map(s -> Ast.namesClass(unit, s, GLOBAL_TRACER)).orElse(false);
  }

  /** The tag key a Tags/DDTags constant or a string literal names. */
  Optional<String> tagKey(Expression key) {
    if (key instanceof StringLiteralExpr literal) {
      return Optional.of(literal.getValue());
    }
    if (key instanceof FieldAccessExpr field) {
      Expression owner = field.getScope();
      if (Ast.namesClass(unit, owner, TAGS) || Ast.namesClass(unit, owner, DD_TAGS)) {
        return TagNames.constant(owner.toString(), field.getNameAsString());
      }
    }
    return Optional.empty();
  }

  Optional<String> spanKind(Expression value) {
    String written = null;
    if (value instanceof StringLiteralExpr literal) {
      written = literal.getValue();
    } else if (value instanceof FieldAccessExpr field
        && Ast.namesClass(unit, field.getScope(), TAGS)) {
      written = TagNames.SPAN_KIND_CONSTANTS.get(field.getNameAsString());
    }
    return Optional.ofNullable(written == null ? null : TagNames.SPAN_KINDS.get(written));
  }

  /** The keys and values of {@code Map.of(..)}, {@code Collections.singletonMap(..)}. */
  Map<String, Expression> mapLiteral(Expression expr) {
    if (!(expr instanceof MethodCallExpr call) || call.getScope().isEmpty()) {
      return null;
    }
    String scope = call.getScope().get().toString();
    boolean mapOf = Set.of("Map", "ImmutableMap", "java.util.Map").contains(scope)
        && call.getNameAsString().equals("of");
    boolean singleton = Set.of("Collections", "java.util.Collections").contains(scope)
        && call.getNameAsString().equals("singletonMap");
    if (!mapOf && !singleton || call.getArguments().size() % 2 != 0) {
      return null;
    }
    Map<String, Expression> fields = new LinkedHashMap<>();
    for (int i = 0; i < call.getArguments().size(); i += 2) {
      Expression key = call.getArgument(i);
      String name = key instanceof StringLiteralExpr s ? s.getValue()
          : key instanceof FieldAccessExpr f && Ast.namesClass(unit, f.getScope(), FIELDS)
              ? logField(f.getNameAsString()) : null;
      if (name == null) {
        return null;
      }
      fields.put(name, call.getArgument(i + 1));
    }
    return fields;
  }

  private static String logField(String constant) {
    return switch (constant) {
      case "ERROR_KIND" -> "error.kind";
      case "ERROR_OBJECT" -> "error.object";
      case "EVENT" -> "event";
      case "MESSAGE" -> "message";
      case "STACK" -> "stack";
      default -> null;
    };
  }

  /** A receiver declared in this file with a type that is not OpenTracing's. */
  boolean knownOtherType(Expression scope) {
    if (scope instanceof NameExpr name) {
      Optional<String> type = Ast.declaredType(scope, name.getNameAsString());
      return type.isPresent() && !type.get().equals("var") && !type.get().equals("?");
    }
    return false;
  }

  boolean shadowed(NameExpr name) {
    return Ast.declaredType(name, name.getNameAsString()).isPresent();
  }
}
