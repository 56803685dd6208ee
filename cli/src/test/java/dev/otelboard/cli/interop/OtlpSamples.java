package dev.otelboard.cli.interop;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * OTLP requests with every field a span or log record can carry set (ids, times, kinds, status,
 * events, links, trace state, flags, typed attributes, map bodies), and their records flattened to
 * (resource, scope, record) so that two runs compare field by field whatever the grouping.
 */
public final class OtlpSamples {
  private static final long T0 = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z

  private OtlpSamples() {}

  /** A span with the resource and scope it arrived under. */
  public record SpanRecord(Resource resource, String resourceSchemaUrl, InstrumentationScope scope,
      String scopeSchemaUrl, Span span) {
    /** Every field on one line, for readable differences. */
    @Override
    public String toString() {
      return "resource{" + oneLine(resource) + "} " + resourceSchemaUrl + " scope{" + oneLine(scope)
          + "} " + scopeSchemaUrl + " span{" + oneLine(span) + "}";
    }
  }

  /** A log record with the resource and scope it arrived under. */
  public record LogRecordOf(Resource resource, String resourceSchemaUrl, InstrumentationScope scope,
      String scopeSchemaUrl, LogRecord log) {
    /** Every field on one line, for readable differences. */
    @Override
    public String toString() {
      return "resource{" + oneLine(resource) + "} " + resourceSchemaUrl + " scope{" + oneLine(scope)
          + "} " + scopeSchemaUrl + " log{" + oneLine(log) + "}";
    }
  }

  /**
   * {@code record} in a canonical form for comparing what two implementations made of the same
   * input: attributes (and map values) sorted by key, since OTLP maps are unordered and the
   * collector's pdata reorders them when it removes a key; an empty status dropped, since pdata
   * always writes one.
   */
  public static SpanRecord canonical(SpanRecord record) {
    Span.Builder span = record.span().toBuilder();
    sortAttributes(span.getAttributesList(), span::clearAttributes, span::addAllAttributes);
    for (Span.Event.Builder e : span.getEventsBuilderList()) {
      sortAttributes(e.getAttributesList(), e::clearAttributes, e::addAllAttributes);
    }
    for (Span.Link.Builder l : span.getLinksBuilderList()) {
      sortAttributes(l.getAttributesList(), l::clearAttributes, l::addAllAttributes);
    }
    if (span.getStatus().equals(Status.getDefaultInstance())) {
      span.clearStatus();
    }
    return new SpanRecord(canonical(record.resource()), record.resourceSchemaUrl(),
        canonical(record.scope()), record.scopeSchemaUrl(), span.build());
  }

  /** {@code record} in the canonical form of {@link #canonical(SpanRecord)}. */
  public static LogRecordOf canonical(LogRecordOf record) {
    LogRecord.Builder log = record.log().toBuilder();
    sortAttributes(log.getAttributesList(), log::clearAttributes, log::addAllAttributes);
    if (log.hasBody()) {
      log.setBody(canonical(log.getBody()));
    }
    return new LogRecordOf(canonical(record.resource()), record.resourceSchemaUrl(),
        canonical(record.scope()), record.scopeSchemaUrl(), log.build());
  }

  private static Resource canonical(Resource resource) {
    Resource.Builder b = resource.toBuilder();
    sortAttributes(b.getAttributesList(), b::clearAttributes, b::addAllAttributes);
    return b.build();
  }

  private static InstrumentationScope canonical(InstrumentationScope scope) {
    InstrumentationScope.Builder b = scope.toBuilder();
    sortAttributes(b.getAttributesList(), b::clearAttributes, b::addAllAttributes);
    return b.build();
  }

