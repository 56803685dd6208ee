package dev.otelboard.collector.correlate;

import static dev.otelboard.collector.correlate.Telemetry.span;
import static dev.otelboard.collector.correlate.Telemetry.spans;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_INTERNAL;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.collector.correlate.CorrelationReport.OrphanSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spans of one batch find their parents in the batch, in either order, with the same outcome as
 * when each span comes in a batch of its own (where every parent is looked up in the window).
 */
class BatchSpansTest {
  private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);

  private CorrelationIndex newIndex(int spanCapacity) {
    return CorrelationIndex.builder()
        .setSpanCapacity(spanCapacity)
        .setFlushWindow(Duration.ofSeconds(2))
        .setClock(nanoTime::get)
        .build();
  }

  @Test
  void parentOfEachSpanIsTheFirstSpanOfTheBatchWithItsKeys() {
    BatchSpans batch = new BatchSpans();
    SplittableRandom random = new SplittableRandom(15);
    for (int round = 0; round < 2000; round++) {
      int n = random.nextInt(1, 300);
      batch.reset(n);
      for (int i = 0; i < n; i++) {
        batch.trace[i] = random.nextInt(1, 4);
        batch.key[i] = random.nextInt(1, 60) << 24; // equal low bits: all share a home
        batch.parent[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(1, 60) << 24;
      }
      batch.link(n);
      for (int i = 0; i < n; i++) {
        int want = -1;
        for (int j = 0; j < n && want < 0 && batch.parent[i] != 0; j++) {
          if (batch.key[j] == batch.parent[i] && batch.trace[j] == batch.trace[i]) {
            want = j;
          }
        }
        assertThat(batch.parentAt[i]).as("round %d span %d", round, i).isEqualTo(want);
      }
    }
  }

  @Test
  void childrenBeforeTheirParentsInOneBatchAreNoOrphans() {
    CorrelationIndex index = newIndex(1000);
    index.addSpans(
        spans(
            "checkout",
            "c-1",
            span(7, 3, 2, SPAN_KIND_SERVER, "GET /stock", 12, 48),
            span(7, 2, 1, SPAN_KIND_CLIENT, "GET /stock", 10, 50),
            span(7, 1, 0, SPAN_KIND_SERVER, "POST /checkout", 0, 100)));
    nanoTime.addAndGet(5_000_000_000L);

    assertThat(index.status().orphanSpans()).isZero();
    CorrelationReport report = index.report();
    assertThat(report.orphanSpans()).isZero();
    assertThat(report.missingServerChildren()).isEmpty();
  }

  @Test
  void childrenEvictedBeforeTheirParentArrivesInTheSameBatchAreOrphans() {
    CorrelationIndex index = newIndex(4);
    Span[] batch = new Span[8];
    for (int i = 0; i < 7; i++) {
      batch[i] = span(7, i + 2, 1, SPAN_KIND_INTERNAL, "child", 10, 20);
    }
    batch[7] = span(7, 1, 0, SPAN_KIND_SERVER, "POST /checkout", 0, 100);
    index.addSpans(spans("checkout", "c-1", batch));

    assertThat(index.status().orphanSpans()).isEqualTo(4);
    CorrelationReport report = index.report();
    assertThat(report.evictedSpans()).isEqualTo(4);
    assertThat(report.topOrphanSpans()).containsExactly(new OrphanSpans("checkout", "child", 4));
  }

  /**
   * Random traces (few ids, so spans repeat and collide; kinds and names that the report tells
   * apart), in random order, in small windows: one index gets each round as one batch, the other
   * span by span; both are asked for their status between rounds, which settles what is due.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void oneBatchAgreesWithSpanBySpan(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int capacity = random.nextInt(2, 40);
    CorrelationIndex whole = newIndex(capacity);
    CorrelationIndex single = newIndex(capacity);
    SpanKind[] kinds = {SPAN_KIND_SERVER, SPAN_KIND_CLIENT, SPAN_KIND_INTERNAL};
    for (int round = 0; round < 60; round++) {
      List<Span> batch = new ArrayList<>();
      int n = random.nextInt(1, 30);
      for (int i = 0; i < n; i++) {
        long trace = random.nextInt(1, 6);
        long id = random.nextInt(1, 12);
        long parent = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 12);
        SpanKind kind = kinds[random.nextInt(kinds.length)];
        batch.add(span(trace, id, parent, kind, "op" + random.nextInt(3), 0, 10));
      }
      String service = random.nextBoolean() ? "checkout" : "inventory";
      whole.addSpans(spans(service, service + "-1", batch.toArray(Span[]::new)));
      for (Span s : batch) {
        single.addSpans(spans(service, service + "-1", s));
      }
      nanoTime.addAndGet(random.nextInt(3) * 1_000_000_000L);
      // Every figure but the heap estimate, which counts the batch's own arrays (sized per batch).
      assertThat(whole.status())
          .as("round %d", round)
          .usingRecursiveComparison()
          .ignoringFields("estimatedBytes")
          .isEqualTo(single.status());
    }
    assertThat(whole.report()).isEqualTo(single.report());
  }

  @Test
  void aHugeBatchsArraysAreDroppedByTheNextOrdinaryOne() {
    BatchSpans b = new BatchSpans();
    b.reset(512);
    long ordinary = b.bytes();
    b.reset(1_000_000);
    assertThat(b.key.length).isEqualTo(1_000_000);
    assertThat(b.bytes()).isGreaterThan(36_000_000L);
    b.reset(512);
    assertThat(b.key.length).isLessThanOrEqualTo(1 << 16);
    assertThat(b.bytes()).isLessThan(3_000_000L).isGreaterThanOrEqualTo(ordinary);
  }
}
