package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dd-trace-api's {@code @Trace(operationName = ..., resourceName = ...)} becomes a span the
 * OpenTelemetry way. dd-java-agent traces any annotated method; an OpenTelemetry {@code @WithSpan}
 * only runs where something intercepts it. So:
 *
 * <ul>
 *   <li>with the Spring Boot starter (its {@code @WithSpan} aspect, on by default through {@code
 *       otel.instrumentation.annotations.enabled}), a public or protected instance method of a
 *       Spring bean that the class does not call itself gets {@code @WithSpan("operationName")}:
 *       the aspect sees calls through the bean's proxy only;
 *   <li>anywhere else (no starter, private or static methods, self-invocation) the body is wrapped
 *       in an explicit span from the OpenTelemetry API: started, made current, ended, with errors
 *       recorded.
 * </ul>
 *
 * The span is named after {@code operationName}; without one, {@code Class.method}, which is
 * OpenTelemetry's default and Datadog's default resource name (Datadog's default operation name,
 * {@code trace.annotation}, names no operation at all). {@code resourceName} becomes the span
 * attribute {@code resource.name}, which Datadog reads as the resource; {@code noParent} starts a
 * new trace. {@code measured} has no OpenTelemetry counterpart and is dropped with a manual item.
 */
final class MigrateDatadogTrace implements JavaRewrite {
  static final RewriteId ID = RewriteId.MIGRATE_DATADOG_TRACE;
  static final String TRACE = "datadog.trace.api.Trace";
  static final String WITH_SPAN = "io.opentelemetry.instrumentation.annotations.WithSpan";
  static final String SPAN = "io.opentelemetry.api.trace.Span";
  static final String SCOPE = "io.opentelemetry.context.Scope";
  static final String STATUS_CODE = "io.opentelemetry.api.trace.StatusCode";
  /** Annotations that make a class a Spring bean the starter's aspect can proxy. */
  private static final Set<String> SPRING_BEANS =
      Set.of("Component", "Service", "Repository", "Controller", "RestController");
  private static final Set<String> ATTRIBUTES =
      Set.of("operationName", "resourceName", "measured", "noParent");

  private final boolean aspect;

