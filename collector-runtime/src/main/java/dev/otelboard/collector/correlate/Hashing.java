package dev.otelboard.collector.correlate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The hash functions of the index; all pure.
 *
 * <p>A span is identified by two 32-bit keys: its trace key (32 bits of a fingerprint of the
 * 128-bit trace id) and its span key (32 bits of a hash of the trace fingerprint and the span id).
 * Two different spans are confused only if both collide: about 2^-64 per pair across traces, and
 * k/2^32 for a trace of k spans within one. Distinct traces are counted by trace key, so that count
 * is off by the trace-key collisions: none expected below ~10 thousand traces, ~0.1% at 10 million.
 */
final class Hashing {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long SEED_TRACE_HI = 0x2545F4914F6CDD1DL;
  private static final long SEED_TRACE_LO = 0x9E3779B97F4A7C15L;
  static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Hashing() {}

  /** MurmurHash3's 64-bit finalizer: a bijection that mixes every input bit into every output. */
  static long fmix64(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /**
   * A 64-bit fingerprint of a 128-bit trace id. For a fixed half it is a bijection of the other
   * half, so ids that share a half never collide.
   */
  static long traceFingerprint(long hi, long lo) {
    return fmix64(fmix64(hi ^ SEED_TRACE_HI) ^ lo ^ SEED_TRACE_LO);
  }

  /** The trace key of a fingerprint; never 0, which means "no trace". */
  static int traceKey(long traceFingerprint) {
    int key = (int) traceFingerprint;
    return key == 0 ? 1 : key;
  }

  /** The span key of a span (or parent) id within the trace with this fingerprint. */
  static int spanKey(long traceFingerprint, long spanId) {
    // For a fixed trace, spanId * GOLDEN (odd) and fmix64 are bijections: only the cut to 32
    // bits can make two spans of one trace collide.
    return (int) (fmix64(traceFingerprint + spanId * GOLDEN) >>> 32);
  }

  /** A hash of a byte range, for interning names. */
  static int bytes(byte[] b, int off, int len, long seed) {
    long h = seed ^ len * GOLDEN;
    if (len >= 8) {
      int i = 0;
      for (; i + 8 < len; i += 8) {
        h = mix(h, (long) LONG_LE.get(b, off + i));
      }
      // The last 8 bytes, overlapping the previous word when len is not a multiple of 8.
      h = mix(h, (long) LONG_LE.get(b, off + len - 8));
    } else {
      long word = 0;
      for (int i = 0; i < len; i++) {
        word = word << 8 | (b[off + i] & 0xFF);
      }
      h = mix(h, word);
    }
    return (int) fmix64(h);
  }

  private static long mix(long h, long word) {
    h = (h ^ word) * 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }

  /** Whether two byte ranges of the same length hold the same bytes. */
  static boolean equalBytes(byte[] a, int aOff, byte[] b, int bOff, int len) {
    if (len < 8) {
      for (int i = 0; i < len; i++) {
        if (a[aOff + i] != b[bOff + i]) {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i + 8 < len; i += 8) {
      if ((long) LONG_LE.get(a, aOff + i) != (long) LONG_LE.get(b, bOff + i)) {
        return false;
      }
    }
    return (long) LONG_LE.get(a, aOff + len - 8) == (long) LONG_LE.get(b, bOff + len - 8);
  }

  /** The smallest power of two >= {@code n} (n >= 1, at most 2^30). */
  static int ceilPow2(long n) {
    if (n > 1 << 30) {
      throw new IllegalArgumentException("table too large: " + n);
    }
    return n <= 1 ? 1 : Integer.highestOneBit((int) n - 1) << 1;
  }
}
