package dev.otelboard.collector.correlate;

import dev.otelboard.collector.wire.LogBatch;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The log side of the index: records wait out the flush window in a {@link LogQueue}, because
 * their span (and the SERVER span around it) is usually exported after them; then each is judged
 * (joined to its span? inside a request of its instance?) and counted into {@link LogFigures}. A
 * record that fails may only have lost a race with a slow exporter, so it waits once more, in a
 * second queue, up to the late window.
 */
final class LogWindow {
  private static final int SETTLE_CHUNK = 256;

  private final SpanStore spans;
  private final Coverage coverage;
  private final Names names;
  private final LongSupplier clock;
  private final LogQueue logs;

  /** Records that failed their first judgment, waiting out the late window. */
  private final LogQueue late;

  private final Arrivals logArrivals = new Arrivals();
  private final Arrivals lateArrivals = new Arrivals();

  /** Figures of the records judged so far. */
  final LogFigures settled = new LogFigures();

  private long[] byInstance = new long[16];
  private long[] contextByInstance = new long[16];
  long received;
  long evicted;

  LogWindow(int capacity, SpanStore spans, Coverage coverage, Names names, LongSupplier clock) {
    this.spans = spans;
    this.coverage = coverage;
    this.names = names;
    this.clock = clock;
    this.logs = new LogQueue(capacity);
    this.late = new LogQueue(capacity);
  }

  /** Queues the records of one batch; {@code instanceOf} maps its resources to instance ids. */
  void add(LogBatch batch, int[] instanceOf, int instanceCount, long now) {
    if (instanceCount > byInstance.length) {
      int length = Math.max(instanceCount, byInstance.length * 2);
      byInstance = Arrays.copyOf(byInstance, length);
      contextByInstance = Arrays.copyOf(contextByInstance, length);
    }
    byte[] buf = batch.buffer();
    int n = batch.count();
    received += n;
    // A full window settles its oldest records early, one per record pushed. Those that this batch
    // will push out of the window are settled here at once instead, in prefetched chunks (one by
    // one, each lookup was a cache miss of its own, doubling the cost of a log record whenever
    // records come faster than the window holds); their verdicts are the same, because adding
    // records changes nothing they are judged by. Only a batch larger than the whole window still
    // pushes out its own records one by one, below.
    long early = Math.min(logs.size(), (long) logs.size() + n - logs.capacity);
    if (early > 0) {
      settleLogs(logs.dequeued() + early);
      evicted += early;
    }
    int lastScopeOff = -1;
    int lastScopeLen = -1;
    int lastInstance = -1;
    int logger = -1;
    int contextTemplate = -1;
    long lastHi = 0;
    long lastLo = 0;
    long fp = Hashing.traceFingerprint(0, 0);
    for (int i = 0; i < n; i++) {
      int instance = instanceOf[batch.resource(i)];
      byInstance[instance]++;
      int scopeOff = batch.scopeNameOffset(i);
      int scopeLen = batch.scopeNameLength(i);
      if (scopeOff != lastScopeOff || scopeLen != lastScopeLen || instance != lastInstance) {
        logger = names.logger(instance, buf, scopeOff, scopeLen);
        contextTemplate = -1;
        lastScopeOff = scopeOff;
        lastScopeLen = scopeLen;
        lastInstance = instance;
      }
      int trace = 0;
      int key = 0;
      int template;
      int meta;
      if (batch.hasTraceContext(i)) {
        contextByInstance[instance]++;
        long hi = batch.traceIdHi(i);
        long lo = batch.traceIdLo(i);
        if (hi != lastHi || lo != lastLo) {
          fp = Hashing.traceFingerprint(hi, lo);
          lastHi = hi;
          lastLo = lo;
        }
        trace = Hashing.traceKey(fp);
        key = Hashing.spanKey(fp, batch.spanId(i));
        if (contextTemplate < 0) {
          contextTemplate = names.contextTemplate(logger, buf);
        }
        template = contextTemplate;
        meta = LogQueue.HAS_CONTEXT;
      } else {
        // Certainly uncorrelated, so its message is worth remembering for the report.
        template = names.messageTemplate(logger, buf, batch.bodyOffset(i), batch.bodyLength(i));
        meta = 0;
      }
      if (logs.isFull()) {
        settleLogs(logs.dequeued() + 1);
        evicted++;
      }
      logs.push(trace, key, batch.timeNanos(i), meta | template << LogQueue.TEMPLATE_SHIFT);
    }
    logArrivals.record(logs.enqueued(), now);
  }

