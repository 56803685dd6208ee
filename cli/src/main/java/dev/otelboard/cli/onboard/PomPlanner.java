package dev.otelboard.cli.onboard;

import static dev.otelboard.cli.onboard.OnboardService.INSTRUMENTATION_VERSION;
import static dev.otelboard.cli.onboard.OnboardService.OPENTELEMETRY_VERSION;
import static dev.otelboard.cli.onboard.OnboardService.STARTER_OPENTELEMETRY_VERSION;
import static dev.otelboard.cli.onboard.ProjectFiles.read;

import dev.otelboard.cli.buildfile.MavenDependency;
import dev.otelboard.cli.buildfile.PomEditor;
import dev.otelboard.cli.catalog.HttpLibraries;
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.LoggingLibraries;
import dev.otelboard.cli.catalog.MessagingLibraries;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.Instrumentation;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The pom part of a plan: the version properties, the BOM imports and the dependencies. */
final class PomPlanner {
  static final String OTEL_GROUP = "io.opentelemetry";
  static final String INSTRUMENTATION_GROUP = "io.opentelemetry.instrumentation";

  private final PlanDraft draft;
  private boolean starterBom;

  PomPlanner(PlanDraft draft) {
    this.draft = draft;
  }

  /**
   * Makes every later version edit the Spring Boot starter's: its opentelemetry-java release and
   * the instrumentation BOM (a multi-module root pom is edited after its modules).
   */
  void useStarterBom() {
    starterBom = true;
  }

  void editPom(Path pom, List<MavenDependency> dependencies, boolean versions,
      boolean moduleDependencies) throws IOException {
    String before = draft.edits().containsKey(draft.relative(pom))
        ? draft.edits().get(draft.relative(pom)).after()
        : read(pom).orElseThrow();
    String original = draft.edits().containsKey(draft.relative(pom))
        ? draft.edits().get(draft.relative(pom)).before()
        : before;
    try {
      PomEditor editor = PomEditor.of(before);
      Set<String> declared = editor.declaredKeys();
      boolean starter = starterBom || dependencies.stream().anyMatch(
          instrumentation(HttpLibraries.SPRING_BOOT)::contains);
      if (versions) {
        // Spring Boot manages io.opentelemetry through this same property; the starter needs the
        // opentelemetry-java release its instrumentation version was built on.
        editor.addProperty("opentelemetry.version",
            starter ? STARTER_OPENTELEMETRY_VERSION : OPENTELEMETRY_VERSION);
        editor.addProperty("opentelemetry-instrumentation.version", INSTRUMENTATION_VERSION);
        editor.importBom(MavenDependency.bom(OTEL_GROUP, "opentelemetry-bom",
            "${opentelemetry.version}"));
        editor.importBom(MavenDependency.bom(OTEL_GROUP, "opentelemetry-bom-alpha",
            "${opentelemetry.version}-alpha"));
        editor.importBom(MavenDependency.bom(INSTRUMENTATION_GROUP,
            "opentelemetry-instrumentation-bom-alpha",
            "${opentelemetry-instrumentation.version}-alpha"));
        if (starter) {
          editor.importBom(MavenDependency.bom(INSTRUMENTATION_GROUP,
              "opentelemetry-instrumentation-bom", "${opentelemetry-instrumentation.version}"));
        }
      }
      if (moduleDependencies) {
        for (MavenDependency dependency : dependencies) {
          if (!declared.contains(dependency.key())) {
            editor.addDependency(dependency);
          }
        }
      }
      for (PomEditor.Edit e : editor.edits()) {
        draft.changes().add(new Change(draft.relative(pom), e.line(), PomEditor.ID, e.what()));
      }
      if (!editor.text().equals(before)) {
        draft.edit(pom, original, editor.text());
      }
    } catch (XmlParseException e) {
      draft.blockers().add(new ManualItem(draft.relative(pom), e.line(), RewriteId.PARSE,
          "not well-formed XML: " + e.getMessage()));
    }
  }

