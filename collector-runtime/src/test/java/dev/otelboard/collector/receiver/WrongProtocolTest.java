package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.collector.EmbeddedCollector;
import dev.otelboard.collector.receiver.WrongProtocols.Connection;
import io.netty.buffer.Unpooled;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The real SDK's OTLP exporters pointed at the wrong port of the real embedded collector: the
 * data is lost (the exporter's own failure), and the collector names the mistake in its report
 * instead of saying nothing; exporters on the right ports still get through the sniffer.
 */
class WrongProtocolTest {

  /** Exports one SERVER span through {@code exporter}; whether the export succeeded. */
  private static boolean export(SpanExporter exporter) {
    // The export's own result: forceFlush only waits for exports still pending, so one that had
    // already failed by then (a fast refusal, a slow test thread) would read as a success.
    AtomicReference<CompletableResultCode> exported = new AtomicReference<>();
    SpanExporter recording = new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        CompletableResultCode result = exporter.export(spans);
        exported.set(result);
        return result;
      }

      @Override
      public CompletableResultCode flush() {
        return exporter.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return exporter.shutdown();
      }
    };
    SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(Resource.create(
                Attributes.of(AttributeKey.stringKey("service.name"), "misconfigured")))
            .addSpanProcessor(SimpleSpanProcessor.create(recording))
            .build();
    // SimpleSpanProcessor calls export() on the thread that ends the span.
    tracing.get("t").spanBuilder("GET /x").setSpanKind(SpanKind.SERVER).startSpan().end();
    boolean succeeded = exported.get().join(10, TimeUnit.SECONDS).isSuccess();
    tracing.shutdown().join(10, TimeUnit.SECONDS);
    return succeeded;
  }

  @Test
  void anHttpExporterOnTheGrpcPortAndAGrpcExporterOnTheHttpPortAreNamed() throws Exception {
    EmbeddedCollector collector =
        EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(0).setCapture(100, 100).start();
    String grpc = collector.grpcEndpoint();
    String http = collector.httpEndpoint();
    int grpcPort = collector.grpcPort();
    int httpPort = collector.httpPort();
    boolean httpOnGrpc = export(OtlpHttpSpanExporter.builder()
        .setEndpoint(grpc + "/v1/traces").setTimeout(5, TimeUnit.SECONDS).build());
    boolean grpcOnHttp = export(OtlpGrpcSpanExporter.builder()
        .setEndpoint(http).setTimeout(5, TimeUnit.SECONDS).build());
    boolean rightGrpc = export(OtlpGrpcSpanExporter.builder().setEndpoint(grpc).build());
    boolean rightHttp = export(OtlpHttpSpanExporter.builder().setEndpoint(http + "/v1/traces")
        .build());
    collector.close();

    assertThat(httpOnGrpc).isFalse();
    assertThat(grpcOnHttp).isFalse();
    assertThat(rightGrpc).isTrue();
    assertThat(rightHttp).isTrue();
    assertThat(collector.capture().orElseThrow().spans()).hasSize(2);
    List<Connection> wrong = collector.report().wrongProtocols();
    assertThat(wrong).extracting(Connection::receiver, Connection::port, Connection::protocol)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("OTLP/HTTP", httpPort, "HTTP/2 (gRPC)"),
            org.assertj.core.groups.Tuple.tuple("OTLP/gRPC", grpcPort, "HTTP/1.1"));
    assertThat(wrong.get(1).example()).isEqualTo("POST /v1/traces HTTP/1.1");
    assertThat(wrong.get(1).connections()).isPositive();
    assertThat(wrong.get(1).describe())
        .contains("spoke HTTP/1.1 to the OTLP/gRPC port " + grpcPort)
        .contains("OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf")
        .endsWith("what they sent was lost");
    assertThat(wrong.get(0).describe()).contains("a gRPC exporter");
  }

  @Test
  void theFirstBytesTellTheProtocolsApartAndWaitWhenTheyCannotYet() {
    assertThat(classify("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")).isEqualTo(ProtocolSniffer.Seen.HTTP_2);
    assertThat(classify("PRI * HTTP/2")).isEqualTo(ProtocolSniffer.Seen.MORE);
    assertThat(classify("P")).isEqualTo(ProtocolSniffer.Seen.MORE);
    assertThat(classify("POST /v1/traces HTTP/1.1\r\n")).isEqualTo(ProtocolSniffer.Seen.HTTP_1);
    assertThat(classify("PUT")).isEqualTo(ProtocolSniffer.Seen.MORE);
    assertThat(classify("\u0016\u0003\u0001")).isEqualTo(ProtocolSniffer.Seen.TLS);
    assertThat(classify("\u0000\u0000\u0012\u0004")).isEqualTo(ProtocolSniffer.Seen.OTHER);
  }

  private static ProtocolSniffer.Seen classify(String bytes) {
    return ProtocolSniffer.classify(
        Unpooled.wrappedBuffer(bytes.getBytes(StandardCharsets.ISO_8859_1)));
  }
}
