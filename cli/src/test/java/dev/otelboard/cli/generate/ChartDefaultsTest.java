package dev.otelboard.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.otelboard.cli.config.LocatedYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** otelboard's model of the chart's defaults must not drift from the chart it names. */
class ChartDefaultsTest {

  @Test
  void modelledDefaultsMatchTheChartsValuesYaml() throws IOException {
    boolean present = Files.isRegularFile(Fixtures.CHART_VALUES);
    if (!present) {
      System.err.println("SKIPPED chart-defaults drift check: no chart values.yaml at "
          + Fixtures.CHART_VALUES.toAbsolutePath().normalize());
    }
    assumeTrue(present, "chart values.yaml copy not found; drift check skipped");
    Map<String, Object> chart = CollectorConfigChecker.map(LocatedYaml.parse(Fixtures.CHART_VALUES,
        Files.readString(Fixtures.CHART_VALUES)).root());
    Map<String, Object> ours = CollectorConfigChecker.defaultValues();
    Map<String, Object> chartConfig = CollectorConfigChecker.map(chart.get("config"));
    Map<String, Object> ourConfig = CollectorConfigChecker.map(ours.get("config"));

    assertThat(ours.get("apiVersion")).isEqualTo(chart.get("apiVersion"));
    assertThat(ours.get("ports")).isEqualTo(chart.get("ports"));
    for (String kind : new String[] {"receivers", "processors", "exporters", "extensions"}) {
      assertThat(ourConfig.get(kind)).as(kind).isEqualTo(chartConfig.get(kind));
    }
    Map<String, Object> service = CollectorConfigChecker.map(chartConfig.get("service"));
    Map<String, Object> ourService = CollectorConfigChecker.map(ourConfig.get("service"));
    assertThat(ourService.get("pipelines")).isEqualTo(service.get("pipelines"));
    assertThat(ourService.get("extensions")).isEqualTo(service.get("extensions"));
  }

  @Test
  void theChartVersionIsTheOneOfTheSchemaCopy() throws IOException {
    var chartYaml = Fixtures.CHART_VALUES.resolveSibling("Chart.yaml");
    assumeTrue(Files.isRegularFile(chartYaml), "Chart.yaml copy not found; check skipped");

    assertThat(Files.readString(chartYaml)).contains("version: " + CollectorConfigChecker.chartVersion());
  }
}
