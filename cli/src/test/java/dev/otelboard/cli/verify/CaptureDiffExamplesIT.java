package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.verify.VerifyCommandTest.Run;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's acceptance on the real examples: the original services run with the javaagent and
 * onboarded copies run as built, both captured by one {@code verify --plan ONBOARDED --compare-agent
 * ORIGINAL --capture code.jsonl}, and {@code otelboard diff} shows what code mode does not produce
 * while no HTTP SERVER or CLIENT group is lost. Then a deliberately broken onboarded checkout-service (the
 * inventory client and the confirmation executor as they were before onboarding) shows exactly
 * those losses, ranked first, and exits 1.
 *
 * <p>Builds are shared: each tree (original, onboarded) is built by one Maven run over both
 * services, and the broken copy is the onboarded jar with two classes recompiled from the original
 * sources, no third Maven build.
 */
@Tag("integration")
class CaptureDiffExamplesIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> SERVICES = List.of("inventory-service", "checkout-service");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static Path agentCapture;
  private static Path codeCapture;

  @BeforeAll
  static void captureTheAgentAndTheCodeRuns() throws Exception {
    Path examples = REPO.resolve("examples");
    assumeTrue(Files.isRegularFile(examples.resolve("checkout-service/pom.xml")), "no examples");
    Path original = tree(examples, "original", false);
    Path onboarded = tree(examples, "onboarded", true);

    // One command runs both: the original build with the javaagent, then the onboarded one as built.
    codeCapture = temp.resolve("captures/code.jsonl");
    agentCapture = temp.resolve("captures/code.agent.jsonl");
    Run r = VerifyCommandTest.run("verify", "--plan", onboarded.resolve("verify.yaml").toString(),
        "--compare-agent", original.resolve("verify.yaml").toString(), "--quiet",
        "--log-dir", temp.resolve("logs").toString(), "--capture", codeCapture.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("Verdict: PASS").contains("Compared with " + original.resolve("verify.yaml")
        + " under the javaagent (A = agent, B = this build):", "Diff: PASS");
    assertThat(agentCapture).isNotEmptyFile();
    assertThat(codeCapture).isNotEmptyFile();
  }

  @Test
  void compareAgentRefusesAnOnboardedBase() {
    Path onboardedPlan = temp.resolve("onboarded/verify.yaml");

    Run r = VerifyCommandTest.run("verify", "--plan", onboardedPlan.toString(), "--compare-agent", onboardedPlan.toString());

    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("inventory-service already has an OpenTelemetry SDK", "two tracers in one process");
  }

  /** Copies both services (onboarding them when asked) and the plan, and builds them in one Maven run. */
  private static Path tree(Path examples, String name, boolean onboard) throws Exception {
    Path root = Files.createDirectories(temp.resolve(name));
    for (String service : SERVICES) {
      Path copy = VerifyExamplesIT.copy(examples.resolve(service), root.resolve(service));
      if (onboard) {
        Run r = VerifyCommandTest.run("onboard", copy.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
      }
    }
    Files.writeString(root.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>it.otelboard</groupId><artifactId>examples</artifactId><version>1</version>
          <packaging>pom</packaging>
          <modules><module>inventory-service</module><module>checkout-service</module></modules>
        </project>
        """);
    ProcessResult build = VerifyExamplesIT.maven(root);
    assertThat(build.exitCode()).as(name + " build:\n" + String.join("\n", build.tail())).isZero();
    Files.copy(examples.resolve("verify.yaml"), root.resolve("verify.yaml"));
    return root;
  }

  @Test
  void codeModeLosesNoHttpGroupAndTheDiffListsWhatOnlyTheAgentProduces() throws IOException {
    Path html = temp.resolve("agent-vs-code.html");

    Run text = VerifyCommandTest.run("diff", agentCapture.toString(), codeCapture.toString(), "--limit", "0",
        "--report-html", html.toString());
    Run json = VerifyCommandTest.run("diff", agentCapture.toString(), codeCapture.toString(), "--format", "json");

    assertThat(text.code()).as(text.out() + text.err()).isEqualTo(ExitCode.OK);
    JsonNode d = JSON.readTree(json.out());
    assertThat(d.path("a").path("mode").asText()).isEqualTo("agent");
    assertThat(d.path("b").path("mode").asText()).isEqualTo("code");
    assertThat(d.path("lostGroups").asInt()).isZero();
    List<String> lost = new ArrayList<>();
    d.path("lost").forEach(c -> lost.add(c.path("category").asText() + " " + c.path("subject").asText()));
    assertThat(lost).as("no service, span group or propagation lost").noneMatch(c ->
        c.startsWith("service ") || c.startsWith("span-group ") || c.startsWith("propagation "));
    // Every HTTP group of the agent run is in the code run, with the same counts.
    for (JsonNode service : d.path("services")) {
      for (JsonNode g : service.path("groups")) {
        String label = g.path("label").asText();
        if (label.startsWith("SERVER ") || label.startsWith("CLIENT ")) {
          assertThat(g.path("b").isNull()).as(service.path("service").asText() + " " + label).isFalse();
        }
      }
    }
    // What the agent adds that code mode intentionally leaves out: thread details on every span,
    // its OkHttp instrumentation's peer address, and its resource detectors.
    assertThat(lost).contains("attribute thread.id, thread.name", "attribute network.peer.address, network.peer.port");
    assertThat(lost).anyMatch(c -> c.startsWith("resource ") && c.contains("host.name") && c.contains("process.pid")
        && c.contains("telemetry.distro.name"));
    assertThat(text.out()).contains("Diff: PASS", "What B lost (", "[attribute] checkout-service, inventory-service"
        + "  thread.id, thread.name", "[attribute] inventory-service  network.peer.address, network.peer.port\n"
        + "      on A's spans, not on B's, in inventory-service: CLIENT GET /pricing/{id} 2xx");
    assertThat(Files.readString(html)).contains("data-passed=\"true\"", "data-state=\"both\"");
  }

  @Test
  void aBrokenCopyShowsTheUninstrumentedClientAndTheUnwrappedExecutorFirstAndExitsOne() throws Exception {
    Path broken = brokenTree();
    Path capture = temp.resolve("captures/broken.jsonl");
    Run run = VerifyCommandTest.run("verify", "--plan", broken.resolve("verify.yaml").toString(), "--quiet",
        "--log-dir", temp.resolve("logs-broken").toString(), "--capture", capture.toString());
    assertThat(Files.size(capture)).as(run.out() + run.err()).isPositive();

    Run json = VerifyCommandTest.run("diff", codeCapture.toString(), capture.toString(), "--format", "json");
    Run text = VerifyCommandTest.run("diff", codeCapture.toString(), capture.toString());

    assertThat(json.code()).as(text.out()).isEqualTo(ExitCode.CHECK_FAILED);
    JsonNode lost = JSON.readTree(json.out()).path("lost");
    assertThat(lost.get(0).path("category").asText()).isEqualTo("span-group");
    assertThat(lost.get(0).path("services").get(0).asText()).isEqualTo("checkout-service");
    assertThat(lost.get(0).path("subject").asText()).isEqualTo("CLIENT POST /reserve 2xx");
    List<String> rest = new ArrayList<>();
    for (int i = 1; i < lost.size(); i++) {
      rest.add(lost.get(i).path("category").asText() + " " + lost.get(i).path("services").get(0).asText() + " "
          + lost.get(i).path("subject").asText());
    }
    // Ranked last, message templates may differ by a shutdown line that raced the exporter's flush.
    rest.removeIf(c -> c.startsWith("log-template "));
    assertThat(rest).as("only what the two breaks explain").allMatch(c ->
        c.equals("propagation inventory-service SERVER POST /reserve 2xx")
            || c.endsWith(" traces with other services")
            || c.equals("log-correlation checkout-service com.example.checkout.order.ConfirmationSender"));
    assertThat(rest).contains("propagation inventory-service SERVER POST /reserve 2xx",
        "log-correlation checkout-service com.example.checkout.order.ConfirmationSender");
    assertThat(text.out()).contains("Diff: FAIL", "   1. [span-group] checkout-service  CLIENT POST /reserve 2xx",
        "B lost 1 span group(s); --max-lost-groups allows 0",
        "inventory-service: SERVER POST /reserve 2xx continues the calling service's trace 100% in A, 0% in B");
  }

  /**
   * The onboarded services, except that checkout-service's InventoryClient and ConfirmationSender
   * are the original ones: compiled against the onboarded jar and put into a copy of it.
   */
  private static Path brokenTree() throws Exception {
    Path root = Files.createDirectories(temp.resolve("broken"));
    Path onboarded = temp.resolve("onboarded");
    Path checkout = Files.createDirectories(root.resolve("checkout-service/target"));
    Files.copy(onboarded.resolve("checkout-service/otelboard.yaml"), checkout.resolveSibling("otelboard.yaml"));
    Path jar = checkout.resolve("checkout-service.jar");
    Files.copy(onboarded.resolve("checkout-service/target/checkout-service.jar"), jar);
    Path classes = Files.createDirectories(temp.resolve("broken-classes"));
    Path sources = REPO.resolve("examples/checkout-service/src/main/java/com/example/checkout");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled = javac.run(null, null, null, "-d", classes.toString(), "-cp", jar.toString(), "--release", "17",
        sources.resolve("inventory/InventoryClient.java").toString(),
        sources.resolve("order/ConfirmationSender.java").toString());
    assertThat(compiled).isZero();
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, zip.getPath("/" + classes.relativize(f)), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(root.resolve("verify.yaml"), Files.readString(REPO.resolve("examples/verify.yaml"))
        .replace("dir: inventory-service", "dir: ../onboarded/inventory-service"));
    return root;
  }
}
