package dev.otelboard.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.config.LocatedYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The checks of the rendered collector config that the chart schema cannot express. */
class CollectorConfigCheckerTest {

  private static List<Finding> checkEdited(UnaryOperator<String> edit) {
    String text = edit.apply(new HelmValuesGenerator(Fixtures.VERSION)
        .generate(Fixtures.fleet("fleet-one.yaml"), null).values());
    return CollectorConfigChecker.check(values(text));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> values(String text) {
    return (Map<String, Object>) LocatedYaml.parse(Path.of("values.yaml"), text).root();
  }

  @Test
  void generatedConfigPassesEveryCheck() {
    assertThat(checkEdited(t -> t)).isEmpty();
  }

  @Test
  void anExporterAPipelineReferencesMustBeDefined() {
    List<Finding> findings = checkEdited(t -> t.replace("          - otlp_http/honeycomb\n",
        "          - otlp_http/honeycomb\n          - otlp_grpc/jaeger\n"));

    assertThat(findings).extracting(Finding::toString).contains(
        "config.service.pipelines.logs.exporters[2]: exporter \"otlp_grpc/jaeger\" is not defined under config.exporters");
  }

  @Test
  void aDefinedComponentNoPipelineUsesIsReported() {
    List<Finding> findings = checkEdited(t -> t.replace("  processors:\n    memory_limiter:",
        "  processors:\n    attributes/unused: {}\n    memory_limiter:"));

    assertThat(findings).extracting(Finding::path).containsExactly("config.processors.attributes/unused");
  }

  @Test
  void chartDefaultsThatAreNotSwitchedOffCountAsUnused() {
    List<Finding> findings = checkEdited(t -> t.replace("    zipkin: null\n", ""));

    assertThat(findings).extracting(Finding::path).contains("config.receivers.zipkin");
  }

  @Test
  void aReceiverMustListenOnAPortTheChartExposes() {
    List<Finding> findings = checkEdited(t -> t.replace("${env:MY_POD_IP}:4318", "${env:MY_POD_IP}:4319"));

    assertThat(findings).extracting(Finding::toString).contains(
        "config.receivers.otlp.protocols.http.endpoint: receiver otlp listens on port 4319 but no"
            + " enabled entry under ports: has containerPort 4319",
        "ports.otlp-http: port 4318 is exposed but no receiver listens on it; set"
            + " ports.otlp-http.enabled: false");
  }

  @Test
  void anExposedPortWithoutAReceiverIsReported() {
    List<Finding> findings = checkEdited(t -> t.replace("  zipkin:\n    enabled: false",
        "  zipkin:\n    enabled: true\n    containerPort: 9411"));

    assertThat(findings).extracting(Finding::path).containsExactly("ports.zipkin");
  }

  @Test
  void healthCheckExtensionIsRequired() {
    List<Finding> findings = checkEdited(t -> t.replace("    extensions:\n      - health_check\n",
        "    extensions: []\n"));

    assertThat(findings).extracting(Finding::toString).contains(
        "config.service.extensions: the chart requires health_check (its probes call port 13133)");
  }

  @Test
  void anInlinedApiKeyIsAnError() {
    List<Finding> findings = checkEdited(t -> t.replace("key: ${env:DD_API_KEY}",
        "key: 3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e"));

    assertThat(findings).extracting(Finding::path).contains("config.exporters.datadog.api.key");
  }

  @Test
  void invalidOttlInAHandEditedTransformIsReportedWithPathAndColumn() {
    List<Finding> findings = checkEdited(t -> t.replace(
        "'merge_maps(log.attributes, ParseJSON(log.body), \"insert\")",
        "'merge_maps(log.attributes, ParseJSON(log.body), \"insrt\")"));

    assertThat(findings).extracting(Finding::toString).containsExactly(
        "config.processors.transform/checkout-service.log_statements[1].statements[0]: column 49:"
            + " argument \"strategy\" of merge_maps must be one of \"insert\", \"update\", \"upsert\","
            + " got \"insrt\"");
  }

  @Test
  void presetsAndRenamesAreAppliedLikeTheChart() {
    Map<String, Object> config = CollectorConfigChecker.effectiveConfig(values("""
        mode: daemonset
        presets:
          kubernetesAttributes: {enabled: true}
          logsCollection: {enabled: true}
        config:
          processors:
            k8sattributes/custom: {}
        """));

    Map<String, Object> pipelines = CollectorConfigChecker.map(
        CollectorConfigChecker.map(config.get("service")).get("pipelines"));
    assertThat(CollectorConfigChecker.map(config.get("processors")))
        .containsKeys("k8s_attributes", "k8s_attributes/custom").doesNotContainKey("k8sattributes");
    assertThat(CollectorConfigChecker.strings(CollectorConfigChecker.map(pipelines.get("logs"))
        .get("receivers"))).containsExactly("otlp", "file_log");
    assertThat(CollectorConfigChecker.strings(CollectorConfigChecker.map(pipelines.get("traces"))
        .get("processors"))).startsWith("k8s_attributes");
  }
}
