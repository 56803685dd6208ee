package dev.otelboard.collector.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Row arrays serve later batches of their size class only once released, batches scanned into
 * reused arrays read exactly as freshly scanned ones, and the pool stays bounded.
 */
class RowArraysTest {

  @Test
  void sizeClassesRoundUpByAtMostAnEighth() {
    for (int n = 1; n <= RowArrays.MAX_LONGS; n += 37) {
      int c = RowArrays.classLength(n);
      assertThat(c).isBetween(n, n + n / 8 + 1);
      assertThat(RowArrays.classLength(c)).isEqualTo(c);
    }
    assertThat(RowArrays.classLength(RowArrays.MAX_LONGS)).isEqualTo(RowArrays.MAX_LONGS);
  }

  @Test
  void aGivenArrayServesTheNextTakeOfItsClassOnly() {
    RowArrays arrays = new RowArrays();
    long[] taken = arrays.take(5_000);
    assertThat(taken.length).isEqualTo(RowArrays.classLength(5_000));
    arrays.give(taken);
    assertThat(arrays.take(10_000)).isNotSameAs(taken);
    assertThat(arrays.take(taken.length - 1)).isSameAs(taken);
    assertThat(arrays.take(5_000)).isNotSameAs(taken);
    assertThat(arrays.idle()).isZero();
  }

  @Test
  void smallLargeAndOddArraysAreNotKept() {
    RowArrays arrays = new RowArrays();
    arrays.give(new long[RowArrays.MIN_LONGS - 1]);
    arrays.give(new long[RowArrays.MAX_LONGS * 2]);
    arrays.give(new long[RowArrays.classLength(5_000) - 1]);
    assertThat(arrays.idle()).isZero();
  }

  @Test
  void aFullPoolReplacesOldArraysWithNewOnes() {
    RowArrays arrays = new RowArrays();
    for (int i = 0; i < RowArrays.SLOTS + 8; i++) {
      arrays.give(new long[RowArrays.classLength(2_000)]);
    }
    assertThat(arrays.idle()).isEqualTo(RowArrays.SLOTS);
  }

  @Test
  void batchesOfDifferentSizesInReusedRowsReadAsFreshOnes() throws Exception {
    RowArrays arrays = new RowArrays();
    int[] sizes = {600, 150, 1_500, 600, 590, 3_000, 40, 1_500};
    for (int round = 0; round < sizes.length; round++) {
      byte[] spans = ScannedRequests.traces(round, sizes[round], round % 2 == 1);
      SpanBatch fresh = OtlpWire.scanTraces(spans, 0, spans.length);
      SpanBatch pooled = OtlpWire.scanTraces(spans, 0, spans.length, arrays);
      assertThat(ScannedRequests.digest(pooled)).isEqualTo(ScannedRequests.digest(fresh));
      assertThat(pooled.count()).isEqualTo(sizes[round]);
      pooled.release();
      byte[] logs = ScannedRequests.logs(round, sizes[round]);
      LogBatch freshLogs = OtlpWire.scanLogs(logs, 0, logs.length);
      LogBatch pooledLogs = OtlpWire.scanLogs(logs, 0, logs.length, arrays);
      assertThat(ScannedRequests.digest(pooledLogs)).isEqualTo(ScannedRequests.digest(freshLogs));
      pooledLogs.release();
    }
    assertThat(arrays.idle()).isPositive();
  }

  @Test
  void aReleasedBatchReadsAsEmptyAndItsRowsServeTheNextBatch() throws Exception {
    RowArrays arrays = new RowArrays();
    byte[] request = ScannedRequests.traces(1, 600, false);
    SpanBatch first = OtlpWire.scanTraces(request, 0, request.length, arrays);
    assertThat(arrays.idle()).isZero();
    first.release();
    assertThat(first.count()).isZero();
    assertThatThrownBy(() -> first.spanId(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(arrays.idle()).isEqualTo(1);
    OtlpWire.scanTraces(request, 0, request.length, arrays);
    assertThat(arrays.idle()).isZero();
  }

  @Test
  void aGrowingBatchGivesItsOutgrownRowsBack() throws Exception {
    RowArrays arrays = new RowArrays();
    byte[] request = ScannedRequests.traces(2, 3_000, true);
    SpanBatch batch = OtlpWire.scanTraces(request, 0, request.length, arrays);
    assertThat(arrays.idle()).isPositive();
    assertThat(ScannedRequests.digest(batch))
        .isEqualTo(ScannedRequests.digest(OtlpWire.scanTraces(request, 0, request.length)));
  }

  @Test
  void aMalformedRequestsRowsGoBackAtOnce() {
    RowArrays arrays = new RowArrays();
    // A whole ResourceSpans, then a cut one: the first one's spans are rows when the scan fails.
    byte[] spans = cutAfter(ScannedRequests.traces(3, 600, false), ScannedRequests.traces(4, 9, false));
    assertThatThrownBy(() -> OtlpWire.scanTraces(spans, 0, spans.length, arrays))
        .isInstanceOf(MalformedOtlpException.class);
    assertThat(arrays.idle()).isEqualTo(1);
    byte[] logs = cutAfter(ScannedRequests.logs(3, 600), ScannedRequests.logs(4, 9));
    assertThatThrownBy(() -> OtlpWire.scanLogs(logs, 0, logs.length, arrays))
        .isInstanceOf(MalformedOtlpException.class);
    // Its rows, and those it outgrew when the second resource's records came.
    assertThat(arrays.idle()).isEqualTo(3);
  }

  /** {@code whole} then {@code cut} less its last 3 bytes (concatenated requests merge). */
  private static byte[] cutAfter(byte[] whole, byte[] cut) {
    byte[] b = java.util.Arrays.copyOf(whole, whole.length + cut.length - 3);
    System.arraycopy(cut, 0, b, whole.length, cut.length - 3);
    return b;
  }

  @Test
  void threadsSharingThePoolNeverShareRows() throws Exception {
    RowArrays arrays = new RowArrays();
    int threads = 4;
    List<byte[]> requests = new ArrayList<>();
    List<Long> digests = new ArrayList<>();
    for (int seed = 0; seed < 8; seed++) {
      byte[] r = ScannedRequests.traces(seed, 400 + 150 * seed, seed % 3 == 0);
      requests.add(r);
      digests.add(ScannedRequests.digest(OtlpWire.scanTraces(r, 0, r.length)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  int checked = 0;
                  for (int i = 0; i < 400; i++) {
                    int k = (first + i) % requests.size();
                    byte[] r = requests.get(k);
                    SpanBatch b = OtlpWire.scanTraces(r, 0, r.length, arrays);
                    // Another thread writing these rows meanwhile would change the digest.
                    Thread.yield();
                    assertThat(ScannedRequests.digest(b)).isEqualTo(digests.get(k));
                    b.release();
                    checked++;
                  }
                  return checked;
                }));
      }
      for (Future<Integer> f : done) {
        assertThat(f.get()).isEqualTo(400);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
