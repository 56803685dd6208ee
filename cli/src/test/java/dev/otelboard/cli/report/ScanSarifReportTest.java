package dev.otelboard.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.scan.Finding;
import dev.otelboard.cli.scan.FindingKind;
import dev.otelboard.cli.scan.ScanResult;
import dev.otelboard.cli.scan.Scope;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanSarifReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Finding finding(
      FindingKind kind, int line, boolean instrumented, RewriteId rewrite, String reason) {
    return new Finding(kind, "src/main/java/a/A.java", line, 5, "a.A", "run", "sym", "snippet",
        instrumented, rewrite, reason, Scope.MAIN, "");
  }

  @Test
  void rulesAreTheFindingKindsAndResultsHaveRegions() throws Exception {
    ScanResult result = new ScanResult("/repo", List.of(), List.of(),
        List.of(
            finding(FindingKind.JAVA_NET_HTTP_CLIENT, 7, false, RewriteId.WRAP_JAVA_HTTP_CLIENT,
                null),
            finding(FindingKind.NEW_THREAD, 9, true, RewriteId.WRAP_THREAD, null),
            finding(FindingKind.SERVLET, 11, false, RewriteId.MANUAL, "run the javaagent"),
            finding(FindingKind.SERVLET_FILTER, 12, false, RewriteId.NONE, "inside the span")),
        List.of(new ScanResult.ParseFailure("src/main/java/a/B.java", 3, 1, "Parse error")),
        new ScanResult.Stats(2, 2, 0, 0, 0, 1, 5));
    StringWriter out = new StringWriter();
    ScanSarifReport.write(result, "1.2.3", "file:///repo/", out);
    JsonNode sarif = MAPPER.readTree(out.toString());

    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
    JsonNode run = sarif.at("/runs/0");
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("otelboard");
    assertThat(run.at("/tool/driver/version").asText()).isEqualTo("1.2.3");
    // Every finding kind, then the two forecast rules.
    assertThat(run.at("/tool/driver/rules")).hasSize(FindingKind.values().length + 2);
    assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo("file:///repo/");

    JsonNode first = run.at("/results/0");
    assertThat(first.get("ruleId").asText()).isEqualTo("http.client.java-net-http");
    int index = first.get("ruleIndex").asInt();
    assertThat(run.at("/tool/driver/rules/" + index + "/id").asText())
        .isEqualTo("http.client.java-net-http");
    assertThat(first.get("level").asText()).isEqualTo("warning");
    assertThat(first.at("/message/text").asText())
        .contains("otelboard onboard applies wrap-java-http-client");
    JsonNode location = first.at("/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").asText()).isEqualTo("src/main/java/a/A.java");
    assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(7);
    assertThat(location.at("/region/startColumn").asInt()).isEqualTo(5);
    assertThat(first.at("/properties/rewrite").asText()).isEqualTo("wrap-java-http-client");

    assertThat(run.at("/results/1/kind").asText()).isEqualTo("pass");
    assertThat(run.at("/results/1/level").asText()).isEqualTo("none");
    assertThat(run.at("/results/2/message/text").asText()).contains("Manual: run the javaagent");
    assertThat(run.at("/results/3/level").asText()).isEqualTo("note");
    JsonNode note = run.at("/invocations/0/toolExecutionNotifications/0");
    assertThat(note.get("level").asText()).isEqualTo("error");
    assertThat(note.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
  }

  @Test
  void theForecastIsOneResultPerServiceAndLibraryAndAnUncoveredServerIsAnError() throws Exception {
    ScanResult result = new ScanResult("/repo",
        List.of(new ScanResult.Module("", "shop", "maven", "pom.xml", List.of(), List.of())),
        List.of(new ScanResult.Service("", "shop", "a.A", "src/main/java/a/A.java", false)),
        List.of(
            finding(FindingKind.JAVA_NET_HTTP_CLIENT, 7, false, RewriteId.WRAP_JAVA_HTTP_CLIENT,
                null),
            finding(FindingKind.SERVLET, 11, false, RewriteId.MANUAL, "run the javaagent"),
            finding(FindingKind.SERVLET, 30, false, RewriteId.MANUAL, "run the javaagent")),
        List.of(), new ScanResult.Stats(1, 1, 0, 0, 0, 1, 5));
    StringWriter out = new StringWriter();
    ScanSarifReport.write(result, "1.2.3", "file:///repo/", out);
    JsonNode results = MAPPER.readTree(out.toString()).at("/runs/0/results");

    List<JsonNode> forecast = new java.util.ArrayList<>();
    results.forEach(r -> {
      if (r.get("ruleId").asText().startsWith("forecast.")) {
        forecast.add(r);
      }
    });
    assertThat(forecast).hasSize(2);
    JsonNode servlet = forecast.get(0);
    assertThat(servlet.get("ruleId").asText()).isEqualTo(ScanSarifReport.FORECAST_INBOUND);
    assertThat(servlet.get("level").asText()).isEqualTo("error");
    assertThat(servlet.at("/message/text").asText())
        .isEqualTo("shop: Servlet API (Servlet, 2 site(s)): not covered: run the javaagent");
    assertThat(servlet.at("/properties/sites").asInt()).isEqualTo(2);
    JsonNode client = forecast.get(1);
    assertThat(client.get("ruleId").asText()).isEqualTo(ScanSarifReport.FORECAST_OUTBOUND);
    assertThat(client.get("kind").asText()).isEqualTo("pass");
    assertThat(client.at("/message/text").asText())
        .endsWith("will be instrumented by wrap-java-http-client");
  }
}
