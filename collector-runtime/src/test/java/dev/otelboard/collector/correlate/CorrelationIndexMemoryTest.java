package dev.otelboard.collector.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.otelboard.collector.wire.OtlpWire;
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
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Full windows fit the memory budget (measured by {@link CorrelationIndex#estimatedBytes()}, not
 * timed). The spans are the worst case for the request intervals: every SERVER span is its own,
 * non-overlapping request.
 */
class CorrelationIndexMemoryTest {
  private static final long MIB = 1 << 20;
  private static final int SPANS = CorrelationIndex.DEFAULT_SPAN_CAPACITY;
  private static final int LOGS = CorrelationIndex.DEFAULT_LOG_CAPACITY;
  private static final int BATCH = 10_000;
  private static final int SPANS_PER_TRACE = 8;
  private static final long MARKER = 0x0B1DFACE0B1DFACEL;
  private static final long T0 = 1_700_000_000_000_000_000L;

  /** Each batch's traces take 1 ms each; the next batch starts after them. */
  private static final long BATCH_NANOS = (BATCH / SPANS_PER_TRACE) * 1_000_000L;

  @Test
  void fullSpanAndLogWindowsFitIn400MiB() throws Exception {
    CorrelationIndex index = CorrelationIndex.builder().setFlushWindow(Duration.ofHours(1)).build();
    Template traces = traceTemplate();
    for (int batch = 0; batch < SPANS / BATCH; batch++) {
      traces.renew(batch);
      index.addSpans(OtlpWire.scanTraces(traces.bytes, 0, traces.bytes.length));
    }
    CorrelationStatus spansOnly = index.status();

    Template logs = logTemplate();
    // The logs of the newest span batches, as the logs of a live window would be.
    for (int batch = SPANS / BATCH - LOGS / BATCH; batch < SPANS / BATCH; batch++) {
      logs.renew(batch);
      index.addLogs(OtlpWire.scanLogs(logs.bytes, 0, logs.bytes.length));
    }
    CorrelationStatus both = index.status();

    assertThat(spansOnly.spans()).isEqualTo(SPANS);
    assertThat(spansOnly.evictedSpans()).isZero();
    assertThat(spansOnly.estimatedBytes()).isLessThanOrEqualTo(400 * MIB);
    assertThat(both.pendingLogs()).isEqualTo(LOGS);
    assertThat(both.evictedLogs()).isZero();
    assertThat(both.estimatedBytes()).isLessThanOrEqualTo(400 * MIB);
  }

  /** A serialized request whose trace ids and times can be renewed in place. */
  private static final class Template {
    final byte[] bytes;
    final int[] traceIdOffsets;
    final int[] timeOffsets;
    final long[] times;

    Template(byte[] bytes, Set<Long> timeValues) {
      this.bytes = bytes;
      List<Integer> ids = new ArrayList<>();
      List<Integer> timeAt = new ArrayList<>();
      ByteBuffer be = ByteBuffer.wrap(bytes);
      ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i + 8 <= bytes.length; i++) {
        if (be.getLong(i) == MARKER) {
          ids.add(i);
        } else if (timeValues.contains(le.getLong(i))) {
          timeAt.add(i);
        }
      }
      traceIdOffsets = ids.stream().mapToInt(Integer::intValue).toArray();
      timeOffsets = timeAt.stream().mapToInt(Integer::intValue).toArray();
      times = new long[timeOffsets.length];
      for (int k = 0; k < times.length; k++) {
        times[k] = le.getLong(timeOffsets[k]);
      }
    }

    /** New trace ids (a new high half) and times shifted past the previous batch's. */
    void renew(int batch) {
      ByteBuffer be = ByteBuffer.wrap(bytes);
      for (int offset : traceIdOffsets) {
        be.putLong(offset, batch + 1L);
      }
      ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      for (int k = 0; k < timeOffsets.length; k++) {
        le.putLong(timeOffsets[k], times[k] + batch * BATCH_NANOS);
      }
    }
  }

  private static ByteString traceId(int trace) {
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(MARKER).putLong(trace + 1).array());
  }

  private static ByteString spanId(long id) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
  }

  /** BATCH spans: traces of a SERVER root (one 1 ms request each) and CLIENT/INTERNAL children. */
  private static Template traceTemplate() {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    Set<Long> times = new HashSet<>();
    for (int t = 0; t < BATCH / SPANS_PER_TRACE; t++) {
      long start = T0 + t * 1_000_000L;
      for (int s = 0; s < SPANS_PER_TRACE; s++) {
        long spanStart = start + s * 1_000L;
        long spanEnd = s == 0 ? start + 900_000L : spanStart + 500L;
        times.add(spanStart);
        times.add(spanEnd);
        Span.Builder span =
            Span.newBuilder()
                .setTraceId(traceId(t))
                .setSpanId(spanId(s + 1))
                .setName(s == 0 ? "POST /checkout" : s % 2 == 1 ? "GET" : "reserve-stock")
                .setKind(
                    s == 0
                        ? SpanKind.SPAN_KIND_SERVER
                        : s % 2 == 1 ? SpanKind.SPAN_KIND_CLIENT : SpanKind.SPAN_KIND_INTERNAL)
                .setStartTimeUnixNano(spanStart)
                .setEndTimeUnixNano(spanEnd);
        if (s > 0) {
          span.setParentSpanId(spanId(1));
        }
        scope.addSpans(span);
      }
    }
    byte[] bytes =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(Telemetry.resource("checkout", "c-1"))
                    .addScopeSpans(scope))
            .build()
            .toByteArray();
    return new Template(bytes, times);
  }

  /** BATCH log records, one per span of the trace template, each with its span's context. */
  private static Template logTemplate() {
    ScopeLogs.Builder scope =
        ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("com.example.A"));
    Set<Long> times = new HashSet<>();
    for (int i = 0; i < BATCH; i++) {
      int t = i / SPANS_PER_TRACE;
      long time = T0 + t * 1_000_000L + (i % SPANS_PER_TRACE) * 1_000L + 100L;
      times.add(time);
      scope.addLogRecords(
          LogRecord.newBuilder()
              .setTimeUnixNano(time)
              .setTraceId(traceId(t))
              .setSpanId(spanId(i % SPANS_PER_TRACE + 1))
              .setBody(AnyValue.newBuilder().setStringValue("stock reserved")));
    }
    byte[] bytes =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(
                ResourceLogs.newBuilder()
                    .setResource(Telemetry.resource("checkout", "c-1"))
                    .addScopeLogs(scope))
            .build()
            .toByteArray();
    return new Template(bytes, times);
  }
}
