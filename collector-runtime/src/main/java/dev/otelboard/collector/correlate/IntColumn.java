package dev.otelboard.collector.correlate;

/** The int twin of {@link LongColumn}. */
final class IntColumn {
  private static final int CHUNK_BITS = LongColumn.CHUNK_BITS;
  private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;

  private final int capacity;
  private final int[][] chunks;
  private long allocatedBytes;

  IntColumn(int capacity) {
    this.capacity = capacity;
    this.chunks = new int[(int) (((long) capacity + CHUNK_MASK) >>> CHUNK_BITS)][];
  }

  int get(int i) {
    return chunks[i >>> CHUNK_BITS][i & CHUNK_MASK];
  }

  void set(int i, int value) {
    int[] chunk = chunks[i >>> CHUNK_BITS];
    if (chunk == null) {
      chunk = allocate(i >>> CHUNK_BITS);
    }
    chunk[i & CHUNK_MASK] = value;
  }

  private int[] allocate(int c) {
    int length = Math.min(1 << CHUNK_BITS, capacity - (c << CHUNK_BITS));
    int[] chunk = new int[length];
    chunks[c] = chunk;
    allocatedBytes += 4L * length;
    return chunk;
  }

  /** Bytes of the chunks allocated so far plus the chunk directory. */
  long bytes() {
    return allocatedBytes + 8L * chunks.length;
  }
}
