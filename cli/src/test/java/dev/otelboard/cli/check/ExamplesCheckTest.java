package dev.otelboard.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** check on the examples: failing as they are, passing once onboarded. */
class ExamplesCheckTest {
  private static final Path CHECKOUT = Path.of("../examples/checkout-service");

  @TempDir Path tmp;

  @Test
  void theUninstrumentedCheckoutServiceFailsWithTheRewritesOnboardApplies() throws Exception {
    Path sarif = tmp.resolve("checkout.sarif");
    Cli.Run r = Cli.run("check", CHECKOUT.toString(), "--sarif", sarif.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out())
        .contains("FAILED (14 failing checks)")
        .contains("FAIL uninstrumented call site: http.client.java-net-http at"
            + " src/main/java/com/example/checkout/inventory/InventoryClient.java:27 — run"
            + " `otelboard onboard` (rewrite wrap-java-http-client)")
        .contains("FAIL uninstrumented call site: http.server.jdk-httpserver at"
            + " src/main/java/com/example/checkout/CheckoutServer.java:43")
        .contains("4 finding(s) in test code are not checked")
        .doesNotContain("src/test/");
    TreeSet<String> rewrites = new TreeSet<>();
    for (JsonNode result : new ObjectMapper().readTree(sarif.toFile()).get("runs").get(0).get("results")) {
      rewrites.add(result.get("properties").get("rewrite").asText());
    }
    // The shutdown hook's new Thread is not a check: it runs at exit, outside any request.
    assertThat(rewrites).containsExactly("instrument-http-server", "logback-mdc",
        "wrap-executor", "wrap-java-http-client");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "checkout-service,  7, 2, 3, 2",
    "inventory-service, 8, 1, 4, 2"
  })
  void anOnboardedExamplePasses(String example, int logging, int clients, int servers, int async) {
    Path copy = Cli.copy(CHECKOUT.resolveSibling(example), tmp.resolve(example));
    Cli.Run onboard = Cli.run("onboard", copy.toString());
    assertThat(onboard.exitCode()).as(onboard.err()).isEqualTo(ExitCode.OK);

    Cli.Run r = Cli.run("check", copy.toString());

    assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains(": passed")
        .containsPattern("logging\\s+" + logging + "\\s+0\\s")
        .containsPattern("http-client\\s+" + clients + "\\s+0\\s")
        .containsPattern("http-server\\s+" + servers + "\\s+0\\s")
        .containsPattern("async\\s+" + async + "\\s+0\\s")
        // The generated bootstrap's only thread is its shutdown hook, which is not a check.
        .doesNotContain("classes otelboard generated");
  }
}
