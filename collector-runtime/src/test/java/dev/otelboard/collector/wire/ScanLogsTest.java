package dev.otelboard.collector.wire;

import static dev.otelboard.collector.wire.Protos.asLong;
import static dev.otelboard.collector.wire.Protos.attributesOfEveryKind;
import static dev.otelboard.collector.wire.Protos.hi;
import static dev.otelboard.collector.wire.Protos.id16;
import static dev.otelboard.collector.wire.Protos.id8;
import static dev.otelboard.collector.wire.Protos.lo;
import static dev.otelboard.collector.wire.Protos.resource;
import static dev.otelboard.collector.wire.Protos.unknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link OtlpWire#scanLogs} reads exactly what protobuf-java would, for what it extracts. */
class ScanLogsTest {

  static ExportLogsServiceRequest richRequest() {
    ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
    String[][] resources = {{"checkout", "pod-1"}, {null, null}};
    long n = 1;
    for (String[] r : resources) {
      ResourceLogs.Builder rl = ResourceLogs.newBuilder().setResource(resource(r[0], r[1]));
      for (int scope = 0; scope < 3; scope++) {
        ScopeLogs.Builder sl = ScopeLogs.newBuilder().setSchemaUrl("s");
        if (scope < 2) {
          // The third scope has none: its records have logger "".
          sl.setScope(
              InstrumentationScope.newBuilder()
                  .setName("com.example.Logger" + scope)
                  .setVersion("v")
                  .addAllAttributes(attributesOfEveryKind("scope")));
        }
        for (int i = 0; i < 4; i++, n++) {
          LogRecord.Builder log =
              LogRecord.newBuilder()
                  .setSeverityNumber(SeverityNumber.forNumber((int) (n % 25)))
                  .setSeverityText("INFO")
                  .setObservedTimeUnixNano(2_000_000_000_000_000_000L + n)
                  .addAllAttributes(attributesOfEveryKind("log"))
                  .setDroppedAttributesCount(1)
                  .setFlags(1)
                  .setEventName("evt");
          if (n % 3 != 0) {
            log.setTimeUnixNano(1_700_000_000_000_000_000L + n);
          }
          if (n % 4 != 0) {
            log.setTraceId(id16(n, -n)).setSpanId(id8(100 + n));
          }
          switch ((int) (n % 5)) {
            case 0 -> log.setBody(AnyValue.newBuilder().setStringValue("order " + n + " \u00fc"));
            case 1 -> log.setBody(AnyValue.newBuilder().setIntValue(n));
            case 2 ->
                log.setBody(
                    AnyValue.newBuilder()
                        .setArrayValue(
                            ArrayValue.newBuilder()
                                .addValues(AnyValue.newBuilder().setStringValue("nested"))));
            case 3 -> {}
            default -> log.setBody(AnyValue.newBuilder().setStringValue(""));
          }
          sl.addLogRecords(log);
        }
        rl.addScopeLogs(sl);
      }
      request.addResourceLogs(rl);
    }
    return request.build();
  }

  /** (log, scope name, resource index) in request order. */
  record Expected(LogRecord log, String scope, int resource) {}

  static List<Expected> expected(ExportLogsServiceRequest request) {
    List<Expected> out = new ArrayList<>();
    for (int r = 0; r < request.getResourceLogsCount(); r++) {
      for (ScopeLogs sl : request.getResourceLogs(r).getScopeLogsList()) {
        for (LogRecord log : sl.getLogRecordsList()) {
          out.add(new Expected(log, sl.getScope().getName(), r));
        }
      }
    }
    return out;
  }

  static LogBatch scan(byte[] bytes) throws MalformedOtlpException {
    return OtlpWire.scanLogs(bytes, 0, bytes.length);
  }

  static void assertLogsMatch(LogBatch batch, List<Expected> expected) {
    assertThat(batch.count()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      LogRecord log = expected.get(i).log();
      long time =
          log.getTimeUnixNano() != 0 ? log.getTimeUnixNano() : log.getObservedTimeUnixNano();
      assertThat(batch.timeNanos(i)).as("time %d", i).isEqualTo(time);
      assertThat(batch.severityNumber(i))
          .as("severity %d", i)
          .isEqualTo(log.getSeverityNumberValue());
      assertThat(batch.traceIdHi(i))
          .as("traceIdHi %d", i)
          .isEqualTo(log.getTraceId().isEmpty() ? 0 : hi(log.getTraceId()));
      assertThat(batch.traceIdLo(i))
          .as("traceIdLo %d", i)
          .isEqualTo(log.getTraceId().isEmpty() ? 0 : lo(log.getTraceId()));
      assertThat(batch.spanId(i)).as("spanId %d", i).isEqualTo(asLong(log.getSpanId()));
      boolean context =
          !log.getTraceId().isEmpty()
              && !log.getTraceId().equals(id16(0, 0))
              && !log.getSpanId().isEmpty()
              && !log.getSpanId().equals(id8(0));
      assertThat(batch.hasTraceContext(i)).as("context %d", i).isEqualTo(context);
      String body = log.getBody().hasStringValue() ? log.getBody().getStringValue() : null;
      assertThat(batch.body(i)).as("body %d", i).isEqualTo(body);
      assertThat(batch.scopeName(i)).as("scope %d", i).isEqualTo(expected.get(i).scope());
      assertThat(batch.resource(i)).as("resource %d", i).isEqualTo(expected.get(i).resource());
    }
  }

