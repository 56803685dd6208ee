package dev.otelboard.cli.scan;

import static dev.otelboard.cli.scan.FindingKind.HELIDON_ROUTE;
import static dev.otelboard.cli.scan.FindingKind.JAVALIN_ROUTE;
import static dev.otelboard.cli.scan.FindingKind.JAXRS_RESOURCE;
import static dev.otelboard.cli.scan.FindingKind.JDK_HTTP_SERVER;
import static dev.otelboard.cli.scan.FindingKind.SERVLET;
import static dev.otelboard.cli.scan.FindingKind.SERVLET_FILTER;
import static dev.otelboard.cli.scan.FindingKind.SPARK_ROUTE;
import static dev.otelboard.cli.scan.FindingKind.SPRING_MVC;
import static dev.otelboard.cli.scan.FindingKind.SPRING_WEBFLUX;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.Set;

/**
 * Where HTTP requests come in: JDK HttpServer contexts, servlets and filters, Spring MVC and
 * WebFlux handlers, JAX-RS resource methods, Javalin, Spark and Helidon routes.
 */
final class HttpServerDetector implements JavaDetector {
  private static final Set<String> JDK_SERVERS =
      Set.of("com.sun.net.httpserver.HttpServer", "com.sun.net.httpserver.HttpsServer");
  private static final Set<String> SERVLETS =
      Set.of("javax.servlet.http.HttpServlet", "jakarta.servlet.http.HttpServlet");
  private static final Set<String> FILTERS =
      Set.of(
          "javax.servlet.Filter",
          "jakarta.servlet.Filter",
          "javax.servlet.http.HttpFilter",
          "jakarta.servlet.http.HttpFilter",
          "org.springframework.web.filter.OncePerRequestFilter",
          "org.springframework.web.filter.GenericFilterBean",
          "org.springframework.web.server.WebFilter");
  private static final Set<String> CONTROLLERS =
      Set.of(
          "org.springframework.web.bind.annotation.RestController",
          "org.springframework.stereotype.Controller");
  private static final Set<String> MAPPINGS =
      Set.of(
          "org.springframework.web.bind.annotation.RequestMapping",
          "org.springframework.web.bind.annotation.GetMapping",
          "org.springframework.web.bind.annotation.PostMapping",
          "org.springframework.web.bind.annotation.PutMapping",
          "org.springframework.web.bind.annotation.DeleteMapping",
          "org.springframework.web.bind.annotation.PatchMapping");
  private static final Set<String> REACTIVE =
      Set.of("reactor.core.publisher.Mono", "reactor.core.publisher.Flux");
  private static final Set<String> JAXRS_VERBS = jaxrsVerbs();
  private static final Set<String> ROUTE_VERBS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options");
  private static final Set<String> HELIDON_TYPES =
      Set.of(
          "io.helidon.webserver.Routing.Builder",
          "io.helidon.webserver.Routing.Rules",
          "io.helidon.webserver.http.HttpRouting.Builder",
          "io.helidon.webserver.http.HttpRules");
  private static final Set<String> ROUTER_FUNCTIONS =
      Set.of(
          "org.springframework.web.reactive.function.server.RouterFunctions",
          "org.springframework.web.servlet.function.RouterFunctions");

  private static final String SERVLET_REASON =
      "no onboard rewrite for servlets (servlet-3.0 instrumentation is not served here): run the "
          + "javaagent, or register a Filter that opens SERVER spans";
  private static final String SPRING_MVC_REASON =
      "no onboard rewrite for Spring MVC: add the OpenTelemetry Spring Boot starter "
          + "(spring-webmvc-6.0) or run the javaagent";
  private static final String WEBFLUX_REASON =
      "no onboard rewrite for WebFlux (no spring-webflux instrumentation served here): run the "
          + "javaagent";
  private static final String JAXRS_REASON =
      "no onboard rewrite for JAX-RS resources: run the javaagent";
  private static final String JAVALIN_REASON =
      "no onboard rewrite for Javalin: run the javaagent, or add before/after handlers that open "
          + "SERVER spans";
  private static final String SPARK_REASON = "no onboard rewrite for Spark: run the javaagent";
  private static final String HELIDON_REASON =
      "no onboard rewrite for Helidon: enable Helidon's OpenTelemetry tracing provider or run the "
          + "javaagent";

  @Override
  public void detect(JavaSource src) {
    TypeNames types = src.types;
    for (MethodCallExpr call : src.calls) {
      String name = call.getNameAsString();
      if (name.equals("createContext")) {
        jdkContext(src, call);
      } else if (ROUTE_VERBS.contains(name) || name.equals("any")) {
        route(src, call);
      } else if (name.equals("route")) {
        String owner = types.staticOwner(call);
        if (owner != null && ROUTER_FUNCTIONS.contains(owner)) {
          boolean reactive = owner.contains(".reactive.");
          src.add(reactive ? SPRING_WEBFLUX : SPRING_MVC, call, owner + ".route", false,
              RewriteId.MANUAL, reactive ? WEBFLUX_REASON : SPRING_MVC_REASON);
        }
      }
    }
    for (TypeDeclaration<?> type : src.typeDeclarations) {
      if (type instanceof ClassOrInterfaceDeclaration c && !c.isInterface()) {
        servletOrFilter(src, c);
      }
    }
    for (MethodDeclaration method : src.methods) {
      handlerMethod(src, method);
    }
  }

