package dev.otelboard.cli.scan;

import static dev.otelboard.cli.scan.FindingKind.APACHE_HTTPCLIENT_4;
import static dev.otelboard.cli.scan.FindingKind.APACHE_HTTPCLIENT_5;
import static dev.otelboard.cli.scan.FindingKind.FEIGN_CLIENT;
import static dev.otelboard.cli.scan.FindingKind.JAVA_NET_HTTP_CLIENT;
import static dev.otelboard.cli.scan.FindingKind.JAXRS_CLIENT;
import static dev.otelboard.cli.scan.FindingKind.OKHTTP_CLIENT;
import static dev.otelboard.cli.scan.FindingKind.RETROFIT_CLIENT;
import static dev.otelboard.cli.scan.FindingKind.SPRING_REST_CLIENT;
import static dev.otelboard.cli.scan.FindingKind.SPRING_REST_TEMPLATE;
import static dev.otelboard.cli.scan.FindingKind.SPRING_WEB_CLIENT;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.otelboard.cli.catalog.FactoryMethod;
import dev.otelboard.cli.catalog.HttpLibraries;
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where HTTP clients are created: java.net.http, OkHttp, Apache HttpClient 4 and 5, Spring
 * RestTemplate/RestClient/WebClient, JAX-RS, Feign and Retrofit. A creation is reported once, at
 * the start of its builder chain.
 */
final class HttpClientDetector implements JavaDetector {
  static final String JAVA_HTTP_CLIENT = HttpLibraries.JAVA_HTTP_CLIENT.type("HttpClient");
  static final String OKHTTP_CLIENT_TYPE = HttpLibraries.OKHTTP.type("OkHttpClient");
  private static final String OKHTTP_BUILDER = OKHTTP_CLIENT_TYPE + ".Builder";
  private static final String APACHE4_DEFAULT =
      HttpLibraries.APACHE_HTTPCLIENT_4.type("DefaultHttpClient");
  private static final String APACHE4_CLIENTS =
      HttpLibraries.APACHE_HTTPCLIENT_4.type("HttpClients");
  private static final String DROPWIZARD_BUILDER =
      HttpLibraries.APACHE_HTTPCLIENT_4.typesNamed("HttpClientBuilder").stream()
          .filter(t -> t.startsWith("io.dropwizard.")).findFirst().orElseThrow();
  /** The generated adapter's and ApacheHttpClientTelemetry's entry points. */
  private static final Set<String> APACHE4_WRAPPERS = Set.of("instrument");
  private static final String REST_TEMPLATE = HttpLibraries.SPRING_WEB.type("RestTemplate");
  private static final String REST_TEMPLATE_BUILDER =
      HttpLibraries.SPRING_WEB.type("RestTemplateBuilder");
  private static final String REST_CLIENT = HttpLibraries.SPRING_WEB.type("RestClient");
  private static final String RETROFIT_BUILDER =
      HttpLibraries.RETROFIT.type("Retrofit") + ".Builder";

  /** Calls that wrap a java.net.http client (the generated adapter, the official library). */
  private static final Set<String> JAVA_HTTP_WRAPPERS = Set.of("wrap");

  /** Calls that instrument an OkHttpClient (the generated adapter, OkHttpTelemetry). */
  private static final Set<String> OKHTTP_WRAPPERS =
      Set.of("instrument", "createCallFactory", "newCallFactory", "wrap");

  private record Factory(FindingKind kind, String reason) {}

  private static final String APACHE4_DEFAULT_REASON =
      "no onboard rewrite for the deprecated DefaultHttpClient: build the client with "
          + "HttpClients/HttpClientBuilder (which onboard instruments) or run the javaagent";
  private static final String SPRING_WEB_TELEMETRY =
      "io.opentelemetry.instrumentation.spring.web";
  private static final String FEIGN_REASON = HttpLibraries.FEIGN.onboarding().note();

  /** The catalog's HTTP clients onboard leaves to a person, as finding kinds. */
  private static final Map<Library, FindingKind> MANUAL_CLIENTS =
      Map.of(
          HttpLibraries.APACHE_HTTPCLIENT_5, APACHE_HTTPCLIENT_5,
          HttpLibraries.SPRING_WEB_CLIENT, SPRING_WEB_CLIENT,
          HttpLibraries.JAXRS_CLIENT, JAXRS_CLIENT,
          HttpLibraries.FEIGN, FEIGN_CLIENT);

  /** Static factories of those clients: "owner#method" to kind and reason. */
  private static final Map<String, Factory> STATIC_FACTORIES = staticFactories();
  /** The Apache HttpClient 5 factories wrap-apache-httpclient-5 instruments where they are. */
  private static final Set<String> APACHE5_INSTRUMENTED = Set.of(
      "org.apache.hc.client5.http.impl.classic.HttpClients#custom",
      "org.apache.hc.client5.http.impl.classic.HttpClients#createDefault",
      "org.apache.hc.client5.http.impl.classic.HttpClients#createSystem",
      "org.apache.hc.client5.http.impl.classic.HttpClientBuilder#create");

