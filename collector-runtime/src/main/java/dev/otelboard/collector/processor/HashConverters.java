package dev.otelboard.collector.processor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Hashes and ids (ottlfuncs func_sha*, func_md5, func_fnv, func_murmur3_hash*, func_trace_id,
 * func_span_id, func_profile_id, func_uuid*). Murmur3 is spaolacci/murmur3 with seed 0, its
 * words written little-endian in hex, as the collector does.
 */
final class HashConverters {
  private static final HexFormat HEX = HexFormat.of();

  private HashConverters() {}

  static void register(Map<String, Converter> m) {
    m.put("SHA1", a -> digest("SHA-1", a.string(0)));
    m.put("SHA256", a -> digest("SHA-256", a.string(0)));
    m.put("SHA512", a -> digest("SHA-512", a.string(0)));
    m.put("MD5", a -> digest("MD5", a.string(0)));
    m.put("FNV", a -> fnv64a(a.string(0).getBytes(StandardCharsets.UTF_8)));
    m.put("Murmur3Hash", a -> HEX.formatHex(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putInt(murmur32(a.string(0).getBytes(StandardCharsets.UTF_8))).array()));
    m.put("Murmur3Hash128", a -> {
      long[] h = murmur128(a.string(0).getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
          .putLong(h[0]).putLong(h[1]).array());
    });
    m.put("Hex", a -> {
      byte[] b = a.byteSliceLike(0);
      return b == null ? "" : HEX.formatHex(b);
    });
    m.put("TraceID", a -> id(a, 16));
    m.put("SpanID", a -> id(a, 8));
    m.put("ProfileID", a -> id(a, 16));
    m.put("UUID", a -> UUID.randomUUID().toString());
    m.put("UUIDv7", a -> uuidV7());
  }

  static String digest(String algorithm, String value) {
    try {
      return HEX.formatHex(MessageDigest.getInstance(algorithm)
          .digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** bytesToID: exactly the id's length in raw bytes, or twice that in hex. */
  private static byte[] id(Args a, int length) {
    byte[] b = a.byteSliceLike(0);
    if (b != null && b.length == length) {
      return b.clone();
    }
    if (b != null && b.length == length * 2) {
      try {
        return HEX.parseHex(new String(b, StandardCharsets.ISO_8859_1));
      } catch (IllegalArgumentException e) {
        throw a.fail("failed to decode hex: " + e.getMessage());
      }
    }
    throw a.fail("expected " + length + " or " + length * 2 + " bytes, got "
        + (b == null ? 0 : b.length));
  }

  private static long fnv64a(byte[] data) {
    long h = 0xcbf29ce484222325L;
    for (byte b : data) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  static int murmur32(byte[] data) {
    final int c1 = 0xcc9e2d51;
    final int c2 = 0x1b873593;
    int h = 0;
    int blocks = data.length / 4;
    ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < blocks; i++) {
      int k = buf.getInt(i * 4);
      k *= c1;
      k = Integer.rotateLeft(k, 15);
      k *= c2;
      h ^= k;
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    int k = 0;
    int tail = blocks * 4;
    switch (data.length & 3) {
      case 3:
        k ^= (data[tail + 2] & 0xff) << 16;
      // fall through
      case 2:
        k ^= (data[tail + 1] & 0xff) << 8;
      // fall through
      case 1:
        k ^= data[tail] & 0xff;
        k *= c1;
        k = Integer.rotateLeft(k, 15);
        k *= c2;
        h ^= k;
        break;
      default:
        break;
    }
    h ^= data.length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  static long[] murmur128(byte[] data) {
    final long c1 = 0x87c37b91114253d5L;
    final long c2 = 0x4cf5ad432745937fL;
    long h1 = 0;
    long h2 = 0;
    int blocks = data.length / 16;
    ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < blocks; i++) {
      long k1 = buf.getLong(i * 16);
      long k2 = buf.getLong(i * 16 + 8);
      k1 *= c1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= c2;
      h1 ^= k1;
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      k2 *= c2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= c1;
      h2 ^= k2;
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    long k1 = 0;
    long k2 = 0;
    int tail = blocks * 16;
    int rest = data.length & 15;
    for (int i = rest - 1; i >= 8; i--) {
      k2 ^= (long) (data[tail + i] & 0xff) << ((i - 8) * 8);
    }
    if (rest > 8) {
      k2 *= c2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= c1;
      h2 ^= k2;
    }
    for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
      k1 ^= (long) (data[tail + i] & 0xff) << (i * 8);
    }
    if (rest > 0) {
      k1 *= c1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= c2;
      h1 ^= k1;
    }
    h1 ^= data.length;
    h2 ^= data.length;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    return new long[] {h1, h2};
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits. */
  private static String uuidV7() {
    java.security.SecureRandom random = new java.security.SecureRandom();
    long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
