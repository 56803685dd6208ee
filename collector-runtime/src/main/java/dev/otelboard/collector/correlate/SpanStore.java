package dev.otelboard.collector.correlate;

/**
 * The span window: a FIFO ring of the most recent spans in primitive columns (16 bytes per span:
 * trace key, span key, parent key, meta), plus an open-addressing table (linear probing) of {@code
 * long} entries {@code spanKey << 32 | tag}, where the tag is the low 31 bits of the span's
 * sequence number with bit 31 set (so no entry is 0, the empty mark).
 *
 * <p>Because each entry carries its key, probing and resizing never read the columns; only a
 * candidate whose span key matches is checked against the trace key column. Because it carries
 * its sequence number, an entry tells by itself whether its span is still in the window, so
 * evicting the oldest span does not touch the table at all: its entry goes stale in place and is
 * removed later, by an insert that probes over it or by a sweep that walks the table in order
 * ({@value #SWEEP_PER_EVICTION} entries per eviction). At 10 million spans that saves a cache
 * miss per span (the old entry's line, at a random place in a 128 MiB table) for a sequential pass
 * the hardware prefetches; stale entries add about 1/16 of the table to its load (at most {@value
 * #MAX_LOAD} live), at most 1/8 once the table is larger than a sweep (256 x
 * 8 entries); a table of 2,048 entries or fewer can hold up to about
 * a quarter stale between sweeps, which its load limit still leaves room for.
 *
 * <p>Sequence numbers count spans appended since the start; the window holds {@code [headSeq(),
 * appended())} and sequence {@code s} lives in slot {@code s % capacity}.
 */
final class SpanStore {
  static final double MAX_LOAD = 0.65;
  private static final int MIN_TABLE = 1024;
  private static final long KEY_MASK = 0xFFFF_FFFF_0000_0000L;
  private static final int TAG_BIT = 0x8000_0000;
  private static final int AGE_MASK = 0x7FFF_FFFF;

  /**
   * Table entries walked by the sweep per eviction: the sweep passes every entry once per
   * table-length / {@value} evictions, so on average half that many evicted entries wait, stale.
   */
  static final int SWEEP_PER_EVICTION = 8;

  /** Evictions between sweeps; a sweep then walks this many times {@link #SWEEP_PER_EVICTION}. */
  private static final int SWEEP_EVERY = 256;

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

  /** The size at which an append doubles the table: {@code size + 1 > length * MAX_LOAD}. */
  private int growAt;

  private long appended;

  /** Slots of the oldest span and of the next append; kept to avoid a division per span. */
  private int headSlot;

  private int tailSlot;

  /** Keeps the loads of {@link #touch} observable so the JIT does not drop them. */
  private long touched;

  /** Where the sweep goes on, and evictions since it last ran. */
  private int sweepAt;

  private int unswept;

  /** Where the sweep found stale entries. */
  private final int[] sweepFound = new int[SWEEP_EVERY * SWEEP_PER_EVICTION];

  SpanStore(int capacity) {
    this.capacity = capacity;
    traceKey = new IntColumn(capacity);
    spanKey = new IntColumn(capacity);
    parentKey = new IntColumn(capacity);
    meta = new IntColumn(capacity);
    maxTableLength = Math.max(MIN_TABLE, Hashing.ceilPow2((long) Math.ceil(capacity / MAX_LOAD)));
    setTable(new long[Math.min(MIN_TABLE, maxTableLength)]);
  }

  /** A store whose sequence numbers start at {@code firstSeq}, so tests can cross 2^31 quickly. */
  SpanStore(int capacity, long firstSeq) {
    this(capacity);
    if (firstSeq % capacity != 0) {
      throw new IllegalArgumentException("first sequence must be a multiple of the capacity");
    }
    this.appended = firstSeq;
  }

