package dev.otelboard.collector.wire;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * Requests whose every row differs with a seed, and digests of everything a scanned batch says, so
 * that a row overwritten by another batch shows.
 */
public final class ScannedRequests {
  private ScannedRequests() {}

  /**
   * {@code spans} spans of trace {@code seed}; with {@code fatFirst}, the first spans carry many
   * attributes, so the scanner's row guess is too small and the batch grows while scanning.
   */
  public static byte[] traces(int seed, int spans, boolean fatFirst) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < spans; i++) {
      Span.Builder span =
          Span.newBuilder()
              .setTraceId(Protos.id16(seed + 1, i + 1))
              .setSpanId(Protos.id8((long) seed << 32 | i + 1))
              .setParentSpanId(i == 0 ? ByteString.EMPTY : Protos.id8((long) seed << 32 | i))
              .setName("s" + seed + "-" + i)
              .setKind(Span.SpanKind.forNumber(i % 6))
              .setStartTimeUnixNano(seed * 1_000_000L + i)
              .setEndTimeUnixNano(seed * 1_000_000L + 2 * i);
      if (fatFirst && i < 8) {
        for (int a = 0; a < 40; a++) {
          span.addAttributes(Protos.kv("attribute.number." + a, "value " + a));
        }
      }
      scope.addSpans(span);
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(Protos.resource("svc-" + seed, "i-" + seed))
                .addScopeSpans(scope))
        .build()
        .toByteArray();
  }

  /** {@code records} log records of trace {@code seed}, every other one without trace context. */
  public static byte[] logs(int seed, int records) {
    ScopeLogs.Builder scope =
        ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("logger" + seed));
    for (int i = 0; i < records; i++) {
      LogRecord.Builder record =
          LogRecord.newBuilder()
              .setTimeUnixNano(seed * 1_000_000L + i)
              .setSeverityNumberValue(1 + i % 24)
              .setBody(AnyValue.newBuilder().setStringValue("message " + seed + " " + i));
      if (i % 2 == 0) {
        record.setTraceId(Protos.id16(seed + 1, i + 1)).setSpanId(Protos.id8(seed * 7L + i + 1));
      }
      scope.addLogRecords(record);
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(Protos.resource("svc-" + seed, "i-" + seed))
                .addScopeLogs(scope))
        .build()
        .toByteArray();
  }

  /** Everything {@code b} says about its spans, folded into one number. */
  public static long digest(SpanBatch b) {
    long h = b.count() * 31L + b.rejectedSpans();
    for (int i = 0; i < b.count(); i++) {
      h = h * 31 + b.traceIdHi(i);
      h = h * 31 + b.traceIdLo(i);
      h = h * 31 + b.spanId(i);
      h = h * 31 + b.parentSpanId(i);
      h = h * 31 + b.kind(i);
      h = h * 31 + b.startNanos(i);
      h = h * 31 + b.endNanos(i);
      h = h * 31 + b.resource(i);
      h = h * 31 + b.name(i).hashCode();
    }
    return h * 31 + b.resources().hashCode();
  }

  /** Everything {@code b} says about its log records, folded into one number. */
  public static long digest(LogBatch b) {
    long h = b.count();
    for (int i = 0; i < b.count(); i++) {
      h = h * 31 + b.timeNanos(i);
      h = h * 31 + b.severityNumber(i);
      h = h * 31 + b.traceIdHi(i);
      h = h * 31 + b.traceIdLo(i);
      h = h * 31 + b.spanId(i);
      h = h * 31 + (b.hasTraceContext(i) ? 1 : 0);
      h = h * 31 + String.valueOf(b.body(i)).hashCode();
      h = h * 31 + b.scopeName(i).hashCode();
      h = h * 31 + b.resource(i);
    }
    return h * 31 + b.resources().hashCode();
  }
}