  @Test
  void extractsEveryLogFieldAcrossResourcesAndScopes() throws Exception {
    ExportLogsServiceRequest request = richRequest();

    LogBatch batch = scan(request.toByteArray());

    assertLogsMatch(batch, expected(request));
    assertThat(batch.resources())
        .containsExactly(new Resource("checkout", "pod-1"), new Resource("unknown_service", ""));
  }

  @Test
  void skipsUnknownFieldsOfEveryWireTypeAtEveryLevel() throws Exception {
    ExportLogsServiceRequest rich = richRequest();
    ExportLogsServiceRequest.Builder request = rich.toBuilder().setUnknownFields(unknownFields());
    for (ResourceLogs.Builder rl : request.getResourceLogsBuilderList()) {
      rl.setUnknownFields(unknownFields());
      rl.getResourceBuilder().setUnknownFields(unknownFields());
      for (ScopeLogs.Builder sl : rl.getScopeLogsBuilderList()) {
        sl.setUnknownFields(unknownFields());
        sl.getScopeBuilder().setUnknownFields(unknownFields());
        for (LogRecord.Builder log : sl.getLogRecordsBuilderList()) {
          log.setUnknownFields(unknownFields());
          if (log.hasBody()) {
            log.getBodyBuilder().setUnknownFields(unknownFields());
          }
        }
      }
    }

    assertLogsMatch(scan(request.build().toByteArray()), expected(rich));
  }

  static Stream<Arguments> traceContexts() {
    return Stream.of(
        Arguments.of(
            "trace id and span id",
            LogRecord.newBuilder().setTraceId(id16(1, 2)).setSpanId(id8(3)),
            true),
        Arguments.of("no trace context", LogRecord.newBuilder(), false),
        Arguments.of("trace id only", LogRecord.newBuilder().setTraceId(id16(1, 2)), false),
        Arguments.of(
            "all-zero ids",
            LogRecord.newBuilder().setTraceId(id16(0, 0)).setSpanId(id8(0)),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traceContexts")
  void tellsWhetherARecordHasTraceContext(String name, LogRecord.Builder log, boolean expected)
      throws Exception {
    LogBatch batch = scan(request(log).toByteArray());

    assertThat(batch.count()).isEqualTo(1);
    assertThat(batch.hasTraceContext(0)).isEqualTo(expected);
  }

  @Test
  void bodyOfferingAStringThenAnotherKindIsNotAString() throws Exception {
    // A oneof: when two members are on the wire the last wins, as in protobuf-java.
    byte[] stringBody = AnyValue.newBuilder().setStringValue("first").build().toByteArray();
    byte[] intBody = AnyValue.newBuilder().setIntValue(5).build().toByteArray();
    byte[] body = new byte[stringBody.length + intBody.length];
    System.arraycopy(stringBody, 0, body, 0, stringBody.length);
    System.arraycopy(intBody, 0, body, stringBody.length, intBody.length);
    LogRecord parsed =
        LogRecord.parseFrom(concat(new byte[] {(byte) (5 << 3 | 2), (byte) body.length}, body));

    LogBatch batch =
        scan(
            scopeAndResourceWrapping(
                concat(new byte[] {(byte) (5 << 3 | 2), (byte) body.length}, body)));

    assertThat(parsed.getBody().hasStringValue()).isFalse();
    assertThat(batch.body(0)).isNull();
  }

  @Test
  void bodySentTwiceIsMergedSoAnEmptySecondKeepsTheString() throws Exception {
    // A message field sent twice is merged, as protobuf-java does: an AnyValue that sets no
    // member of the oneof leaves the first one's string in place.
    byte[] stringBody = AnyValue.newBuilder().setStringValue("first").build().toByteArray();
    byte[] record =
        concat(
            new byte[] {(byte) (5 << 3 | 2), (byte) stringBody.length},
            stringBody,
            new byte[] {(byte) (5 << 3 | 2), 0});
    LogRecord parsed = LogRecord.parseFrom(record);

    LogBatch batch = scan(scopeAndResourceWrapping(record));

    assertThat(parsed.getBody().getStringValue()).isEqualTo("first");
    assertThat(batch.body(0)).isEqualTo("first");
  }

  @Test
  void emptyRequestHasNoRecords() throws Exception {
    assertThat(scan(new byte[0]).count()).isZero();
  }

  static ExportLogsServiceRequest request(LogRecord.Builder... logs) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (LogRecord.Builder log : logs) {
      scope.addLogRecords(log);
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(ResourceLogs.newBuilder().addScopeLogs(scope))
        .build();
  }

  /** Wraps raw LogRecord bytes into ScopeLogs, ResourceLogs and the request. */
  private static byte[] scopeAndResourceWrapping(byte[] logRecord) {
    byte[] scopeLogs = concat(new byte[] {(byte) (2 << 3 | 2), (byte) logRecord.length}, logRecord);
    byte[] resourceLogs =
        concat(new byte[] {(byte) (2 << 3 | 2), (byte) scopeLogs.length}, scopeLogs);
    return concat(new byte[] {(byte) (1 << 3 | 2), (byte) resourceLogs.length}, resourceLogs);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
