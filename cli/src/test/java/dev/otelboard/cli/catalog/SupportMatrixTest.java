package dev.otelboard.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/onboard.md's support matrix against the catalog. After changing the catalog, regenerate
 * the table with {@code -Dotelboard.updateGolden=true} and review the diff.
 */
class SupportMatrixTest {
  private static final Path DOC = Path.of("../docs/onboard.md");
  private static final boolean UPDATE = Boolean.getBoolean("otelboard.updateGolden");

  @Test
  void docsOnboardShowsWhatTheCatalogGenerates() throws IOException {
    String doc = Files.readString(DOC);
    if (UPDATE) {
      doc = SupportMatrix.render(doc);
      Files.writeString(DOC, doc);
    }
    assertThat(SupportMatrix.current(doc))
        .as("docs/onboard.md's support matrix differs from the library catalog; regenerate it: "
            + "mvn -B -o -q test -pl collector-runtime,cli -Dtest=SupportMatrixTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dotelboard.updateGolden=true")
        .isEqualTo(SupportMatrix.table());
  }

  @Test
  void oneRowPerLibraryAfterTheHeader() {
    assertThat(SupportMatrix.table().lines())
        .hasSize(2 + LibraryCatalog.all().size())
        .first()
        .isEqualTo("| library | kind | found in code by | found in the build by "
            + "| what onboard does |");
  }

  @Test
  void rowsSayHowTheLibraryIsFoundAndWhatOnboardDoes() {
    assertThat(SupportMatrix.table().lines())
        .contains("| Logback | logging | `ch.qos.logback.classic`: Logger "
            + "| `ch.qos.logback:logback-classic`, "
            + "`org.springframework.boot:spring-boot-starter-logging` "
            + "| `logback-mdc` adds `opentelemetry-logback-appender-1.0`, "
            + "`opentelemetry-logback-mdc-1.0` (runtime): logback.xml patterns print "
            + "trace_id/span_id, the MDC appender fills them, the OpenTelemetry appender exports "
            + "the records |")
        .contains("| Embedded Jetty (servlets) | HTTP server | `org.eclipse.jetty.servlet`, "
            + "`org.eclipse.jetty.ee10.servlet`, `org.eclipse.jetty.ee9.servlet`, "
            + "`org.eclipse.jetty.ee8.servlet`: ServletContextHandler "
            + "| `org.eclipse.jetty:jetty-servlet`, `org.eclipse.jetty.ee10:jetty-ee10-servlet`, "
            + "`org.eclipse.jetty.ee9:jetty-ee9-servlet`, `org.eclipse.jetty.ee8:jetty-ee8-servlet` "
            + "| `register-jetty-filter`: the generated OtelServletFilter (javax or jakarta) is "
            + "added to each ServletContextHandler where it is created |")
        .contains("| Brave/Zipkin | vendor tracer | imports of `brave` | `io.zipkin.brave*:*` "
            + "| manual: onboard moves Brave spans to the OpenTelemetry API (migrate-brave) and "
            + "removes Brave; what it can't move is listed by file:line (keep B3 headers with "
            + "OTEL_PROPAGATORS=tracecontext,b3multi while peers still use them) |");
  }

  @Test
  void typesAreGroupedByPackageWithLombokAnnotationsMarked() {
    assertThat(SupportMatrix.table().lines())
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

    String rendered = SupportMatrix.render(doc);

    assertThat(rendered)
        .startsWith("# title\n\n" + SupportMatrix.BEGIN + "\n| library |")
        .endsWith("|\n" + SupportMatrix.END + "\n\nafter\n");
    assertThat(SupportMatrix.current(rendered)).isEqualTo(SupportMatrix.table());
    assertThat(SupportMatrix.render(rendered)).isEqualTo(rendered);
  }

  @Test
  void aDocumentWithoutMarkersIsAnError() {
    assertThatThrownBy(() -> SupportMatrix.render("# no table here\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no support matrix markers");
  }
}
