package dev.otelboard.cli.onboard;

import static dev.otelboard.cli.onboard.ProjectFiles.read;

import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.LibraryCatalog;
import dev.otelboard.cli.catalog.LibraryCategory;
import dev.otelboard.cli.catalog.TracingLibraries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a tracer a module already has (a vendor's, or a hand-built OpenTelemetry SDK), in its pom
 * or imports: onboard adds no second one.
 */
final class ExistingTracers {
  /**
   * Packages onboard did not look for before the catalog (Datadog's OpenTracing tracer):
   * refusing on them is a change of its own, not part of moving the tables.
   */
  private static final Set<String> NOT_EXISTING_TRACING = Set.of("datadog.opentracing.");

  /**
   * Import prefixes (also looked for in the pom) of libraries whose presence means the service is
   * traced by something else already: the catalog's vendor tracers and a hand-built SDK.
   */
  private static final Map<String, Library> EXISTING_TRACING = existingTracingMarkers();

  /**
   * Artifacts (by a part of their artifactId, whatever the groupId) that bring a tracer, for
   * poms. Looser than the catalog's coordinates on purpose, which are scan's (com.datadoghq:*
   * would also catch the DogStatsD metrics client here, io.zipkin.brave*:* would miss
   * zipkin-reporter-brave).
   */
  private static final List<Map.Entry<String, Library>> TRACING_ARTIFACTS =
      List.of(
          Map.entry("micrometer-tracing-bridge-otel", TracingLibraries.MICROMETER_TRACING_OTEL),
          Map.entry("opentelemetry-opentracing-shim", TracingLibraries.OPENTRACING_SHIM),
          Map.entry("micrometer-tracing", TracingLibraries.MICROMETER_TRACING),
          Map.entry("sleuth", TracingLibraries.SLEUTH),
          Map.entry("opentracing", TracingLibraries.OPENTRACING),
          Map.entry("dd-trace", TracingLibraries.DD_TRACE),
          Map.entry("newrelic-api", TracingLibraries.NEW_RELIC),
          Map.entry("apm-agent-api", TracingLibraries.ELASTIC_APM),
          Map.entry("brave", TracingLibraries.BRAVE));

  private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>\\s*([^<\\s]+)");

  private ExistingTracers() {}

  static Library existingTracing(List<Path> javaFiles, String pom) throws IOException {
    Matcher artifacts = ARTIFACT_ID.matcher(pom);
    while (artifacts.find()) {
      for (Map.Entry<String, Library> e : TRACING_ARTIFACTS) {
        if (artifacts.group(1).contains(e.getKey())) {
          return e.getValue();
        }
      }
    }
    for (Map.Entry<String, Library> e : EXISTING_TRACING.entrySet()) {
      String marker = e.getKey();
      if (pom.contains(marker.endsWith(".") ? marker.substring(0, marker.length() - 1) + "<"
          : marker)) {
        return e.getValue();
      }
    }
    for (Path file : javaFiles) {
      String text = read(file).orElse("");
      if (text.startsWith(GeneratedSources.STAMP_PREFIX)) {
        continue;
      }
      for (Map.Entry<String, Library> e : EXISTING_TRACING.entrySet()) {
        if (text.contains("import " + e.getKey())) {
          return e.getValue();
        }
      }
    }
    return null;
  }

  private static Map<String, Library> existingTracingMarkers() {
    Map<String, Library> markers = new LinkedHashMap<>();
    for (Library tracer : LibraryCatalog.inCategory(LibraryCategory.VENDOR_TRACER)) {
      for (String p : tracer.packages()) {
        if (NOT_EXISTING_TRACING.contains(p)) {
          continue;
        }
        // Without its trailing dot a package also names its groupIds in a pom
        // (io.opentracing.contrib); a one-word package keeps it: "brave." must end a groupId.
        boolean oneWord = p.indexOf('.') == p.length() - 1;
        markers.put(p.endsWith(".") && !oneWord ? p.substring(0, p.length() - 1) : p, tracer);
      }
    }
    // The SDK's entry point, not its package: using parts of the SDK is no second tracer.
    Library sdk = TracingLibraries.OPENTELEMETRY_SDK;
    markers.put(sdk.type("OpenTelemetrySdk"), sdk);
    return markers;
  }

  /** How the manual item names a tracer found in the service. */
  static String tracerName(Library tracer) {
    return tracer == TracingLibraries.OPENTELEMETRY_SDK ? "a hand-built " + tracer.name()
        : tracer.name();
  }
}
