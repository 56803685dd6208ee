package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Spring's {@code RestTemplate} and {@code RestClient} get the interceptor of
 * opentelemetry-spring-web-3.1 in place, wherever they are made: {@code new RestTemplate(...)},
 * {@code restTemplateBuilder...build()} (also in {@code @LoadBalanced} bean methods, whose
 * load-balancer interceptor is kept), {@code RestClient.create(...)} and {@code
 * RestClient.builder()...build()}. The client keeps its type. {@code WebClient} needs
 * opentelemetry-spring-webflux-5.3, for which no rewrite exists yet: outside the Spring Boot
 * starter (which instruments Boot's {@code WebClient.Builder} bean) it is a manual item.
 */
final class InstrumentSpringWeb implements JavaRewrite {
  static final RewriteId ID = RewriteId.INSTRUMENT_SPRING_WEB;
  private static final String REST_TEMPLATE = "org.springframework.web.client.RestTemplate";
  private static final String REST_CLIENT = "org.springframework.web.client.RestClient";
  private static final String WEB_CLIENT =
      "org.springframework.web.reactive.function.client.WebClient";

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "RestTemplate/RestClient get the OpenTelemetry interceptor in place";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("org.springframework")
        && (source.contains("RestTemplate") || source.contains("RestClient")
            || source.contains("WebClient"))
        && !source.contains("SpringWebTelemetry");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    List<Expression> templates = new ArrayList<>();
    List<Expression> restClients = new ArrayList<>();
    for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
      if (Ast.creates(unit, creation, REST_TEMPLATE)
          && creation.getAnonymousClassBody().isEmpty()) {
        templates.add(creation);
      }
    }
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (isRestTemplateBuilderBuild(unit, call)) {
        templates.add(call);
      } else if (isClientFactory(unit, call, REST_CLIENT)) {
        restClients.add(call);
      } else if (isClientFactory(unit, call, WEB_CLIENT)) {
        context.manual(call, ID, "WebClient: add the filter of opentelemetry-spring-webflux-5.3 "
            + "(WebClient.builder().filters(SpringWebfluxClientTelemetry.create(openTelemetry)"
            + "::addFilter)); otelboard has no rewrite for it yet (on Spring Boot 2.6+/3.1+ the "
            + "starter instruments WebClients built from Boot's WebClient.Builder bean)");
      }
    }
    String helper = null;
    for (Expression target : templates) {
      if (Ast.isArgumentOf(target, Set.of("instrument"))) {
        continue;
      }
      helper = helper != null ? helper : helper(unit, context);
      context.changed(target, ID, "RestTemplate gets the OpenTelemetry interceptor");
      Ast.wrap(target, new NameExpr(helper), "instrument");
    }
    for (Expression target : restClients) {
      if (Ast.isArgumentOf(target, Set.of("instrument"))) {
        continue;
      }
      helper = helper != null ? helper : helper(unit, context);
      context.changed(target, ID, "RestClient gets the OpenTelemetry interceptor");
      context.need(Instrumentation.SPRING_REST_CLIENT);
      Ast.wrap(target, new NameExpr(helper), "instrument");
    }
  }

  private static String helper(CompilationUnit unit, RewriteContext context) {
    context.need(Instrumentation.SPRING_WEB);
    context.need(Instrumentation.SPRING_WEB_ADAPTER);
    context.need(Instrumentation.BOOTSTRAP);
    return RewriteContext.reference(
        unit, context.settings().generated(RewriteSettings.SPRING_WEB_ADAPTER));
  }

  /** {@code builder....build()} on a {@code RestTemplateBuilder} variable, field or parameter. */
  private static boolean isRestTemplateBuilderBuild(CompilationUnit unit, MethodCallExpr call) {
    if (!call.getNameAsString().equals("build") || !call.getArguments().isEmpty()) {
      return false;
    }
    Expression root = chainRoot(call);
    if (root instanceof NameExpr name) {
      return Ast.declaredType(call, name.getNameAsString())
          .map(t -> Ast.rawType(t).endsWith("RestTemplateBuilder"))
          .orElse(false);
    }
    return root instanceof ObjectCreationExpr creation
        && Ast.rawType(creation.getType().asString()).endsWith("RestTemplateBuilder");
  }

  /** {@code Client.create(...)} or {@code Client.builder(...)...build()}. */
  private static boolean isClientFactory(
      CompilationUnit unit, MethodCallExpr call, String qualifiedName) {
    if (call.getNameAsString().equals("create")) {
      return call.getScope().map(s -> Ast.namesClass(unit, s, qualifiedName)).orElse(false);
    }
    if (!call.getNameAsString().equals("build") || !call.getArguments().isEmpty()) {
      return false;
    }
    Expression scope = call.getScope().orElse(null);
    while (scope instanceof MethodCallExpr inner) {
      if (inner.getNameAsString().equals("builder")) {
        return inner.getScope().map(s -> Ast.namesClass(unit, s, qualifiedName)).orElse(false);
      }
      scope = inner.getScope().orElse(null);
    }
    return false;
  }

  private static Expression chainRoot(MethodCallExpr call) {
    Expression scope = call.getScope().orElse(null);
    while (scope instanceof MethodCallExpr inner) {
      scope = inner.getScope().orElse(null);
    }
    return scope;
  }
}
