package dev.otelboard.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.check.CheckItem.Outcome;
import dev.otelboard.cli.scan.RepoScanner;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checks a scan turns into, and baselines, on in-memory repos. */
class CheckerTest {
  private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
  private final Path root = fs.getPath("/repo");

  private Path file(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private CheckResult check(FailOn failOn) throws IOException {
    return Checker.builder().setScanner(RepoScanner.builder().setThreads(1).build())
        .setFailOn(failOn).build().check(root);
  }

  private static final String CLIENTS = """
      package a;

      import java.net.http.HttpClient;

      class Clients {
        HttpClient first() {
          return HttpClient.newHttpClient();
        }

        HttpClient second() {
          HttpClient.Builder builder = HttpClient.newBuilder();
          return builder.build();
        }
      }
      """;

  @Test
  void manualFindingsWarnUnlessFailOnManual() throws IOException {
    file("src/main/java/a/Clients.java", CLIENTS);

    CheckResult lenient = check(FailOn.UNINSTRUMENTED);
    assertThat(lenient.items()).extracting(CheckItem::outcome)
        .containsExactly(Outcome.FAILED, Outcome.WARNING);
    assertThat(lenient.items().get(1).message()).startsWith(
        "manual: http.client.java-net-http at src/main/java/a/Clients.java:11 — the builder is built elsewhere");

    CheckResult strict = check(FailOn.MANUAL);
    assertThat(strict.items()).extracting(CheckItem::outcome)
        .containsExactly(Outcome.FAILED, Outcome.FAILED);
  }

  @Test
  void testCodeIsNotChecked() throws IOException {
    file("src/test/java/a/Clients.java", CLIENTS);

    CheckResult r = check(FailOn.MANUAL);

    assertThat(r.items()).isEmpty();
    assertThat(r.testFindings()).isEqualTo(2);
    assertThat(r.failed()).isFalse();
  }

  @Test
  void fingerprintsIgnoreLinesButNotTheEnclosingMethod() throws IOException {
    file("src/main/java/a/Clients.java", CLIENTS);
    String before = check(FailOn.UNINSTRUMENTED).items().get(0).fingerprint();

    file("src/main/java/a/Clients.java", CLIENTS.replace("class Clients {", "class Clients {\n\n  // moved\n"));
    assertThat(check(FailOn.UNINSTRUMENTED).items().get(0).fingerprint()).isEqualTo(before);

    file("src/main/java/a/Clients.java", CLIENTS.replace("HttpClient first()", "HttpClient renamed()"));
    assertThat(check(FailOn.UNINSTRUMENTED).items().get(0).fingerprint()).isNotEqualTo(before);
  }

  @Test
  void aBaselineCountsOccurrencesSoACopyOfAnAcceptedLineIsNew() throws IOException {
    String one = """
        package a;

        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Executors;

        class Pools {
          void start() {
            ExecutorService p = Executors.newFixedThreadPool(4);
          }
        }
        """;
    file("src/main/java/a/Pools.java", one);
    Baseline baseline = Baseline.of(check(FailOn.UNINSTRUMENTED), "b.json");
    assertThat(baseline.size()).isEqualTo(1);

    file("src/main/java/a/Pools.java", one.replace("void start() {\n",
        "void start() {\n    {\n      ExecutorService p = Executors.newFixedThreadPool(4);\n    }\n"));
    CheckResult r = baseline.apply(check(FailOn.UNINSTRUMENTED));

    assertThat(r.items()).extracting(CheckItem::outcome)
        .containsExactly(Outcome.BASELINED, Outcome.FAILED);
    assertThat(r.failed()).isTrue();
  }

  @Test
  void aBaselineRoundTripsAndReportsEntriesThatNoLongerOccur() throws IOException {
    file("src/main/java/a/Clients.java", CLIENTS);
    Path saved = root.resolve("baseline.json");
    Baseline.of(check(FailOn.UNINSTRUMENTED), saved.toString()).write(saved);
    String text = Files.readString(saved);
    Baseline.of(check(FailOn.UNINSTRUMENTED), saved.toString()).write(saved);
    assertThat(Files.readString(saved)).as("regenerating changes nothing").isEqualTo(text);

    file("src/main/java/a/Clients.java", CLIENTS.replace("return HttpClient.newHttpClient();",
        "return Adapter.wrap(HttpClient.newHttpClient());"));
    CheckResult r = Baseline.read(saved).apply(check(FailOn.UNINSTRUMENTED));

    assertThat(r.items()).extracting(CheckItem::outcome)
        .containsExactly(Outcome.PASSED, Outcome.BASELINED);
    assertThat(r.staleBaselineEntries()).isEqualTo(1);
    assertThat(CheckReports.text(r)).contains("1 entry no longer occur");
  }

  @Test
  void aFileThatIsNotABaselineIsBadInput() throws IOException {
    Path bad = file("b.json", "{\"findings\": []}");
    assertThatThrownBy(() -> Baseline.read(bad))
        .isInstanceOfSatisfying(OtelboardException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageContaining("not an otelboard check baseline");
    Path broken = file("c.json", "{\n  \"schema\": \n");
    assertThatThrownBy(() -> Baseline.read(broken)).hasMessageStartingWith("/repo/c.json:3: not JSON");
  }

  @Test
  void classesOtelboardGeneratedAreNotChecked() throws IOException {
    file("src/main/java/a/OtelBootstrap.java", """
        // Generated by otelboard 0.1.0; re-run otelboard onboard to update.
        package a;

        class OtelBootstrap {
          static void init() {
            new Thread(() -> {}, "otel-exporter").start();
          }
        }
        """);

    CheckResult r = check(FailOn.MANUAL);

    assertThat(r.items()).isEmpty();
    assertThat(r.generatedFindings()).isEqualTo(1);
  }

  @Test
  void aServiceWhoseServerFrameworkOnboardWillNotCoverFailsTheCheck() throws IOException {
    file("src/main/java/a/Main.java", """
        package a;

        import javax.ws.rs.GET;

        public class Main {
          public static void main(String[] args) {}

          @GET
          public String orders() { return "[]"; }
        }
        """);

    CheckResult result = check(FailOn.UNINSTRUMENTED);

    boolean manual = dev.otelboard.cli.catalog.HttpLibraries.JAXRS.onboarding().isManual();
    assertThat(result.items().stream().filter(i -> i.ruleId().equals(Checker.SERVER_NOT_COVERED)))
        .hasSize(manual ? 1 : 0)
        .allSatisfy(i -> {
          assertThat(i.outcome()).isEqualTo(Outcome.FAILED);
          assertThat(i.category()).isEqualTo(CheckCategory.HTTP_SERVER);
          assertThat(i.location()).isEqualTo("src/main/java/a/Main.java:9");
          assertThat(i.message()).startsWith("server framework not covered: repo serves JAX-RS"
              + " resources (1 JAX-RS resource method site(s), first at"
              + " src/main/java/a/Main.java:9) and onboard will not instrument it");
        });
    assertThat(result.items().stream().anyMatch(CheckItem::fails)).isEqualTo(manual);

    file("otelboard.yaml", "service_name: repo\nmode: agent\n");
    assertThat(check(FailOn.UNINSTRUMENTED).items())
        .noneMatch(i -> i.ruleId().equals(Checker.SERVER_NOT_COVERED));
  }
}
