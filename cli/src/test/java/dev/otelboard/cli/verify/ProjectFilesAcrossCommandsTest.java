package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-offs between commands through the real command line: the otelboard.yaml onboard writes
 * is the one generate and verify read, with the same service name; a refused onboard writes nothing.
 */
class ProjectFilesAcrossCommandsTest {
  private static final Path MINI_CHECKOUT = Path.of("src/test/resources/onboard/mini-checkout");

  @TempDir Path tmp;

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A copy of mini-checkout in a directory whose name is not the service's name. */
  private Path copy() throws IOException {
    Path dir = tmp.resolve("checkout-copy-dir");
    try (Stream<Path> walk = Files.walk(MINI_CHECKOUT)) {
      for (Path p : walk.toList()) {
        Path target = dir.resolve(MINI_CHECKOUT.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return dir;
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  @Test
  void theServiceNameOnboardWritesIsTheOneGenerateAndVerifyUse() throws IOException {
    Path service = copy();

    Run onboard = run("onboard", "--force", service.toString());
    assertThat(onboard.exitCode()).as(onboard.err()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(service.resolve("otelboard.yaml"))).contains("service_name: mini-checkout");

    Run generate = run("generate", "transform", "--service", service.toString());
    assertThat(generate.exitCode()).as(generate.err()).isEqualTo(ExitCode.OK);
    String rules = Files.readString(service.resolve("deploy/otel/transform.yaml"));
    assertThat(rules)
        .contains("transform/mini-checkout:")
        .contains("resource.attributes[\"service.name\"] == \"mini-checkout\"")
        .doesNotContain("checkout-copy-dir");
    assertThat(ServiceSettings.of(service).serviceName(service)).isEqualTo("mini-checkout");
  }

  @Test
  void aGenerateBlockIsReadByGenerateAndAcceptedByOnboardAndVerify() throws IOException {
    Path service = copy();
    Files.writeString(service.resolve("otelboard.yaml"), """
        service_name: shop-checkout
        mode: sdk
        verify:
          min_log_correlation: 0.95
        generate:
          namespace: shop
          healthCheckPaths: [/ping]
        """);

    Run onboard = run("onboard", "--force", "--dry-run", service.toString());
    Run generate = run("generate", "transform", "--service", service.toString());

    assertThat(onboard.exitCode()).as(onboard.err()).isEqualTo(ExitCode.OK);
    assertThat(generate.exitCode()).as(generate.err()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(service.resolve("deploy/otel/transform.yaml")))
        .contains("transform/shop-checkout:", "\"shop\"", "/ping");
    ServiceSettings settings = ServiceSettings.of(service);
    assertThat(settings.serviceName(service)).isEqualTo("shop-checkout");
    assertThat(settings.config().orElseThrow().verify().minLogCorrelation()).isEqualTo(0.95);
  }

  @Test
  void switchingModeKeepsEveryOtherLineOfTheFile() throws IOException {
    Path service = copy();
    String yaml = """
        # ours
        service_name: shop-checkout
        mode: sdk   # sdk | agent
        generate:
          namespace: shop   # kept
        """;
    Files.writeString(service.resolve("otelboard.yaml"), yaml);

    Run onboard = run("onboard", "--force", "--mode", "agent", service.toString());

    assertThat(onboard.exitCode()).as(onboard.err()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(service.resolve("otelboard.yaml")))
        .isEqualTo(yaml.replace("mode: sdk", "mode: agent"));
  }

  @Test
  void aBrokenPomLeavesTheWholeTreeByteIdenticalAndNamesTheLine() throws IOException {
    Path service = copy();
    Path pom = service.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("</dependencies>", ""));
    Map<String, String> before = tree(service);

    Run onboard = run("onboard", "--force", service.toString());

    assertThat(onboard.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(onboard.err()).containsPattern("pom\\.xml:\\d+ ").contains("nothing was written");
    assertThat(tree(service)).isEqualTo(before);
  }

  @Test
  void aMisspeltKeyStopsOnboardWithFileLineAndDidYouMean() throws IOException {
    Path service = copy();
    Files.writeString(service.resolve("otelboard.yaml"), "service_name: a\nmoed: sdk\n");

    Run onboard = run("onboard", "--force", service.toString());

    assertThat(onboard.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(onboard.err()).contains("otelboard.yaml:2: ").contains("moed: unknown key (did you mean mode?)");
  }
}
