package dev.otelboard.collector.correlate;

/**
 * Log records waiting out the flush window, oldest first, in primitive columns: 20 bytes per record
 * (trace key, span key, time, meta). A record leaves the queue when it is settled (joined and
 * counted); nothing about it is kept afterwards except the counts.
 */
final class LogQueue {
  /** Meta bit 0: the record carries a trace id and span id; the rest is the template id. */
  static final int HAS_CONTEXT = 1;

  static final int TEMPLATE_SHIFT = 1;

  final int capacity;
  private final IntColumn traceKey;
  private final IntColumn spanKey;
  private final LongColumn time;
  private final IntColumn meta;
  private long enqueued;
  private long dequeued;

  /** Slots of the oldest record and of the next push; kept to avoid a division per record. */
  private int headSlot;

  private int tailSlot;

  LogQueue(int capacity) {
    this.capacity = capacity;
    traceKey = new IntColumn(capacity);
    spanKey = new IntColumn(capacity);
    time = new LongColumn(capacity);
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

  /** The slot of the oldest record, {@code slotOf(dequeued())}. */
  int headSlot() {
    return headSlot;
  }

  /** The slot after {@code slot} in ring order. */
  int nextSlot(int slot) {
    return slot + 1 == capacity ? 0 : slot + 1;
  }

  /** Appends a record; the caller has made room. */
  void push(int trace, int key, long timeNanos, int logMeta) {
    int slot = tailSlot;
    tailSlot = nextSlot(slot);
    enqueued++;
    traceKey.set(slot, trace);
    spanKey.set(slot, key);
    time.set(slot, timeNanos);
    meta.set(slot, logMeta);
  }

  /** Drops the oldest record. */
  void pop() {
    headSlot = nextSlot(headSlot);
    dequeued++;
  }

  int traceKey(int slot) {
    return traceKey.get(slot);
  }

  int spanKey(int slot) {
    return spanKey.get(slot);
  }

  long time(int slot) {
    return time.get(slot);
  }

  int meta(int slot) {
    return meta.get(slot);
  }

  long bytes() {
    return traceKey.bytes() + spanKey.bytes() + time.bytes() + meta.bytes();
  }
}
