package dev.otelboard.collector.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.collector.processor.Processor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The completion callback receivers hold answers on, the refusal before scanning, the drain contract. */
class PipelineTest {

  private static Batch batch(int bytes) {
    return new Batch(Signal.LOGS, new byte[bytes], null, null, 1);
  }

  @Test
  void onProcessedRunsAfterEverySinkSawTheBatch() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    Sink sink =
        new Sink() {
          @Override
          public String name() {
            return "recording";
          }

          @Override
          public void consume(Batch batch) {
            events.add("consumed");
          }
        };
    CountDownLatch done = new CountDownLatch(1);
    Pipeline pipeline = new Pipeline(List.of(), List.of(sink), 16, new MemoryLimiter(1 << 20));
    pipeline.start();
    try {
      Admission admission =
          pipeline.offer(
              batch(100),
              () -> {
                events.add("processed");
                done.countDown();
              });
      assertThat(admission).isEqualTo(Admission.ACCEPTED);
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(events).containsExactly("consumed", "processed");
      assertThat(pipeline.stats().snapshot(Signal.LOGS).processedItems()).isEqualTo(1);
    } finally {
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
  }

  @Test
  void aThrowingCallbackDoesNotStopTheWorker() throws Exception {
    CountDownLatch second = new CountDownLatch(1);
    Pipeline pipeline = new Pipeline(List.of(), List.of(), 16, new MemoryLimiter(1 << 20));
    pipeline.start();
    try {
      pipeline.offer(
          batch(10),
          () -> {
            throw new IllegalStateException("client went away");
          });
      pipeline.offer(batch(10), second::countDown);
      assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
  }

  @Test
  void busyAndPrecheckFollowTheQueuedBytes() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Processor hold = gated(gate);
    long limit = 1 << 20;
    Pipeline pipeline = new Pipeline(List.of(hold), List.of(), 16, new MemoryLimiter(limit));
    pipeline.start();
    try {
      assertThat(pipeline.isBusy()).isFalse();
      assertThat(pipeline.precheck(Signal.LOGS, 1000)).isEqualTo(Admission.ACCEPTED);
      // Each batch accounts for about twice its bytes: three of 200 KB fill most of 1 MiB.
      for (int i = 0; i < 2; i++) {
        assertThat(pipeline.offer(batch(200_000))).isEqualTo(Admission.ACCEPTED);
      }
      assertThat(pipeline.isBusy()).isTrue();
      assertThat(pipeline.precheck(Signal.LOGS, 400_000)).isEqualTo(Admission.MEMORY_LIMIT);
      assertThat(pipeline.stats().snapshot(Signal.LOGS).refusedRequests()).isEqualTo(1);
      assertThat(pipeline.offer(batch(400_000))).isEqualTo(Admission.MEMORY_LIMIT);
      gate.countDown();
    } finally {
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
    assertThat(pipeline.stats().snapshot(Signal.LOGS).processedItems()).isEqualTo(2);
    assertThat(pipeline.precheck(Signal.LOGS, 10)).isEqualTo(Admission.SHUTTING_DOWN);
  }

  /** A sink that keeps every batch it consumes. */
  private static Sink recording(List<Batch> consumed) {
    return new Sink() {
      @Override
      public String name() {
        return "recording";
      }

      @Override
      public void consume(Batch batch) {
        consumed.add(batch);
      }
    };
  }

  /** A processor that holds the worker until the gate opens. */
  private static Processor gated(CountDownLatch gate) {
    return new Processor() {
      @Override
      public String name() {
        return "gate";
      }

      @Override
      public Batch process(Batch batch) {
        try {
          gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return batch;
      }
    };
  }

  @Test
  void awaitIdleReturnsOnlyOnceEverySinkConsumedEveryAcceptedBatch() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<Batch> consumed = new CopyOnWriteArrayList<>();
    Sink sink = recording(consumed);
    Pipeline pipeline = new Pipeline(List.of(gated(gate)), List.of(sink), 16, new MemoryLimiter(1 << 20));
    pipeline.start();
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(pipeline.offer(batch(10))).isEqualTo(Admission.ACCEPTED);
      }
      assertThat(pipeline.awaitIdle(Duration.ofMillis(50))).isFalse();
      assertThat(pipeline.unprocessedItems()).isEqualTo(5);

      gate.countDown();

      assertThat(pipeline.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(consumed).hasSize(5);
      assertThat(pipeline.unprocessedItems()).isZero();
      assertThat(pipeline.stats().snapshot(Signal.LOGS).processedItems()).isEqualTo(5);
    } finally {
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
  }

  @Test
  void awaitIdleOnAnIdlePipelineReturnsAtOnce() throws Exception {
    Pipeline pipeline = new Pipeline(List.of(), List.of(), 16, new MemoryLimiter(1 << 20));
    pipeline.start();
    try {
      assertThat(pipeline.awaitIdle(Duration.ZERO)).isTrue();
    } finally {
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
  }

  @Test
  void drainThatTimesOutSaysHowManyItemsWereNotProcessed() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Pipeline pipeline = new Pipeline(List.of(gated(gate)), List.of(), 16, new MemoryLimiter(1 << 20));
    pipeline.start();
    try {
      for (int i = 0; i < 3; i++) {
        assertThat(pipeline.offer(batch(10))).isEqualTo(Admission.ACCEPTED);
      }

      assertThat(pipeline.drainAndClose(Duration.ofMillis(100))).isFalse();

      // The first batch is held inside the processor; none of the three reached the sinks.
      assertThat(pipeline.unprocessedItems()).isEqualTo(3);
    } finally {
      gate.countDown();
    }
  }

  @Test
  void drainProcessesEverythingAcceptedBeforeItReturns() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Pipeline pipeline = new Pipeline(List.of(gated(gate)), List.of(), 4096, new MemoryLimiter(64 << 20));
    pipeline.start();
    for (int i = 0; i < 1000; i++) {
      assertThat(pipeline.offer(batch(10))).isEqualTo(Admission.ACCEPTED);
    }
    gate.countDown();

    assertThat(pipeline.drainAndClose(Duration.ofSeconds(30))).isTrue();

    assertThat(pipeline.unprocessedItems()).isZero();
    assertThat(pipeline.stats().snapshot(Signal.LOGS).processedItems()).isEqualTo(1000);
  }

  @Test
  void aThrowingProcessorDropsItsBatchButNeverStopsTheWorker() throws Exception {
    Processor flaky =
        new Processor() {
          private int calls;

          @Override
          public String name() {
            return "flaky";
          }

          @Override
          public Batch process(Batch batch) {
            if (calls++ == 0) {
              throw new IllegalStateException("bad statement at run time");
            }
            return batch;
          }
        };
    List<Batch> consumed = new CopyOnWriteArrayList<>();
    Sink sink = recording(consumed);
    Pipeline pipeline = new Pipeline(List.of(flaky), List.of(sink), 16, new MemoryLimiter(1 << 20));
    pipeline.start();
    try {
      pipeline.offer(batch(10));
      pipeline.offer(batch(10));

      assertThat(pipeline.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(consumed).hasSize(1);
      PipelineStats.SignalStats stats = pipeline.stats().snapshot(Signal.LOGS);
      assertThat(stats.processorFailures()).isEqualTo(1);
      assertThat(stats.droppedItems()).isEqualTo(1);
      assertThat(stats.processedItems()).isEqualTo(2);
    } finally {
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
  }
}
