package dev.otelboard.cli.rewrite;

import java.util.List;

/** The Java rewrites otelboard has, in the order they run. */
public final class Rewrites {
  private Rewrites() {}

  /** Every rewrite for SDK mode. */
  public static List<JavaRewrite> sdkMode() {
    return List.of(
        new WrapJavaHttpClient(),
        new InstrumentHttpServer(),
        new WrapOkHttp(),
        new WrapExecutor(),
        new WrapCompletableFuture(),
        new WrapThread(),
        new ParameterizeLogMessage(),
        new InitBootstrap());
  }

  /** The rewrite with this id, for tests and for scan findings. */
  public static JavaRewrite byId(String id) {
    return sdkMode().stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no rewrite " + id));
  }
}
