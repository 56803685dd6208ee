package dev.otelboard.collector.correlate;

/**
 * When batches arrived, as (end sequence, nanoTime) checkpoints, so that items can be settled once
 * the flush window has passed over them without storing a time per item. Bounded: when full, the
 * newest checkpoint is moved forward to cover the new batch, which only ever delays settling (never
 * settles early).
 */
final class Arrivals {
  private static final int CAPACITY = 4096;

  private final long[] seq = new long[CAPACITY];
  private final long[] nanos = new long[CAPACITY];
  private int head;
  private int size;

  /** Items below {@code endSeq} had all arrived by {@code now}. */
  void record(long endSeq, long now) {
    if (size > 0) {
      int last = (head + size - 1) % CAPACITY;
      if (seq[last] == endSeq) {
        return;
      }
      if (size == CAPACITY) {
        seq[last] = endSeq;
        nanos[last] = now;
        return;
      }
    }
    int next = (head + size) % CAPACITY;
    seq[next] = endSeq;
    nanos[next] = now;
    size++;
  }

  /**
   * Pops the checkpoints at least {@code window} old and returns the end sequence of the newest of
   * them, or -1 when none is due.
   */
  long popDue(long now, long window) {
    long due = -1;
    while (size > 0 && now - nanos[head] >= window) {
      due = seq[head];
      head = (head + 1) % CAPACITY;
      size--;
    }
    return due;
  }

  long bytes() {
    return 16L * CAPACITY;
  }
}