  private static AnyValue canonical(AnyValue value) {
    if (value.hasKvlistValue()) {
      return AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
          .addAllValues(sorted(value.getKvlistValue().getValuesList()))).build();
    }
    if (value.hasArrayValue()) {
      ArrayValue.Builder array = ArrayValue.newBuilder();
      value.getArrayValue().getValuesList().forEach(v -> array.addValues(canonical(v)));
      return AnyValue.newBuilder().setArrayValue(array).build();
    }
    return value;
  }

  private static List<KeyValue> sorted(List<KeyValue> attributes) {
    return attributes.stream()
        .map(kv -> kv.toBuilder().setValue(canonical(kv.getValue())).build())
        .sorted(java.util.Comparator.comparing(KeyValue::getKey)).toList();
  }

  private static void sortAttributes(List<KeyValue> attributes, Runnable clear,
      java.util.function.Consumer<List<KeyValue>> addAll) {
    List<KeyValue> sorted = sorted(attributes);
    clear.run();
    addAll.accept(sorted);
  }

  /**
   * The records only in {@code actual} and only in {@code expected} (as multisets), one per line;
   * empty when both hold the same records.
   */
  public static <T> String difference(List<T> actual, List<T> expected, String actualName,
      String expectedName) {
    List<T> onlyActual = new ArrayList<>(actual);
    List<T> onlyExpected = new ArrayList<>();
    for (T e : expected) {
      if (!onlyActual.remove(e)) {
        onlyExpected.add(e);
      }
    }
    if (onlyActual.isEmpty() && onlyExpected.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    onlyActual.forEach(r -> out.append("only in ").append(actualName).append(": ").append(r).append('\n'));
    onlyExpected.forEach(r -> out.append("only in ").append(expectedName).append(": ").append(r).append('\n'));
    return out.toString();
  }

  private static String oneLine(com.google.protobuf.MessageOrBuilder message) {
    return com.google.protobuf.TextFormat.printer().emittingSingleLine(true).printToString(message);
  }

  /** Request {@code r} of a run: {@code spans} spans of service {@code service}. */
  public static ExportTraceServiceRequest traces(String service, int r, int spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder().setSchemaUrl("https://opentelemetry.io/schemas/1.37.0")
        .setScope(InstrumentationScope.newBuilder().setName("io.opentelemetry.tomcat-10.0")
            .setVersion("2.31.1-alpha").addAttributes(string("scope.kind", "server")));
    for (int i = 0; i < spans; i++) {
      long start = T0 + (r * 1_000L + i) * 1_000_000L;
      Span.Builder span = Span.newBuilder()
          .setTraceId(id(16, r, 1))
          .setSpanId(id(8, r, i + 1))
          .setName(i == 0 ? "POST /checkout" : "SELECT orders " + i)
          .setKind(i == 0 ? Span.SpanKind.SPAN_KIND_SERVER : Span.SpanKind.SPAN_KIND_CLIENT)
          .setStartTimeUnixNano(start)
          .setEndTimeUnixNano(start + 750_000L + i)
          .setTraceState("vendor=a" + r)
          .setFlags(0x101)
          .addAttributes(string("http.request.method", "POST"))
          .addAttributes(KeyValue.newBuilder().setKey("http.response.status_code")
              .setValue(AnyValue.newBuilder().setIntValue(200 + i)))
          .addAttributes(KeyValue.newBuilder().setKey("retry").setValue(AnyValue.newBuilder().setBoolValue(i % 2 == 0)))
          .addAttributes(KeyValue.newBuilder().setKey("ratio").setValue(AnyValue.newBuilder().setDoubleValue(i / 4.0)))
          .addAttributes(KeyValue.newBuilder().setKey("tags").setValue(AnyValue.newBuilder().setArrayValue(
              ArrayValue.newBuilder().addValues(AnyValue.newBuilder().setStringValue("a"))
                  .addValues(AnyValue.newBuilder().setIntValue(i)))))
          .setDroppedAttributesCount(i)
          .setStatus(i == spans - 1
              ? Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("boom").build()
              : Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK).build());
      if (i > 0) {
        span.setParentSpanId(id(8, r, 1));
        span.addEvents(Span.Event.newBuilder().setName("exception").setTimeUnixNano(start + 10)
            .addAttributes(string("exception.type", "java.io.IOException")).setDroppedAttributesCount(1));
        span.addLinks(Span.Link.newBuilder().setTraceId(id(16, r + 1000, 1)).setSpanId(id(8, r, 99))
            .setTraceState("k=v").setFlags(0x301).addAttributes(string("link.kind", "follows")));
      }
      scope.addSpans(span);
    }
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(resource(service)).setSchemaUrl("https://opentelemetry.io/schemas/1.37.0")
        .addScopeSpans(scope)).build();
  }

  /** Request {@code r} of a run: {@code logs} log records of {@code service}, half in a span. */
  public static ExportLogsServiceRequest logs(String service, int r, int logs) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder()
        .setScope(InstrumentationScope.newBuilder().setName("com.example.Checkout"));
    for (int i = 0; i < logs; i++) {
      LogRecord.Builder log = LogRecord.newBuilder()
          .setTimeUnixNano(T0 + (r * 1_000L + i) * 1_000_000L + 5)
          .setObservedTimeUnixNano(T0 + (r * 1_000L + i) * 1_000_000L + 9)
          .setSeverityNumber(i % 3 == 0 ? io.opentelemetry.proto.logs.v1.SeverityNumber.SEVERITY_NUMBER_ERROR
              : io.opentelemetry.proto.logs.v1.SeverityNumber.SEVERITY_NUMBER_INFO)
          .setSeverityText(i % 3 == 0 ? "ERROR" : "INFO")
          .addAttributes(string("code.function.name", "placeOrder"))
          .addAttributes(KeyValue.newBuilder().setKey("n").setValue(AnyValue.newBuilder().setIntValue(i)))
          .setDroppedAttributesCount(i % 2);
      if (i % 2 == 0) {
        log.setBody(AnyValue.newBuilder().setStringValue("order " + r + "-" + i + " placed"));
        log.setTraceId(id(16, r, 1)).setSpanId(id(8, r, 1)).setFlags(1);
      } else {
        log.setBody(AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
            .addValues(string("message", "order " + r + "-" + i))
            .addValues(KeyValue.newBuilder().setKey("amount").setValue(AnyValue.newBuilder().setDoubleValue(12.5)))));
        log.setEventName("checkout.placed");
      }
      scope.addLogRecords(log);
    }
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
        .setResource(resource(service)).addScopeLogs(scope)).build();
  }

  /** Every span of {@code requests}, flattened. */
  public static List<SpanRecord> spans(List<ExportTraceServiceRequest> requests) {
    List<SpanRecord> out = new ArrayList<>();
    for (ExportTraceServiceRequest request : requests) {
      for (ResourceSpans rs : request.getResourceSpansList()) {
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          for (Span s : ss.getSpansList()) {
            out.add(new SpanRecord(rs.getResource(), rs.getSchemaUrl(), ss.getScope(), ss.getSchemaUrl(), s));
          }
        }
      }
    }
    return out;
  }

  /** Every log record of {@code requests}, flattened. */
  public static List<LogRecordOf> logs(List<ExportLogsServiceRequest> requests) {
    List<LogRecordOf> out = new ArrayList<>();
    for (ExportLogsServiceRequest request : requests) {
      for (ResourceLogs rl : request.getResourceLogsList()) {
        for (ScopeLogs sl : rl.getScopeLogsList()) {
          for (LogRecord l : sl.getLogRecordsList()) {
            out.add(new LogRecordOf(rl.getResource(), rl.getSchemaUrl(), sl.getScope(), sl.getSchemaUrl(), l));
          }
        }
      }
    }
    return out;
  }

  /** The messages of a file the collector's file exporter wrote with {@code format: proto}. */
  public static List<byte[]> protoFile(Path file) throws IOException {
    List<byte[]> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
      while (true) {
        int length;
        try {
          length = data.readInt(); // each message is preceded by its size, 4 bytes big-endian
        } catch (EOFException end) {
          return out;
        }
        byte[] message = new byte[length];
        try {
          data.readFully(message);
        } catch (EOFException partial) {
          return out; // still being written
        }
        out.add(message);
      }
    }
  }

  /** Parses requests, for readers of raw bytes. */
  public static ExportTraceServiceRequest parseTraces(byte[] bytes) {
    try {
      return ExportTraceServiceRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not an ExportTraceServiceRequest", e);
    }
  }

  /** Parses requests, for readers of raw bytes. */
  public static ExportLogsServiceRequest parseLogs(byte[] bytes) {
    try {
      return ExportLogsServiceRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not an ExportLogsServiceRequest", e);
    }
  }

  private static Resource resource(String service) {
    return Resource.newBuilder().addAttributes(string("service.name", service))
        .addAttributes(string("service.instance.id", service + "-1"))
        .addAttributes(string("deployment.environment.name", "test"))
        .addAttributes(KeyValue.newBuilder().setKey("host.cpus").setValue(AnyValue.newBuilder().setIntValue(2)))
        .build();
  }

  private static KeyValue string(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static ByteString id(int bytes, int a, int b) {
    ByteBuffer buffer = ByteBuffer.allocate(bytes);
    if (bytes == 16) {
      buffer.putLong(0x5eed_0000_0000_0000L + a).putLong(b);
    } else {
      buffer.putLong(((long) a << 32) | b);
    }
    return ByteString.copyFrom(buffer.array());
  }
}