  /** Judges the records whose flush window, or late window, has passed by {@code now}. */
  void settleDue(long now, long flushWindowNanos, long lateWindowNanos) {
    long logDue = logArrivals.popDue(now, flushWindowNanos);
    if (logDue > logs.dequeued()) {
      settleLogs(logDue);
    }
    long lateDue = lateArrivals.popDue(now, lateWindowNanos);
    if (lateDue > late.dequeued()) {
      settleLate(lateDue);
    }
  }

  /** Records still waiting in either window. */
  long waiting() {
    return logs.size() + late.size();
  }

  long[] byInstance() {
    return byInstance;
  }

  long[] contextByInstance() {
    return contextByInstance;
  }

  /**
   * The figures so far plus every waiting record judged as if its windows had passed; the
   * windows are left as they are.
   */
  LogFigures finalFigures(int instances, int templates) {
    LogFigures figures = settled.copy(instances, templates);
    for (long seq = logs.dequeued(); seq < logs.enqueued(); seq++) {
      evaluate(logs, logs.slotOf(seq), figures, false);
    }
    for (long seq = late.dequeued(); seq < late.enqueued(); seq++) {
      evaluate(late, late.slotOf(seq), figures, false);
    }
    return figures;
  }

  private void settleLogs(long toSeq) {
    while (logs.dequeued() < toSeq) {
      // In chunks: touch the table entries of a chunk's lookups first, so their misses overlap.
      int chunk = (int) Math.min(toSeq - logs.dequeued(), SETTLE_CHUNK);
      // A record without context has span key 0: touching its entry is wasted but harmless, and
      // cheaper than reading its meta to skip it.
      for (int k = 0, slot = logs.headSlot(); k < chunk; k++, slot = logs.nextSlot(slot)) {
        spans.touch(logs.spanKey(slot));
      }
      for (int k = 0; k < chunk; k++) {
        int slot = logs.headSlot();
        if (!evaluate(logs, slot, settled, true)) {
          defer(slot);
        }
        logs.pop();
      }
    }
    if (late.enqueued() > late.dequeued()) {
      lateArrivals.record(late.enqueued(), clock.getAsLong());
    }
  }

  /** Moves a record that failed its first judgment to the late queue, making room if it is full. */
  private void defer(int slot) {
    if (late.isFull()) {
      settleLate(late.dequeued() + 1);
    }
    late.push(logs.traceKey(slot), logs.spanKey(slot), logs.time(slot), logs.meta(slot));
  }

  private void settleLate(long toSeq) {
    while (late.dequeued() < toSeq) {
      evaluate(late, late.headSlot(), settled, false);
      late.pop();
    }
  }

  /**
   * Judges the record in {@code slot} of {@code queue} and counts it into {@code into}; when
   * {@code provisional}, only if nothing arriving later could change the verdict (in a request and
   * joined, or in a request without context). Returns whether it was counted.
   */
  private boolean evaluate(LogQueue queue, int slot, LogFigures into, boolean provisional) {
    int meta = queue.meta(slot);
    int template = meta >>> LogQueue.TEMPLATE_SHIFT;
    int instance = names.instanceOfTemplate(template);
    boolean inRequest = coverage.covers(instance, queue.time(slot));
    boolean hasContext = (meta & LogQueue.HAS_CONTEXT) != 0;
    boolean correlated = hasContext && spans.find(queue.traceKey(slot), queue.spanKey(slot)) >= 0;
    if (provisional && (!inRequest || correlated != hasContext)) {
      return false;
    }
    into.count(instance, template, inRequest, correlated);
    return true;
  }

  long bytes() {
    return logs.bytes()
        + late.bytes()
        + logArrivals.bytes()
        + lateArrivals.bytes()
        + settled.bytes()
        + 8L * (byInstance.length + contextByInstance.length);
  }
}
