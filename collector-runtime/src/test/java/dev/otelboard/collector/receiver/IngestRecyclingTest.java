package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.MemoryLimiter;
import dev.otelboard.collector.pipeline.Pipeline;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.pipeline.Sink;
import dev.otelboard.collector.processor.Processor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request's array serves a later request only once every sink is done with it, and never while
 * a sink or processor may keep the bytes.
 */
class IngestRecyclingTest {
  private static final byte[] REQUEST = MalformedRequestsTest.validTraces(600);

  /** Keeps a copy of every payload it sees, and says whether it keeps the payload itself. */
  private static final class Recording implements Sink {
    final List<byte[]> seen = new ArrayList<>();
    private final boolean retains;

    Recording(boolean retains) {
      this.retains = retains;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public void consume(Batch batch) {
      seen.add(batch.payload().clone());
    }

    @Override
    public boolean retainsPayload() {
      return retains;
    }
  }

  private static byte[] export(Ingest ingest) throws InterruptedException {
    byte[] payload = ingest.requestArray(REQUEST.length);
    System.arraycopy(REQUEST, 0, payload, 0, REQUEST.length);
    CountDownLatch processed = new CountDownLatch(1);
    assertThat(ingest.accept(Signal.TRACES, payload, processed::countDown).isAccepted()).isTrue();
    assertThat(processed.await(10, TimeUnit.SECONDS)).isTrue();
    return payload;
  }

  @Test
  void aProcessedRequestsArrayServesTheNextRequest() throws Exception {
    Recording sink = new Recording(false);
    Pipeline pipeline = new Pipeline(List.of(), List.of(sink), 16, new MemoryLimiter(1 << 24));
    pipeline.start();
    try {
      assertThat(REQUEST.length).isGreaterThanOrEqualTo(RequestArrays.MIN_ARRAY_BYTES);
      assertThat(pipeline.recyclesPayloads()).isTrue();
      Ingest ingest = new Ingest(pipeline);
      byte[] first = export(ingest);
      byte[] second = export(ingest);
      assertThat(second).isSameAs(first);
      assertThat(sink.seen).hasSize(2).allSatisfy(p -> assertThat(p).isEqualTo(REQUEST));
    } finally {
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
  }

  @Test
  void noArrayIsReusedWhileASinkRetainsPayloads() throws Exception {
    Pipeline pipeline =
        new Pipeline(
            List.of(), List.of(new Recording(false), new Recording(true)), 16, new MemoryLimiter(1 << 24));
    pipeline.start();
    try {
      assertThat(pipeline.recyclesPayloads()).isFalse();
      Ingest ingest = new Ingest(pipeline);
      assertThat(export(ingest)).isNotSameAs(export(ingest));
    } finally {
      pipeline.drainAndClose(Duration.ofSeconds(5));
    }
  }

  @Test
  void noArrayIsReusedWhenAProcessorRuns() {
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
    Pipeline pipeline =
        new Pipeline(List.of(passThrough), List.of(new Recording(false)), 16, new MemoryLimiter(1 << 24));
    assertThat(pipeline.recyclesPayloads()).isFalse();
    pipeline.drainAndClose(Duration.ofSeconds(5));
  }

  @Test
  void aRefusedRequestsArrayServesAgainAtOnce() {
    Pipeline pipeline =
        new Pipeline(List.of(), List.of(new Recording(false)), 16, new MemoryLimiter(1 << 24));
    pipeline.drainAndClose(Duration.ofSeconds(5));
    Ingest ingest = new Ingest(pipeline);
    byte[] payload = ingest.requestArray(REQUEST.length);
    System.arraycopy(REQUEST, 0, payload, 0, REQUEST.length);
    assertThat(ingest.accept(Signal.TRACES, payload, null).isAccepted()).isFalse();
    assertThat(ingest.requestArray(REQUEST.length)).isSameAs(payload);
    assertThat(Arrays.equals(payload, REQUEST)).isTrue();
  }
}