  List<MavenDependency> dependencies(
      Set<Instrumentation> needs, LoggingFrameworks logging) {
    List<MavenDependency> list = new ArrayList<>();
    list.add(MavenDependency.managed(OTEL_GROUP, "opentelemetry-api"));
    list.add(MavenDependency.managed(OTEL_GROUP, "opentelemetry-sdk-extension-autoconfigure"));
    // The JDK sender keeps OkHttp 5 (and Kotlin) off the service's classpath.
    list.add(MavenDependency.managed(OTEL_GROUP, "opentelemetry-exporter-otlp")
        .excluding(OTEL_GROUP + ":opentelemetry-exporter-sender-okhttp"));
    list.add(MavenDependency.runtime(OTEL_GROUP, "opentelemetry-exporter-sender-jdk"));
    if (needs.contains(Instrumentation.HTTP_CLIENT_ADAPTER)
        || needs.contains(Instrumentation.HTTP_SERVER_ADAPTER)
        || needs.contains(Instrumentation.OKHTTP_ADAPTER)
        || needs.contains(Instrumentation.APACHE_HTTPCLIENT_4_ADAPTER)
        || needs.contains(Instrumentation.SERVLET_FILTER)
        || needs.contains(Instrumentation.HTTP_CLIENT5_ADAPTER)) {
      list.add(MavenDependency.managed(INSTRUMENTATION_GROUP,
          "opentelemetry-instrumentation-api"));
    }
    if (needs.contains(Instrumentation.HTTP_CLIENT_LIBRARY)) {
      list.addAll(instrumentation(HttpLibraries.JAVA_HTTP_CLIENT));
    }
    if (needs.contains(Instrumentation.KAFKA)) {
      list.addAll(instrumentation(MessagingLibraries.KAFKA_CLIENTS));
    }
    if (needs.contains(Instrumentation.SPRING_WEB)) {
      list.addAll(instrumentation(HttpLibraries.SPRING_WEB));
    }
    for (MavenDependency dependency : loggingDependencies(logging)) {
      // The bootstrap's Dropwizard method builds the MDC appender itself: compile scope.
      boolean mdc = dependency.artifactId().equals("opentelemetry-logback-mdc-1.0");
      list.add(mdc && logging.dropwizard()
          ? MavenDependency.managed(dependency.groupId(), dependency.artifactId()) : dependency);
    }
    return list;
  }

  /** The catalog's pom artifacts for a library, versions managed by the BOMs. */
  static List<MavenDependency> instrumentation(Library library) {
    return library.onboarding().artifacts().stream()
        .map(a -> a.runtime() ? MavenDependency.runtime(a.groupId(), a.artifactId())
            : MavenDependency.managed(a.groupId(), a.artifactId()))
        .toList();
  }

  /** The logging instrumentation artifacts for the module's logging frameworks. */
  static List<MavenDependency> loggingDependencies(LoggingFrameworks logging) {
    List<MavenDependency> list = new ArrayList<>();
    if (logging.logback()) {
      list.addAll(instrumentation(LoggingLibraries.LOGBACK));
    }
    if (logging.log4j2()) {
      list.addAll(instrumentation(LoggingLibraries.LOG4J2));
    }
    return list;
  }

  /**
   * What a Spring Boot starter module's pom gets: the starter, the JDK sender, {@code extra}, the
   * logging instrumentation and, on Boot's Logback, the MDC appender the starter wraps Boot's
   * appenders with.
   */
  static List<MavenDependency> starterDependencies(LoggingFrameworks logging,
      boolean bootLogback, List<MavenDependency> extra) {
    List<MavenDependency> dependencies = new ArrayList<>();
    // OkHttp 5 comes with the starter (its default OTLP sender, the AWS/Azure resource
    // providers). Boot's RestTemplateBuilder then picks OkHttp for the application's own
    // clients, and on Boot 2.x it fails for want of a newer Kotlin: the JDK sender instead, as
    // in SDK mode.
    dependencies.add(MavenDependency.managed(INSTRUMENTATION_GROUP,
            "opentelemetry-spring-boot-starter")
        .excluding(OTEL_GROUP + ":opentelemetry-exporter-sender-okhttp")
        .excluding("com.squareup.okhttp3:*"));
    dependencies.add(MavenDependency.runtime(OTEL_GROUP, "opentelemetry-exporter-sender-jdk"));
    dependencies.addAll(extra);
    dependencies.addAll(loggingDependencies(logging));
    MavenDependency mdc = instrumentation(LoggingLibraries.LOGBACK).stream()
        .filter(d -> d.scope().equals("runtime")).findFirst().orElseThrow();
    if (bootLogback && !dependencies.contains(mdc)) {
      // The starter wraps Boot's Logback appenders with the MDC appender when it is present.
      dependencies.add(mdc);
    }
    return dependencies;
  }
}
