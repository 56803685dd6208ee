package dev.otelboard.collector.correlate;

import java.util.Arrays;

/**
 * For each service instance, the union of its SERVER and CONSUMER span intervals, kept as sorted
 * disjoint [start, end] intervals: all that "is this log inside a request of its instance?" needs.
 * Overlapping requests merge, so a busy instance costs a few intervals, a quiet one about one per
 * request. Bounded: past {@code maxIntervals} in all, the oldest quarter of the largest instance's
 * intervals is dropped (and counted).
 */
final class Coverage {
  private final int maxIntervals;
  private long[][] starts = new long[0][];
  private long[][] ends = new long[0][];
  private int[] counts = new int[0];
  private int total;
  private long dropped;
  private int lastInstance = -1;
  private int lastIndex;

  Coverage(int maxIntervals) {
    this.maxIntervals = maxIntervals;
  }

  void add(int instance, long start, long end) {
    if (end < start) {
      // A clock step inside the span; keep what is certain.
      end = start;
    }
    ensureInstance(instance);
    long[] s = starts[instance];
    long[] e = ends[instance];
    int n = counts[instance];
    // Most requests overlap the last interval looked up (concurrent requests of a busy
    // instance): nothing to do when it already holds [start, end].
    int k = lastIndex;
    if (instance == lastInstance && k < n && s[k] <= start && end <= e[k]) {
      return;
    }
    if (n == 0 || start > e[n - 1]) {
      append(instance, start, end);
      return;
    }
    // lo: first interval ending at or after start; hi: last interval starting at or before end.
    int lo = firstEndAtLeast(e, n, start);
    int hi = lastStartAtMost(s, n, end);
    if (lo > hi) {
      insertAt(instance, lo, start, end);
      return;
    }
    s[lo] = Math.min(start, s[lo]);
    e[lo] = Math.max(end, e[hi]);
    int removed = hi - lo;
    if (removed > 0) {
      System.arraycopy(s, hi + 1, s, lo + 1, n - hi - 1);
      System.arraycopy(e, hi + 1, e, lo + 1, n - hi - 1);
      counts[instance] = n - removed;
      total -= removed;
    }
  }

  /** Whether {@code time} falls inside a request interval of {@code instance}, ends included. */
  boolean covers(int instance, long time) {
    if (instance >= counts.length) {
      return false;
    }
    long[] s = starts[instance];
    int n = counts[instance];
    // Logs come in bursts from the same request: try the interval the last lookup found first.
    // The check below fully decides whether it is the answer, so no invalidation is needed.
    int k = lastIndex;
    if (instance != lastInstance || k >= n || s[k] > time || (k + 1 < n && s[k + 1] <= time)) {
      k = lastStartAtMost(s, n, time);
      if (k < 0) {
        return false;
      }
      lastInstance = instance;
      lastIndex = k;
    }
    return ends[instance][k] >= time;
  }

  /** Intervals dropped to stay within bounds. */
  long dropped() {
    return dropped;
  }

  long bytes() {
    long bytes = 4L * counts.length + 16L * starts.length;
    for (int i = 0; i < counts.length; i++) {
      if (starts[i] != null) {
        bytes += 16L * starts[i].length;
      }
    }
    return bytes;
  }

  private void append(int instance, long start, long end) {
    insertAt(instance, counts[instance], start, end);
  }

  private void insertAt(int instance, int at, long start, long end) {
    if (total >= maxIntervals) {
      shrinkLargest();
      // The instance's intervals may have moved; find the spot again.
      int n = counts[instance];
      at = n == 0 ? 0 : firstEndAtLeast(ends[instance], n, start);
    }
    int n = counts[instance];
    if (n == starts[instance].length) {
      // total < maxIntervals here, so the new length always has room for one more.
      int length = Math.min(Math.max(4, n * 2), maxIntervals);
      starts[instance] = Arrays.copyOf(starts[instance], length);
      ends[instance] = Arrays.copyOf(ends[instance], length);
    }
    long[] s = starts[instance];
    long[] e = ends[instance];
    System.arraycopy(s, at, s, at + 1, n - at);
    System.arraycopy(e, at, e, at + 1, n - at);
    s[at] = start;
    e[at] = end;
    counts[instance] = n + 1;
    total++;
  }

  private void shrinkLargest() {
    int largest = 0;
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] > counts[largest]) {
        largest = i;
      }
    }
    int n = counts[largest];
    int drop = Math.max(1, n / 4);
    System.arraycopy(starts[largest], drop, starts[largest], 0, n - drop);
    System.arraycopy(ends[largest], drop, ends[largest], 0, n - drop);
    counts[largest] = n - drop;
    total -= drop;
    dropped += drop;
  }

  private void ensureInstance(int instance) {
    if (instance >= counts.length) {
      int length = Math.max(instance + 1, counts.length * 2);
      int old = counts.length;
      starts = Arrays.copyOf(starts, length);
      ends = Arrays.copyOf(ends, length);
      counts = Arrays.copyOf(counts, length);
      for (int i = old; i < length; i++) {
        starts[i] = new long[0];
        ends[i] = new long[0];
      }
    }
  }

  /** First index in [0, n) whose end is >= t, or n. Ends are sorted: intervals are disjoint. */
  private static int firstEndAtLeast(long[] e, int n, long t) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (e[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Last index in [0, n) whose start is <= t, or -1. */
  private static int lastStartAtMost(long[] s, int n, long t) {
    if (n == 0 || s[0] > t) {
      return -1;
    }
    // Branch-free halving (the JIT emits conditional moves): a log's time is as good as random
    // to a branch predictor, and this runs for every log record.
    int base = 0;
    int len = n;
    while (len > 1) {
      int half = len >>> 1;
      base = s[base + half] <= t ? base + half : base;
      len -= half;
    }
    return base;
  }
}
