package dev.otelboard.cli.onboard;

import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.Instrumentation;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.RewriteSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Java sources onboard generates into a module ({@link GeneratedSources} renders them): the
 * bootstrap that owns the SDK, the JUL handler, the adapters the rewrites call, the servlet filter
 * and the Spring adapters. Which of them a module gets is decided by the rewrites' needs.
 */
final class SourcePlanner {
  /** The adapters whose template (templates/adapters/NAME.java.ftl) is named as the class. */
  private static final Map<Instrumentation, String> ADAPTERS = new EnumMap<>(Map.of(
      Instrumentation.HTTP_CLIENT_ADAPTER, RewriteSettings.HTTP_CLIENT_ADAPTER,
      Instrumentation.HTTP_SERVER_ADAPTER, RewriteSettings.HTTP_SERVER_ADAPTER,
      Instrumentation.APACHE_HTTPCLIENT_4_ADAPTER, RewriteSettings.APACHE_HTTPCLIENT_4_ADAPTER,
      Instrumentation.HTTP_CLIENT5_ADAPTER, RewriteSettings.HTTP_CLIENT5_ADAPTER,
      Instrumentation.KAFKA_ADAPTER, RewriteSettings.KAFKA_ADAPTER,
      Instrumentation.OKHTTP_ADAPTER, RewriteSettings.OKHTTP_ADAPTER));

  private final PlanDraft draft;

  SourcePlanner(PlanDraft draft) {
    this.draft = draft;
  }

  /**
   * Plans the sources of one module into package {@code basePackage} under {@code sources}: the
   * bootstrap (with the JUL handler when {@code jul}) and whatever of {@code needs} is generated.
   */
  void plan(
      Path sources, String basePackage, RewriteSettings settings, OtelboardConfig config,
      Set<Instrumentation> needs, LoggingFrameworks logging, SpringBootApp boot,
      Optional<String> mvcFilter, String servletApi, boolean jul) throws IOException {
    Path dir = basePackage.isEmpty() ? sources : sources.resolve(basePackage.replace('.', '/'));
    String bootstrap = settings.bootstrapClass();
    draft.generate(dir.resolve(bootstrap + ".java"),
        GeneratedSources.bootstrap(basePackage, bootstrap, config.serviceName(),
            logging.logback(), logging.log4j2(), logging.dropwizard(),
            jul ? RewriteSettings.JUL_HANDLER : ""));
    if (jul) {
      Path handler = dir.resolve(RewriteSettings.JUL_HANDLER + ".java");
      int before = draft.changes().size();
      draft.generate(handler, GeneratedSources.adapter("OtelJulHandler", basePackage,
          RewriteSettings.JUL_HANDLER, bootstrap));
      if (draft.changes().size() > before) {
        draft.changes().add(new Change(draft.relative(handler), 1,
            RewriteId.JUL_LOG_CORRELATION, "java.util.logging only: the bootstrap installs "
                + RewriteSettings.JUL_HANDLER + " on the root logger, which exports every record "
                + "with its trace context and prints trace_id/span_id in the console lines"));
      }
    }
    for (Map.Entry<Instrumentation, String> adapter : ADAPTERS.entrySet()) {
      if (needs.contains(adapter.getKey())) {
        draft.generate(dir.resolve(adapter.getValue() + ".java"),
            GeneratedSources.adapter(adapter.getValue(), basePackage, adapter.getValue(),
                bootstrap));
      }
    }
    if (needs.contains(Instrumentation.SERVLET_FILTER)) {
      draft.generate(dir.resolve(RewriteSettings.SERVLET_FILTER + ".java"),
          GeneratedSources.servletFilter(basePackage, RewriteSettings.SERVLET_FILTER, bootstrap,
              servletApi));
    }
    if (needs.contains(Instrumentation.JAXRS_ROUTE)) {
      draft.generate(dir.resolve(RewriteSettings.JAXRS_ROUTE + ".java"),
          GeneratedSources.jaxrsRoute(basePackage, RewriteSettings.JAXRS_ROUTE, servletApi));
    }
    if (needs.contains(Instrumentation.SPRING_WEB_ADAPTER)) {
      draft.generate(dir.resolve(RewriteSettings.SPRING_WEB_ADAPTER + ".java"),
          GeneratedSources.springWebAdapter(basePackage, RewriteSettings.SPRING_WEB_ADAPTER,
              bootstrap, needs.contains(Instrumentation.SPRING_REST_CLIENT)));
    }
    if (needs.contains(Instrumentation.SPRING_MVC_FILTER)) {
      draft.generate(dir.resolve(RewriteSettings.SPRING_MVC_ADAPTER + ".java"),
          GeneratedSources.springMvcFilter(basePackage, RewriteSettings.SPRING_MVC_ADAPTER,
              bootstrap, mvcFilter.orElseThrow(), boot.jakarta(),
              logging.logback() || logging.log4j2()));
    }
  }
}
