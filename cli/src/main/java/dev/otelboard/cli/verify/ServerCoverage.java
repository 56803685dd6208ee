package dev.otelboard.cli.verify;

import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.scan.Category;
import dev.otelboard.cli.scan.Finding;
import dev.otelboard.cli.scan.FindingKind;
import dev.otelboard.cli.scan.RepoScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What scan says about a service's inbound entry points, for a verdict that got no span from it:
 * the server framework code-mode onboarding does not instrument, when there is one, names the
 * cause better than a generic bootstrap hint.
 */
final class ServerCoverage {
  private static final String STARTER = "opentelemetry-spring-boot-starter";

  private ServerCoverage() {}

  /** The first server entry point in {@code dir}'s main sources that onboard leaves uninstrumented. */
  static Optional<Finding> uncovered(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    boolean starter = usesSpringBootStarter(dir);
    try {
      return RepoScanner.builder().build().scan(dir).mainFindings().stream()
          .filter(f -> f.kind().category() == Category.HTTP_SERVER && !f.instrumented())
          .filter(f -> f.rewrite() == RewriteId.MANUAL || f.rewrite() == RewriteId.NONE)
          // The starter instruments Spring MVC and WebFlux itself.
          .filter(f -> !(starter && (f.kind() == FindingKind.SPRING_MVC
              || f.kind() == FindingKind.SPRING_WEBFLUX)))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      // A hint must never fail the verdict; the generic one is used instead.
      return Optional.empty();
    }
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
