package dev.otelboard.collector.correlate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The hash functions of the index; all pure. */
final class Hashing {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long SEED_TRACE_HI = 0x2545F4914F6CDD1DL;
  private static final long SEED_TRACE_LO = 0x9E3779B97F4A7C15L;
  private static final long SEED_SPAN = 0xD6E8FEB86659FD93L;
  static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Hashing() {}

  /** MurmurHash3's 64-bit finalizer: a bijection that mixes every input bit into every output. */
  static long fmix64(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /**
   * A 64-bit fingerprint of a 128-bit trace id, never 0 (0 means "no trace"). For a fixed half it
   * is a bijection of the other half, so ids that share a half never collide.
   */
  static long traceFingerprint(long hi, long lo) {
    long h = fmix64(fmix64(hi ^ SEED_TRACE_HI) ^ lo ^ SEED_TRACE_LO);
    return h == 0 ? 1 : h;
  }

  /**
   * 32 bits of a span id. Spans are keyed by (trace fingerprint, span hash), so two spans are
   * confused only if they share a trace and collide here: about k/2^32 for a trace of k spans.
   */
  static int spanHash(long spanId) {
    return (int) fmix64(spanId ^ SEED_SPAN);
  }

  /** Spreads a (trace fingerprint, span hash) key over a power-of-two table. */
  static int slotHash(long traceFp, int spanHash) {
    long h = traceFp ^ (spanHash & 0xFFFFFFFFL) * GOLDEN;
    return (int) (h ^ (h >>> 32));
  }

  /** A hash of a byte range, for interning names. */
  static int bytes(byte[] b, int off, int len, long seed) {
    long h = seed ^ len * GOLDEN;
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      h = (h ^ (long) LONG_LE.get(b, off + i)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 29;
    }
    for (; i < len; i++) {
      h = (h ^ (b[off + i] & 0xFF)) * 0x94D049BB133111EBL;
    }
    return (int) fmix64(h);
  }

  /** The smallest power of two >= {@code n} (n >= 1, at most 2^30). */
  static int ceilPow2(long n) {
    if (n > 1 << 30) {
      throw new IllegalArgumentException("table too large: " + n);
    }
    return n <= 1 ? 1 : Integer.highestOneBit((int) n - 1) << 1;
  }
}
