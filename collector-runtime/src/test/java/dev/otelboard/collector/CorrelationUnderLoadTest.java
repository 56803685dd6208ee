package dev.otelboard.collector;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The final figures depend on what arrived, never on timing: the two-service scenario counts
 * exactly while every core is busy and while an exporter stalls past the flush window. Bounded: a
 * fixed number of rounds, each a few hundred milliseconds.
 */
class CorrelationUnderLoadTest {
  private static final int ROUNDS = 8;

  private static EmbeddedCollector start(Duration flushWindow) throws Exception {
    return EmbeddedCollector.builder()
        .setGrpcPort(0)
        .setHttpPort(0)
        .setCapture(1000, 1000)
        .setFlushWindow(flushWindow)
        .start();
  }

  @Test
  void everyRoundCountsExactlyWhileEveryCoreIsBusy() throws Exception {
    try (BusyCores busy = new BusyCores(Runtime.getRuntime().availableProcessors())) {
      for (int round = 0; round < ROUNDS; round++) {
        // A short flush window makes every scheduling hiccup outlast it.
        EmbeddedCollector collector = start(Duration.ofMillis(50));
        TwoServiceScenario.run(collector);
        collector.close();

        TwoServiceScenario.assertArrivedExactly(collector);
      }
    }
  }

  @Test
  void spansStalledPastTheFlushWindowStillJoinTheirLogs() throws Exception {
    EmbeddedCollector collector = start(Duration.ofMillis(100));
    TwoServiceScenario.run(collector, exporter -> new Stalling(exporter, Duration.ofMillis(400)));
    collector.close();

    TwoServiceScenario.assertArrivedExactly(collector);
  }

  /** A span exporter that sleeps before each export, like one stuck behind a GC pause. */
  private record Stalling(SpanExporter delegate, Duration stall) implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      LockSupport.parkNanos(stall.toNanos());
      return delegate.export(spans);
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }

  /** One spinning thread per core until closed. */
  private static final class BusyCores implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    BusyCores(int n) {
      for (int i = 0; i < n; i++) {
        Thread t = new Thread(this::spin, "busy-" + i);
        t.setDaemon(true);
        t.start();
        threads.add(t);
      }
    }

    private void spin() {
      long x = 0;
      while (!stop.get()) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
      if (x == 42) {
        System.out.print("");
      }
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
    }
  }
}