  private static final Set<String> FEIGN_CLIENT_ANNOTATIONS =
      HttpLibraries.FEIGN.typesNamed("FeignClient");

  @Override
  public void detect(JavaSource src) {
    TypeNames types = src.types;
    for (MethodCallExpr call : src.calls) {
      String name = call.getNameAsString();
      if (name.equals("newHttpClient") || name.equals("newBuilder")) {
        if (types.isStaticCall(call, JAVA_HTTP_CLIENT, name)) {
          javaHttpClient(src, call);
          continue;
        }
      }
      if (name.equals("build") && call.getArguments().isEmpty()) {
        Expression root = JavaSource.chainRoot(call);
        if (root != call && REST_TEMPLATE_BUILDER.equals(types.typeOf(root))) {
          springWeb(src, SPRING_REST_TEMPLATE, call, REST_TEMPLATE_BUILDER + ".build");
        }
        continue;
      }
      if ((name.equals("create") || name.equals("builder"))
          && types.isStaticCall(call, REST_CLIENT, name)) {
        springWeb(src, SPRING_REST_CLIENT, call, REST_CLIENT + "." + name);
        continue;
      }
      String owner = types.staticOwner(call);
      if (owner != null && HttpLibraries.APACHE_HTTPCLIENT_4.factories().stream()
          .anyMatch(f -> f.key().equals(owner + "#" + name))) {
        boolean built = owner.equals(APACHE4_CLIENTS) && !name.equals("custom");
        apacheHttpClient4(src, call, owner + "." + name, built ? call : builtBy(call));
        continue;
      }
      if (owner != null && APACHE5_INSTRUMENTED.contains(owner + "#" + name)) {
        src.add(APACHE_HTTPCLIENT_5, call, owner + "." + name,
            JavaSource.isArgumentOf(call, Set.of("instrument")),
            RewriteId.WRAP_APACHE_HTTPCLIENT_5, null);
        continue;
      }
      if (owner != null) {
        Factory f = STATIC_FACTORIES.get(owner + "#" + name);
        if (f != null) {
          src.add(f.kind(), call, owner + "." + name, false, RewriteId.MANUAL, f.reason());
        }
      }
    }
    for (ObjectCreationExpr creation : src.creations) {
      String type = types.resolve(creation.getType());
      if (type == null) {
        continue;
      }
      if (type.equals(OKHTTP_CLIENT_TYPE)) {
        if (creation.getArguments().isEmpty() && creation.getAnonymousClassBody().isEmpty()) {
          boolean wrapped = JavaSource.isArgumentOf(creation, OKHTTP_WRAPPERS);
          src.add(OKHTTP_CLIENT, creation, "new " + OKHTTP_CLIENT_TYPE, wrapped,
              RewriteId.WRAP_OKHTTP, null);
        }
      } else if (type.equals(OKHTTP_BUILDER)) {
        Expression top = JavaSource.chainTop(creation);
        if (top instanceof MethodCallExpr build && build.getNameAsString().equals("build")) {
          src.add(OKHTTP_CLIENT, creation, "new " + OKHTTP_BUILDER,
              JavaSource.isArgumentOf(top, OKHTTP_WRAPPERS), RewriteId.WRAP_OKHTTP, null);
        } else {
          src.add(OKHTTP_CLIENT, creation, "new " + OKHTTP_BUILDER, false,
              RewriteId.MANUAL, "the builder is built elsewhere: onboard instruments "
                  + "new OkHttpClient.Builder()...build() in one expression");
        }
      } else if (type.equals(APACHE4_DEFAULT)) {
        src.add(APACHE_HTTPCLIENT_4, creation, "new " + type, false, RewriteId.MANUAL,
            APACHE4_DEFAULT_REASON);
      } else if (type.equals(DROPWIZARD_BUILDER)) {
        dropwizardClient(src, creation);
      } else if (type.equals(REST_TEMPLATE)) {
        if (creation.getAnonymousClassBody().isEmpty()) {
          springWeb(src, SPRING_REST_TEMPLATE, creation, "new " + type);
        }
      } else if (type.equals(RETROFIT_BUILDER)) {
        if (JavaSource.chainCalls(creation, "client")
            || JavaSource.chainCalls(creation, "callFactory")) {
          src.add(RETROFIT_CLIENT, creation, "new " + type, false, RewriteId.NONE,
              "calls go through the OkHttpClient given to .client(...): traced when that "
                  + "client is instrumented");
        } else {
          src.add(RETROFIT_CLIENT, creation, "new " + type, false, RewriteId.MANUAL,
              HttpLibraries.RETROFIT.onboarding().note());
        }
      }
    }
    for (TypeDeclaration<?> type : src.typeDeclarations) {
      if (types.hasAnnotation(type.getAnnotations(), FEIGN_CLIENT_ANNOTATIONS)) {
        src.add(FEIGN_CLIENT, type, types.qualifiedName(type) + " (@FeignClient)", false,
            RewriteId.MANUAL, FEIGN_REASON);
      }
    }
  }

