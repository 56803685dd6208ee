package dev.otelboard.collector.correlate;

/**
 * The span window: a FIFO ring of the most recent spans, in primitive columns, plus an
 * open-addressing table from (trace fingerprint, span hash) to ring slot. 20 bytes per span in the
 * ring and 4 bytes per table entry at a load of at most {@value #MAX_LOAD}.
 *
 * <p>Sequence numbers count spans appended since the start; the window holds {@code [headSeq(),
 * appended())} and sequence {@code s} lives in slot {@code s % capacity}.
 */
final class SpanStore {
  static final double MAX_LOAD = 0.65;
  private static final int MIN_TABLE = 1024;

  // Span meta: kind in bits 0-2, flags, then the interned (instance, name) id.
  static final int KIND_MASK = 7;
  static final int HAS_PARENT = 1 << 3;
  /** The parent was in the window when this span or a later report looked. */
  static final int PARENT_SEEN = 1 << 4;
  /** A CLIENT span some SERVER span names as its parent. */
  static final int HAS_SERVER_CHILD = 1 << 5;
  /** Counted among the live orphans when it settled without its parent. */
  static final int ORPHAN_COUNTED = 1 << 6;
  static final int NAME_SHIFT = 7;
  static final int MAX_NAME_ID = (1 << (32 - NAME_SHIFT)) - 1;

  final int capacity;
  private final LongColumn traceFp;
  private final IntColumn spanHash;
  private final IntColumn parentHash;
  private final IntColumn meta;
  private final int maxTableLength;
  /** Ring slot + 1; 0 marks an empty entry. */
  private int[] table;
  private int mask;
  private int size;
  private long appended;

  SpanStore(int capacity) {
    this.capacity = capacity;
    traceFp = new LongColumn(capacity);
    spanHash = new IntColumn(capacity);
    parentHash = new IntColumn(capacity);
    meta = new IntColumn(capacity);
    maxTableLength = Hashing.ceilPow2((long) Math.ceil(capacity / MAX_LOAD));
    table = new int[Math.min(MIN_TABLE, maxTableLength)];
    mask = table.length - 1;
  }

  int size() {
    return size;
  }

  boolean isFull() {
    return size == capacity;
  }

  long appended() {
    return appended;
  }

  long headSeq() {
    return appended - size;
  }

  int slotOf(long seq) {
    return (int) (seq % capacity);
  }

  /** The slot after {@code slot} in ring order. */
  int nextSlot(int slot) {
    return slot + 1 == capacity ? 0 : slot + 1;
  }

  long traceFp(int slot) {
    return traceFp.get(slot);
  }

  int spanHash(int slot) {
    return spanHash.get(slot);
  }

  int parentHash(int slot) {
    return parentHash.get(slot);
  }

  int meta(int slot) {
    return meta.get(slot);
  }

  void setMeta(int slot, int value) {
    meta.set(slot, value);
  }

  /** The slot holding the span with this key, or -1. */
  int find(long fp, int sh) {
    int i = Hashing.slotHash(fp, sh) & mask;
    while (true) {
      int e = table[i];
      if (e == 0) {
        return -1;
      }
      int s = e - 1;
      if (spanHash.get(s) == sh && traceFp.get(s) == fp) {
        return s;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Appends a span; the caller has made room ({@link #isFull()} is false). Returns its slot, or -1
   * when a span with the same key is already in the window (a retried export).
   */
  int append(long fp, int sh, int ph, int spanMeta) {
    if (size + 1 > table.length * MAX_LOAD && table.length < maxTableLength) {
      resize(table.length * 2);
    }
    int i = Hashing.slotHash(fp, sh) & mask;
    while (true) {
      int e = table[i];
      if (e == 0) {
        break;
      }
      int s = e - 1;
      if (spanHash.get(s) == sh && traceFp.get(s) == fp) {
        return -1;
      }
      i = (i + 1) & mask;
    }
    int slot = slotOf(appended);
    traceFp.set(slot, fp);
    spanHash.set(slot, sh);
    parentHash.set(slot, ph);
    meta.set(slot, spanMeta);
    table[i] = slot + 1;
    appended++;
    size++;
    return slot;
  }

  /** Drops the oldest span of the window. */
  void removeOldest() {
    int slot = slotOf(headSeq());
    int i = Hashing.slotHash(traceFp.get(slot), spanHash.get(slot)) & mask;
    while (table[i] != slot + 1) {
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later entries of the probe run into the hole so that lookups
    // never stop early, without tombstones.
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      int e = table[j];
      if (e == 0) {
        break;
      }
      int home = Hashing.slotHash(traceFp.get(e - 1), spanHash.get(e - 1)) & mask;
      // The entry at j may move to the hole unless its home lies cyclically in (hole, j].
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        table[hole] = e;
        hole = j;
      }
    }
    table[hole] = 0;
    size--;
  }

  private void resize(int length) {
    table = new int[length];
    mask = length - 1;
    int slot = slotOf(headSeq());
    for (int k = 0; k < size; k++, slot = nextSlot(slot)) {
      int i = Hashing.slotHash(traceFp.get(slot), spanHash.get(slot)) & mask;
      while (table[i] != 0) {
        i = (i + 1) & mask;
      }
      table[i] = slot + 1;
    }
  }

  long bytes() {
    return traceFp.bytes() + spanHash.bytes() + parentHash.bytes() + meta.bytes() + 4L * table.length;
  }
}
