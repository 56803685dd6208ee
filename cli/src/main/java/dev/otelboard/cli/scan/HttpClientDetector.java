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
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.Map;
import java.util.Set;

/**
 * Where HTTP clients are created: java.net.http, OkHttp, Apache HttpClient 4 and 5, Spring
 * RestTemplate/RestClient/WebClient, JAX-RS, Feign and Retrofit. A creation is reported once, at
 * the start of its builder chain.
 */
final class HttpClientDetector implements JavaDetector {
  static final String JAVA_HTTP_CLIENT = "java.net.http.HttpClient";
  static final String OKHTTP_CLIENT_TYPE = "okhttp3.OkHttpClient";

  /** Calls that wrap a java.net.http client (the generated adapter, the official library). */
  private static final Set<String> JAVA_HTTP_WRAPPERS = Set.of("wrap");

  /** Calls that instrument an OkHttpClient (the generated adapter, OkHttpTelemetry). */
  private static final Set<String> OKHTTP_WRAPPERS =
      Set.of("instrument", "createCallFactory", "newCallFactory", "wrap");

  private record Factory(FindingKind kind, String reason) {}

  private static final String APACHE4_REASON =
      "no onboard rewrite for Apache HttpClient 4: build it with ApacheHttpClientTelemetry "
          + "(opentelemetry-apache-httpclient-4.3) or run the javaagent";
  private static final String APACHE5_REASON =
      "no onboard rewrite for Apache HttpClient 5 (apache-httpclient-5.2 is not served here): "
          + "run the javaagent";
  private static final String SPRING_WEB_TELEMETRY =
      "io.opentelemetry.instrumentation.spring.web";
  private static final String WEB_CLIENT_REASON =
      "no onboard rewrite: use the OpenTelemetry Spring Boot starter's WebClient.Builder bean or "
          + "the javaagent";
  private static final String JAXRS_REASON =
      "no onboard rewrite for JAX-RS clients: run the javaagent";
  private static final String FEIGN_REASON =
      "no onboard rewrite for Feign: give it an instrumented client (feign-okhttp with an "
          + "instrumented OkHttpClient) or run the javaagent";

  /** Static factories: "owner#method" to kind and reason. */
  private static final Map<String, Factory> STATIC_FACTORIES =
      Map.ofEntries(
          Map.entry("org.apache.http.impl.client.HttpClients#createDefault", new Factory(APACHE_HTTPCLIENT_4, APACHE4_REASON)),
          Map.entry("org.apache.http.impl.client.HttpClients#createSystem", new Factory(APACHE_HTTPCLIENT_4, APACHE4_REASON)),
          Map.entry("org.apache.http.impl.client.HttpClients#createMinimal", new Factory(APACHE_HTTPCLIENT_4, APACHE4_REASON)),
          Map.entry("org.apache.http.impl.client.HttpClients#custom", new Factory(APACHE_HTTPCLIENT_4, APACHE4_REASON)),
          Map.entry("org.apache.http.impl.client.HttpClientBuilder#create", new Factory(APACHE_HTTPCLIENT_4, APACHE4_REASON)),
          Map.entry("org.apache.hc.client5.http.impl.classic.HttpClients#createDefault", new Factory(APACHE_HTTPCLIENT_5, APACHE5_REASON)),
          Map.entry("org.apache.hc.client5.http.impl.classic.HttpClients#createSystem", new Factory(APACHE_HTTPCLIENT_5, APACHE5_REASON)),
          Map.entry("org.apache.hc.client5.http.impl.classic.HttpClients#createMinimal", new Factory(APACHE_HTTPCLIENT_5, APACHE5_REASON)),
          Map.entry("org.apache.hc.client5.http.impl.classic.HttpClients#custom", new Factory(APACHE_HTTPCLIENT_5, APACHE5_REASON)),
          Map.entry("org.apache.hc.client5.http.impl.classic.HttpClientBuilder#create", new Factory(APACHE_HTTPCLIENT_5, APACHE5_REASON)),
          Map.entry("org.apache.hc.client5.http.impl.async.HttpAsyncClients#createDefault", new Factory(APACHE_HTTPCLIENT_5, APACHE5_REASON)),
          Map.entry("org.apache.hc.client5.http.impl.async.HttpAsyncClients#createSystem", new Factory(APACHE_HTTPCLIENT_5, APACHE5_REASON)),
          Map.entry("org.apache.hc.client5.http.impl.async.HttpAsyncClients#custom", new Factory(APACHE_HTTPCLIENT_5, APACHE5_REASON)),
          Map.entry("org.springframework.web.reactive.function.client.WebClient#create", new Factory(SPRING_WEB_CLIENT, WEB_CLIENT_REASON)),
          Map.entry("org.springframework.web.reactive.function.client.WebClient#builder", new Factory(SPRING_WEB_CLIENT, WEB_CLIENT_REASON)),
          Map.entry("javax.ws.rs.client.ClientBuilder#newClient", new Factory(JAXRS_CLIENT, JAXRS_REASON)),
          Map.entry("javax.ws.rs.client.ClientBuilder#newBuilder", new Factory(JAXRS_CLIENT, JAXRS_REASON)),
          Map.entry("jakarta.ws.rs.client.ClientBuilder#newClient", new Factory(JAXRS_CLIENT, JAXRS_REASON)),
          Map.entry("jakarta.ws.rs.client.ClientBuilder#newBuilder", new Factory(JAXRS_CLIENT, JAXRS_REASON)),
          Map.entry("feign.Feign#builder", new Factory(FEIGN_CLIENT, FEIGN_REASON)));

