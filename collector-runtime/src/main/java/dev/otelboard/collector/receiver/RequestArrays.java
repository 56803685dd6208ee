package dev.otelboard.collector.receiver;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Request arrays handed back once the pipeline has processed their batch, for later requests of
 * the same length. Why: every export was copied into a fresh array of ~170 KB that the JVM first
 * zeroed (outside the TLAB by a runtime {@code memset}) and that, with the batch's columns, was
 * most of what filled the young generation. The pipeline's batches use the whole array as the
 * request, so only an array of exactly the request's length can be reused; exporters that send
 * requests of a stable size (a fixed batch of similar items) hit, others just allocate as before.
 *
 * <p>Bounded: at most {@link #SLOTS} arrays of at most {@link #MAX_ARRAY_BYTES} each are kept
 * idle; when every slot is taken, a returned array replaces the slots in turn, so lengths nobody
 * asks for again age out. Lock-free: event loops take, the pipeline worker gives back.
 */
final class RequestArrays {
  /** Arrays kept idle at most; more than the requests a few busy clients have in flight. */
  static final int SLOTS = 32;
  /** Below this an array comes from the TLAB cheaply. */
  static final int MIN_ARRAY_BYTES = 16 * 1024;
  /** Above this arrays are not kept: the slots pin at most 16 MiB of heap. */
  static final int MAX_ARRAY_BYTES = 512 * 1024;

  private final AtomicReferenceArray<byte[]> arrays = new AtomicReferenceArray<>(SLOTS);
  // The slots' lengths, so that a search reads two cache lines instead of every array's header.
  private final AtomicIntegerArray lengths = new AtomicIntegerArray(SLOTS);
  private final AtomicInteger nextVictim = new AtomicInteger();

  /** An array of exactly {@code length} bytes: an idle one if there is one, else a new one. */
  byte[] take(int length) {
    if (length >= MIN_ARRAY_BYTES && length <= MAX_ARRAY_BYTES) {
      for (int i = 0; i < SLOTS; i++) {
        if (lengths.get(i) == length) {
          byte[] a = arrays.get(i);
          // The length may be stale (a slot replaced meanwhile): the array's own length decides.
          if (a != null && a.length == length && arrays.compareAndSet(i, a, null)) {
            return a;
          }
        }
      }
    }
    return new byte[length];
  }

  /**
   * Keeps {@code array} for a later {@link #take}. The caller must be its last user: nothing may
   * read or write it after this.
   */
  void give(byte[] array) {
    int length = array.length;
    if (length < MIN_ARRAY_BYTES || length > MAX_ARRAY_BYTES) {
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
