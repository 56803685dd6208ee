package dev.otelboard.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.report.html.Reports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictJsonTest {
  @TempDir Path temp;

  @Test
  void theVerdictFieldsAreAtTheTopWithTheCorrelationFiguresAndPorts() throws Exception {
    Path file = temp.resolve("v.json");
    VerdictJson.write(Reports.sample(3), file);

    JsonNode v = new ObjectMapper().readTree(file.toFile());
    assertThat(v.get("passed").asBoolean()).isFalse();
    assertThat(v.get("failures").get(0).asText()).startsWith("checkout: in-request log correlation");
    assertThat(v.get("services").get(1).get("logCorrelation").asDouble()).isEqualTo(1.0);
    assertThat(v.get("offenders").get(0).get("rewrites").get(0).asText()).isEqualTo("wrap-thread");
    assertThat(v.get("semconv").get(0).get("example").get("attributes").get("http.method").asText()).isEqualTo("POST");
    assertThat(v.get("capturedTraces").asInt()).isEqualTo(3);
    assertThat(v.get("ports").get("checkout").asInt()).isEqualTo(20001);
    assertThat(v.get("runFailure").isNull()).isTrue();
    assertThat(v.get("correlation").get("crossServiceTraces").asLong()).isEqualTo(3);
  }
}
