package dev.otelboard.cli.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the two facts the transform rules need from a service's source tree when its config does
 * not state them: whether its logging config writes JSON lines, and which health-check paths its
 * HTTP server registers. (A stand-in until the scan's findings can be used.)
 */
final class ServiceDetector {
  private static final Pattern JSON_ENCODER = Pattern.compile(
      "LogstashEncoder|JsonEncoder|JsonTemplateLayout|JsonLayout|EcsLayout|LoggingEventCompositeJsonEncoder");
  private static final Pattern HEALTH_PATH = Pattern.compile(
      "\"(/(?:health|healthz|healthcheck|ready|readyz|readiness|live|livez|liveness|ping)(?:/[A-Za-z0-9_-]+)*)\"");
  private static final int MAX_FILES = 2_000;

  private ServiceDetector() {}

  /** Whether a logback/log4j2 config under src/main/resources uses a JSON encoder or layout. */
  static boolean writesJsonLogs(Path serviceDir) {
    Path resources = serviceDir.resolve("src/main/resources");
    if (!Files.isDirectory(resources)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(resources, 3)) {
      return files.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("logback") || n.startsWith("log4j2");
      }).anyMatch(p -> JSON_ENCODER.matcher(read(p)).find());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Health-check paths found as string literals in src/main/java, sorted. */
  static List<String> healthCheckPaths(Path serviceDir) {
    Path sources = serviceDir.resolve("src/main/java");
    TreeSet<String> paths = new TreeSet<>();
    if (!Files.isDirectory(sources)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).limit(MAX_FILES).forEach(p -> {
        Matcher m = HEALTH_PATH.matcher(read(p));
        while (m.find()) {
          paths.add(m.group(1));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(paths);
  }

  private static String read(Path p) {
    try {
      return Optional.of(Files.readString(p)).orElse("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
