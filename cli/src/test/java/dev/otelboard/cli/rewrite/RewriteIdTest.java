package dev.otelboard.cli.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.buildfile.PomEditor;
import dev.otelboard.cli.logconfig.DropwizardLogFormatEditor;
import dev.otelboard.cli.logconfig.Log4j2ConfigEditor;
import dev.otelboard.cli.logconfig.Log4j2PropertiesEditor;
import dev.otelboard.cli.logconfig.LogbackConfigEditor;
import dev.otelboard.cli.logconfig.SpringLoggingPatternEditor;
import dev.otelboard.cli.migrate.DatadogAgentStart;
import dev.otelboard.cli.migrate.MicrometerBridge;
import dev.otelboard.cli.logconfig.VendorLogKeys;
import dev.otelboard.cli.migrate.VendorDependencies;
import dev.otelboard.cli.scan.Finding;
import dev.otelboard.cli.scan.FindingKind;
import dev.otelboard.cli.scan.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one list of rewrite ids, tied to the classes that declare them and to the docs. */
class RewriteIdTest {
  private static final Path DOCS = Path.of("../docs");

  /**
   * Onboard steps that OnboardService makes itself rather than through a rewrite class or editor:
   * the generated sources, the Spring Boot starter, otelboard.yaml and the JUL handler.
   */
  private static final Set<RewriteId> ONBOARD_STEPS =
      Set.of(RewriteId.GENERATE, RewriteId.SPRING_BOOT_STARTER, RewriteId.OTELBOARD_CONFIG,
          RewriteId.JUL_LOG_CORRELATION);

  /** Each automated id and the classes that declare it. */
  private static Map<RewriteId, Set<String>> declarers() {
    Map<RewriteId, Set<String>> declared = new EnumMap<>(RewriteId.class);
    Stream.of(Rewrites.sdkMode(), Rewrites.springBootStarter(), Rewrites.outsideSpringBootStarter(),
            Rewrites.springBootWithoutStarter(true))
        .flatMap(List::stream)
        .forEach(r -> declare(declared, r.id(), r.getClass()));
    declare(declared, LogbackConfigEditor.ID, LogbackConfigEditor.class);
    declare(declared, Log4j2ConfigEditor.ID, Log4j2ConfigEditor.class);
    declare(declared, Log4j2PropertiesEditor.ID, Log4j2PropertiesEditor.class);
    declare(declared, SpringLoggingPatternEditor.ID, SpringLoggingPatternEditor.class);
    declare(declared, DropwizardLogFormatEditor.ID, DropwizardLogFormatEditor.class);
    declare(declared, MicrometerBridge.ID, MicrometerBridge.class);
    declare(declared, DatadogAgentStart.ID, DatadogAgentStart.class);
    declare(declared, PomEditor.ID, PomEditor.class);
    declare(declared, RegisterWebXmlFilter.ID, RegisterWebXmlFilter.class);
    declare(declared, VendorDependencies.ID, VendorDependencies.class);
    declare(declared, VendorLogKeys.ID, VendorLogKeys.class);
    return declared;
  }

  private static void declare(Map<RewriteId, Set<String>> declared, RewriteId id, Class<?> by) {
    declared.computeIfAbsent(id, k -> new TreeSet<>()).add(by.getSimpleName());
  }

  @Test
  void theWireSpellingsAreTheReleasedOnes() {
    Map<RewriteId, String> spelled = new EnumMap<>(RewriteId.class);
    for (RewriteId id : RewriteId.values()) {
      spelled.put(id, id.id());
    }
    assertThat(spelled.values())
        .containsExactly(
            "wrap-java-http-client",
            "instrument-http-server",
            "wrap-okhttp",
            "instrument-spring-web",
            "instrument-spring-mvc",
            "decorate-async-tasks",
            "wrap-apache-httpclient5",
            "register-dropwizard-filter",
            "register-jetty-filter",
            "register-tomcat-filter",
            "register-web-xml-filter",
            "wrap-kafka-client",
            "wrap-executor",
            "wrap-completable-future",
            "wrap-thread",
            "wrap-apache-httpclient-4",
            "attach-dropwizard-log-appenders",
            "migrate-jul-to-slf4j",
            "migrate-jcl-to-slf4j",
            "migrate-log4j1-to-slf4j",
            "migrate-system-out-to-slf4j",
            "parameterize-log-message",
            "init-bootstrap",
            "logback-mdc",
            "log4j2-context-data",
            "spring-logging-pattern",
            "spring-boot-starter",
            "pom",
            "generate",
            "otelboard-config",
            "dropwizard-logging",
            "jul-log-correlation",
            "migrate-datadog-trace",
            "migrate-datadog-correlation-ids",
            "migrate-opentracing",
            "migrate-brave",
            "migrate-datadog-agent",
            "micrometer-bridge",
            "vendor-dependency",
            "vendor-log-keys",
            "existing-tracing",
            "parse",
            "manual",
            "none");
    assertThat(spelled.values()).allMatch(s -> s.matches("[a-z0-9]+(-[a-z0-9]+)*"));
  }

