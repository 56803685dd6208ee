package dev.otelboard.cli.verify;

import dev.otelboard.cli.scan.Category;
import dev.otelboard.cli.scan.CoverageForecast;
import dev.otelboard.cli.scan.CoverageForecast.Coverage;
import dev.otelboard.cli.scan.CoverageForecast.Entry;
import dev.otelboard.cli.scan.RepoScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What scan's {@link CoverageForecast} says about a service's HTTP server framework, for a verdict
 * that got no span, or no SERVER span, from it: the framework found and whether onboard covers it
 * name the cause better than a generic bootstrap hint.
 *
 * @param servers the service's HTTP server entries, uncovered ones first
 * @param springBootStarter whether onboard takes the Spring Boot starter path for it
 */
record ServerCoverage(List<Entry> servers, boolean springBootStarter) {
  private static final String STARTER = "opentelemetry-spring-boot-starter";

  ServerCoverage {
    servers = servers.stream()
        .sorted(java.util.Comparator.comparing((Entry e) -> !e.uncoveredServer()))
        .toList();
  }

  /** The forecast for the service in {@code dir}, or empty when there is none to read. */
  static Optional<ServerCoverage> of(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try {
      CoverageForecast forecast =
          CoverageForecast.of(RepoScanner.builder().build().scan(dir), dir);
      // The service's own module (the directory itself), else the first service under it.
      Optional<CoverageForecast.ServiceForecast> service = forecast.of("")
          .or(() -> forecast.services().stream().filter(s -> s.service()).findFirst());
      return service.map(s -> new ServerCoverage(
          s.entries().stream().filter(e -> e.kind().category() == Category.HTTP_SERVER).toList(),
          s.springBootStarter() || usesSpringBootStarter(dir)));
    } catch (IOException | RuntimeException e) {
      // A hint must never fail the verdict; the generic one is used instead.
      return Optional.empty();
    }
  }

  /** The first server framework onboard leaves uninstrumented. */
  Optional<Entry> uncovered() {
    return servers.stream().filter(Entry::uncoveredServer).findFirst();
  }

  /** Whether scan found an HTTP server framework at all. */
  boolean hasServer() {
    return !servers.isEmpty();
  }

  /**
   * "Spring MVC (3 Spring MVC handler site(s), first at F:12): will be instrumented by X", for
   * the first (uncovered first) server framework.
   */
  String describe() {
    Entry e = servers.get(0);
    return e.libraryName() + " (" + e.sites() + " " + e.kind().title() + " site(s), first at "
        + e.location() + "): " + (e.coverage() == Coverage.WILL_BE_INSTRUMENTED
            ? "onboard covers it with " + e.by()
            : e.coverage() == Coverage.INSTRUMENTED ? "instrumented in the code"
            : "onboard does not cover it: " + e.reason());
  }

  /** Whether {@code dir}'s pom has the OpenTelemetry Spring Boot starter (onboard's Boot path). */
  static boolean usesSpringBootStarter(Path dir) {
    try {
      Path pom = dir.resolve("pom.xml");
      return Files.isRegularFile(pom) && Files.readString(pom).contains(STARTER);
    } catch (IOException e) {
      return false;
    }
  }
}
