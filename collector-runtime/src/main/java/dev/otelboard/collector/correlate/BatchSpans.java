package dev.otelboard.collector.correlate;

import java.util.Arrays;

/**
 * The keys of the span batch being added and which of its spans is the parent of which, found by a
 * small table of the batch's own span keys (a few KiB, in cache). A child whose parent came earlier
 * in the batch takes the parent's slot from here instead of probing the span table; one whose
 * parent comes later is marked when the parent is appended, instead of by a table lookup when it
 * settles, seconds later, which no prefetch covers. Real SDKs export children before their parents
 * (a span is exported when it ends), so both orders are common.
 */
final class BatchSpans {
  int[] trace = new int[0];
  int[] key = new int[0];

  /** The parent's span key, 0 for a root span. */
  int[] parent = new int[0];

  /** Batch index of the span's parent, or -1 when the parent is not in the batch. */
  int[] parentAt = new int[0];

  /** Slot and sequence number of each span once appended; sequence -1 while not (or a duplicate). */
  int[] slot = new int[0];

  long[] seq = new long[0];

  /** Children waiting for a parent later in the batch: a list per parent index, -1 ends it. */
  int[] firstChild = new int[0];

  int[] nextChild = new int[0];

  /** Batch index + 1 by span key (open addressing, linear probing); 0 is empty. */
  private int[] table = new int[16];

  /** Spans of a batch the arrays stay sized for; a larger batch's arrays go with the next batch. */
  private static final int KEEP = 1 << 16;

  /** Makes room for a batch of {@code n} spans; their keys are then set before {@link #link}. */
  void reset(int n) {
    // One huge request (up to ~1M tiny spans in 32 MiB) must not pin ~36 B per span for good.
    if (key.length < n || (key.length > KEEP && n <= KEEP)) {
      int length = n > KEEP ? n : Math.max(n, Math.min(key.length * 2, KEEP));
      trace = new int[length];
      key = new int[length];
      parent = new int[length];
      parentAt = new int[length];
      slot = new int[length];
      seq = new long[length];
      firstChild = new int[length];
      nextChild = new int[length];
    }
    int tableLength = Hashing.ceilPow2(2L * Math.max(n, 8));
    if (table.length != tableLength) {
      table = new int[tableLength];
    } else {
      Arrays.fill(table, 0);
    }
    Arrays.fill(seq, 0, n, -1);
    Arrays.fill(firstChild, 0, n, -1);
  }

  /** Finds each span's parent among the first {@code n} spans (the first of equal keys). */
  void link(int n) {
    int m = table.length - 1;
    for (int i = 0; i < n; i++) {
      int k = key[i];
      int h = k & m;
      while (true) {
        int at = table[h] - 1;
        if (at < 0) {
          table[h] = i + 1;
          break;
        }
        if (key[at] == k && trace[at] == trace[i]) {
          break;
        }
        h = (h + 1) & m;
      }
    }
    for (int i = 0; i < n; i++) {
      parentAt[i] = parent[i] == 0 ? -1 : find(trace[i], parent[i], m);
    }
  }

  private int find(int t, int k, int m) {
    int h = k & m;
    while (true) {
      int at = table[h] - 1;
      if (at < 0 || key[at] == k && trace[at] == t) {
        return at;
      }
      h = (h + 1) & m;
    }
  }

  /**
   * The slot of span {@code i}'s parent if it was appended earlier in the batch and is still in
   * the window (sequence numbers from {@code headSeq} on), else -1.
   */
  int earlierParentSlot(int i, long headSeq) {
    int p = parentAt[i];
    return p >= 0 && p < i && seq[p] >= headSeq ? slot[p] : -1;
  }

  void appended(int i, int spanSlot, long spanSeq) {
    slot[i] = spanSlot;
    seq[i] = spanSeq;
  }

  /** Makes appended span {@code i} wait for its parent, which comes later in the batch. */
  void waitForParent(int i) {
    int p = parentAt[i];
    nextChild[i] = firstChild[p];
    firstChild[p] = i;
  }

  /** Heap held by the arrays. */
  long bytes() {
    return 4L * (7L * key.length + table.length) + 8L * seq.length;
  }
}
