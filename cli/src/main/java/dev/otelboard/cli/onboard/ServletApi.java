package dev.otelboard.cli.onboard;

import static dev.otelboard.cli.onboard.ProjectFiles.read;

import dev.otelboard.cli.rewrite.JavaRewrite;
import dev.otelboard.cli.rewrite.RewriteId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which servlet API a module runs on, for the generated Filter: {@code jakarta.servlet} (Jakarta EE
 * 9+: Jetty 11+, Tomcat 10+, Spring Boot 3, Dropwizard 4) or {@code javax.servlet}. The sources'
 * own servlet or JAX-RS imports decide (the two namespaces move together); without them, the
 * Spring Boot version or the build's Jakarta artifacts.
 */
final class ServletApi {
  static final String JAKARTA = "jakarta.servlet";
  static final String JAVAX = "javax.servlet";

  /** The Servlet 2.x API artifact (javax.servlet:servlet-api, before it was renamed in 3.0). */
  private static final Pattern SERVLET_2 = Pattern.compile(
      "<groupId>\\s*javax\\.servlet\\s*</groupId>\\s*<artifactId>\\s*servlet-api\\s*"
          + "</artifactId>");
  /** A Jetty 7 (Servlet 2.5) artifact with its version written in place. */
  private static final Pattern JETTY_7 = Pattern.compile(
      "<groupId>\\s*org\\.eclipse\\.jetty\\s*</groupId>\\s*<artifactId>[^<]*</artifactId>"
          + "\\s*<version>\\s*7\\.");

  private ServletApi() {}

  /**
   * Why the generated filter can't be registered in this pom (it needs the Servlet 3.0 API: async
   * listeners, response headers): a Servlet 2.x API or Jetty 7 dependency, with its line.
   */
  static Optional<Unsupported> unsupported(String pom) {
    Matcher servlet2 = SERVLET_2.matcher(pom);
    if (servlet2.find()) {
      return Optional.of(new Unsupported(ProjectFiles.lineOf(pom, servlet2.start()),
          "javax.servlet:servlet-api is the Servlet 2.x API; the generated OtelServletFilter "
          + "needs Servlet 3.0+ (javax.servlet:javax.servlet-api): no filter was registered. "
          + "Upgrade the container and re-run onboard, or run the javaagent"));
    }
    Matcher jetty7 = JETTY_7.matcher(pom);
    if (jetty7.find()) {
      return Optional.of(new Unsupported(ProjectFiles.lineOf(pom, jetty7.start()),
          "Jetty 7 implements Servlet 2.5; the generated OtelServletFilter needs Servlet 3.0+ "
          + "(Jetty 8 or later): no filter was registered. Upgrade Jetty and re-run onboard, or "
          + "run the javaagent"));
    }
    return Optional.empty();
  }

  /** Why the filter can't be registered, at a line of the pom. */
  record Unsupported(int line, String reason) {}

  static String of(List<Path> javaFiles, String buildFiles, SpringBootApp boot)
      throws IOException {
    for (Path file : javaFiles) {
      String text = ProjectFiles.read(file).orElse("");
      if (text.startsWith(GeneratedSources.STAMP_PREFIX)) {
        continue;
      }
      if (text.contains("import jakarta.servlet.") || text.contains("import jakarta.ws.rs.")) {
        return JAKARTA;
      }
      if (text.contains("import javax.servlet.") || text.contains("import javax.ws.rs.")) {
        return JAVAX;
      }
    }
    if (boot.version().map(v -> v.major() >= 3).orElse(false)) {
      return JAKARTA;
    }
    return buildFiles.contains("jakarta.servlet") || buildFiles.contains("jetty-ee10")
        || buildFiles.contains("jetty-ee9") ? JAKARTA : JAVAX;
  }

  /** The first of the filter registrations that would look at one of the sources. */
  static Optional<RewriteId> registering(List<Path> javaFiles, List<JavaRewrite> registrations)
      throws IOException {
    for (Path file : javaFiles) {
      String text = read(file).orElse("");
      Optional<JavaRewrite> registration =
          registrations.stream().filter(r -> r.precondition(text)).findFirst();
      if (registration.isPresent()) {
        return Optional.of(registration.get().id());
      }
    }
    return Optional.empty();
  }
}
