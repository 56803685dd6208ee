package dev.otelboard.collector.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.collector.wire.OtlpWire;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A full 10-million-span window fits the memory budget (measured, not timed). */
class CorrelationIndexMemoryTest {
  private static final int SPANS = 10_000_000;
  private static final int BATCH = 10_000;
  private static final int SPANS_PER_TRACE = 8;
  private static final long MARKER = 0x0B1DFACE0B1DFACEL;

  @Test
  void tenMillionSpansFitIn400MiB() throws Exception {
    CorrelationIndex index = CorrelationIndex.builder().setSpanCapacity(SPANS).build();
    byte[] request = template();
    List<Integer> markerOffsets = offsetsOf(request, MARKER);
    assertThat(markerOffsets).hasSize(BATCH);

    for (int batch = 0; batch < SPANS / BATCH; batch++) {
      // A new high half for every trace id makes every batch new to the index.
      for (int offset : markerOffsets) {
        ByteBuffer.wrap(request, offset, 8).putLong(batch + 1L);
      }
      index.addSpans(OtlpWire.scanTraces(request, 0, request.length));
    }

    CorrelationStatus status = index.status();
    assertThat(status.spans()).isEqualTo(SPANS);
    assertThat(status.evictedSpans()).isZero();
    assertThat(status.estimatedBytes()).isLessThanOrEqualTo(400L << 20);
  }

  /** One request of BATCH spans: traces of a SERVER root with CLIENT and INTERNAL children. */
  private static byte[] template() {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    long t0 = 1_700_000_000_000_000_000L;
    for (int t = 0; t < BATCH / SPANS_PER_TRACE; t++) {
      byte[] traceId = ByteBuffer.allocate(16).putLong(MARKER).putLong(t + 1).array();
      long start = t0 + t * 10_000_000L;
      for (int s = 0; s < SPANS_PER_TRACE; s++) {
        Span.Builder span =
            Span.newBuilder()
                .setTraceId(com.google.protobuf.ByteString.copyFrom(traceId))
                .setSpanId(id8(s + 1))
                .setName(s == 0 ? "POST /checkout" : s % 2 == 1 ? "GET" : "reserve-stock")
                .setKind(s == 0 ? SpanKind.SPAN_KIND_SERVER : s % 2 == 1 ? SpanKind.SPAN_KIND_CLIENT : SpanKind.SPAN_KIND_INTERNAL)
                .setStartTimeUnixNano(start + s * 1000)
                .setEndTimeUnixNano(start + (s == 0 ? 9_000_000 : s * 1000 + 500));
        if (s > 0) {
          span.setParentSpanId(id8(1));
        }
        scope.addSpans(span);
      }
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(Telemetry.resource("checkout", "c-1"))
                .addScopeSpans(scope))
        .build()
        .toByteArray();
  }

  private static com.google.protobuf.ByteString id8(long id) {
    return com.google.protobuf.ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
  }

  private static List<Integer> offsetsOf(byte[] bytes, long marker) {
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i + 8 <= bytes.length; i++) {
      if (ByteBuffer.wrap(bytes, i, 8).getLong() == marker) {
        offsets.add(i);
      }
    }
    return offsets;
  }
}
