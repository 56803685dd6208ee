package dev.otelboard.collector.wire;

import static dev.otelboard.collector.wire.Protos.id16;
import static dev.otelboard.collector.wire.Protos.id8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input ends in {@link MalformedOtlpException} with a useful message, never anything else. */
class MalformedOtlpTest {

  /** One of the three scans, as a function of the request bytes. */
  interface Scan {
    /** Scans and touches every value of the result, as a consumer would. */
    void run(byte[] buf, int off, int len) throws MalformedOtlpException;
  }

  static final Scan TRACES =
      (buf, off, len) -> {
        SpanBatch batch = OtlpWire.scanTraces(buf, off, len);
        for (int i = 0; i < batch.count(); i++) {
          batch.traceIdHi(i);
          batch.traceIdLo(i);
          batch.spanId(i);
          batch.parentSpanId(i);
          batch.kind(i);
          batch.startNanos(i);
          batch.endNanos(i);
          batch.name(i);
          batch.resources().get(batch.resource(i));
        }
      };

  static final Scan LOGS =
      (buf, off, len) -> {
        LogBatch batch = OtlpWire.scanLogs(buf, off, len);
        for (int i = 0; i < batch.count(); i++) {
          batch.timeNanos(i);
          batch.severityNumber(i);
          batch.hasTraceContext(i);
          batch.body(i);
          batch.scopeName(i);
          batch.resources().get(batch.resource(i));
        }
      };

  static final Scan METRICS = OtlpWire::countMetricPoints;

  static Span.Builder span() {
    return Span.newBuilder().setTraceId(id16(1, 2)).setSpanId(id8(3)).setName("GET /");
  }

