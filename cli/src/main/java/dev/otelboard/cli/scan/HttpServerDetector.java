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
import dev.otelboard.cli.catalog.HttpLibraries;
import dev.otelboard.cli.catalog.JavaType;
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.HashSet;
import java.util.Set;

/**
 * Where HTTP requests come in: JDK HttpServer contexts, servlets and filters, Spring MVC and
 * WebFlux handlers, JAX-RS resource methods, Javalin, Spark and Helidon routes.
 */
final class HttpServerDetector implements JavaDetector {
  private static final Library JDK = HttpLibraries.JDK_HTTP_SERVER;
  private static final Library MVC = HttpLibraries.SPRING_MVC;
  private static final Library WEBFLUX = HttpLibraries.SPRING_WEBFLUX;

  private static final Set<String> JDK_SERVERS = JDK.typesNamed("HttpServer", "HttpsServer");
  private static final String JDK_SERVER = JDK.type("HttpServer");
  private static final Set<String> SERVLETS = HttpLibraries.SERVLET.typesNamed("HttpServlet");
  private static final Set<String> FILTERS =
      union(
          HttpLibraries.SERVLET.typesNamed("Filter", "HttpFilter"),
          MVC.typesNamed("OncePerRequestFilter", "GenericFilterBean"),
          WEBFLUX.typesNamed("WebFilter"));
  private static final Set<String> CONTROLLERS = MVC.typesNamed("RestController", "Controller");
  private static final Set<String> MAPPINGS =
      MVC.typesNamed(
          "RequestMapping", "GetMapping", "PostMapping", "PutMapping", "DeleteMapping",
          "PatchMapping");
  private static final Set<String> REACTIVE = WEBFLUX.typesNamed("Mono", "Flux");
  private static final Set<String> JAXRS_VERBS =
      HttpLibraries.JAXRS.typesNamed("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  private static final Set<String> ROUTE_VERBS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options");
  private static final Set<String> HELIDON_TYPES =
      Set.copyOf(HttpLibraries.HELIDON.types(JavaType.Role.FLUENT));
  private static final Set<String> ROUTER_FUNCTIONS =
      union(MVC.typesNamed("RouterFunctions"), WEBFLUX.typesNamed("RouterFunctions"));
  private static final String JAVALIN_TYPE = HttpLibraries.JAVALIN.type("Javalin");
  private static final String JAVALIN_API_BUILDER = HttpLibraries.JAVALIN.type("ApiBuilder");
  private static final String SPARK_TYPE = HttpLibraries.SPARK.type("Spark");

  private static final String SERVLET_REASON = HttpLibraries.SERVLET.onboarding().note();
  private static final String SPRING_MVC_REASON = MVC.onboarding().note();
  private static final String WEBFLUX_REASON = WEBFLUX.onboarding().note();
  private static final String JAXRS_REASON = HttpLibraries.JAXRS.onboarding().note();
  private static final String JAVALIN_REASON = HttpLibraries.JAVALIN.onboarding().note();
  private static final String SPARK_REASON = HttpLibraries.SPARK.onboarding().note();
  private static final String HELIDON_REASON = HttpLibraries.HELIDON.onboarding().note();

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
      if (JDK.packages().stream().noneMatch(src.types::importsPackage)) {
        return;
      }
      server = JDK_SERVER;
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
        if (SPARK_TYPE.equals(owner) && !name.equals("any")) {
          src.add(SPARK_ROUTE, call, SPARK_TYPE + "." + name + "(" + call.getArgument(0) + ")",
              false, RewriteId.MANUAL, SPARK_REASON);
        }
        return;
      }
      if (scopeType.equals(JAVALIN_TYPE) && !name.equals("any")) {
        src.add(JAVALIN_ROUTE, call, JAVALIN_TYPE + "." + name + "(" + call.getArgument(0)
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
    if (types.isStaticCall(call, SPARK_TYPE, name)) {
      src.add(SPARK_ROUTE, call, SPARK_TYPE + "." + name + "(" + call.getArgument(0) + ")", false,
          RewriteId.MANUAL, SPARK_REASON);
    } else if (types.isStaticCall(call, JAVALIN_API_BUILDER, name)) {
      src.add(JAVALIN_ROUTE, call, JAVALIN_API_BUILDER + "." + name + "("
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

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return Set.copyOf(all);
  }
}
