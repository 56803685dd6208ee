package dev.otelboard.collector.correlate;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;

/**
 * Interns (owner, tag, UTF-8 bytes) keys to dense int ids without allocating on a hit: the bytes
 * are compared in place against a shared pool. Used for span names per service instance, logger
 * names per instance, and message templates per logger. Bounded by an entry count and a pool size;
 * when full, {@link #intern} answers -1 and the caller falls back to an entry made with {@link
 * #internAlways}, which the caller keeps bounded (one per owner).
 */
final class Interner {
  /** An ordinary key: the bytes are a name. */
  static final int NORMAL = 0;

  /** The per-owner entry standing for everything that did not fit. */
  static final int OVERFLOW = 1;

  /** The per-logger template of records with trace context (their bodies are not kept). */
  static final int CONTEXT = 2;

  /** The per-logger template of records without a string body. */
  static final int NO_BODY = 3;

  private static final long SEED = 0x3C6EF372FE94F82BL;

  private final int maxEntries;
  private final int maxPoolBytes;
  private int count;
  private int[] owner = new int[16];
  private byte[] tag = new byte[16];
  private int[] offset = new int[16];
  private int[] length = new int[16];
  private int[] hash = new int[16];
  private String[] text = new String[16];
  private byte[] pool = new byte[1024];
  private int poolUsed;

  /** id + 1; 0 marks an empty entry. */
  private int[] table = new int[64];

  Interner(int maxEntries, int maxPoolBytes) {
    this.maxEntries = maxEntries;
    this.maxPoolBytes = maxPoolBytes;
  }

  /** The id of the key, added if there is room; -1 when the interner is full. */
  int intern(int keyOwner, int keyTag, byte[] src, int off, int len) {
    return intern(keyOwner, keyTag, src, off, len, false);
  }

  /** The id of the key, added even past the bounds. */
  int internAlways(int keyOwner, int keyTag, byte[] src, int off, int len) {
    return intern(keyOwner, keyTag, src, off, len, true);
  }

  private int intern(int keyOwner, int keyTag, byte[] src, int off, int len, boolean always) {
    int h = Hashing.bytes(src, off, len, SEED ^ keyOwner * Hashing.GOLDEN ^ keyTag);
    int mask = table.length - 1;
    int i = h & mask;
    while (true) {
      int e = table[i];
      if (e == 0) {
        break;
      }
      int id = e - 1;
      if (hash[id] == h
          && owner[id] == keyOwner
          && tag[id] == keyTag
          && length[id] == len
          && Hashing.equalBytes(pool, offset[id], src, off, len)) {
        return id;
      }
      i = (i + 1) & mask;
    }
    if (!always && (count >= maxEntries || poolUsed + len > maxPoolBytes)) {
      return -1;
    }
    int id = add(keyOwner, keyTag, src, off, len, h);
    table[i] = id + 1;
    if (count * 2 > table.length) {
      rehash(table.length * 2);
    }
    return id;
  }

  private int add(int keyOwner, int keyTag, byte[] src, int off, int len, int h) {
    if (count == owner.length) {
      int n = count * 2;
      owner = Arrays.copyOf(owner, n);
      tag = Arrays.copyOf(tag, n);
      offset = Arrays.copyOf(offset, n);
      length = Arrays.copyOf(length, n);
      hash = Arrays.copyOf(hash, n);
      text = Arrays.copyOf(text, n);
    }
    if (poolUsed + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolUsed + len));
    }
    System.arraycopy(src, off, pool, poolUsed, len);
    int id = count++;
    owner[id] = keyOwner;
    tag[id] = (byte) keyTag;
    offset[id] = poolUsed;
    length[id] = len;
    hash[id] = h;
    poolUsed += len;
    return id;
  }

  private void rehash(int tableLength) {
    table = new int[tableLength];
    int mask = tableLength - 1;
    for (int id = 0; id < count; id++) {
      int i = hash[id] & mask;
      while (table[i] != 0) {
        i = (i + 1) & mask;
      }
      table[i] = id + 1;
    }
  }

  /**
   * Whether entry {@code id} is the key (owner, tag, bytes): a cheap check for a caller that
   * remembers the ids it used last, compared in place without hashing.
   */
  boolean matches(int id, int keyOwner, int keyTag, byte[] src, int off, int len) {
    return length[id] == len
        && owner[id] == keyOwner
        && tag[id] == keyTag
        && Hashing.equalBytes(pool, offset[id], src, off, len);
  }

  int size() {
    return count;
  }

  int owner(int id) {
    return owner[id];
  }

  int tag(int id) {
    return tag[id];
  }

  /** The key's bytes decoded (once, then cached); only reports call this. */
  String text(int id) {
    String s = text[id];
    if (s == null) {
      s = new String(pool, offset[id], length[id], UTF_8);
      text[id] = s;
    }
    return s;
  }

  long bytes() {
    // owner, offset, length, hash: 4 bytes each; tag 1; text: one reference (strings are few).
    return 25L * owner.length + pool.length + 4L * table.length;
  }

  /**
   * The length of the longest prefix of a UTF-8 byte range holding at most {@code maxChars} code
   * points, so keys are cut on a character boundary.
   */
  static int prefixLength(byte[] b, int off, int len, int maxChars) {
    if (len <= maxChars) {
      return len;
    }
    int chars = 0;
    for (int i = 0; i < len; i++) {
      if ((b[off + i] & 0xC0) != 0x80) {
        if (chars == maxChars) {
          return i;
        }
        chars++;
      }
    }
    return len;
  }
}