  static byte[] traces(Span.Builder... spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (Span.Builder s : spans) {
      scope.addSpans(s);
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
        .build()
        .toByteArray();
  }

  /** An unknown-field set holding a field of a known number with the given wire type. */
  static UnknownFieldSet field(int number, String wireType) {
    UnknownFieldSet.Field.Builder f = UnknownFieldSet.Field.newBuilder();
    switch (wireType) {
      case "varint" -> f.addVarint(1);
      case "fixed32" -> f.addFixed32(1);
      case "fixed64" -> f.addFixed64(1);
      case "len" -> f.addLengthDelimited(ByteString.copyFromUtf8("x"));
      case "group" -> f.addGroup(UnknownFieldSet.getDefaultInstance());
      default -> throw new IllegalArgumentException(wireType);
    }
    return UnknownFieldSet.newBuilder().addField(number, f.build()).build();
  }

  static Stream<Arguments> malformedTraces() {
    return Stream.of(
        Arguments.of(
            "7-byte trace id",
            traces(span().setTraceId(ByteString.copyFrom(new byte[7]))),
            "span 0: trace_id has 7 bytes, want 16"),
        Arguments.of(
            "17-byte trace id in the second span",
            traces(span(), span().setTraceId(ByteString.copyFrom(new byte[17]))),
            "span 1: trace_id has 17 bytes, want 16"),
        Arguments.of(
            "9-byte span id",
            traces(span().setSpanId(ByteString.copyFrom(new byte[9]))),
            "span 0: span_id has 9 bytes, want 8"),
        Arguments.of(
            "3-byte parent span id",
            traces(span().setParentSpanId(ByteString.copyFrom(new byte[3]))),
            "span 0: parent_span_id has 3 bytes, want 8"),
        Arguments.of(
            "start time sent as a varint",
            traces(span().setUnknownFields(field(7, "varint"))),
            "span 0: field 7 has wire type 0, want 1"),
        Arguments.of(
            "attributes sent as fixed32",
            traces(span().setUnknownFields(field(9, "fixed32"))),
            "span 0: field 9 has wire type 5, want 2"),
        Arguments.of(
            "resource_spans sent as a varint",
            ExportTraceServiceRequest.newBuilder()
                .setUnknownFields(field(1, "varint"))
                .build()
                .toByteArray(),
            "ExportTraceServiceRequest field 1 has wire type 0, want 2"),
        Arguments.of(
            "attribute key sent as fixed64",
            ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(
                    ResourceSpans.newBuilder()
                        .setResource(
                            Resource.newBuilder()
                                .addAttributes(
                                    KeyValue.newBuilder().setUnknownFields(field(1, "fixed64")))))
                .build()
                .toByteArray(),
            "KeyValue field 1 has wire type 1, want 2"),
        Arguments.of(
            "a group in a span",
            traces(span().setUnknownFields(field(200, "group"))),
            "groups are not supported"),
        Arguments.of("length past the end", new byte[] {0x0A, 0x05, 0x00}, "runs past the end"),
        Arguments.of(
            "nested length past its parent's end",
            new byte[] {0x0A, 0x03, 0x12, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00},
            "runs past the end of its message"),
        Arguments.of("truncated varint", new byte[] {(byte) 0x80}, "truncated at byte 1"),
        Arguments.of(
            "varint longer than 10 bytes",
            new byte[] {0x10, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0x01},
            "varint longer than 10 bytes"),
        Arguments.of("field number 0", new byte[] {0x02, 0x00}, "field number 0"),
        Arguments.of("wire type 7", new byte[] {0x0F}, "wire type 7"),
        Arguments.of("truncated fixed64", new byte[] {0x11, 0x01, 0x02}, "truncated"),
        Arguments.of(
            "known field with wrong wire type names its byte",
            new byte[] {0x0A, 0x00, 0x08, 0x01},
            "ExportTraceServiceRequest field 1 has wire type 0, want 2 (byte 2)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedTraces")
  void rejectsMalformedTraceRequest(String name, byte[] bytes, String message) {
    assertThatThrownBy(() -> OtlpWire.scanTraces(bytes, 0, bytes.length))
        .isInstanceOf(MalformedOtlpException.class)
        .hasMessageContaining(message);
  }

  static byte[] logs(LogRecord.Builder log) {
    return ScanLogsTest.request(
            LogRecord.newBuilder()
                .setBody(
                    io.opentelemetry.proto.common.v1.AnyValue.newBuilder().setStringValue("ok")),
            log)
        .toByteArray();
  }

  static Stream<Arguments> malformedLogs() {
    return Stream.of(
        Arguments.of(
            "7-byte trace id",
            logs(LogRecord.newBuilder().setTraceId(ByteString.copyFrom(new byte[7]))),
            "log record 1: trace_id has 7 bytes, want 16"),
        Arguments.of(
            "4-byte span id",
            logs(
                LogRecord.newBuilder()
                    .setTraceId(id16(1, 1))
                    .setSpanId(ByteString.copyFrom(new byte[4]))),
            "log record 1: span_id has 4 bytes, want 8"),
        Arguments.of(
            "time sent as a varint",
            logs(LogRecord.newBuilder().setUnknownFields(field(1, "varint"))),
            "log record 1: field 1 has wire type 0, want 1"),
        Arguments.of(
            "body sent as fixed32",
            logs(LogRecord.newBuilder().setUnknownFields(field(5, "fixed32"))),
            "log record 1: field 5 has wire type 5, want 2"),
        Arguments.of(
            "a group in a log record",
            logs(LogRecord.newBuilder().setUnknownFields(field(300, "group"))),
            "groups are not supported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedLogs")
  void rejectsMalformedLogRequest(String name, byte[] bytes, String message) {
    assertThatThrownBy(() -> OtlpWire.scanLogs(bytes, 0, bytes.length))
        .isInstanceOf(MalformedOtlpException.class)
        .hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void rejectsMetricDataSentWithTheWrongWireType() {
    byte[] bytes =
        io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                io.opentelemetry.proto.metrics.v1.ResourceMetrics.newBuilder()
                    .addScopeMetrics(
                        io.opentelemetry.proto.metrics.v1.ScopeMetrics.newBuilder()
                            .addMetrics(
                                io.opentelemetry.proto.metrics.v1.Metric.newBuilder()
                                    .setName("g")
                                    .setUnknownFields(field(5, "varint")))))
            .build()
            .toByteArray();

    assertThatThrownBy(() -> OtlpWire.countMetricPoints(bytes, 0, bytes.length))
        .isInstanceOf(MalformedOtlpException.class)
        .hasMessageContaining("Metric field 5 has wire type 0, want 2");
  }

  static Stream<Arguments> validRequests() {
    return Stream.of(
        Arguments.of(Named.of("traces", TRACES), ScanTracesTest.richRequest().toByteArray()),
        Arguments.of(Named.of("logs", LOGS), ScanLogsTest.richRequest().toByteArray()),
        Arguments.of(
            Named.of("metrics", METRICS), CountMetricPointsTest.richRequest().toByteArray()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validRequests")
  @Timeout(20)
  void truncationAtEveryByteIsMalformedOrAConsistentPrefix(Scan scan, byte[] valid) {
    int malformed = 0;
    for (int len = 0; len < valid.length; len++) {
      // Copy so a scan that read past len would fail on the array bound, not read valid bytes.
      byte[] prefix = java.util.Arrays.copyOf(valid, len);
      try {
        scan.run(prefix, 0, len);
      } catch (MalformedOtlpException expected) {
        malformed++;
      }
    }
    // Cutting inside a nested message always breaks it; only cuts between top-level fields scan.
    assertThat(malformed).isGreaterThan(valid.length * 9 / 10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validRequests")
  @Timeout(20)
  void randomByteFlipsThrowOnlyMalformedOtlpException(Scan scan, byte[] valid) {
    Random random = new Random(20261101L);
    for (int iteration = 0; iteration < 10_000; iteration++) {
      byte[] bytes = valid.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      int off = random.nextInt(3);
      try {
        scan.run(bytes, off, bytes.length - off);
      } catch (MalformedOtlpException expected) {
        // the one allowed outcome besides success
      }
    }
  }

  @org.junit.jupiter.api.Test
  @Timeout(30)
  void mutatedTraceRequestsThatProtobufJavaAlsoAcceptsScanToTheSameSpans() throws Exception {
    byte[] valid = ScanTracesTest.richRequest().toByteArray();
    Random random = new Random(7);
    int bothAccepted = 0;
    for (int iteration = 0; iteration < 3_000; iteration++) {
      byte[] bytes = valid.clone();
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      SpanBatch batch;
      ExportTraceServiceRequest parsed;
      try {
        batch = OtlpWire.scanTraces(bytes, 0, bytes.length);
        parsed = ExportTraceServiceRequest.parseFrom(bytes);
      } catch (MalformedOtlpException | com.google.protobuf.InvalidProtocolBufferException e) {
        continue;
      }
      bothAccepted++;
      java.util.List<Span> accepted =
          ScanTracesTest.spansOf(parsed).stream()
              .filter(sp -> sp.getTraceId().size() == 16 && !sp.getTraceId().equals(id16(0, 0)))
              .filter(sp -> sp.getSpanId().size() == 8 && !sp.getSpanId().equals(id8(0)))
              .toList();
      ScanTracesTest.assertSpansMatch(batch, accepted);
    }
    assertThat(bothAccepted).isGreaterThan(100);
  }

  @org.junit.jupiter.api.Test
  @Timeout(30)
  void mutatedLogRequestsThatProtobufJavaAlsoAcceptsScanToTheSameRecords() throws Exception {
    byte[] valid = ScanLogsTest.richRequest().toByteArray();
    Random random = new Random(11);
    int bothAccepted = 0;
    for (int iteration = 0; iteration < 3_000; iteration++) {
      byte[] bytes = valid.clone();
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      LogBatch batch;
      ExportLogsServiceRequest parsed;
      try {
        batch = OtlpWire.scanLogs(bytes, 0, bytes.length);
        parsed = ExportLogsServiceRequest.parseFrom(bytes);
      } catch (MalformedOtlpException | com.google.protobuf.InvalidProtocolBufferException e) {
        continue;
      }
      bothAccepted++;
      ScanLogsTest.assertLogsMatch(batch, ScanLogsTest.expected(parsed));
    }
    assertThat(bothAccepted).isGreaterThan(100);
  }
}