  private static final Set<String> FEIGN_CLIENT_ANNOTATIONS =
      Set.of("org.springframework.cloud.openfeign.FeignClient");

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
        if (root != call && "org.springframework.boot.web.client.RestTemplateBuilder"
            .equals(types.typeOf(root))) {
          springWeb(src, SPRING_REST_TEMPLATE, call,
              "org.springframework.boot.web.client.RestTemplateBuilder.build");
        }
        continue;
      }
      if ((name.equals("create") || name.equals("builder"))
          && types.isStaticCall(call, "org.springframework.web.client.RestClient", name)) {
        springWeb(src, SPRING_REST_CLIENT, call, "org.springframework.web.client.RestClient." + name);
        continue;
      }
      String owner = types.staticOwner(call);
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
      switch (type) {
        case OKHTTP_CLIENT_TYPE -> {
          if (creation.getArguments().isEmpty() && creation.getAnonymousClassBody().isEmpty()) {
            boolean wrapped = JavaSource.isArgumentOf(creation, OKHTTP_WRAPPERS);
            src.add(OKHTTP_CLIENT, creation, "new okhttp3.OkHttpClient", wrapped,
                RewriteId.WRAP_OKHTTP, null);
          }
        }
        case "okhttp3.OkHttpClient.Builder" -> {
          Expression top = JavaSource.chainTop(creation);
          if (top instanceof MethodCallExpr build && build.getNameAsString().equals("build")) {
            src.add(OKHTTP_CLIENT, creation, "new okhttp3.OkHttpClient.Builder",
                JavaSource.isArgumentOf(top, OKHTTP_WRAPPERS), RewriteId.WRAP_OKHTTP, null);
          } else {
            src.add(OKHTTP_CLIENT, creation, "new okhttp3.OkHttpClient.Builder", false,
                RewriteId.MANUAL, "the builder is built elsewhere: onboard instruments "
                    + "new OkHttpClient.Builder()...build() in one expression");
          }
        }
        case "org.apache.http.impl.client.DefaultHttpClient" ->
            src.add(APACHE_HTTPCLIENT_4, creation, "new " + type, false, RewriteId.MANUAL,
                APACHE4_REASON);
        case "org.springframework.web.client.RestTemplate" -> {
          if (creation.getAnonymousClassBody().isEmpty()) {
            springWeb(src, SPRING_REST_TEMPLATE, creation, "new " + type);
          }
        }
        case "retrofit2.Retrofit.Builder" -> {
          if (JavaSource.chainCalls(creation, "client")
              || JavaSource.chainCalls(creation, "callFactory")) {
            src.add(RETROFIT_CLIENT, creation, "new " + type, false, RewriteId.NONE,
                "calls go through the OkHttpClient given to .client(...): traced when that "
                    + "client is instrumented");
          } else {
            src.add(RETROFIT_CLIENT, creation, "new " + type, false, RewriteId.MANUAL,
                "Retrofit builds its own OkHttpClient: pass an instrumented one with "
                    + ".client(...)");
          }
        }
        default -> {}
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
}