  /** RestTemplate/RestClient: onboard adds the spring-web interceptor in place. */
  private static void springWeb(JavaSource src, FindingKind kind, Expression at, String symbol) {
    boolean instrumented = src.types.importsPackage(SPRING_WEB_TELEMETRY);
    src.add(kind, at, symbol, instrumented, RewriteId.INSTRUMENT_SPRING_WEB, null);
  }

  /**
   * HttpClients.createDefault() and the like, or a builder chain; {@code built} is the expression
   * that makes the client, null when the builder is built elsewhere.
   */
  private static void apacheHttpClient4(JavaSource src, Expression at, String symbol,
      Expression built) {
    if (built != null) {
      src.add(APACHE_HTTPCLIENT_4, at, symbol, JavaSource.isArgumentOf(built, APACHE4_WRAPPERS),
          RewriteId.WRAP_APACHE_HTTPCLIENT_4, null);
    } else {
      src.add(APACHE_HTTPCLIENT_4, at, symbol, false, RewriteId.MANUAL,
          "the builder is built elsewhere: onboard instruments HttpClients.custom()...build() "
              + "in one expression; pass the built client to the generated "
              + "OtelApacheHttpClient4.instrument(...) by hand");
    }
  }

  /** The build() call that ends the chain {@code builder} starts; null when it ends elsewhere. */
  private static Expression builtBy(Expression builder) {
    Expression top = JavaSource.chainTop(builder);
    return top != builder && top instanceof MethodCallExpr c && c.getNameAsString().equals("build")
        ? top : null;
  }

  /**
   * dropwizard-client's builder: HttpClient 4 up to Dropwizard 2.x, HttpClient 5 from 3.0, told
   * apart by the HttpClient types the file uses.
   */
  private static void dropwizardClient(JavaSource src, ObjectCreationExpr creation) {
    String symbol = "new " + DROPWIZARD_BUILDER;
    if (src.types.importsPackage("org.apache.hc.")) {
      src.add(APACHE_HTTPCLIENT_5, creation, symbol, false, RewriteId.MANUAL,
          HttpLibraries.APACHE_HTTPCLIENT_5.onboarding().note());
    } else if (src.types.importsPackage("org.apache.http.")) {
      apacheHttpClient4(src, creation, symbol, builtBy(creation));
    } else {
      src.add(APACHE_HTTPCLIENT_4, creation, symbol, false, RewriteId.MANUAL,
          "this file names neither HttpClient 4 (Dropwizard 2.x) nor 5 (Dropwizard 3+): declare "
              + "the client's type and re-run onboard");
    }
  }

  private static void javaHttpClient(JavaSource src, MethodCallExpr call) {
    String symbol = JAVA_HTTP_CLIENT + "." + call.getNameAsString();
    if (call.getNameAsString().equals("newHttpClient")) {
      boolean wrapped = JavaSource.isArgumentOf(call, JAVA_HTTP_WRAPPERS);
      src.add(JAVA_NET_HTTP_CLIENT, call, symbol, wrapped, RewriteId.WRAP_JAVA_HTTP_CLIENT, null);
      return;
    }
    Expression top = JavaSource.chainTop(call);
    if (top instanceof MethodCallExpr build && build.getNameAsString().equals("build")) {
      boolean wrapped = JavaSource.isArgumentOf(top, JAVA_HTTP_WRAPPERS);
      src.add(JAVA_NET_HTTP_CLIENT, call, symbol, wrapped, RewriteId.WRAP_JAVA_HTTP_CLIENT, null);
    } else {
      src.add(JAVA_NET_HTTP_CLIENT, call, symbol, false, RewriteId.MANUAL,
          "the builder is built elsewhere: onboard wraps HttpClient.newBuilder()...build() in "
              + "one expression; wrap the built client by hand");
    }
  }

  private static Map<String, Factory> staticFactories() {
    Map<String, Factory> factories = new HashMap<>();
    MANUAL_CLIENTS.forEach((library, kind) -> {
      for (FactoryMethod factory : library.factories()) {
        factories.put(factory.key(), new Factory(kind, library.onboarding().note()));
      }
    });
    return Map.copyOf(factories);
  }
}
