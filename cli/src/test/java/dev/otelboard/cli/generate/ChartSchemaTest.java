package dev.otelboard.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.otelboard.cli.config.LocatedYaml;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated values against the opentelemetry-collector chart's own values.schema.json. */
class ChartSchemaTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fleet-one.yaml", "fleet-three.yaml", "../../../../../examples/otelboard-fleet.yaml"})
  void generatedValuesSatisfyTheChartSchema(String fleet) {
    ChartSchema schema = Fixtures.chartSchemaOrSkip();
    HelmValuesGenerator.Output out = new HelmValuesGenerator(Fixtures.VERSION)
        .generate(Fixtures.fleet(fleet), schema);

    assertThat(out.report().schemaChecked()).isTrue();
    assertThat(out.report().findings()).isEmpty();
  }

  @Test
  void handEditedValuesAreRejectedWithTheSchemaPathOfEachError() {
    ChartSchema schema = Fixtures.chartSchemaOrSkip();
    String text = """
        mode: daemonset
        image:
          repository: otel/opentelemetry-collector-contrib
          pullPolicy: Sometimes
        presets:
          kubernetesAttributes:
            enabled: "yes"
        ports:
          otlp:
            containerPort: 4317
        replicaCount: many
        sidecar: true
        """;
    LocatedYaml doc = LocatedYaml.parse(Path.of("values.yaml"), text);

    List<Finding> findings = schema.validate(CollectorConfigChecker.map(doc.root()));

    assertThat(findings).extracting(Finding::path, Finding::schemaPath).contains(
        tuple("image.pullPolicy", "#/properties/image/properties/pullPolicy/enum"),
        tuple("presets.kubernetesAttributes.enabled",
            "#/properties/presets/properties/kubernetesAttributes/properties/enabled/type"),
        tuple("replicaCount", "#/properties/replicaCount/type"),
        tuple("sidecar", "#/additionalProperties"));
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR));
    assertThat(doc.locate("image.pullPolicy", "x")).isEqualTo("values.yaml:4: image.pullPolicy: x");
  }

  @Test
  void schemaErrorsComeWithFileLineAndSchemaPathInTheReport() {
    ChartSchema schema = Fixtures.chartSchemaOrSkip();
    String text = new HelmValuesGenerator(Fixtures.VERSION)
        .generate(Fixtures.fleet("fleet-one.yaml"), null).values()
        .replace("mode: daemonset", "mode: sidecar");
    LocatedYaml doc = LocatedYaml.parse(Path.of("values.yaml"), text);

    ValuesCheck.Report report = ValuesCheck.check(doc, text, schema);

    assertThat(report.hasErrors()).isTrue();
    assertThat(report.describe(doc)).anySatisfy(line -> assertThat(line)
        .matches("values\\.yaml:\\d+: mode: .*\\(schema: #/properties/mode/enum\\)"));
  }
}
