package dev.otelboard.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.scan.RepoScanner;
import dev.otelboard.cli.scan.ScanResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/onboard.md's support matrix against the catalog and the runtime fixtures. After changing
 * the catalog or a fixture, regenerate the table with {@code -Dotelboard.updateGolden=true} and
 * review the diff.
 */
class SupportMatrixTest {
  private static final Path DOC = Path.of("../docs/onboard.md");
  /** The shapes FrameworkMatrixIT runs: each directory with a verify.yaml. */
  private static final Path FIXTURES = Path.of("../examples/matrix");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+([\\w.]+);");
  private static final boolean UPDATE = Boolean.getBoolean("otelboard.updateGolden");
  private static final Map<String, List<String>> VERIFIED_BY = verifiedBy();

  /**
   * Which fixtures verify each library (by id): the catalog libraries of what the real scanner
   * finds in the service code of each fixture service (a subdirectory with a pom.xml), plus the
   * catalog types its entry point imports (the framework: Spring Boot, Dropwizard, embedded Jetty).
   */
  private static Map<String, List<String>> verifiedBy() {
    Map<String, Set<String>> fixtures = new TreeMap<>();
    for (Path shape : directories(FIXTURES, "verify.yaml")) {
      for (Path service : directories(shape, "pom.xml")) {
        ScanResult scan = scan(service);
        Stream<Library> found = Stream.concat(
            scan.mainFindings().stream().flatMap(f -> f.library().stream()),
            scan.services().stream().flatMap(s -> imports(service.resolve(s.file())))
                .flatMap(i -> LibraryCatalog.byType(i).stream()));
        found.forEach(l -> fixtures.computeIfAbsent(l.id(), i -> new TreeSet<>())
            .add(shape.getFileName().toString()));
      }
    }
    Map<String, List<String>> out = new TreeMap<>();
    fixtures.forEach((id, names) -> out.put(id, List.copyOf(names)));
    return out;
  }

  private static ScanResult scan(Path service) {
    try {
      return RepoScanner.builder().setThreads(1).build().scan(service);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> directories(Path parent, String holding) {
    try (Stream<Path> children = Files.list(parent)) {
      return children.filter(d -> Files.isRegularFile(d.resolve(holding))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<String> imports(Path javaFile) {
    try {
      return IMPORT.matcher(Files.readString(javaFile)).results().map(m -> m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void docsOnboardShowsWhatTheCatalogGenerates() throws IOException {
    String doc = Files.readString(DOC);
    if (UPDATE) {
      doc = SupportMatrix.render(doc, VERIFIED_BY);
      Files.writeString(DOC, doc);
    }
    assertThat(SupportMatrix.current(doc))
        .as("docs/onboard.md's support matrix differs from the library catalog; regenerate it: "
            + "mvn -B -o -q test -pl collector-runtime,cli -Dtest=SupportMatrixTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dotelboard.updateGolden=true")
        .isEqualTo(SupportMatrix.table(VERIFIED_BY));
  }

  @Test
  void oneRowPerLibraryAfterTheHeader() {
    assertThat(SupportMatrix.table(VERIFIED_BY).lines())
        .hasSize(2 + LibraryCatalog.all().size())
        .first()
        .isEqualTo("| library | kind | found in code by | found in the build by "
            + "| what onboard does | verified by fixture |");
  }

  @Test
  void rowsSayHowTheLibraryIsFoundWhatOnboardDoesAndWhichFixtureVerifiesIt() {
    assertThat(SupportMatrix.table(VERIFIED_BY).lines())
        .contains("| Logback | logging | `ch.qos.logback.classic`: Logger "
            + "| `ch.qos.logback:logback-classic`, "
            + "`org.springframework.boot:spring-boot-starter-logging` "
            + "| `logback-mdc` adds `opentelemetry-logback-appender-1.0`, "
            + "`opentelemetry-logback-mdc-1.0` (runtime): logback.xml patterns print "
            + "trace_id/span_id, the MDC appender fills them, the OpenTelemetry appender exports "
            + "the records | boot3-mvc, datadog-style, opentracing-style, sleuth-style |")
        .contains("| Embedded Jetty (servlets) | HTTP server | `org.eclipse.jetty.servlet`, "
            + "`org.eclipse.jetty.ee10.servlet`, `org.eclipse.jetty.ee9.servlet`, "
            + "`org.eclipse.jetty.ee8.servlet`: ServletContextHandler "
            + "| `org.eclipse.jetty:jetty-servlet`, `org.eclipse.jetty.ee10:jetty-ee10-servlet`, "
            + "`org.eclipse.jetty.ee9:jetty-ee9-servlet`, `org.eclipse.jetty.ee8:jetty-ee8-servlet` "
            + "| `register-jetty-filter`: the generated OtelServletFilter (javax or jakarta) is "
            + "added to each ServletContextHandler where it is created | jetty-jul |")
        .contains("| Brave/Zipkin | vendor tracer | imports of `brave` | `io.zipkin.brave*:*` "
            + "| manual: onboard moves Brave spans to the OpenTelemetry API (migrate-brave) and "
            + "removes Brave; what it can't move is listed by file:line (keep B3 headers with "
            + "OTEL_PROPAGATORS=tracecontext,b3multi while peers still use them) | sleuth-style |")
        .anyMatch(l -> l.startsWith("| Kafka clients |") && l.endsWith(" | — |"));
  }

  @Test
  void typesAreGroupedByPackageWithLombokAnnotationsMarked() {
    assertThat(SupportMatrix.table(VERIFIED_BY).lines())
        .anyMatch(l -> l.startsWith("| Log4j 2 | logging | `org.apache.logging.log4j`: Logger, "
            + "LogManager, Level; `org.apache.logging.log4j.core`: Logger; "
            + "`lombok.extern.log4j`: @Log4j2 | "))
        .anyMatch(l -> l.startsWith("| Helidon | HTTP server | `io.helidon.webserver`: Routing, "
            + "Routing.Builder, Routing.Rules; `io.helidon.webserver.http`: HttpRouting, "
            + "HttpRouting.Builder, HttpRules | "));
  }

  @Test
  void renderReplacesOnlyWhatIsBetweenTheMarkers() {
    String doc = "# title\n\n" + SupportMatrix.BEGIN + "\n| old |\n" + SupportMatrix.END
        + "\n\nafter\n";

    String rendered = SupportMatrix.render(doc, VERIFIED_BY);

    assertThat(rendered)
        .startsWith("# title\n\n" + SupportMatrix.BEGIN + "\n| library |")
        .endsWith("|\n" + SupportMatrix.END + "\n\nafter\n");
    assertThat(SupportMatrix.current(rendered)).isEqualTo(SupportMatrix.table(VERIFIED_BY));
    assertThat(SupportMatrix.render(rendered, VERIFIED_BY)).isEqualTo(rendered);
  }

  @Test
  void aDocumentWithoutMarkersIsAnError() {
    assertThatThrownBy(() -> SupportMatrix.render("# no table here\n", VERIFIED_BY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no support matrix markers");
  }
}
