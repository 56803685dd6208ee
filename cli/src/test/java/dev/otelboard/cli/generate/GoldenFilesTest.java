package dev.otelboard.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.fleet.Fleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated files compared byte for byte with checked-in golden files. After an intended change,
 * regenerate them with {@code -Dotelboard.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {
  private static final boolean UPDATE = Boolean.getBoolean("otelboard.updateGolden");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"one", "three"})
  void valuesMatchTheGoldenFile(String fleetName) throws IOException {
    Fleet fleet = Fixtures.fleet("fleet-" + fleetName + ".yaml");
    HelmValuesGenerator.Output out = new HelmValuesGenerator(Fixtures.VERSION).generate(fleet, null);

    assertThat(out.report().findings()).isEmpty();
    assertGolden(fleetName + "-values.yaml", out.values());
    for (Map.Entry<String, String> env : out.agentEnvs().entrySet()) {
      assertGolden(fleetName + "-" + env.getKey(), env.getValue());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"one", "three"})
  void transformRulesMatchTheGoldenFile(String fleetName) throws IOException {
    Fleet fleet = Fixtures.fleet("fleet-" + fleetName + ".yaml");
    TransformGenerator.Output out = new TransformGenerator(Fixtures.VERSION).generate(fleet);

    assertThat(out.findings()).isEmpty();
    assertGolden(fleetName + "-transform.yaml", out.text());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"one", "three"})
  void generatingTwiceGivesTheSameBytes(String fleetName) {
    Fleet fleet = Fixtures.fleet("fleet-" + fleetName + ".yaml");
    HelmValuesGenerator generator = new HelmValuesGenerator(Fixtures.VERSION);

    assertThat(generator.generate(fleet, null).values())
        .isEqualTo(generator.generate(Fixtures.fleet("fleet-" + fleetName + ".yaml"), null).values());
  }

  static void assertGolden(String name, String actual) throws IOException {
    Path golden = Fixtures.resource("golden").resolve(name);
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
    }
    assertThat(golden).as("golden file %s (run with -Dotelboard.updateGolden=true to create)", golden)
        .exists();
    assertThat(actual).as(name).isEqualTo(Files.readString(golden));
  }
}
