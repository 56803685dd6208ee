package dev.otelboard.collector.receiver;

import dev.otelboard.collector.wire.ArraySlots;

/**
 * Request arrays handed back once the pipeline has processed their batch, for later requests of
 * the same length. Why: every export was copied into a fresh array of ~170 KB that the JVM first
 * zeroed (outside the TLAB by a runtime {@code memset}) and that, with the batch's columns, was
 * most of what filled the young generation. The pipeline's batches use the whole array as the
 * request, so only an array of exactly the request's length can be reused; exporters that send
 * requests of a stable size (a fixed batch of similar items) hit, others just allocate as before.
 *
 * <p>Bounded: at most {@link #SLOTS} arrays of at most {@link #MAX_ARRAY_BYTES} each are kept
 * idle, in {@link ArraySlots} (lock-free; lengths nobody asks for again age out).
 */
final class RequestArrays {
  /** Arrays kept idle at most; more than the requests a few busy clients have in flight. */
  static final int SLOTS = 32;
  /** Below this an array comes from the TLAB cheaply. */
  static final int MIN_ARRAY_BYTES = 16 * 1024;
  /** Above this arrays are not kept: the slots pin at most 16 MiB of heap. */
  static final int MAX_ARRAY_BYTES = 512 * 1024;

  private final ArraySlots<byte[]> slots = new ArraySlots<>(SLOTS, a -> a.length);

  /** An array of exactly {@code length} bytes: an idle one if there is one, else a new one. */
  byte[] take(int length) {
    if (length >= MIN_ARRAY_BYTES && length <= MAX_ARRAY_BYTES) {
      byte[] idle = slots.take(length);
      if (idle != null) {
        return idle;
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
    slots.give(array);
  }

  /** Arrays idle right now (for tests). */
  int idle() {
    return slots.idle();
  }
}
