package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import dev.otelboard.cli.verify.VerifyCommandTest.Run;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance runs of issue 4 on the real example services (checkout-service -> inventory-service
 * with the Smoke driver sending 20 checkouts), built from a copy of {@code examples/}:
 *
 * <ul>
 *   <li>as they are (no OpenTelemetry in them): 0 spans, exit 1, the missing pieces named;
 *   <li>with the real javaagent 2.31.1 ({@code --agent}): spans from both services, one
 *       cross-service trace per checkout, and every in-request log record of both (Logback and
 *       Log4j2) correlated, 0 orphans, exit 0.
 * </ul>
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyExamplesIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(5);
  private static final int CHECKOUTS = 20;

  @TempDir static Path temp;
  private static Path plan;

  @BeforeAll
  static void buildTheExamples() throws Exception {
    Path examples = REPO.resolve("examples");
    assumeTrue(Files.isRegularFile(examples.resolve("checkout-service/pom.xml"))
        && Files.isRegularFile(examples.resolve("inventory-service/pom.xml")), "the example services are not there yet");
    for (String service : List.of("inventory-service", "checkout-service")) {
      Path copy = copy(examples.resolve(service), temp.resolve(service));
      ProcessResult build = maven(copy);
      assertThat(build.exitCode()).as(service + " build:\n" + String.join("\n", build.tail())).isZero();
    }
    plan = temp.resolve("verify.yaml");
    Files.copy(examples.resolve("verify.yaml"), plan);
  }

  @Test
  @Order(1)
  void uninstrumentedTheExamplesSendNothingAndTheVerdictNamesTheMissingPieces() throws Exception {
    Path json = temp.resolve("plain.json");

    Run r = VerifyCommandTest.run("verify", "--plan", plan.toString(), "--quiet", "--log-dir",
        temp.resolve("plain-logs").toString(), "--report-json", json.toString());

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(Files.readString(temp.resolve("plain-logs/driver.log")))
        .contains("smoke: OK, " + CHECKOUTS + "/" + CHECKOUTS + " checkouts ok");
    assertThat(r.out()).contains(
        "inventory-service: no spans",
        "inventory-service: no log records",
        "checkout-service: no spans",
        "checkout-service: no log records",
        "rewrite log4j2-context-data",
        "rewrite logback-mdc",
        "or try `otelboard verify --agent`");
    assertThat(r.out()).containsPattern(
        "checkout-service \\(instrument-http-server, wrap-java-http-client, wrap-executor, .*logback-mdc\\)");
    assertThat(r.out()).containsPattern(
        "inventory-service \\(instrument-http-server, wrap-okhttp, .*wrap-completable-future, .*log4j2-context-data\\)");
    JsonNode v = new ObjectMapper().readTree(json.toFile());
    assertThat(v.get("totals").get("spans").asLong()).isZero();
    assertThat(v.get("totals").get("logs").asLong()).isZero();
  }

  @Test
  @Order(2)
  void withTheJavaagentBothServicesCorrelateEveryInRequestLogAndEveryCheckoutIsOneCrossServiceTrace()
      throws Exception {
    Path json = temp.resolve("agent.json");
    Path html = temp.resolve("agent.html");

    Run r = VerifyCommandTest.run("verify", "--plan", plan.toString(), "--agent", "--quiet", "--log-dir",
        temp.resolve("agent-logs").toString(), "--report-json", json.toString(), "--report-html", html.toString());

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("Verdict: PASS");
    JsonNode v = new ObjectMapper().readTree(json.toFile());
    JsonNode totals = v.get("totals");
    assertThat(totals.get("crossServiceTraces").asLong()).isEqualTo(CHECKOUTS);
    assertThat(totals.get("orphanSpans").asLong()).isZero();
    assertThat(totals.get("logCorrelation").asDouble()).isEqualTo(1.0);
    assertThat(v.get("missingServerChildren")).isEmpty();
    for (JsonNode s : v.get("services")) {
      String name = s.get("service").asText();
      assertThat(name).isIn("checkout-service", "inventory-service");
      assertThat(s.get("spans").asLong()).as(name).isGreaterThanOrEqualTo(2L * CHECKOUTS);
      // Every checkout logs in both services while its SERVER span runs.
      assertThat(s.get("inRequestLogs").asLong()).as(name).isGreaterThanOrEqualTo(3L * CHECKOUTS);
      assertThat(s.get("correlatedInRequestLogs").asLong()).as(name).isEqualTo(s.get("inRequestLogs").asLong());
    }
    assertThat(v.get("semconv")).as("the agent emits the stable HTTP conventions").isEmpty();
    assertThat(Files.readString(html)).contains("data-cross-service-traces=\"" + CHECKOUTS + "\"");
  }

  /** Builds the jar offline; online once when the local repository lacks something. */
  static ProcessResult maven(Path project) throws Exception {
    ProcessResult offline = ProcessRunner.run(
        ProcessSpec.builder(List.of("mvn", "-B", "-q", "-o", "package", "-DskipTests")).setDirectory(project).build(),
        MAVEN_TIMEOUT, Duration.ofSeconds(10));
    if (offline.exitCode() != 0 && String.join("\n", offline.tail()).contains("offline")) {
      return ProcessRunner.run(
          ProcessSpec.builder(List.of("mvn", "-B", "-q", "package", "-DskipTests")).setDirectory(project).build(),
          MAVEN_TIMEOUT, Duration.ofSeconds(10));
    }
    return offline;
  }

  /** Copies a service directory without its target/. */
  static Path copy(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(from) && dir.getFileName().toString().equals("target")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
        return FileVisitResult.CONTINUE;
      }
    });
    return to;
  }
}
