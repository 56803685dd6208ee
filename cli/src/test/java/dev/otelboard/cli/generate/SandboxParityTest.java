package dev.otelboard.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.fleet.Fleet;
import dev.otelboard.cli.fleet.FleetReader;
import dev.otelboard.collector.correlate.CorrelationIndex;
import dev.otelboard.collector.correlate.CorrelationReport;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.processor.OttlProcessors;
import dev.otelboard.collector.processor.Processor;
import dev.otelboard.collector.processor.TransformProcessor;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.OtlpWire;
import dev.otelboard.collector.wire.SpanBatch;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sandbox parity: a service whose logger writes JSON lines with traceId/spanId in the body (no
 * OpenTelemetry log correlation) is uncorrelated in the embedded collector's index, and reaches
 * >= 99% in-request correlation once the rules `otelboard generate transform` wrote for it run
 * in the sandbox's transform processor, as they would in the cluster's collector.
 */
class SandboxParityTest {
  private static final int REQUESTS = 200;
  private static final int LOGS_PER_REQUEST = 3;
  private static final long START = 1_700_000_000_000_000_000L;

  @TempDir Path tmp;

  @Test
  void generatedRulesLiftJsonBodyIdsIntoTheLogsTraceContext() throws IOException {
    List<Processor> processors = generatedProcessors("""
        services:
          - name: checkout-service
            logs: {parseJsonBody: true}
        """);

    CorrelationReport without = correlate(List.of());
    CorrelationReport with = correlate(processors);

    assertThat(without.inRequestLogs()).isEqualTo(REQUESTS * LOGS_PER_REQUEST);
    assertThat(without.correlatedInRequestLogs()).isZero();
    assertThat(with.inRequestLogs()).isEqualTo(REQUESTS * LOGS_PER_REQUEST);
    assertThat((double) with.correlatedInRequestLogs() / with.inRequestLogs()).isGreaterThanOrEqualTo(0.99);
    assertThat(processors).allSatisfy(p -> {
      if (p instanceof TransformProcessor t) {
        assertThat(t.unsupported()).as("sandbox runs every generated statement").isEmpty();
        assertThat(t.errors()).isZero();
      }
    });
  }

  @Test
  void idsInPlainTextBodiesAreLiftedWithoutJsonParsing() throws IOException {
    List<Processor> processors = generatedProcessors("services:\n  - name: checkout-service\n");

    CorrelationReport with = correlate(processors, true);

    assertThat((double) with.correlatedInRequestLogs() / with.inRequestLogs()).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void anotherServicesRulesLeaveTheseLogsAlone() throws IOException {
    List<Processor> processors = generatedProcessors("""
        services:
          - name: inventory-service
            logs: {parseJsonBody: true}
        """);

    assertThat(correlate(processors).correlatedInRequestLogs()).isZero();
  }

  private List<Processor> generatedProcessors(String fleetYaml) throws IOException {
    Path fleetFile = tmp.resolve("fleet.yaml");
    Files.writeString(fleetFile, fleetYaml);
    Fleet fleet = FleetReader.read(fleetFile);
    String transformYaml = new TransformGenerator(Fixtures.VERSION).generate(fleet).text();
    Map<String, Object> root = CollectorConfigChecker.map(
        LocatedYaml.parse(Path.of("transform.yaml"), transformYaml).root());
    return OttlProcessors.fromProcessorsBlock(CollectorConfigChecker.map(root.get("processors")));
  }

  private static CorrelationReport correlate(List<Processor> processors) {
    return correlate(processors, false);
  }

  private static CorrelationReport correlate(List<Processor> processors, boolean textBodies) {
    Random random = new Random(42);
    ScopeSpans.Builder spans = ScopeSpans.newBuilder();
    ScopeLogs.Builder logs = ScopeLogs.newBuilder();
    for (int r = 0; r < REQUESTS; r++) {
      byte[] traceId = new byte[16];
      byte[] spanId = new byte[8];
      random.nextBytes(traceId);
      random.nextBytes(spanId);
      long start = START + r * 50_000_000L;
      spans.addSpans(Span.newBuilder().setTraceId(ByteString.copyFrom(traceId))
          .setSpanId(ByteString.copyFrom(spanId)).setName("POST /checkout")
          .setKind(Span.SpanKind.SPAN_KIND_SERVER).setStartTimeUnixNano(start)
          .setEndTimeUnixNano(start + 20_000_000L));
      String t = HexFormat.of().formatHex(traceId);
      String s = HexFormat.of().formatHex(spanId);
      for (int l = 0; l < LOGS_PER_REQUEST; l++) {
        String body = textBodies
            ? "INFO c.e.Checkout - order placed traceId=" + t + " spanId=" + s + " n=" + l
            : "{\"@timestamp\":\"2026-11-28T09:00:00Z\",\"level\":\"INFO\",\"logger_name\":\"c.e.Checkout\","
                + "\"message\":\"order placed " + l + "\",\"traceId\":\"" + t + "\",\"spanId\":\"" + s + "\"}";
        logs.addLogRecords(LogRecord.newBuilder().setTimeUnixNano(start + (l + 1) * 4_000_000L)
            .setBody(AnyValue.newBuilder().setStringValue(body)));
      }
    }
    Resource resource = Resource.newBuilder().addAttributes(KeyValue.newBuilder()
        .setKey("service.name").setValue(AnyValue.newBuilder().setStringValue("checkout-service")))
        .build();
    byte[] traceBytes = ExportTraceServiceRequest.newBuilder().addResourceSpans(
        ResourceSpans.newBuilder().setResource(resource).addScopeSpans(spans)).build().toByteArray();
    byte[] logBytes = ExportLogsServiceRequest.newBuilder().addResourceLogs(
        ResourceLogs.newBuilder().setResource(resource).addScopeLogs(logs)).build().toByteArray();

    CorrelationIndex index = CorrelationIndex.builder().build();
    try {
      SpanBatch scannedSpans = OtlpWire.scanTraces(traceBytes, 0, traceBytes.length);
      Batch traces = run(processors, new Batch(Signal.TRACES, traceBytes, scannedSpans, null,
          scannedSpans.count()));
      LogBatch scannedLogs = OtlpWire.scanLogs(logBytes, 0, logBytes.length);
      Batch logBatch = run(processors, new Batch(Signal.LOGS, logBytes, null, scannedLogs,
          scannedLogs.count()));
      index.addSpans(traces.spans());
      index.addLogs(logBatch.logs());
    } catch (dev.otelboard.collector.wire.MalformedOtlpException e) {
      throw new AssertionError(e);
    }
    return index.report();
  }

  private static Batch run(List<Processor> processors, Batch batch) {
    Batch current = batch;
    for (Processor p : processors) {
      current = p.process(current);
    }
    return current;
  }
}
