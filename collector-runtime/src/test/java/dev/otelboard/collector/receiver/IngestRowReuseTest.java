package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.MemoryLimiter;
import dev.otelboard.collector.pipeline.Pipeline;
import dev.otelboard.collector.pipeline.PipelineStats.SignalStats;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.pipeline.Sink;
import dev.otelboard.collector.processor.Processor;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.OtlpWire;
import dev.otelboard.collector.wire.ScannedRequests;
import dev.otelboard.collector.wire.SpanBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A scanned batch's rows serve a later request only after every sink is done with the batch, never
 * while a sink retains batches, and every sink sees each batch as a fresh scan would read it.
 */
class IngestRowReuseTest {
  private static final int ITEMS = 600;

  /** Digests every batch it sees (keyed by the seed of its request) and keeps the batch. */
  private static final class Digesting implements Sink {
    final Map<Long, Long> digests = new ConcurrentHashMap<>();
    final List<Batch> kept = new ArrayList<>();
    final AtomicInteger mismatches = new AtomicInteger();
    private final boolean retains;
    private final CountDownLatch gate;

    Digesting(boolean retains, CountDownLatch gate) {
      this.retains = retains;
      this.gate = gate;
    }

    @Override
    public String name() {
      return "digesting";
    }

    @Override
    public void consume(Batch batch) {
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long seed = seed(batch);
      if (digests.put(seed, digest(batch)) != null) {
        mismatches.incrementAndGet();
      }
      kept.add(batch);
    }

    @Override
    public boolean retainsPayload() {
      return retains;
    }
  }

  private static long seed(Batch batch) {
    // Both builders put seed * 1e6 into the first item's time; logs get seeds from 1000.
    return batch.spans() != null
        ? batch.spans().startNanos(0) / 1_000_000
        : batch.logs().timeNanos(0) / 1_000_000;
  }

  private static long digest(Batch batch) {
    return batch.spans() != null
        ? ScannedRequests.digest(batch.spans())
        : ScannedRequests.digest(batch.logs());
  }

  private static byte[] request(int seed) {
    return seed < 1000 ? ScannedRequests.traces(seed, ITEMS, seed % 2 == 1) : ScannedRequests.logs(seed, ITEMS);
  }

  private static long expected(int seed) throws Exception {
    byte[] r = request(seed);
    if (seed < 1000) {
      SpanBatch b = OtlpWire.scanTraces(r, 0, r.length);
      return ScannedRequests.digest(b);
    }
    LogBatch b = OtlpWire.scanLogs(r, 0, r.length);
    return ScannedRequests.digest(b);
  }

  private static void offer(Ingest ingest, int seed, CountDownLatch processed) {
    byte[] request = request(seed);
    byte[] payload = ingest.requestArray(request.length);
    System.arraycopy(request, 0, payload, 0, request.length);
    Signal signal = seed < 1000 ? Signal.TRACES : Signal.LOGS;
    assertThat(ingest.accept(signal, payload, processed::countDown).isAccepted()).isTrue();
  }

  private static Pipeline pipeline(Sink sink) {
    // Room for every request any test sends at once (4 x 60): a full queue would refuse one, and
    // whether it fills depends on how fast the worker runs on a busy machine.
    Pipeline pipeline = new Pipeline(List.of(), List.of(sink), 512, new MemoryLimiter(1 << 28));
    pipeline.start();
    return pipeline;
  }

  @Test
  void queuedBatchesKeepTheirRowsUntilProcessedThenReleaseThem() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Digesting sink = new Digesting(false, gate);
    Pipeline pipeline = pipeline(sink);
    try {
      assertThat(pipeline.recyclesPayloads()).isTrue();
      Ingest ingest = new Ingest(pipeline);
      int[] seeds = {1, 2, 3, 1001, 1002, 4, 1003, 5};
      CountDownLatch processed = new CountDownLatch(seeds.length);
      // The worker holds the first batch at the gate while the others are scanned behind it.
      for (int seed : seeds) {
        offer(ingest, seed, processed);
      }
      gate.countDown();
      assertThat(processed.await(10, TimeUnit.SECONDS)).isTrue();
      for (int seed : seeds) {
        assertThat(sink.digests.get((long) seed)).as("seed %d", seed).isEqualTo(expected(seed));
      }
      // Processed: the rows went back (a sink that kept a batch against its word sees it empty).
      assertThat(sink.kept)
          .allSatisfy(b -> assertThat(b.spans() != null ? b.spans().count() : b.logs().count()).isZero());
      // Later requests (served from the pool where sizes match) still read right.
      CountDownLatch again = new CountDownLatch(2);
      offer(ingest, 6, again);
      offer(ingest, 1006, again);
      assertThat(again.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(sink.digests.get(6L)).isEqualTo(expected(6));
      assertThat(sink.digests.get(1006L)).isEqualTo(expected(1006));
    } finally {
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
  }

  @Test
  void batchesStayIntactWhileASinkRetainsThem() throws Exception {
    Digesting sink = new Digesting(true, new CountDownLatch(0));
    assertProcessedBatchesStayIntact(sink, List.of());
  }

  @Test
  void batchesStayIntactWhenAProcessorRuns() throws Exception {
    Digesting sink = new Digesting(false, new CountDownLatch(0));
    Processor passThrough =
        new Processor() {
          @Override
          public String name() {
            return "pass";
          }

          @Override
          public Batch process(Batch batch) {
            return batch;
          }
        };
    assertProcessedBatchesStayIntact(sink, List.of(passThrough));
  }

  private static void assertProcessedBatchesStayIntact(Digesting sink, List<Processor> processors)
      throws Exception {
    Pipeline pipeline = new Pipeline(processors, List.of(sink), 64, new MemoryLimiter(1 << 26));
    pipeline.start();
    try {
      assertThat(pipeline.recyclesPayloads()).isFalse();
      Ingest ingest = new Ingest(pipeline);
      int[] seeds = {1, 1001, 2, 1002, 3};
      CountDownLatch processed = new CountDownLatch(seeds.length);
      for (int seed : seeds) {
        offer(ingest, seed, processed);
      }
      assertThat(processed.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < seeds.length; i++) {
        assertThat(digest(sink.kept.get(i))).isEqualTo(expected(seeds[i]));
      }
    } finally {
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
  }

  @Test
  void concurrentEventLoopsNeverShareRows() throws Exception {
    Digesting sink = new Digesting(false, new CountDownLatch(0));
    Pipeline pipeline = pipeline(sink);
    int threads = 4;
    int perThread = 60;
    ExecutorService loops = Executors.newFixedThreadPool(threads);
    try {
      Ingest ingest = new Ingest(pipeline);
      CountDownLatch processed = new CountDownLatch(threads * perThread);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int loop = t;
        done.add(
            loops.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    int seed = 10 + loop * perThread + i;
                    offer(ingest, i % 2 == 0 ? seed : 1000 + seed, processed);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
      assertThat(processed.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sink.digests).hasSize(threads * perThread);
      assertThat(sink.mismatches).hasValue(0);
      for (Map.Entry<Long, Long> e : sink.digests.entrySet()) {
        assertThat(e.getValue()).as("seed %d", e.getKey()).isEqualTo(expected(e.getKey().intValue()));
      }
      for (Signal signal : List.of(Signal.TRACES, Signal.LOGS)) {
        SignalStats stats = pipeline.stats().snapshot(signal);
        assertThat(stats.acceptedItems()).isEqualTo(threads * perThread / 2 * ITEMS);
        assertThat(stats.processedItems()).isEqualTo(stats.acceptedItems());
      }
    } finally {
      loops.shutdownNow();
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
  }
}
