package dev.otelboard.collector.correlate;

/**
 * A fixed-capacity array of longs allocated in 32 Ki-element chunks as slots are first written, so
 * a large window costs nothing until it fills and never needs a grow-and-copy (which would briefly
 * hold the old and the new array). 256 KiB chunks stay below G1's humongous-object threshold (half
 * a region, 512 KiB at the 1 MiB regions of heaps under 2 GiB); a humongous chunk would take a
 * whole region and waste nearly half of it.
 */
final class LongColumn {
  static final int CHUNK_BITS = 15;
  private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;

  private final int capacity;
  private final long[][] chunks;
  private long allocatedBytes;

  LongColumn(int capacity) {
    this.capacity = capacity;
    this.chunks = new long[(int) (((long) capacity + CHUNK_MASK) >>> CHUNK_BITS)][];
  }

  long get(int i) {
    return chunks[i >>> CHUNK_BITS][i & CHUNK_MASK];
  }

  void set(int i, long value) {
    long[] chunk = chunks[i >>> CHUNK_BITS];
    if (chunk == null) {
      chunk = allocate(i >>> CHUNK_BITS);
    }
    chunk[i & CHUNK_MASK] = value;
  }

  private long[] allocate(int c) {
    int length = Math.min(1 << CHUNK_BITS, capacity - (c << CHUNK_BITS));
    long[] chunk = new long[length];
    chunks[c] = chunk;
    allocatedBytes += 8L * length;
    return chunk;
  }

  /** Bytes of the chunks allocated so far plus the chunk directory. */
  long bytes() {
    return allocatedBytes + 8L * chunks.length;
  }
}
