package dev.otelboard.collector.correlate;

/**
 * Log records waiting out the flush window, oldest first, in primitive columns: 24 bytes per
 * record. A record leaves the queue when it is settled (joined and counted); nothing about it is
 * kept afterwards except the counts.
 */
final class LogQueue {
  /** Meta bit 0: the record carries a trace id and span id; the rest is the template id. */
  static final int HAS_CONTEXT = 1;
  static final int TEMPLATE_SHIFT = 1;

  final int capacity;
  private final LongColumn traceFp;
  private final LongColumn time;
  private final IntColumn spanHash;
  private final IntColumn meta;
  private long enqueued;
  private long dequeued;

  LogQueue(int capacity) {
    this.capacity = capacity;
    traceFp = new LongColumn(capacity);
    time = new LongColumn(capacity);
    spanHash = new IntColumn(capacity);
    meta = new IntColumn(capacity);
  }

  int size() {
    return (int) (enqueued - dequeued);
  }

  boolean isFull() {
    return enqueued - dequeued == capacity;
  }

  long enqueued() {
    return enqueued;
  }

  long dequeued() {
    return dequeued;
  }

  int slotOf(long seq) {
    return (int) (seq % capacity);
  }

  /** Appends a record; the caller has made room. */
  void push(long fp, int sh, long timeNanos, int logMeta) {
    int slot = slotOf(enqueued++);
    traceFp.set(slot, fp);
    spanHash.set(slot, sh);
    time.set(slot, timeNanos);
    meta.set(slot, logMeta);
  }

  /** Drops the oldest record. */
  void pop() {
    dequeued++;
  }

  long traceFp(int slot) {
    return traceFp.get(slot);
  }

  int spanHash(int slot) {
    return spanHash.get(slot);
  }

  long time(int slot) {
    return time.get(slot);
  }

  int meta(int slot) {
    return meta.get(slot);
  }

  long bytes() {
    return traceFp.bytes() + time.bytes() + spanHash.bytes() + meta.bytes();
  }
}