  @Test
  void everyIdAScanFindingCanCarryIsDeclaredByARewriteOrHasAManualReason() {
    Map<RewriteId, Set<String>> declared = declarers();
    for (RewriteId id : RewriteId.values()) {
      if (id.onScanFindings()) {
        assertThat(declared.containsKey(id) || ONBOARD_STEPS.contains(id)
                || id.manualReason().isPresent())
            .as("%s: a finding names it, so a rewrite class must declare it or it must say why"
                + " none does", id.id())
            .isTrue();
      }
    }
  }

  @Test
  void anIdHasEitherAnAutomatedRewriteOrAManualReasonNeverBoth() {
    Map<RewriteId, Set<String>> declared = declarers();
    for (RewriteId id : RewriteId.values()) {
      boolean automated = declared.containsKey(id) || ONBOARD_STEPS.contains(id);
      assertThat(id.manualReason().isPresent())
          .as("%s (declared by %s)", id.id(), declared.getOrDefault(id, Set.of()))
          .isNotEqualTo(automated);
      id.manualReason().ifPresent(reason -> assertThat(reason).matches("(manual|none): .+"));
    }
    assertThat(ONBOARD_STEPS).allMatch(id -> !declared.containsKey(id));
  }

  @Test
  void aFindingRefusesAnIdOnlyOnboardReports() {
    assertThatThrownBy(
            () ->
                new Finding(FindingKind.NEW_THREAD, "A.java", 1, 1, null, null, "sym", "", false,
                    RewriteId.POM, null, Scope.MAIN, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pom");
  }

  @Test
  void theScanSchemaListsExactlyTheIdsFindingsCarry() throws Exception {
    String description =
        new ObjectMapper()
            .readTree(Files.readString(DOCS.resolve("scan-schema.json")))
            .at("/$defs/finding/properties/rewrite/description")
            .asText();
    Matcher list = Pattern.compile("\\(([^)]*)\\)").matcher(description);
    assertThat(list.find()).as(description).isTrue();
    Set<String> documented = new TreeSet<>(Arrays.asList(list.group(1).split(",\\s*")));
    Matcher or = Pattern.compile("\\bor (\\w+)").matcher(description.substring(list.end()));
    while (or.find()) {
      documented.add(or.group(1));
    }

    assertThat(documented)
        .isEqualTo(ids(Arrays.stream(RewriteId.values()).filter(RewriteId::onScanFindings)));
  }

  @Test
  void docsOnboardMdHasARowForEveryIdOnboardReportsAndNoOther() throws Exception {
    Map<String, Boolean> rows = onboardMdRows();

    assertThat(rows.keySet())
        .isEqualTo(ids(Arrays.stream(RewriteId.values()).filter(RewriteId::inOnboardSummary)));
    for (RewriteId id : RewriteId.values()) {
      if (id.inOnboardSummary()) {
        assertThat(rows.get(id.id()))
            .as("%s is marked (manual) in docs/onboard.md exactly when it has a manual reason",
                id.id())
            .isEqualTo(id.manualReason().isPresent());
      }
    }
  }

  /** The ids of docs/onboard.md's rewrite table, each with whether its row says (manual). */
  private static Map<String, Boolean> onboardMdRows() throws Exception {
    String doc = Files.readString(DOCS.resolve("onboard.md"));
    String table = doc.substring(doc.indexOf("## Rewrites"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("| id |")));
    Map<String, Boolean> rows = new TreeMap<>();
    Pattern id = Pattern.compile("`([a-z0-9-]+)`");
    for (String row : table.lines().filter(l -> l.startsWith("| `")).toList()) {
      String[] cells = row.split("\\|");
      Matcher m = id.matcher(cells[1]);
      while (m.find()) {
        rows.put(m.group(1), cells[2].strip().startsWith("(manual)"));
      }
    }
    assertThat(rows).as("rows of the table in docs/onboard.md").isNotEmpty();
    return rows;
  }

  private static Set<String> ids(Stream<RewriteId> ids) {
    return ids.map(RewriteId::id).collect(Collectors.toCollection(TreeSet::new));
  }
}
