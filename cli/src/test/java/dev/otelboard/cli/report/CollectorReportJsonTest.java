package dev.otelboard.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.collector.CollectorReport;
import dev.otelboard.collector.EmbeddedCollector;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A spans-only run through the real SDK exporter and collector scores no log: n/a, not 100%. */
class CollectorReportJsonTest {
  @Test
  void aSpansOnlyRunReportsCorrelationAsNotApplicable() throws Exception {
    EmbeddedCollector collector =
        EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(0).start();
    SdkTracerProvider tracing = SdkTracerProvider.builder()
        .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "spans")))
        .addSpanProcessor(SimpleSpanProcessor.create(
            OtlpGrpcSpanExporter.builder().setEndpoint(collector.grpcEndpoint()).build()))
        .build();
    for (int i = 0; i < 3; i++) {
      tracing.get("t").spanBuilder("GET /x").setSpanKind(SpanKind.SERVER).startSpan().end();
    }
    tracing.shutdown().join(10, TimeUnit.SECONDS);
    collector.close();
    CollectorReport report = collector.report();

    JsonNode json = new ObjectMapper().readTree(CollectorReportJson.toJson(report));
    assertThat(json.at("/correlation/spans").asLong()).isEqualTo(3);
    assertThat(json.at("/correlation/inRequestCorrelation").isNull()).isTrue();
    assertThat(json.at("/correlation/services/0/inRequestCorrelation").isNull()).isTrue();
    assertThat(json.get("wrongProtocols")).isEmpty();

    StringWriter text = new StringWriter();
    CollectorReportText.write(report, new PrintWriter(text));
    assertThat(text.toString())
        .contains("in-request logs correlated: n/a")
        .containsPattern("spans +3 +0 +0 +n/a +0")
        .doesNotContain("100.0%");
  }
}
