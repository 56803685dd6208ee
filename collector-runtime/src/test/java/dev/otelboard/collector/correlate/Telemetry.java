package dev.otelboard.collector.correlate;

import com.google.protobuf.ByteString;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.MalformedOtlpException;
import dev.otelboard.collector.wire.OtlpWire;
import dev.otelboard.collector.wire.SpanBatch;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.nio.ByteBuffer;

/**
 * Builds real OTLP requests with the generated proto classes, serializes them and scans them, so
 * the index sees exactly what the receiver hands it. Times are milliseconds after {@link #T0}.
 */
final class Telemetry {
  static final long T0 = 1_700_000_000_000_000_000L;
  static final long TRACE_HI = 0x5EED5EED5EED5EEDL;

  private Telemetry() {}

  static long ms(long millis) {
    return T0 + millis * 1_000_000L;
  }

  static ByteString traceId(long trace) {
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(TRACE_HI).putLong(trace).array());
  }

  static ByteString spanId(long span) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(span).array());
  }

  /** A span of {@code trace}; parent 0 makes a root span. */
  static Span span(
      long trace, long id, long parent, SpanKind kind, String name, long startMs, long endMs) {
    Span.Builder s =
        Span.newBuilder()
            .setTraceId(traceId(trace))
            .setSpanId(spanId(id))
            .setKind(kind)
            .setName(name)
            .setStartTimeUnixNano(ms(startMs))
            .setEndTimeUnixNano(ms(endMs))
            .addAttributes(attribute("http.request.method", "GET"));
    if (parent != 0) {
      s.setParentSpanId(spanId(parent));
    }
    return s.build();
  }

  static Resource resource(String service, String instance) {
    return Resource.newBuilder()
        .addAttributes(attribute("service.name", service))
        .addAttributes(attribute("service.instance.id", instance))
        .addAttributes(attribute("telemetry.sdk.language", "java"))
        .build();
  }

  static SpanBatch spans(String service, String instance, Span... spans) {
    ScopeSpans.Builder scope =
        ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("test"));
    for (Span s : spans) {
      scope.addSpans(s);
    }
    byte[] bytes =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(resource(service, instance))
                    .addScopeSpans(scope))
            .build()
            .toByteArray();
    try {
      return OtlpWire.scanTraces(bytes, 0, bytes.length);
    } catch (MalformedOtlpException e) {
      throw new AssertionError(e);
    }
  }

  /** A log record at {@code timeMs}; trace 0 means no trace context. */
  static LogRecord log(long timeMs, long trace, long span, String body) {
    LogRecord.Builder log =
        LogRecord.newBuilder()
            .setTimeUnixNano(ms(timeMs))
            .setSeverityNumberValue(9)
            .setBody(AnyValue.newBuilder().setStringValue(body));
    if (trace != 0) {
      log.setTraceId(traceId(trace)).setSpanId(spanId(span));
    }
    return log.build();
  }

  static LogBatch logs(String service, String instance, String logger, LogRecord... logs) {
    ScopeLogs.Builder scope =
        ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName(logger));
    for (LogRecord l : logs) {
      scope.addLogRecords(l);
    }
    byte[] bytes =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(
                ResourceLogs.newBuilder()
                    .setResource(resource(service, instance))
                    .addScopeLogs(scope))
            .build()
            .toByteArray();
    try {
      return OtlpWire.scanLogs(bytes, 0, bytes.length);
    } catch (MalformedOtlpException e) {
      throw new AssertionError(e);
    }
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }
}
