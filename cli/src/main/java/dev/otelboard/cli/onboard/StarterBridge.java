package dev.otelboard.cli.onboard;

import static dev.otelboard.cli.onboard.PomPlanner.INSTRUMENTATION_GROUP;
import static dev.otelboard.cli.onboard.ProjectFiles.read;

import dev.otelboard.cli.buildfile.MavenDependency;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.Instrumentation;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated classes a Spring Boot starter application gets beside the starter, because the
 * starter leaves them out: the servlet filter for an application that serves without Spring MVC,
 * and the Spring bridge that hands the starter's OpenTelemetry to adapters built outside Spring.
 */
final class StarterBridge {
  private StarterBridge() {}

  /**
   * What a starter application needs beyond the starter: an application that serves HTTP without
   * Spring MVC (Jersey) gets the generated servlet filter, registered by a generated
   * {@code @Configuration} next to its {@code @SpringBootApplication}; clients instrumented in place
   * (OkHttp) get the starter's OpenTelemetry from that same class. Returns the dependencies they
   * add.
   */
  static List<MavenDependency> plan(PlanDraft draft, Path sources, String basePackage,
      List<Path> javaFiles, String buildFiles, Set<Instrumentation> needs, SpringBootApp boot)
      throws IOException {
    boolean servletFilter = boot.servesWithoutSpringMvc(buildFiles);
    boolean okhttp = needs.contains(Instrumentation.OKHTTP_ADAPTER);
    if (!servletFilter && !okhttp) {
      return List.of();
    }
    String appPackage = boot.application() == null ? basePackage
        : ProjectFiles.packageOf(read(boot.application()).orElse("")).orElse(basePackage);
    Path appDir = appPackage.isEmpty() ? sources : sources.resolve(appPackage.replace('.', '/'));
    Path baseDir = basePackage.isEmpty() ? sources : sources.resolve(basePackage.replace('.', '/'));
    String bridge = RewriteSettings.SPRING_BRIDGE;
    int before = draft.changes().size();
    draft.generate(appDir.resolve(bridge + ".java"), GeneratedSources.springBridge(appPackage,
        bridge, servletFilter ? RewriteSettings.SERVLET_FILTER : ""));
    if (servletFilter) {
      draft.generate(appDir.resolve(RewriteSettings.SERVLET_FILTER + ".java"),
          GeneratedSources.servletFilter(appPackage, RewriteSettings.SERVLET_FILTER, "",
              ServletApi.of(javaFiles, buildFiles, boot)));
      draft.generate(appDir.resolve(RewriteSettings.JAXRS_ROUTE + ".java"),
          GeneratedSources.jaxrsRoute(appPackage, RewriteSettings.JAXRS_ROUTE,
              ServletApi.of(javaFiles, buildFiles, boot)));
    }
    if (servletFilter) {
      ownJerseyServlets(draft, javaFiles);
    }
    if (servletFilter && draft.changes().size() > before) {
      String application = read(boot.application()).orElse("");
      int line = ProjectFiles.lineOf(application,
          Math.max(0, application.indexOf("@SpringBootApplication")));
      draft.changes().add(new Change(draft.relative(boot.application()), line, GeneratedSources.ID,
          "serves HTTP without Spring MVC (Jersey), which the starter does not trace: "
              + RewriteSettings.SERVLET_FILTER + " registered by " + bridge
              + "'s FilterRegistrationBean gives every request a SERVER span, which "
              + RewriteSettings.JAXRS_ROUTE + " (a Jersey ResourceConfigCustomizer) names after "
              + "the matched resource method (http.route)"));
    }
    if (okhttp) {
      String reference = appPackage.equals(basePackage) || appPackage.isEmpty() ? bridge
          : appPackage + "." + bridge;
      draft.generate(baseDir.resolve(RewriteSettings.OKHTTP_ADAPTER + ".java"),
          GeneratedSources.adapter("OtelOkHttp", basePackage, RewriteSettings.OKHTTP_ADAPTER,
              reference));
    }
    return List.of(MavenDependency.managed(INSTRUMENTATION_GROUP,
        "opentelemetry-instrumentation-api"));
  }

  private static final Pattern NEW_SERVLET_CONTAINER =
      Pattern.compile("new\\s+ServletContainer\\s*\\(");

  /**
   * OtelJaxrsRoute reaches Jersey through Boot's ResourceConfigCustomizer, which only the Jersey
   * servlet Boot configures applies: a Jersey {@code ServletContainer} the application creates
   * itself gets SERVER spans named by its servlet mapping alone, so each such place is a manual
   * item saying what to add there.
   */
  private static void ownJerseyServlets(PlanDraft draft, List<Path> javaFiles)
      throws IOException {
    for (Path file : javaFiles) {
      String text = read(file).orElse("");
      Matcher m = NEW_SERVLET_CONTAINER.matcher(text);
      if (!text.contains("org.glassfish.jersey.servlet") || !m.find()) {
        continue;
      }
      int line = ProjectFiles.lineOf(text, m.start());
      draft.manual().add(new ManualItem(draft.relative(file), line, GeneratedSources.ID,
          "creates its own Jersey ServletContainer, which Boot's ResourceConfigCustomizer does"
              + " not reach: its SERVER spans get the servlet mapping as http.route, not the"
              + " resource's template; register " + RewriteSettings.JAXRS_ROUTE
              + ".class in the ResourceConfig it serves"));
    }
  }

}
