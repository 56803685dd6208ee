package dev.otelboard.collector.correlate;

import static dev.otelboard.collector.correlate.Telemetry.log;
import static dev.otelboard.collector.correlate.Telemetry.logs;
import static dev.otelboard.collector.correlate.Telemetry.span;
import static dev.otelboard.collector.correlate.Telemetry.spans;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CONSUMER;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_INTERNAL;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_PRODUCER;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.collector.correlate.CorrelationReport.MissingServerChild;
import dev.otelboard.collector.correlate.CorrelationReport.OrphanSpans;
import dev.otelboard.collector.correlate.CorrelationReport.ServiceFigures;
import dev.otelboard.collector.correlate.CorrelationReport.UncorrelatedLogs;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.SpanBatch;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scenarios of DESIGN.md "Correlation: what verify measures", from real serialized requests. */
class CorrelationIndexTest {
  private static final String LOGGER = "com.example.checkout.CheckoutHandler";

  private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);
  private CorrelationIndex index = newIndex(1000);

  private CorrelationIndex newIndex(int spanCapacity) {
    return CorrelationIndex.builder()
        .setSpanCapacity(spanCapacity)
        .setLogCapacity(1000)
        .setFlushWindow(Duration.ofSeconds(2))
        .setClock(nanoTime::get)
        .build();
  }

  private void advanceSeconds(long seconds) {
    nanoTime.addAndGet(seconds * 1_000_000_000L);
  }

  private void addSpans(String service, Span... spans) {
    index.addSpans(spans(service, service + "-1", spans));
  }

  private void addLogs(String service, LogRecord... records) {
    index.addLogs(logs(service, service + "-1", LOGGER, records));
  }

  /** A checkout request: SERVER span 1 over [0, 100] ms with an INTERNAL child 2 over [10, 50]. */
  private static Span[] checkoutRequest(long trace) {
    return new Span[] {
      span(trace, 1, 0, SPAN_KIND_SERVER, "POST /checkout", 0, 100),
      span(trace, 2, 1, SPAN_KIND_INTERNAL, "reserve", 10, 50)
    };
  }

  @Test
  void perfectlyCorrelatedRequestIsAHundredPercent() {
    addLogs(
        "checkout",
        log(20, 7, 2, "reserving stock"),
        log(30, 7, 2, "reserved"),
        log(60, 7, 1, "order placed"));
    addSpans("checkout", checkoutRequest(7));

    CorrelationReport report = index.report();

    assertThat(report.inRequestLogs()).isEqualTo(3);
    assertThat(report.correlatedInRequestLogs()).isEqualTo(3);
    assertThat(report.inRequestCorrelation()).isEqualTo(1.0);
    assertThat(report.orphanSpans()).isZero();
    assertThat(report.traces()).isEqualTo(1);
    assertThat(report.crossServiceTraces()).isZero();
    assertThat(report.topUncorrelatedLogs()).isEmpty();
    assertThat(report.services())
        .containsExactly(new ServiceFigures("checkout", 2, 3, 3, 3, 3, 3, 0, 1.0));
  }

  @Test
  void inRequestLogsWithoutTraceContextAreUncorrelatedAndNamed() {
    addSpans("checkout", checkoutRequest(7));
    addLogs(
        "checkout",
        log(20, 0, 0, "Order placed for user 42"),
        log(30, 0, 0, "Order placed for user 42"),
        log(40, 7, 1, "correlated"));

    CorrelationReport report = index.report();

    assertThat(report.inRequestLogs()).isEqualTo(3);
    assertThat(report.correlatedInRequestLogs()).isEqualTo(1);
    assertThat(report.inRequestCorrelation()).isEqualTo(1.0 / 3);
    assertThat(report.logsWithTraceContext()).isEqualTo(1);
    assertThat(report.topUncorrelatedLogs())
        .containsExactly(
            new UncorrelatedLogs("checkout", LOGGER, "Order placed for user 42", 2, 2));
  }

  @Test
  void messageTemplateIsTheBodyCutTo120Characters() {
    String longBody = "\u00e9".repeat(100) + "x".repeat(100);
    addSpans("checkout", checkoutRequest(7));
    addLogs("checkout", log(20, 0, 0, longBody), log(21, 0, 0, longBody + " differs after 120"));

    assertThat(index.report().topUncorrelatedLogs())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.messageTemplate()).isEqualTo(longBody.substring(0, 120));
              assertThat(u.count()).isEqualTo(2);
            });
  }

  @Test
  void logArrivingBeforeItsSpanIsCorrelatedOnceTheSpanArrives() {
    addLogs("checkout", log(60, 7, 1, "order placed"));
    advanceSeconds(1);
    assertThat(index.status().pendingLogs()).isEqualTo(1);

    addSpans("checkout", checkoutRequest(7));
    advanceSeconds(2);
    CorrelationStatus status = index.status();

    assertThat(status.pendingLogs()).isZero();
    assertThat(status.inRequestLogs()).isEqualTo(1);
    assertThat(status.correlatedInRequestLogs()).isEqualTo(1);
    assertThat(status.correlatedPercent()).isEqualTo(100.0);
    assertThat(index.report().inRequestCorrelation()).isEqualTo(1.0);
  }

  @Test
  void logWhoseSpanNeverArrivesIsUncorrelated() {
    addSpans("checkout", checkoutRequest(7));
    addLogs("checkout", log(60, 7, 99, "order placed"));

    CorrelationReport report = index.report();

    assertThat(report.inRequestLogs()).isEqualTo(1);
    assertThat(report.correlatedInRequestLogs()).isZero();
    assertThat(report.correlatedLogs()).isZero();
    assertThat(report.topUncorrelatedLogs())
        .containsExactly(
            new UncorrelatedLogs("checkout", LOGGER, ReportAssembler.CONTEXT_MESSAGE, 1, 1));
  }

  @Test
  void spanDelayedPastTheFlushWindowStillJoinsItsLogWithinTheLateWindow() {
    // A stalled exporter (GC pause, busy CPU) sends the spans 3 s after the log of their request.
    addLogs("checkout", log(60, 7, 1, "order placed"));
    advanceSeconds(3);
    assertThat(index.status().inRequestLogs()).isZero();
    assertThat(index.status().pendingLogs()).isEqualTo(1);

    addSpans("checkout", checkoutRequest(7));

    CorrelationReport report = index.report();
    assertThat(report.inRequestLogs()).isEqualTo(1);
    assertThat(report.correlatedInRequestLogs()).isEqualTo(1);
    advanceSeconds(31);
    CorrelationStatus status = index.status();
    assertThat(status.pendingLogs()).isZero();
    assertThat(status.correlatedInRequestLogs()).isEqualTo(1);
  }

  @Test
  void spanArrivingAfterTheLateWindowIsTooLateForItsLog() {
    addLogs("checkout", log(60, 7, 1, "order placed"));
    advanceSeconds(3);
    index.status();
    advanceSeconds(31);
    assertThat(index.status().pendingLogs()).isZero();

    addSpans("checkout", checkoutRequest(7));

    CorrelationReport report = index.report();
    assertThat(report.correlatedLogs()).isZero();
    // Counted before the SERVER span arrived, so it was not known to be in a request either.
    assertThat(report.inRequestLogs()).isZero();
  }

  @Test
  void logOutsideEveryRequestIsCountedOnceItsLateWindowEnds() {
    addLogs("checkout", log(500, 0, 0, "started in 1.2 s"));
    advanceSeconds(3);
    assertThat(index.status().pendingLogs()).isEqualTo(1);
    advanceSeconds(30);

    CorrelationStatus status = index.status();

    assertThat(status.pendingLogs()).isZero();
    assertThat(status.inRequestLogs()).isZero();
    assertThat(index.report().logs()).isEqualTo(1);
  }

  @Test
  void reportCountsLogsStillInsideTheirFlushWindow() {
    addSpans("checkout", checkoutRequest(7));
    addLogs("checkout", log(60, 7, 1, "order placed"));

    assertThat(index.status().inRequestLogs()).isZero();
    assertThat(index.report().correlatedInRequestLogs()).isEqualTo(1);
    // Reporting does not settle: more spans may still come.
    assertThat(index.status().pendingLogs()).isEqualTo(1);
  }

  @Test
  void spanWhoseParentNeverArrivesIsAnOrphan() {
    addSpans(
        "checkout",
        span(7, 2, 1, SPAN_KIND_INTERNAL, "reserve", 10, 50),
        span(7, 3, 2, SPAN_KIND_INTERNAL, "lock row", 12, 20),
        span(8, 5, 4, SPAN_KIND_INTERNAL, "reserve", 10, 50));

    CorrelationReport report = index.report();

    assertThat(report.orphanSpans()).isEqualTo(2);
    assertThat(report.topOrphanSpans()).containsExactly(new OrphanSpans("checkout", "reserve", 2));
    assertThat(report.services())
        .singleElement()
        .extracting(ServiceFigures::orphanSpans)
        .isEqualTo(2L);
  }

  @Test
  void parentArrivingAfterItsChildLeavesNoOrphan() {
    addSpans("checkout", span(7, 2, 1, SPAN_KIND_INTERNAL, "reserve", 10, 50));
    advanceSeconds(5);
    assertThat(index.status().orphanSpans()).as("live figure before the parent").isEqualTo(1);

    addSpans("checkout", span(7, 1, 0, SPAN_KIND_SERVER, "POST /checkout", 0, 100));

    assertThat(index.report().orphanSpans()).isZero();
    assertThat(index.status().orphanSpans()).as("live figure after a report").isZero();
  }

  static Stream<Arguments> arrivalOrders() {
    return Stream.of(
        Arguments.of("caller exports first", false), Arguments.of("callee exports first", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("arrivalOrders")
  void clientCallingAnInstrumentedServiceMakesACrossServiceTrace(String name, boolean calleeFirst) {
    SpanBatch checkout =
        spans(
            "checkout",
            "c-1",
            span(7, 1, 0, SPAN_KIND_SERVER, "POST /checkout", 0, 100),
            span(7, 2, 1, SPAN_KIND_CLIENT, "GET /stock", 10, 50));
    SpanBatch inventory =
        spans("inventory", "i-1", span(7, 3, 2, SPAN_KIND_SERVER, "GET /stock", 12, 48));
    if (calleeFirst) {
      index.addSpans(inventory);
      index.addSpans(checkout);
    } else {
      index.addSpans(checkout);
      index.addSpans(inventory);
    }

    CorrelationReport report = index.report();

    assertThat(report.traces()).isEqualTo(1);
    assertThat(report.crossServiceTraces()).isEqualTo(1);
    assertThat(report.missingServerChildren()).isEmpty();
    assertThat(report.orphanSpans()).isZero();
    assertThat(report.services())
        .extracting(ServiceFigures::service)
        .containsExactly("checkout", "inventory");
  }

  @Test
  void clientSpanWhoseCalleeSentNothingIsAMissingServerChild() {
    addSpans(
        "checkout",
        span(7, 1, 0, SPAN_KIND_SERVER, "POST /checkout", 0, 100),
        span(7, 2, 1, SPAN_KIND_CLIENT, "POST /payment", 10, 50),
        span(8, 1, 0, SPAN_KIND_SERVER, "POST /checkout", 0, 100),
        span(8, 2, 1, SPAN_KIND_CLIENT, "POST /payment", 10, 50));

    CorrelationReport report = index.report();

    assertThat(report.missingServerChildren())
        .containsExactly(new MissingServerChild("checkout", "POST /payment", 2));
    assertThat(report.crossServiceTraces()).isZero();
    assertThat(report.traces()).isEqualTo(2);
  }

  @Test
  void evictionKeepsTheNewestSpansAndCountsTheRest() {
    for (int batch = 0; batch < 50; batch++) {
      Span[] spans = new Span[100];
      for (int i = 0; i < spans.length; i++) {
        long trace = batch * 100L + i + 1;
        spans[i] = span(trace, 1, 0, SPAN_KIND_INTERNAL, "work", 0, 1);
      }
      addSpans("checkout", spans);
    }
    addLogs(
        "checkout",
        log(0, 4001, 1, "newest"),
        log(0, 5000, 1, "newest"),
        log(0, 4000, 1, "evicted"));

    CorrelationReport report = index.report();

    assertThat(report.spans()).isEqualTo(5000);
    assertThat(report.evictedSpans()).isEqualTo(4000);
    assertThat(report.traces()).isEqualTo(1000);
    assertThat(report.correlatedLogs()).isEqualTo(2);
    assertThat(index.status().evictedSpans()).isEqualTo(4000);
  }

  @Test
  void evictedSpanWithoutItsParentIsStillCountedAsAnOrphan() {
    index = newIndex(2);
    addSpans("checkout", span(7, 2, 1, SPAN_KIND_INTERNAL, "lost child", 0, 1));
    addSpans(
        "checkout",
        span(8, 1, 0, SPAN_KIND_INTERNAL, "a", 0, 1),
        span(9, 1, 0, SPAN_KIND_INTERNAL, "b", 0, 1));

    CorrelationReport report = index.report();

    assertThat(report.evictedSpans()).isEqualTo(1);
    assertThat(report.topOrphanSpans())
        .containsExactly(new OrphanSpans("checkout", "lost child", 1));
  }

  static Stream<Arguments> logsOutsideRequests() {
    return Stream.of(
        Arguments.of("before the server span", "checkout", "checkout-1", 5, 0L),
        Arguments.of("after the server span", "checkout", "checkout-1", 500, 0L),
        Arguments.of("in another instance's request", "checkout", "checkout-2", 50, 0L),
        Arguments.of("in another service's request", "inventory", "checkout-1", 50, 0L),
        Arguments.of("inside only a client span", "checkout", "checkout-1", 250, 0L),
        Arguments.of("inside only a producer span", "checkout", "checkout-1", 350, 0L),
        Arguments.of("with context, before the server span", "checkout", "checkout-1", 5, 7L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logsOutsideRequests")
  void logOutsideAnyServerSpanOfItsInstanceIsNotInRequest(
      String name, String service, String instance, long timeMs, long trace) {
    addSpans(
        "checkout",
        span(7, 1, 0, SPAN_KIND_SERVER, "POST /checkout", 10, 100),
        span(9, 1, 0, SPAN_KIND_CLIENT, "GET /health", 200, 300),
        span(9, 2, 0, SPAN_KIND_PRODUCER, "orders publish", 340, 360));
    index.addLogs(logs(service, instance, LOGGER, log(timeMs, trace, 1, "hello")));

    CorrelationReport report = index.report();

    assertThat(report.logs()).isEqualTo(1);
    assertThat(report.inRequestLogs()).isZero();
    assertThat(report.inRequestCorrelation()).as("no in-request logs counts as 1.0").isEqualTo(1.0);
  }

  @Test
  void consumerSpanIsARequestToo() {
    addSpans("checkout", span(7, 1, 0, SPAN_KIND_CONSUMER, "orders process", 0, 100));
    addLogs("checkout", log(50, 0, 0, "processing"));

    assertThat(index.report().inRequestLogs()).isEqualTo(1);
  }

  @Test
  void overlappingRequestsCoverTheirUnion() {
    addSpans(
        "checkout",
        span(1, 1, 0, SPAN_KIND_SERVER, "a", 100, 200),
        span(2, 1, 0, SPAN_KIND_SERVER, "b", 0, 50),
        span(3, 1, 0, SPAN_KIND_SERVER, "c", 40, 120),
        span(4, 1, 0, SPAN_KIND_SERVER, "d", 400, 500));
    addLogs(
        "checkout",
        log(0, 0, 0, "in"),
        log(45, 0, 0, "in"),
        log(200, 0, 0, "in"),
        log(201, 0, 0, "out"),
        log(450, 0, 0, "in"),
        log(501, 0, 0, "out"));

    assertThat(index.report().inRequestLogs()).isEqualTo(4);
  }

  @Test
  void retriedExportIsIndexedOnce() {
    SpanBatch batch = spans("checkout", "checkout-1", checkoutRequest(7));
    index.addSpans(batch);
    index.addSpans(batch);

    CorrelationReport report = index.report();

    assertThat(report.spans()).isEqualTo(4);
    assertThat(report.duplicateSpans()).isEqualTo(2);
    assertThat(report.traces()).isEqualTo(1);
  }

  @Test
  void fullLogWindowSettlesTheOldestEarlyAndCountsThem() {
    LogRecord[] records = new LogRecord[1500];
    for (int i = 0; i < records.length; i++) {
      records[i] = log(50, 7, 1, "r");
    }
    addLogs("checkout", records);
    addSpans("checkout", checkoutRequest(7));

    CorrelationReport report = index.report();

    assertThat(report.evictedLogs()).isEqualTo(500);
    assertThat(report.logs()).isEqualTo(1500);
    // The 500 left the full window before their span arrived and waited in the late queue.
    assertThat(report.correlatedLogs()).isEqualTo(1500);
  }

  @Test
  void figuresAreKeptPerService() {
    index.addSpans(spans("checkout", "c-1", checkoutRequest(7)));
    index.addSpans(
        spans("inventory", "i-1", span(8, 1, 0, SPAN_KIND_SERVER, "GET /stock", 0, 100)));
    index.addLogs(logs("checkout", "c-1", LOGGER, log(50, 7, 1, "ok"), log(60, 0, 0, "lost")));
    index.addLogs(logs("inventory", "i-1", "com.example.Stock", log(50, 8, 1, "ok")));

    List<ServiceFigures> services = index.report().services();

    assertThat(services)
        .containsExactly(
            new ServiceFigures("checkout", 2, 2, 1, 2, 1, 1, 0, 0.5),
            new ServiceFigures("inventory", 1, 1, 1, 1, 1, 1, 0, 1.0));
  }

  @Test
  void logsOfOneBatchKeepTheirOwnScopeAsLogger() {
    addSpans("checkout", checkoutRequest(7));
    LogBatch batch = logs("checkout", "checkout-1", "com.example.A", log(20, 0, 0, "a"));
    index.addLogs(batch);
    index.addLogs(logs("checkout", "checkout-1", "com.example.B", log(20, 0, 0, "a")));

    assertThat(index.report().topUncorrelatedLogs())
        .extracting(UncorrelatedLogs::logger)
        .containsExactly("com.example.A", "com.example.B");
  }

  @Test
  void estimatedBytesGrowsWithUseNotCapacity() {
    CorrelationIndex big = CorrelationIndex.builder().build();

    assertThat(big.estimatedBytes()).isLessThan(2L << 20);
  }
}
