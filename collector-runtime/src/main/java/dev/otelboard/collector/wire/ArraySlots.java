package dev.otelboard.collector.wire;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToIntFunction;

/**
 * A fixed number of slots of idle arrays, found by exact length: the one lock-free pool under
 * {@link RowArrays} (batch rows) and the receivers' request arrays. Event loops take, the
 * pipeline worker gives back. Bounded: when every slot is taken, a returned array replaces the
 * slots in turn, so lengths nobody asks for again age out.
 *
 * @param <T> the array type
 */
public final class ArraySlots<T> {
  private final AtomicReferenceArray<T> arrays;
  // The slots' lengths, so that a search reads two cache lines instead of every array's header.
  private final AtomicIntegerArray lengths;
  private final AtomicInteger nextVictim = new AtomicInteger();
  private final ToIntFunction<T> lengthOf;

  /** {@code slots} empty slots for arrays whose length {@code lengthOf} tells. */
  public ArraySlots(int slots, ToIntFunction<T> lengthOf) {
    this.arrays = new AtomicReferenceArray<>(slots);
    this.lengths = new AtomicIntegerArray(slots);
    this.lengthOf = lengthOf;
  }

  /** An idle array of exactly {@code length}, now the caller's; null when there is none. */
  public T take(int length) {
    for (int i = 0; i < arrays.length(); i++) {
      if (lengths.get(i) == length) {
        T a = arrays.get(i);
        // The length may be stale (a slot replaced meanwhile): the array's own length decides.
        if (a != null && lengthOf.applyAsInt(a) == length && arrays.compareAndSet(i, a, null)) {
          return a;
        }
      }
    }
    return null;
  }

  /**
   * Keeps {@code array} for a later {@link #take}. The caller must be its last user: nothing may
   * read or write it after this.
   */
  public void give(T array) {
    int length = lengthOf.applyAsInt(array);
    for (int i = 0; i < arrays.length(); i++) {
      if (arrays.get(i) == null && arrays.compareAndSet(i, null, array)) {
        lengths.set(i, length);
        return;
      }
    }
    int victim = Math.floorMod(nextVictim.getAndIncrement(), arrays.length());
    arrays.set(victim, array);
    lengths.set(victim, length);
  }

  /** Arrays idle right now (for tests). */
  public int idle() {
    int n = 0;
    for (int i = 0; i < arrays.length(); i++) {
      if (arrays.get(i) != null) {
        n++;
      }
    }
    return n;
  }
}
