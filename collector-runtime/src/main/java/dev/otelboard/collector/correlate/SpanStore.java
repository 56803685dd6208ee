package dev.otelboard.collector.correlate;

/**
 * The span window: a FIFO ring of the most recent spans in primitive columns (16 bytes per span:
 * trace key, span key, parent key, meta), plus an open-addressing table (linear probing, load at
 * most {@value #MAX_LOAD}) of {@code long} entries {@code spanKey << 32 | slot + 1}.
 *
 * <p>Because each entry carries its key, probing, deleting (backward shift) and resizing never read
 * the columns; only a candidate whose span key matches is checked against the trace key column. At
 * 10 million spans that is about one cache miss per lookup, where comparing keys in the columns
 * cost three or four.
 *
 * <p>Sequence numbers count spans appended since the start; the window holds {@code [headSeq(),
 * appended())} and sequence {@code s} lives in slot {@code s % capacity}.
 */
final class SpanStore {
  static final double MAX_LOAD = 0.65;
  private static final int MIN_TABLE = 1024;
  private static final long KEY_MASK = 0xFFFF_FFFF_0000_0000L;

  // Span meta: kind in bits 0-2, flags, then the interned (instance, name) id (or, UNNAMED, the
  // instance id).
  static final int KIND_MASK = 7;
  static final int HAS_PARENT = 1 << 3;

  /** The parent was in the window when this span, a settle, or a report looked. */
  static final int PARENT_SEEN = 1 << 4;

  /** A CLIENT span some SERVER span names as its parent. */
  static final int HAS_SERVER_CHILD = 1 << 5;

  /** Counted among the live orphans when it settled without its parent. */
  static final int ORPHAN_COUNTED = 1 << 6;

  /**
   * The span's name was not interned (never reported: not CLIENT, parent present on arrival); the
   * bits above {@link #NAME_SHIFT} hold its service instance id instead of a name id.
   */
  static final int UNNAMED = 1 << 7;

  static final int NAME_SHIFT = 8;
  static final int MAX_NAME_ID = (1 << (32 - NAME_SHIFT)) - 1;

  final int capacity;
  private final IntColumn traceKey;
  private final IntColumn spanKey;
  private final IntColumn parentKey;
  private final IntColumn meta;
  private final int maxTableLength;
  private long[] table;
  private int mask;

  /** 32 - log2(table length): the home of a key is its top bits. */
  private int shift;

  private int size;
  private long appended;

  /** Slots of the oldest span and of the next append; kept to avoid a division per span. */
  private int headSlot;

  private int tailSlot;

  /** Keeps the loads of {@link #touch} observable so the JIT does not drop them. */
  private long touched;

  SpanStore(int capacity) {
    this.capacity = capacity;
    traceKey = new IntColumn(capacity);
    spanKey = new IntColumn(capacity);
    parentKey = new IntColumn(capacity);
    meta = new IntColumn(capacity);
    maxTableLength = Math.max(MIN_TABLE, Hashing.ceilPow2((long) Math.ceil(capacity / MAX_LOAD)));
    setTable(new long[Math.min(MIN_TABLE, maxTableLength)]);
  }

  private void setTable(long[] t) {
    table = t;
    mask = t.length - 1;
    shift = 32 - Integer.numberOfTrailingZeros(t.length);
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

  /** The slot of the oldest span, {@code slotOf(headSeq())}. */
  int headSlot() {
    return headSlot;
  }

  /** The slot after {@code slot} in ring order. */
  int nextSlot(int slot) {
    return slot + 1 == capacity ? 0 : slot + 1;
  }

  int traceKey(int slot) {
    return traceKey.get(slot);
  }

  int spanKey(int slot) {
    return spanKey.get(slot);
  }

  int parentKey(int slot) {
    return parentKey.get(slot);
  }

  int meta(int slot) {
    return meta.get(slot);
  }

  void setMeta(int slot, int value) {
    meta.set(slot, value);
  }

  private int home(int key) {
    return key >>> shift;
  }

  /**
   * Loads the table entry a lookup of {@code key} starts at. Called for a whole batch before the
   * real lookups so that the cache misses overlap instead of queueing one by one.
   */
  void touch(int key) {
    touched += table[home(key)];
  }

  /** Like {@link #touch} for the entry of the span that the {@code k}-th next eviction drops. */
  void touchEviction(int k) {
    if (k < size) {
      int slot = headSlot + k;
      touched += table[home(spanKey.get(slot >= capacity ? slot - capacity : slot))];
    }
  }

  /** The slot holding the span with these keys, or -1. */
  int find(int trace, int key) {
    int i = home(key);
    long want = (long) key << 32;
    while (true) {
      long e = table[i];
      if (e == 0) {
        return -1;
      }
      if ((e & KEY_MASK) == want) {
        int s = (int) e - 1;
        if (traceKey.get(s) == trace) {
          return s;
        }
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Appends a span; the caller has made room ({@link #isFull()} is false). Returns its slot, or -1
   * when a span with the same keys is already in the window (a retried export).
   */
  int append(int trace, int key, int parent, int spanMeta) {
    if (size + 1 > table.length * MAX_LOAD && table.length < maxTableLength) {
      // Near the end, go straight to the final length: the last doublings would briefly hold the
      // old and the new table together (64 + 128 MiB at a 10M window), which is what a 512 MiB
      // heap cannot spare; skipping them caps the transient at a quarter more than the final table.
      int length = table.length * 2;
      resize(length * 4 > maxTableLength ? maxTableLength : length);
    }
    int i = home(key);
    long want = (long) key << 32;
    while (true) {
      long e = table[i];
      if (e == 0) {
        break;
      }
      if ((e & KEY_MASK) == want && traceKey.get((int) e - 1) == trace) {
        return -1;
      }
      i = (i + 1) & mask;
    }
    int slot = tailSlot;
    tailSlot = nextSlot(slot);
    traceKey.set(slot, trace);
    spanKey.set(slot, key);
    parentKey.set(slot, parent);
    meta.set(slot, spanMeta);
    table[i] = want | (slot + 1);
    appended++;
    size++;
    return slot;
  }

  /** Drops the oldest span of the window. */
  void removeOldest() {
    int slot = headSlot;
    headSlot = nextSlot(slot);
    int i = home(spanKey.get(slot));
    while ((int) table[i] != slot + 1) {
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later entries of the probe run into the hole so that lookups
    // never stop early, without tombstones.
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      long e = table[j];
      if (e == 0) {
        break;
      }
      int entryHome = home((int) (e >>> 32));
      // The entry at j may move to the hole unless its home lies cyclically in (hole, j].
      if (((j - entryHome) & mask) >= ((j - hole) & mask)) {
        table[hole] = e;
        hole = j;
      }
    }
    table[hole] = 0;
    size--;
  }

  private void resize(int length) {
    long[] old = table;
    setTable(new long[length]);
    for (long e : old) {
      if (e != 0) {
        int i = home((int) (e >>> 32));
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = e;
      }
    }
  }

  long bytes() {
    return traceKey.bytes()
        + spanKey.bytes()
        + parentKey.bytes()
        + meta.bytes()
        + 8L * table.length;
  }
}
