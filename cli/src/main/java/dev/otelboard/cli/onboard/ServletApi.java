package dev.otelboard.cli.onboard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Which servlet API a module runs on, for the generated Filter: {@code jakarta.servlet} (Jakarta EE
 * 9+: Jetty 11+, Tomcat 10+, Spring Boot 3, Dropwizard 4) or {@code javax.servlet}. The sources'
 * own servlet or JAX-RS imports decide (the two namespaces move together); without them, the
 * Spring Boot version or the build's Jakarta artifacts.
 */
final class ServletApi {
  static final String JAKARTA = "jakarta.servlet";
  static final String JAVAX = "javax.servlet";

  private ServletApi() {}

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
}