  private static void jdkContext(JavaSource src, MethodCallExpr call) {
    int args = call.getArguments().size();
    if (call.getScope().isEmpty() || args < 1 || args > 2) {
      return;
    }
    String server = src.types.typeOf(call.getScope().get());
    if (server == null) {
      if (!src.types.importsPackage("com.sun.net.httpserver")) {
        return;
      }
      server = "com.sun.net.httpserver.HttpServer";
    } else if (!JDK_SERVERS.contains(server)) {
      return;
    }
    boolean wrapped = JavaSource.isArgumentOf(call, Set.of("instrument"));
    src.add(JDK_HTTP_SERVER, call,
        server + ".createContext(" + call.getArgument(0) + ")", wrapped,
        RewriteId.INSTRUMENT_HTTP_SERVER, null);
  }

  private static void route(JavaSource src, MethodCallExpr call) {
    TypeNames types = src.types;
    String name = call.getNameAsString();
    if (call.getArguments().isEmpty()) {
      return;
    }
    if (call.getScope().isPresent()) {
      String scopeType = types.typeOf(call.getScope().get());
      if (scopeType == null) {
        String owner = types.classNamed(call.getScope().get());
        if ("spark.Spark".equals(owner) && !name.equals("any")) {
          src.add(SPARK_ROUTE, call, "spark.Spark." + name + "(" + call.getArgument(0) + ")",
              false, RewriteId.MANUAL, SPARK_REASON);
        }
        return;
      }
      if (scopeType.equals("io.javalin.Javalin") && !name.equals("any")) {
        src.add(JAVALIN_ROUTE, call, "io.javalin.Javalin." + name + "(" + call.getArgument(0)
            + ")", false, RewriteId.MANUAL, JAVALIN_REASON);
      } else if (HELIDON_TYPES.contains(scopeType)) {
        src.add(HELIDON_ROUTE, call, scopeType + "." + name + "(" + call.getArgument(0) + ")",
            false, RewriteId.MANUAL, HELIDON_REASON);
      }
      return;
    }
    if (name.equals("any")) {
      return;
    }
    if (types.isStaticCall(call, "spark.Spark", name)) {
      src.add(SPARK_ROUTE, call, "spark.Spark." + name + "(" + call.getArgument(0) + ")", false,
          RewriteId.MANUAL, SPARK_REASON);
    } else if (types.isStaticCall(call, "io.javalin.apibuilder.ApiBuilder", name)) {
      src.add(JAVALIN_ROUTE, call, "io.javalin.apibuilder.ApiBuilder." + name + "("
          + call.getArgument(0) + ")", false, RewriteId.MANUAL, JAVALIN_REASON);
    }
  }

  private static void servletOrFilter(JavaSource src, ClassOrInterfaceDeclaration c) {
    TypeNames types = src.types;
    for (ClassOrInterfaceType t : c.getExtendedTypes()) {
      String fqn = types.resolve(t);
      if (fqn != null && SERVLETS.contains(fqn)) {
        src.add(SERVLET, c.getName(), types.qualifiedName(c) + " extends " + fqn, false,
            RewriteId.MANUAL, SERVLET_REASON);
        return;
      }
      if (fqn != null && FILTERS.contains(fqn)) {
        filter(src, c, fqn);
        return;
      }
    }
    for (ClassOrInterfaceType t : c.getImplementedTypes()) {
      String fqn = types.resolve(t);
      if (fqn != null && FILTERS.contains(fqn)) {
        filter(src, c, fqn);
        return;
      }
    }
  }

  private static void filter(JavaSource src, ClassOrInterfaceDeclaration c, String fqn) {
    src.add(SERVLET_FILTER, c.getName(), src.types.qualifiedName(c) + " : " + fqn, false,
        RewriteId.NONE, "runs inside the request's SERVER span once the server is traced");
  }

  private static void handlerMethod(JavaSource src, MethodDeclaration method) {
    if (method.getAnnotations().isEmpty()) {
      return;
    }
    TypeNames types = src.types;
    for (AnnotationExpr a : method.getAnnotations()) {
      String fqn = types.resolve(a);
      if (fqn == null) {
        continue;
      }
      if (MAPPINGS.contains(fqn) && inController(types, method)) {
        String returns = types.resolve(method.getType());
        boolean reactive = returns != null && REACTIVE.contains(returns);
        src.add(reactive ? SPRING_WEBFLUX : SPRING_MVC, method.getName(),
            handlerSymbol(src, method, a), false, RewriteId.MANUAL,
            reactive ? WEBFLUX_REASON : SPRING_MVC_REASON);
        return;
      }
      if (JAXRS_VERBS.contains(fqn)) {
        src.add(JAXRS_RESOURCE, method.getName(), handlerSymbol(src, method, a), false,
            RewriteId.MANUAL, JAXRS_REASON);
        return;
      }
    }
  }

  private static String handlerSymbol(JavaSource src, MethodDeclaration method, AnnotationExpr a) {
    String owner = "";
    for (Node n = method.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        owner = src.types.qualifiedName(t);
        break;
      }
    }
    return owner + "#" + method.getNameAsString() + " " + Snippets.oneLine(a.toString(), 80);
  }

  private static boolean inController(TypeNames types, MethodDeclaration method) {
    return method.getParentNode().orElse(null) instanceof TypeDeclaration<?> t
        && types.hasAnnotation(t.getAnnotations(), CONTROLLERS);
  }

  private static Set<String> jaxrsVerbs() {
    Set<String> verbs = new java.util.HashSet<>();
    for (String p : new String[] {"javax.ws.rs.", "jakarta.ws.rs."}) {
      for (String v : new String[] {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}) {
        verbs.add(p + v);
      }
    }
    return Set.copyOf(verbs);
  }
}
