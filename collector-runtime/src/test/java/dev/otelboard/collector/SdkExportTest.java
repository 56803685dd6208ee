package dev.otelboard.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.collector.correlate.CorrelationReport;
import dev.otelboard.collector.correlate.CorrelationReport.ServiceFigures;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.sink.CaptureSink;
import dev.otelboard.collector.sink.CaptureSink.CapturedLog;
import dev.otelboard.collector.sink.CaptureSink.CapturedSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenTelemetry Java SDK exports into the real embedded collector over gRPC, HTTP/protobuf
 * and HTTP/JSON; the test asserts exactly what arrived and the correlation figures of a hand-built
 * two-service scenario.
 */
class SdkExportTest {

  @Test
  void twoServiceScenarioArrivesExactlyAndCorrelatesAsDesigned() throws Exception {
    EmbeddedCollector collector =
        EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(0).setCapture(1000, 1000).start();
    TwoServiceScenario.run(collector);
    collector.close();

    TwoServiceScenario.assertArrivedExactly(collector);
  }

  @Test
  void sdkJsonEncodingOverHttpArrivesWithHexIds(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("otlp.jsonl");
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "json-svc")))
            .addSpanProcessor(SimpleSpanProcessor.create(memory))
            .build();
    Span parent = tracing.get("t").spanBuilder("GET /items").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope s = parent.makeCurrent()) {
      tracing.get("t").spanBuilder("load items").startSpan().end();
    }
    parent.end();
    // Read before shutdown: shutting down the in-memory exporter empties it.
    List<SpanData> finished = memory.getFinishedSpanItems();
    assertThat(finished).hasSize(2);
    tracing.shutdown().join(5, TimeUnit.SECONDS);

    // The SDK's own OTLP JSON encoder (what its HTTP exporter sends when configured for JSON).
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(finished).writeJsonTo(json);

    try (EmbeddedCollector collector =
        EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(0).setOutputFile(out).setCapture(10, 0).start()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(collector.httpEndpoint() + "/v1/traces"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(json.toByteArray()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(response.body()).isEqualTo("{}");
      collector.close();

      List<CapturedSpan> spans = collector.capture().orElseThrow().spans();
      assertThat(spans).extracting(CapturedSpan::name).containsExactlyInAnyOrder("GET /items", "load items");
      CapturedSpan child = spans.stream().filter(x -> x.name().equals("load items")).findFirst().orElseThrow();
      assertThat(child.traceId()).isEqualTo(parent.getSpanContext().getTraceId());
      assertThat(child.parentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
      assertThat(collector.report().correlation().orphanSpans()).isZero();

      String line = Files.readAllLines(out).get(0);
      assertThat(line)
          .contains("\"traceId\":\"" + parent.getSpanContext().getTraceId() + "\"")
          .contains("\"parentSpanId\":\"" + parent.getSpanContext().getSpanId() + "\"")
          .contains("\"kind\":2")
          .contains("\"service.name\"");
    }
  }
}
