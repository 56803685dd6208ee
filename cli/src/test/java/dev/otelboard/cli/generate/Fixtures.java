package dev.otelboard.cli.generate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.otelboard.cli.fleet.Fleet;
import dev.otelboard.cli.fleet.FleetReader;
import dev.otelboard.cli.interop.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared inputs of the generate tests. */
final class Fixtures {
  /** The version stamped into golden files, so they do not change with each release. */
  static final String VERSION = "0.0.0-test";
  /** The chart's schema, kept beside the repository (never copied into it). */
  static final Path CHART_SCHEMA = ReferenceTools.sharedHelmData().resolve("values.schema.json");
  /** The chart's values.yaml, beside the schema. */
  static final Path CHART_VALUES = ReferenceTools.sharedHelmData().resolve("values.yaml");

  private Fixtures() {}

  static Path resource(String name) {
    return Path.of("src/test/resources/generate").resolve(name);
  }

  static Fleet fleet(String name) {
    return FleetReader.read(resource(name));
  }

  /** The chart schema, or the test is skipped with a message saying why. */
  static ChartSchema chartSchemaOrSkip() {
    boolean present = Files.isRegularFile(CHART_SCHEMA);
    if (!present) {
      System.err.println("SKIPPED chart-schema check: no copy of values.schema.json at "
          + CHART_SCHEMA.toAbsolutePath().normalize());
    }
    assumeTrue(present, "chart schema copy not found at " + CHART_SCHEMA.toAbsolutePath().normalize()
        + "; schema check skipped");
    return ChartSchema.load(CHART_SCHEMA);
  }
}
