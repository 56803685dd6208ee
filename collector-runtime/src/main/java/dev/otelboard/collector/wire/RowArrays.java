package dev.otelboard.collector.wire;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
 * arrays of at most {@link #MAX_LONGS} longs each are kept idle (16 MiB); when every slot is
 * taken, a returned array replaces the slots in turn. Lock-free: event loops take, the pipeline
 * worker gives back.
 */
public final class RowArrays {
  /** Arrays kept idle at most; more than the requests a few busy clients have in flight. */
  static final int SLOTS = 32;
  /** Below this an array is cheap to zero; not worth a search. */
  static final int MIN_LONGS = 1 << 10;
  /** Above this arrays are not kept (a power of two: a class never rounds past it). */
  static final int MAX_LONGS = 1 << 16;

  private final AtomicReferenceArray<long[]> arrays = new AtomicReferenceArray<>(SLOTS);
  // The slots' lengths, so that a search reads two cache lines instead of every array's header.
  private final AtomicIntegerArray lengths = new AtomicIntegerArray(SLOTS);
  private final AtomicInteger nextVictim = new AtomicInteger();

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
    for (int i = 0; i < SLOTS; i++) {
      if (lengths.get(i) == length) {
        long[] a = arrays.get(i);
        // The length may be stale (a slot replaced meanwhile): the array's own length decides.
        if (a != null && a.length == length && arrays.compareAndSet(i, a, null)) {
          return a;
        }
      }
    }
    return new long[length];
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
    for (int i = 0; i < SLOTS; i++) {
      if (arrays.get(i) == null && arrays.compareAndSet(i, null, array)) {
        lengths.set(i, length);
        return;
      }
    }
    int victim = Math.floorMod(nextVictim.getAndIncrement(), SLOTS);
    arrays.set(victim, array);
    lengths.set(victim, length);
  }

  /** {@code longs} rounded up to the next of eight steps between consecutive powers of two. */
  static int classLength(int longs) {
    int step = Math.max(1, Integer.highestOneBit(longs) >>> 3);
    return (longs + step - 1) & -step;
  }

  /** Arrays idle right now (for tests). */
  int idle() {
    int n = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (arrays.get(i) != null) {
        n++;
      }
    }
    return n;
  }
}