  private void setTable(long[] t) {
    table = t;
    growAt = (int) Math.ceil(t.length * MAX_LOAD) - 1;
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
   * Loads the table entries a lookup of {@code key} starts at: its home and the entry 7 further,
   * which lies in the next cache line unless the home is a line's first entry. Called for a whole
   * batch before the real lookups so that the cache misses overlap instead of queueing one by one;
   * a probe (about 4 entries at this load, stale entries included) often runs past its home's line,
   * and touching only that line left every such probe a miss of its own (~20% of the index time).
   */
  void touch(int key) {
    int h = home(key);
    touched += table[h] + table[(h + 7) & mask];
  }

  /** The table entry of the span with sequence number {@code seq} and this span key. */
  private static long entry(int key, long seq) {
    return (long) key << 32 | ((int) seq | TAG_BIT) & 0xFFFF_FFFFL;
  }

  /**
   * How many appends ago the span of entry {@code e} was appended: in {@code [1, size]} while it
   * is in the window. Exact because the sweep removes every stale entry long before 2^31 appends.
   */
  private int age(long e) {
    return ((int) appended - (int) e) & AGE_MASK;
  }

  private boolean isLive(long e) {
    int age = age(e);
    return age != 0 && age <= size;
  }

  /** The slot of the live entry {@code e}. */
  private int slotOfLive(long e) {
    int slot = tailSlot - age(e);
    return slot < 0 ? slot + capacity : slot;
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
      if ((e & KEY_MASK) == want && isLive(e)) {
        int s = slotOfLive(e);
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
    if (size >= growAt && table.length < maxTableLength) {
      // Near the end, go straight to the final length: the last doublings would briefly hold the
      // old and the new table together (64 + 128 MiB at a 10M window), which is what a 512 MiB
      // heap cannot spare; skipping them caps the transient at a quarter more than the final table.
      int length = table.length * 2;
      resize(length * 4 > maxTableLength ? maxTableLength : length);
    }
    int i = home(key);
    long want = (long) key << 32;
    int free = -1;
    while (true) {
      long e = table[i];
      if (e == 0) {
        break;
      }
      if (!isLive(e)) {
        // A stale entry on the way is as good a place as the empty one at the end.
        if (free < 0) {
          free = i;
        }
      } else if ((e & KEY_MASK) == want && traceKey.get(slotOfLive(e)) == trace) {
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
    table[free >= 0 ? free : i] = entry(key, appended);
    appended++;
    size++;
    return slot;
  }

  /** Drops the oldest span of the window; its table entry goes stale and is swept later. */
  void removeOldest() {
    headSlot = nextSlot(headSlot);
    size--;
    if (++unswept == SWEEP_EVERY) {
      sweep(SWEEP_EVERY * SWEEP_PER_EVICTION);
      unswept = 0;
    }
  }

  /**
   * Walks the next {@code entries} table entries in order (at most the whole table) and deletes the
   * stale ones. The walk only notes where they are, without a branch (about one entry in eight is
   * stale, at random); the deletes then go from the last to the first, so that no delete moves an
   * entry still to be deleted. Should one move all the same (a run that wraps around a table no
   * longer than the sweep), each noted place is checked again before its delete, and a stale entry
   * that moved waits for the next sweep.
   */
  private void sweep(int entries) {
    long[] t = table;
    int m = mask;
    int now = (int) appended;
    int live = size;
    int n = Math.min(entries, t.length);
    int[] at = sweepFound;
    int found = 0;
    int j = sweepAt;
    for (int k = 0; k < n; k++) {
      int tag = (int) t[j];
      int ageLess1 = ((now - tag) & AGE_MASK) - 1;
      at[found] = j;
      // Stale: a real entry (tag bit set, so negative) whose age is not in [1, live].
      found += (tag < 0) & ((ageLess1 < 0) | (ageLess1 >= live)) ? 1 : 0;
      j = (j + 1) & m;
    }
    sweepAt = j;
    for (int f = found - 1; f >= 0; f--) {
      int i = at[f];
      long e = t[i];
      if (e != 0 && !isLive(e)) {
        delete(i);
      }
    }
  }

  /**
   * Backward-shift deletion of the entry at {@code i}: pulls later entries of the probe run into
   * the hole so that lookups never stop early, without tombstones.
   */
  private void delete(int i) {
    long[] t = table;
    int m = mask;
    int sh = shift;
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & m;
      long e = t[j];
      if (e == 0) {
        break;
      }
      // The entry at j may move to the hole unless its home lies cyclically in (hole, j]. Written
      // without a branch (the outcome is a coin toss): a copy left in the hole when it does not
      // move is overwritten by the next move or by the final clear.
      int displacement = (j - (int) (e >>> 32 >>> sh)) & m;
      t[hole] = e;
      hole = displacement >= ((j - hole) & m) ? j : hole;
    }
    t[hole] = 0;
  }

  private void resize(int length) {
    long[] old = table;
    setTable(new long[length]);
    for (long e : old) {
      if (e != 0 && isLive(e)) {
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
