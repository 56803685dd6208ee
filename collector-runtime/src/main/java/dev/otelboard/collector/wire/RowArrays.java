package dev.otelboard.collector.wire;

/**
 * Row arrays of scanned batches, handed back by {@link SpanBatch#release()} and {@link
 * LogBatch#release()} once nothing reads the batch any more, for the rows of later batches. Why:
 * the JVM zeroes every fresh {@code long[]} in cache-cold young-generation memory, which was the
 * largest part of scanning a request (a scan-only harness went from 40 to 28 ns/span and from 21
 * to 13.5 ns/log record with one shared array). A batch reads only rows it wrote, so a reused
 * array needs no clearing.
 *
 * <p>Arrays come in size classes, eight per power of two, so that requests of similar size (one
 * exporter's batches, guessed a little differently each time) share arrays; a fresh array is
 * allocated at its class's length, at most 1/8 more than asked. Bounded: at most {@link #SLOTS}
 * arrays of at most {@link #MAX_LONGS} longs each are kept idle (16 MiB), in {@link ArraySlots}.
 */
public final class RowArrays {
  /** Arrays kept idle at most; more than the requests a few busy clients have in flight. */
  static final int SLOTS = 32;
  /** Below this an array is cheap to zero; not worth a search. */
  static final int MIN_LONGS = 1 << 10;
  /** Above this arrays are not kept (a power of two: a class never rounds past it). */
  static final int MAX_LONGS = 1 << 16;

  private static final int MAX_ARRAY_LONGS = Integer.MAX_VALUE - 8;

  private final ArraySlots<long[]> slots = new ArraySlots<>(SLOTS, a -> a.length);

  /** Arrays no batch has yet; batches scanned with them must be {@code release()}d to reuse any. */
  public RowArrays() {}

  /**
   * An array of at least {@code longs} longs, with stale contents when reused: an idle one of the
   * same size class if there is one, else a new one.
   */
  long[] take(int longs) {
    if (longs < MIN_LONGS || longs > MAX_LONGS) {
      return new long[longs];
    }
    int length = classLength(longs);
    long[] idle = slots.take(length);
    return idle != null ? idle : new long[length];
  }

  /**
   * Keeps {@code array} for a later {@link #take}. The caller must be its last user: nothing may
   * read or write it after this.
   */
  void give(long[] array) {
    int length = array.length;
    if (length < MIN_LONGS || length > MAX_LONGS || classLength(length) != length) {
      return;
    }
    slots.give(array);
  }

  /** {@code longs} rounded up to the next of eight steps between consecutive powers of two. */
  static int classLength(int longs) {
    int step = Math.max(1, Integer.highestOneBit(longs) >>> 3);
    return (longs + step - 1) & -step;
  }

  /**
   * Rows of {@code rows} longs for a batch that has {@code used} longs in {@code old}: from {@code
   * arrays} (null: a plain new array), the used part copied, {@code old} given back. Shared by the
   * span and the log batch.
   */
  static long[] grow(RowArrays arrays, long[] old, int used, long rows) {
    // Only a request of hundreds of MB of empty items gets here: the same failure as when each
    // column of that many rows was an array of its own.
    if (rows > MAX_ARRAY_LONGS) {
      throw new OutOfMemoryError(rows + " longs of rows exceed the largest long[]");
    }
    long[] grown = arrays == null ? new long[(int) rows] : arrays.take((int) rows);
    System.arraycopy(old, 0, grown, 0, used);
    giveBack(arrays, old);
    return grown;
  }

  /** Gives a batch's rows back to {@code arrays}; nothing when they came from plain new arrays. */
  static void giveBack(RowArrays arrays, long[] rows) {
    if (arrays != null) {
      arrays.give(rows);
    }
  }

  /** Arrays idle right now (for tests). */
  int idle() {
    return slots.idle();
  }
}