  /**
   * @param aspect whether the Spring Boot starter's {@code @WithSpan} aspect runs in the service
   */
  MigrateDatadogTrace(boolean aspect) {
    this.aspect = aspect;
  }

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "Datadog @Trace methods get an OpenTelemetry span (@WithSpan, or an explicit span)";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("Trace") && source.contains("datadog.trace.api");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    int index = 0;
    for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
      if (!namesTrace(unit, annotation)) {
        continue;
      }
      if (!(annotation.getParentNode().orElse(null) instanceof MethodDeclaration method)) {
        continue;
      }
      Map<String, Expression> attributes = attributes(annotation);
      if (attributes == null) {
        context.manual(annotation, ID, "@Trace with attributes otelboard does not know: "
            + "replace it by @WithSpan or an explicit span by hand");
        continue;
      }
      if (method.getBody().isEmpty() || !MethodBodyText.bracesOnOwnLines(method)) {
        context.manual(annotation, ID, method.getBody().isEmpty()
            ? "@Trace on a method without a body: dd-java-agent traces the implementations' "
                + "annotations, so move it there and re-run onboard"
            : "@Trace on a method whose braces share a line with its code: put { and } on lines "
                + "of their own and re-run onboard");
        continue;
      }
      Expression noParent = attributes.get("noParent");
      if (noParent != null && !(noParent instanceof BooleanLiteralExpr)) {
        context.manual(annotation, ID, "@Trace(noParent = <expression>): write true or false");
        continue;
      }
      boolean newTrace = noParent instanceof BooleanLiteralExpr b && b.getValue();
      Expression operation = attributes.get("operationName");
      Expression resource = attributes.get("resourceName");
      String name = operation != null ? operation.toString()
          : "\"" + enclosingTypeName(method) + "." + method.getNameAsString() + "\"";
      String marker = "OtelboardTrace" + index++;
      MethodBodyText.Edit edit;
      if (aspect && aspectSees(method)) {
        edit = withSpan(unit, marker, operation, resource, newTrace);
        context.need(Instrumentation.WITH_SPAN);
        context.changed(annotation, ID, "@Trace -> " + edit.annotation()
            + " (the Spring Boot starter's aspect makes the span)");
      } else {
        edit = explicitSpan(unit, context, method, marker, name, resource, newTrace);
        context.need(Instrumentation.TRACING_HOLDER);
        context.changed(annotation, ID, "@Trace -> an explicit OpenTelemetry span " + name
            + (aspect ? " (no @WithSpan aspect reaches a private, static or self-invoked method)"
                : " (no @WithSpan aspect without the Spring Boot starter)"));
      }
      context.need(Instrumentation.TRACING_API);
      if (attributes.get("measured") instanceof BooleanLiteralExpr m && m.getValue()) {
        context.manual(annotation, ID, "@Trace(measured = true) has no OpenTelemetry "
            + "counterpart: Datadog computes trace metrics for entry spans and, with the Datadog "
            + "connector in the collector, for the spans it is configured for");
      }
      annotation.replace(new MarkerAnnotationExpr(marker));
      MethodBodyText.Edit planned = edit;
      context.editPrintedText(text -> MethodBodyText.apply(text, planned));
    }
    if (index > 0) {
      Imports.removeIfUnused(unit, TRACE);
    }
  }

  private MethodBodyText.Edit withSpan(CompilationUnit unit, String marker, Expression operation,
      Expression resource, boolean newTrace) {
    String withSpan = "@" + RewriteContext.reference(unit, WITH_SPAN);
    List<String> arguments = new ArrayList<>();
    if (operation != null) {
      arguments.add(newTrace ? "value = " + operation : operation.toString());
    }
    if (newTrace) {
      arguments.add("inheritContext = false");
    }
    String annotation = arguments.isEmpty() ? withSpan
        : withSpan + "(" + String.join(", ", arguments) + ")";
    List<String> first = resource == null ? List.of()
        : List.of(RewriteContext.reference(unit, SPAN) + ".current().setAttribute(\"resource.name\", "
            + resource + ");");
    return new MethodBodyText.Edit(marker, annotation, first, List.of(), List.of());
  }

  private static MethodBodyText.Edit explicitSpan(CompilationUnit unit, RewriteContext context,
      MethodDeclaration method, String marker, String name, Expression resource,
      boolean newTrace) {
    Set<String> taken = namesIn(method);
    String span = free(taken, "span", "otelSpan");
    String scope = free(taken, "scope", "otelScope");
    String error = free(taken, "t", "otelError");
    String tracer = RewriteContext.reference(unit, context.settings().tracingHolder());
    String builder = tracer + ".tracer().spanBuilder(" + name + ")"
        + (resource == null ? "" : ".setAttribute(\"resource.name\", " + resource + ")")
        + (newTrace ? ".setNoParent()" : "") + ".startSpan();";
    String statusCode = RewriteContext.reference(unit, STATUS_CODE);
    List<String> before = List.of(
        RewriteContext.reference(unit, SPAN) + " " + span + " = " + builder,
        "try (" + RewriteContext.reference(unit, SCOPE) + " " + scope + " = " + span
            + ".makeCurrent()) {");
    List<String> after = List.of(
        "} catch (Throwable " + error + ") {",
        "\t" + span + ".setStatus(" + statusCode + ".ERROR);",
        "\t" + span + ".recordException(" + error + ");",
        "\tthrow " + error + ";",
        "} finally {",
        "\t" + span + ".end();",
        "}");
    return new MethodBodyText.Edit(marker, "", List.of(), before, after);
  }

  /** Whether a {@code @WithSpan} aspect on a Spring bean's proxy sees the calls to {@code method}. */
  private static boolean aspectSees(MethodDeclaration method) {
    if (method.isStatic() || method.isPrivate() || method.isFinal()
        || !(method.isPublic() || method.isProtected())) {
      return false;
    }
    if (!(method.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration type)
        || type.isInterface() || type.isFinal()
        || type.isNestedType() && !type.isStatic()
        || type.getAnnotations().stream().noneMatch(a -> SPRING_BEANS.contains(simple(a)))) {
      return false;
    }
    // A call from inside the class skips the proxy, so the aspect would never see it.
    for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
      if (call.getNameAsString().equals(method.getNameAsString())
          && (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr)) {
        return false;
      }
    }
    return true;
  }

  private static boolean namesTrace(CompilationUnit unit, AnnotationExpr annotation) {
    String name = annotation.getNameAsString();
    return name.equals(TRACE) || name.equals("Trace") && Ast.imports(unit, TRACE);
  }

  /** The annotation's attributes, or null when it has one that is not {@code @Trace}'s. */
  private static Map<String, Expression> attributes(AnnotationExpr annotation) {
    Map<String, Expression> attributes = new LinkedHashMap<>();
    if (annotation instanceof NormalAnnotationExpr normal) {
      for (MemberValuePair pair : normal.getPairs()) {
        if (!ATTRIBUTES.contains(pair.getNameAsString())) {
          return null;
        }
        attributes.put(pair.getNameAsString(), pair.getValue());
      }
    } else if (!(annotation instanceof MarkerAnnotationExpr)) {
      return null;
    }
    return attributes;
  }

  private static String simple(AnnotationExpr annotation) {
    String name = annotation.getNameAsString();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String enclosingTypeName(MethodDeclaration method) {
    return method.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
        .map(t -> t.getNameAsString()).orElse("");
  }

  private static Set<String> namesIn(MethodDeclaration method) {
    Set<String> names = new java.util.HashSet<>();
    method.findAll(Parameter.class).forEach(p -> names.add(p.getNameAsString()));
    method.findAll(VariableDeclarator.class).forEach(v -> names.add(v.getNameAsString()));
    method.findAll(NameExpr.class).forEach(n -> names.add(n.getNameAsString()));
    return names;
  }

  private static String free(Set<String> taken, String name, String otherwise) {
    return taken.contains(name) ? otherwise : name;
  }
}
