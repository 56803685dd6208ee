package dev.otelboard.collector.correlate;

import static dev.otelboard.collector.correlate.Telemetry.log;
import static dev.otelboard.collector.correlate.Telemetry.logs;
import static dev.otelboard.collector.correlate.Telemetry.span;
import static dev.otelboard.collector.correlate.Telemetry.spans;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_INTERNAL;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.logs.v1.LogRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A full log window settles the records a batch pushes out before it queues the batch; the
 * figures are those of pushing the records one by one, each settling the oldest.
 */
class FullLogWindowTest {
  private static final String LOGGER = "com.example.checkout.CheckoutHandler";
  private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);

  private CorrelationIndex newIndex(int logCapacity) {
    return CorrelationIndex.builder()
        .setSpanCapacity(50)
        .setLogCapacity(logCapacity)
        .setFlushWindow(Duration.ofSeconds(2))
        .setLateWindow(Duration.ofSeconds(4))
        .setClock(nanoTime::get)
        .build();
  }

  /**
   * Random rounds of spans (some traces' spans never come) and of records (with and without
   * context, inside and outside the requests) into small log windows: one index gets each round's
   * records as one batch, the other record by record; both are asked for their status between
   * rounds, which settles what is due.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void oneBatchAgreesWithRecordByRecord(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int capacity = random.nextInt(1, 30);
    CorrelationIndex whole = newIndex(capacity);
    CorrelationIndex single = newIndex(capacity);
    for (int round = 0; round < 60; round++) {
      long trace = random.nextInt(1, 20);
      if (random.nextInt(3) > 0) {
        var request =
            spans(
                "checkout",
                "checkout-1",
                span(trace, 1, 0, SPAN_KIND_SERVER, "POST /checkout", 0, 100),
                span(trace, 2, 1, SPAN_KIND_INTERNAL, "reserve", 10, 50));
        whole.addSpans(request);
        single.addSpans(request);
      }
      List<LogRecord> records = new ArrayList<>();
      int n = random.nextInt(1, 40);
      for (int i = 0; i < n; i++) {
        long time = random.nextInt(150);
        long context = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 20);
        records.add(log(time, context, random.nextInt(1, 3), "m" + random.nextInt(3)));
      }
      whole.addLogs(logs("checkout", "checkout-1", LOGGER, records.toArray(LogRecord[]::new)));
      for (LogRecord r : records) {
        single.addLogs(logs("checkout", "checkout-1", LOGGER, r));
      }
      nanoTime.addAndGet(random.nextInt(4) * 1_000_000_000L);
      assertThat(whole.status()).as("round %d", round).isEqualTo(single.status());
    }
    assertThat(whole.report()).isEqualTo(single.report());
  }
}
