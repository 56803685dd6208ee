package dev.otelboard.collector.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.MalformedOtlpException;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's transform and filter processors on real OTLP protobuf. */
class TransformProcessorTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";
  private static final String GUARD = "resource.attributes[\"service.name\"] == \"checkout\"";

  private static Resource resource(String service) {
    return Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
        .setValue(AnyValue.newBuilder().setStringValue(service))).build();
  }

  private static Batch logs(String service, LogRecord... records) throws MalformedOtlpException {
    byte[] bytes = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
        .setResource(resource(service)).addScopeLogs(ScopeLogs.newBuilder()
            .addAllLogRecords(List.of(records)))).build().toByteArray();
    LogBatch scanned = OtlpWire.scanLogs(bytes, 0, bytes.length);
    return new Batch(Signal.LOGS, bytes, null, scanned, scanned.count());
  }

  private static LogRecord body(String body) {
    return LogRecord.newBuilder().setTimeUnixNano(1).setBody(AnyValue.newBuilder()
        .setStringValue(body)).build();
  }

  private static List<LogRecord> records(Batch b) throws InvalidProtocolBufferException {
    return ExportLogsServiceRequest.parseFrom(b.payload()).getResourceLogs(0).getScopeLogs(0)
        .getLogRecordsList();
  }

  private static TransformProcessor transform(List<String> statements) {
    return TransformProcessor.fromConfig("transform/test", Map.of("error_mode", "ignore",
        "log_statements", List.of(Map.of("context", "log", "conditions", List.of(GUARD),
            "statements", statements))));
  }

  @Test
  void jsonBodyFieldsBecomeAttributesAndIdsTheTraceContext() throws Exception {
    TransformProcessor p = transform(List.of(
        "merge_maps(log.attributes, ParseJSON(log.body), \"insert\") where IsString(log.body) and IsMatch(log.body, \"^\\\\s*\\\\{\")",
        "set(log.trace_id.string, log.attributes[\"traceId\"]) where log.trace_id == TraceID(0x00000000000000000000000000000000) and IsMatch(log.attributes[\"traceId\"], \"^[0-9a-fA-F]{32}$\")",
        "set(log.span_id.string, log.attributes[\"spanId\"]) where log.span_id == SpanID(0x0000000000000000) and IsMatch(log.attributes[\"spanId\"], \"^[0-9a-fA-F]{16}$\")"));

    Batch out = p.process(logs("checkout",
        body("{\"message\":\"paid\",\"traceId\":\"" + TRACE + "\",\"spanId\":\"" + SPAN + "\",\"n\":3}")));

    LogRecord r = records(out).get(0);
    assertThat(HexFormat.of().formatHex(r.getTraceId().toByteArray())).isEqualTo(TRACE);
    assertThat(HexFormat.of().formatHex(r.getSpanId().toByteArray())).isEqualTo(SPAN);
    assertThat(r.getAttributesList()).extracting(KeyValue::getKey)
        .containsExactly("message", "traceId", "spanId", "n");
    assertThat(r.getAttributes(3).getValue().getDoubleValue()).isEqualTo(3.0);
    assertThat(out.logs().count()).isEqualTo(1);
    assertThat(p.errors()).isZero();
  }

  @Test
  void idsInTextBodiesAreExtractedThroughTheCache() throws Exception {
    TransformProcessor p = transform(List.of(
        "merge_maps(log.cache, ExtractPatterns(log.body, \"(?:trace_id|traceId)[\\\"']?\\\\s*[=:]\\\\s*[\\\"']?(?P<otelboardTraceId>[0-9a-fA-F]{32})\\\\b\"), \"upsert\") where IsString(log.body)",
        "set(log.trace_id.string, log.cache[\"otelboardTraceId\"]) where IsMatch(log.cache[\"otelboardTraceId\"], \"^[0-9a-fA-F]{32}$\")"));

    Batch out = p.process(logs("checkout", body("done trace_id=" + TRACE + " status=ok")));

    assertThat(HexFormat.of().formatHex(records(out).get(0).getTraceId().toByteArray())).isEqualTo(TRACE);
    assertThat(records(out).get(0).getAttributesList()).as("cache is not written out").isEmpty();
  }

  @Test
  void anotherServicesGroupLeavesTheBatchUntouched() throws Exception {
    Batch in = logs("inventory", body("{\"traceId\":\"" + TRACE + "\"}"));

    assertThat(transform(List.of("set(log.attributes[\"x\"], \"y\")")).process(in)).isSameAs(in);
  }

  @Test
  void aFailingStatementIsCountedAndTheNextOneStillRuns() throws Exception {
    TransformProcessor p = transform(List.of(
        "set(log.trace_id.string, \"not-hex\")",
        "set(log.attributes[\"after\"], true)"));

    Batch out = p.process(logs("checkout", body("x")));

    assertThat(p.errors()).isEqualTo(1);
    assertThat(records(out).get(0).getAttributesList()).extracting(KeyValue::getKey)
        .containsExactly("after");
  }

  @Test
  void propagateDropsThePayloadOnError() throws Exception {
    TransformProcessor p = TransformProcessor.fromConfig("transform/strict", Map.of(
        "error_mode", "propagate",
        "log_statements", List.of("set(log.trace_id.string, \"zz\")")));

    assertThat(p.process(logs("checkout", body("x")))).isNull();
    assertThat(p.droppedBatches()).isEqualTo(1);
  }

  @Test
  void redactionAndResourceRulesApplyToSpans() throws Exception {
    TransformProcessor p = TransformProcessor.fromConfig("transform/t", Map.of(
        "trace_statements", List.of(
            Map.of("context", "resource", "conditions", List.of(GUARD), "statements", List.of(
                "set(resource.attributes[\"service.namespace\"], \"shop\") where resource.attributes[\"service.namespace\"] == nil")),
            Map.of("context", "span", "conditions", List.of(GUARD), "statements", List.of(
                "delete_key(span.attributes, \"password\")",
                "set(span.attributes[\"user\"], SHA256(span.attributes[\"user\"])) where IsString(span.attributes[\"user\"])",
                "set(span.status.code, STATUS_CODE_ERROR) where span.kind == SPAN_KIND_SERVER and span.attributes[\"http.response.status_code\"] >= 500")))));
    Span span = Span.newBuilder().setTraceId(ByteString.fromHex(TRACE)).setSpanId(ByteString.fromHex(SPAN))
        .setKind(Span.SpanKind.SPAN_KIND_SERVER).setName("GET /x")
        .addAttributes(kv("password", AnyValue.newBuilder().setStringValue("hunter2")))
        .addAttributes(kv("user", AnyValue.newBuilder().setStringValue("alice")))
        .addAttributes(kv("http.response.status_code", AnyValue.newBuilder().setIntValue(503)))
        .build();
    byte[] bytes = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(resource("checkout")).addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
        .build().toByteArray();
    SpanBatch scanned = OtlpWire.scanTraces(bytes, 0, bytes.length);

    Batch out = p.process(new Batch(Signal.TRACES, bytes, scanned, null, scanned.count()));

    ResourceSpans rs = ExportTraceServiceRequest.parseFrom(out.payload()).getResourceSpans(0);
    assertThat(rs.getResource().getAttributesList()).extracting(KeyValue::getKey)
        .containsExactly("service.name", "service.namespace");
    Span result = rs.getScopeSpans(0).getSpans(0);
    assertThat(result.getAttributesList()).extracting(KeyValue::getKey)
        .containsExactly("http.response.status_code", "user"); // delete_key: pcommon swaps the last in
    assertThat(result.getAttributes(1).getValue().getStringValue())
        .isEqualTo("2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90");
    assertThat(result.getStatus().getCodeValue()).isEqualTo(2);
    assertThat(out.spans().count()).isEqualTo(1);
  }

  @Test
  void filterDropsMatchingLogRecords() throws Exception {
    FilterProcessor f = FilterProcessor.fromConfig("filter/health", Map.of(
        "error_mode", "ignore",
        "log_conditions", List.of(GUARD + " and IsMatch(log.attributes[\"url.path\"], \"^/health$\")")));
    LogRecord health = LogRecord.newBuilder(body("GET /health 200"))
        .addAttributes(kv("url.path", AnyValue.newBuilder().setStringValue("/health"))).build();

    Batch out = f.process(logs("checkout", health, body("order placed")));

    assertThat(records(out)).extracting(r -> r.getBody().getStringValue()).containsExactly("order placed");
    assertThat(out.logs().count()).isEqualTo(1);
    assertThat(f.dropped()).isEqualTo(1);
  }

  @Test
  void namedArgumentsAreBoundByNameNotPosition() throws Exception {
    TransformProcessor p = transform(List.of(
        "merge_maps(log.attributes, strategy=\"upsert\", source=ParseJSON(log.body))",
        "truncate_all(log.attributes, 6, truncation_marker=\"..\")"));

    LogRecord r = records(p.process(logs("checkout", body("{\"m\":\"abcdefgh\",\"k\":\"ok\"}"))))
        .get(0);

    assertThat(p.errors()).isZero();
    assertThat(r.getAttributesList()).extracting(KeyValue::getKey).containsExactly("m", "k");
    assertThat(r.getAttributes(0).getValue().getStringValue()).isEqualTo("abcd..");
    assertThat(r.getAttributes(1).getValue().getStringValue()).isEqualTo("ok");
  }

  @Test
  void statementsTheSandboxCannotRunAreListed() {
    TransformProcessor p = TransformProcessor.fromConfig("transform/x", Map.of("log_statements",
        List.of("set(log.attributes[\"u\"], UserAgent(log.body))",
            "set(log.attributes[\"x\"], ParseXML(log.body))")));

    assertThat(p.unsupported()).extracting(Object::toString).containsExactly(
        "set(log.attributes[\"u\"], UserAgent(log.body)): converter UserAgent",
        "set(log.attributes[\"x\"], ParseXML(log.body)): converter ParseXML");
  }

  @Test
  void metricAndDatapointStatementsAndMetricConditionsAreRefused() {
    TransformProcessor t = TransformProcessor.fromConfig("transform/m", Map.of("metric_statements",
        List.of(Map.of("context", "metric", "statements", List.of("set(description, \"d\")")))));
    FilterProcessor f = FilterProcessor.fromConfig("filter/m", Map.of("metric_conditions",
        List.of("metric.name == \"x\"")));

    assertThat(t.unsupported()).containsExactly(new Unsupported(
        "metric_statements[0].statements[0]", "set(description, \"d\")",
        "the sandbox does not run metric or datapoint statements"));
    assertThat(f.unsupported()).extracting(Unsupported::path).containsExactly("metric_conditions[0]");
    // nothing of it runs, so a metrics batch is not even decoded (these bytes would not decode)
    Batch garbage = new Batch(Signal.METRICS, new byte[] {(byte) 0xff}, null, null, 1);
    assertThat(t.process(garbage)).isSameAs(garbage);
  }

  @Test
  void resourceStatementsRunOnMetrics() throws Exception {
    TransformProcessor t = TransformProcessor.fromConfig("transform/m", Map.of("metric_statements",
        List.of(Map.of("context", "resource", "statements",
            List.of("set(attributes[\"env\"], \"prod\")")))));
    byte[] bytes = io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest
        .newBuilder().addResourceMetrics(io.opentelemetry.proto.metrics.v1.ResourceMetrics
            .newBuilder().setResource(resource("checkout")).addScopeMetrics(
                io.opentelemetry.proto.metrics.v1.ScopeMetrics.newBuilder().addMetrics(
                    io.opentelemetry.proto.metrics.v1.Metric.newBuilder().setName("m"))))
        .build().toByteArray();

    Batch out = t.process(new Batch(Signal.METRICS, bytes, null, null, 1));

    assertThat(t.unsupported()).isEmpty();
    var request = io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest
        .parseFrom(out.payload());
    assertThat(request.getResourceMetrics(0).getResource().getAttributesList())
        .extracting(KeyValue::getKey).containsExactly("service.name", "env");
    assertThat(request.getResourceMetrics(0).getScopeMetrics(0).getMetrics(0).getName())
        .isEqualTo("m");
    assertThat(out.items()).isEqualTo(1);
  }

  @Test
  void aMetricsBatchNoStatementChangedPassesOnAsIs() {
    TransformProcessor t = TransformProcessor.fromConfig("transform/m", Map.of("metric_statements",
        List.of(Map.of("context", "resource", "statements",
            List.of("set(attributes[\"env\"], \"prod\") where attributes[\"env\"] == \"dev\"")),
            Map.of("context", "scope", "statements",
            List.of("set(name, \"x\") where name == \"nope\"")))));
    byte[] bytes = io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest
        .newBuilder().addResourceMetrics(io.opentelemetry.proto.metrics.v1.ResourceMetrics
            .newBuilder().setResource(resource("checkout")).addScopeMetrics(
                io.opentelemetry.proto.metrics.v1.ScopeMetrics.newBuilder().addMetrics(
                    io.opentelemetry.proto.metrics.v1.Metric.newBuilder().setName("m"))))
        .build().toByteArray();
    Batch in = new Batch(Signal.METRICS, bytes, null, null, 1);

    Batch out = t.process(in);

    assertThat(t.unsupported()).isEmpty();
    assertThat(t.errors()).isZero();
    assertThat(out).isSameAs(in);
    assertThat(out.payload()).isSameAs(bytes);
  }

  @Test
  void anInvalidConfigIsRejectedWithEveryProblem() {
    assertThatThrownBy(() -> TransformProcessor.fromConfig("transform/bad", Map.of(
        "error_mode", "loud", "log_statements", List.of("sett(log.body, 1)"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("error_mode: must be one of ignore, silent, propagate")
        .hasMessageContaining("log_statements[0], column 1: undefined function \"sett\"");
  }

  private static KeyValue kv(String key, AnyValue.Builder value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }
}
