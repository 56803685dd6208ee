package dev.otelboard.cli.scan;

import dev.otelboard.cli.catalog.HttpLibraries;
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.LibraryCatalog;
import dev.otelboard.cli.catalog.LoggingLibraries;
import dev.otelboard.cli.catalog.TracingLibraries;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the scan needs from pom.xml and Gradle build files, with lines: the module's name,
 * tracing dependencies (findings) and the logging backends its dependencies bring.
 */
final class BuildFiles {
  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern GROUP = Pattern.compile("<groupId>\\s*([^<\\s]+)\\s*</groupId>");
  private static final Pattern ARTIFACT =
      Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
  private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
  private static final Pattern GRADLE_COORDINATE =
      Pattern.compile("[\"']([A-Za-z0-9_.\\-]+):([A-Za-z0-9_.\\-]+)(?::[^\"']*)?[\"']");

  /** The catalog's tracing libraries scan reports as dependencies. */
  private static final Map<Library, FindingKind> DEPENDENCY_KINDS =
      Map.of(
          TracingLibraries.OPENTELEMETRY_API, FindingKind.OTEL_DEPENDENCY,
          TracingLibraries.MICROMETER_TRACING, FindingKind.MICROMETER_TRACING,
          TracingLibraries.BRAVE, FindingKind.BRAVE,
          TracingLibraries.SLEUTH, FindingKind.SLEUTH,
          TracingLibraries.OPENTRACING, FindingKind.OPENTRACING,
          TracingLibraries.DD_TRACE, FindingKind.DATADOG);

  /** Those libraries in catalog order: the first that matches a dependency names it. */
  private static final List<Library> TRACERS =
      LibraryCatalog.all().stream().filter(DEPENDENCY_KINDS::containsKey).toList();

  /** What one build file says. */
  record BuildInfo(String name, Set<String> backends) {}

  private BuildFiles() {}

  /** Reads a pom.xml, adding tracing-dependency findings to {@code src}. */
  static BuildInfo pom(TextSource src, String directoryName) {
    String text = Snippets.withoutXmlComments(src.text);
    Set<String> backends = new TreeSet<>();
    Matcher d = DEPENDENCY.matcher(text);
    while (d.find()) {
      Matcher g = GROUP.matcher(d.group(1));
      Matcher a = ARTIFACT.matcher(d.group(1));
      if (!a.find()) {
        continue;
      }
      String group = g.find() ? g.group(1) : "";
      String artifact = a.group(1);
      dependency(src, group, artifact, d.start(1) + a.start(), backends);
    }
    return new BuildInfo(artifactId(text, directoryName), backends);
  }

  /** Reads a Gradle build file: a Gradle finding, tracing dependencies, backends. */
  static BuildInfo gradle(TextSource src, String directoryName) {
    Set<String> backends = new TreeSet<>();
    if (src.name.startsWith("build.gradle")) {
      src.addAt(FindingKind.GRADLE_BUILD, -1, src.name, false, RewriteId.MANUAL,
          "Gradle builds are detected but not edited yet: onboard edits pom.xml only; add the "
              + "OpenTelemetry dependencies by hand");
    }
    int offset = 0;
    for (String line : src.text.split("\n", -1)) {
      if (!line.strip().startsWith("//")) {
        Matcher m = GRADLE_COORDINATE.matcher(line);
        while (m.find()) {
          dependency(src, m.group(1), m.group(2), offset + m.start(), backends);
        }
      }
      offset += line.length() + 1;
    }
    return new BuildInfo(directoryName, backends);
  }

  private static void dependency(
      TextSource src, String group, String artifact, int offset, Set<String> backends) {
    String coordinate = group + ":" + artifact;
    if (matchesArtifact(LoggingLibraries.LOGBACK, artifact)) {
      backends.add(LoggingDetector.LOGBACK);
    } else if (matchesArtifact(LoggingLibraries.LOG4J2, artifact)) {
      backends.add(LoggingDetector.LOG4J2);
    } else if (HttpLibraries.SPRING_BOOT.matches(group, artifact) && !artifact.contains("test")) {
      backends.add(SPRING_BOOT_DEFAULT);
    }
    FindingKind kind = tracingKind(group, artifact);
    if (kind == null) {
      return;
    }
    if (kind == FindingKind.OTEL_DEPENDENCY) {
      src.addAt(kind, offset, coordinate, true, RewriteId.NONE,
          "OpenTelemetry is already a dependency");
    } else if (kind == FindingKind.MICROMETER_TRACING) {
      src.addAt(kind, offset, coordinate, true, RewriteId.MANUAL,
          "another tracer (" + kind.title() + ") is a dependency: onboarding adds OpenTelemetry "
              + "next to it; decide which one stays, or bridge it");
    } else {
      src.addAt(kind, offset, coordinate, true, RewriteId.MANUAL, kind.title() + " is a"
          + " dependency: onboard removes it when no code uses it (--keep-vendor-deps keeps it); "
          + TracingDetector.migration(kind));
    }
  }

  /** Marker for "a Spring Boot starter: Logback unless the Log4j 2 starter replaces it". */
  static final String SPRING_BOOT_DEFAULT = "spring-boot-default";

  /** A logging backend is recognized by its artifactId alone. */
  private static boolean matchesArtifact(Library backend, String artifact) {
    return backend.coordinates().stream().anyMatch(c -> c.matchesArtifact(artifact));
  }

  private static FindingKind tracingKind(String group, String artifact) {
    String g = group.toLowerCase(Locale.ROOT);
    for (Library library : TRACERS) {
      if (library.matches(g, artifact)) {
        return DEPENDENCY_KINDS.get(library);
      }
    }
    return null;
  }

  private static String artifactId(String pom, String fallback) {
    String text = PARENT.matcher(pom).replaceFirst("");
    Matcher a = ARTIFACT.matcher(text);
    if (!a.find()) {
      return fallback;
    }
    List<Integer> ends = new ArrayList<>();
    for (String section : new String[] {"<dependencies", "<dependencyManagement", "<build",
        "<profiles"}) {
      int i = text.indexOf(section);
      if (i >= 0) {
        ends.add(i);
      }
    }
    int end = ends.stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
    return a.start() < end ? a.group(1) : fallback;
  }
}
