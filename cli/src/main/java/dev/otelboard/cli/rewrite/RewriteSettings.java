package dev.otelboard.cli.rewrite;

import static java.util.Objects.requireNonNull;

/**
 * What the rewrites generate references to.
 *
 * @param basePackage the service's base package, where the generated classes go ("" for none)
 * @param bootstrapClass simple name of the generated bootstrap class
 * @param useHttpClientLibrary true to use opentelemetry-java-http-client instead of the adapter
 * @param useHttpServerLibrary true to use opentelemetry-java-http-server instead of the adapter
 */
public record RewriteSettings(
    String basePackage,
    String bootstrapClass,
    boolean useHttpClientLibrary,
    boolean useHttpServerLibrary) {

  /** Simple name of the generated java.net.http client adapter. */
  public static final String HTTP_CLIENT_ADAPTER = "OtelHttpClient";
  /** Simple name of the generated JDK HttpServer adapter. */
  public static final String HTTP_SERVER_ADAPTER = "OtelHttpServer";
  /** Simple name of the generated OkHttp adapter. */
  public static final String OKHTTP_ADAPTER = "OtelOkHttp";
  /** Default simple name of the generated bootstrap class. */
  public static final String DEFAULT_BOOTSTRAP_CLASS = "OtelBootstrap";

  /** Validates the settings. */
  public RewriteSettings {
    requireNonNull(basePackage, "basePackage");
    requireNonNull(bootstrapClass, "bootstrapClass");
  }

  /** Settings with the adapters and the default bootstrap name. */
  public static RewriteSettings adapters(String basePackage) {
    return new RewriteSettings(basePackage, DEFAULT_BOOTSTRAP_CLASS, false, false);
  }

  /** The fully qualified name of a class generated into the base package. */
  public String generated(String simpleName) {
    return basePackage.isEmpty() ? simpleName : basePackage + "." + simpleName;
  }
}
