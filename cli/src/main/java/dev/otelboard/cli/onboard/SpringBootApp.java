package dev.otelboard.cli.onboard;

import dev.otelboard.cli.buildfile.SpringBootVersion;
import dev.otelboard.cli.buildfile.SpringBootVersion.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What onboard needs to know about a module that may be a Spring Boot application: its Boot
 * version (from its pom or the root pom), its {@code @SpringBootApplication} class, whether its
 * code is on Jakarta EE, and how it configures logging.
 *
 * @param version the Spring Boot version the build names, if it names one
 * @param application the {@code @SpringBootApplication} source file, or null
 * @param jakarta whether the sources import {@code jakarta.*} (Spring Boot 3's baseline)
 */
record SpringBootApp(Optional<Version> version, Path application, boolean jakarta) {
  /** Logging configs that replace Spring Boot's default Logback setup, in src/main/resources. */
  private static final List<String> LOGGING_CONFIGS =
      List.of("logback.xml", "logback-spring.xml", "logback.groovy", "logback-spring.groovy",
          "log4j2.xml", "log4j2-spring.xml", "log4j2.properties", "log4j2.yaml", "log4j2.yml",
          "log4j2.json", "log4j2.jsn");
  private static final Pattern EXCLUDED_LOGBACK = Pattern.compile(
      "<exclusion>(?:(?!</exclusion>).)*<artifactId>\\s*spring-boot-starter-logging\\s*"
          + "</artifactId>", Pattern.DOTALL);
  private static final Pattern PROPERTY_KEY = Pattern.compile("^\\s*([\\w.\\-\\[\\]]+)\\s*[=:]");
  private static final Pattern YAML_KEY =
      Pattern.compile("^( *)([\\w.\\-\\[\\]]+)\\s*:(?:\\s|$)");

  /** Reads the Boot version from {@code pom} (else {@code rootPom}) and scans the sources. */
  static SpringBootApp of(List<Path> javaFiles, String pom, String rootPom) throws IOException {
    Optional<Version> version = SpringBootVersion.of(pom);
    if (version.isEmpty()) {
      version = SpringBootVersion.of(rootPom);
    }
    Path application = null;
    boolean jakarta = false;
    for (Path file : javaFiles) {
      String text = ProjectFiles.read(file).orElse("");
      if (text.startsWith(GeneratedSources.STAMP_PREFIX)) {
        continue;
      }
      if (application == null && text.contains("@SpringBootApplication")) {
        application = file;
      }
      jakarta |= text.contains("import jakarta.");
    }
    return new SpringBootApp(version, application, jakarta);
  }

  /**
   * Whether opentelemetry-spring-boot-starter fits: the build names a Boot version the starter
   * supports; when it names none, an application on Jakarta EE (so Boot 3+) counts.
   */
  boolean starter() {
    return version.map(Version::hasOpenTelemetryStarter).orElse(application != null && jakarta);
  }

  /**
   * Whether the application serves HTTP on a servlet container without Spring MVC (Jersey through
   * spring-boot-starter-jersey): the starter's web instrumentation then has nothing to hook, and
   * a servlet filter must make the SERVER spans.
   */
  boolean servesWithoutSpringMvc(String buildFiles) {
    return application != null
        && (buildFiles.contains("<artifactId>spring-boot-starter-jersey</artifactId>")
            || buildFiles.contains("<artifactId>jersey-container-servlet"))
        && !buildFiles.contains("<artifactId>spring-boot-starter-web</artifactId>")
        && !buildFiles.contains("<artifactId>spring-webmvc</artifactId>");
  }

  /**
   * The opentelemetry-spring-webmvc line whose servlet filter fits an application the starter
   * does not support: 5.3 (javax) on Boot 2.4/2.5, which ship Spring Framework 5.3; 6.0 (jakarta)
   * on Boot 3.0. Empty for other versions, or when {@code buildFiles} have no Spring MVC server.
   */
  Optional<String> mvcFilterLine(String buildFiles) {
    if (application == null || starter() || version.isEmpty()
        || !buildFiles.contains("<artifactId>spring-boot-starter-web</artifactId>")
            && !buildFiles.contains("<artifactId>spring-webmvc</artifactId>")) {
      return Optional.empty();
    }
    Version v = version.get();
    if (v.major() == 2 && (v.minor() == 4 || v.minor() == 5)) {
      return Optional.of("5.3");
    }
    return v.major() == 3 && v.minor() == 0 ? Optional.of("6.0") : Optional.empty();
  }

  /**
   * Why an application gets code rewrites instead of the starter and what is left to do; empty
   * when that is expected or its Spring MVC server gets the filter ({@link #mvcFilterLine}).
   */
  Optional<String> withoutStarter(String buildFiles) {
    if (application == null || starter() || mvcFilterLine(buildFiles).isPresent()) {
      return Optional.empty();
    }
    if (version.isEmpty()) {
      return Optional.of("Spring Boot application whose Boot version the pom doesn't show: "
          + "onboarded with code rewrites; if it runs on Spring Boot 2.6+ or 3.1+, prefer "
          + "io.opentelemetry.instrumentation:opentelemetry-spring-boot-starter (with the "
          + "opentelemetry-instrumentation-bom) instead");
    }
    Version v = version.get();
    if (v.major() < 2 || v.major() == 2 && v.minor() < 4) {
      return Optional.of("Spring Boot " + v + " runs Spring Framework 5.2 or older: "
          + "opentelemetry-spring-webmvc-5.3 needs 5.3 (Boot 2.4+) and "
          + "opentelemetry-spring-boot-starter Boot 2.6+, so incoming requests get no SERVER "
          + "spans in code mode and no server filter was added; upgrade Spring Boot to 2.4+ "
          + "(or 2.6+) and re-run onboard, or run with the javaagent (onboard --mode agent)");
    }
    return Optional.of("Spring Boot " + v + ": no Spring MVC server in the build "
        + "(spring-boot-starter-web), and opentelemetry-spring-boot-starter supports Spring Boot "
        + "2.6+ and 3.1+ only: incoming requests of another server framework get no SERVER spans "
        + "from onboard; upgrade Spring Boot and re-run onboard, or run with the javaagent");
  }

  /**
   * Whether the application runs on Spring Boot's default logging: Logback configured by Boot
   * itself, with no logging config file in src/main/resources, no {@code logging.config}, and
   * neither the Log4j2 starter nor an exclusion of spring-boot-starter-logging in the build.
   */
  boolean defaultLogging(Path module, String buildFiles) throws IOException {
    if (application == null || buildFiles.contains("spring-boot-starter-log4j2")
        || EXCLUDED_LOGBACK.matcher(buildFiles).find()) {
      return false;
    }
    Path resources = module.resolve("src/main/resources");
    for (String name : LOGGING_CONFIGS) {
      if (Files.exists(resources.resolve(name))) {
        return false;
      }
    }
    return !settingKeys(module).contains("logging.config");
  }

  /** Whether application.properties/yml send the log to a file as well. */
  static boolean logsToFile(Path module) throws IOException {
    return settingKeys(module).stream().anyMatch(k -> k.startsWith("logging.file")
        || k.startsWith("logging.path"));
  }

  /**
   * Whether application.properties/yml set the console pattern themselves: it then prints {@code
   * LOG_LEVEL_PATTERN} only if it says so, and spring-logging-pattern edits it where it is set.
   */
  static boolean setsOwnPattern(Path module) throws IOException {
    return settingKeys(module).contains("logging.pattern.console");
  }

  /**
   * The dotted keys application.properties, application.yml and application.yaml set, YAML
   * nesting flattened by indentation (enough to find Boot's {@code logging.*} settings).
   */
  static Set<String> settingKeys(Path module) throws IOException {
    Set<String> keys = new HashSet<>();
    Path resources = module.resolve("src/main/resources");
    ProjectFiles.read(resources.resolve("application.properties")).ifPresent(text ->
        text.lines().map(PROPERTY_KEY::matcher).filter(Matcher::find)
            .forEach(m -> keys.add(m.group(1))));
    for (String name : List.of("application.yml", "application.yaml")) {
      Optional<String> text = ProjectFiles.read(resources.resolve(name));
      if (text.isEmpty()) {
        continue;
      }
      Deque<Map.Entry<Integer, String>> path = new ArrayDeque<>();
      for (String line : text.get().lines().toList()) {
        if (line.startsWith("---")) {
          path.clear();
          continue;
        }
        Matcher m = YAML_KEY.matcher(line);
        if (!m.find()) {
          continue;
        }
        int indent = m.group(1).length();
        while (!path.isEmpty() && path.peek().getKey() >= indent) {
          path.pop();
        }
        String key = path.isEmpty() ? m.group(2) : path.peek().getValue() + "." + m.group(2);
        path.push(Map.entry(indent, key));
        keys.add(key);
      }
    }
    return keys;
  }
}
