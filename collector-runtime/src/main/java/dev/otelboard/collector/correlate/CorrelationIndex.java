package dev.otelboard.collector.correlate;

import static dev.otelboard.collector.correlate.SpanStore.HAS_PARENT;
import static dev.otelboard.collector.correlate.SpanStore.HAS_SERVER_CHILD;
import static dev.otelboard.collector.correlate.SpanStore.KIND_MASK;
import static dev.otelboard.collector.correlate.SpanStore.NAME_SHIFT;
import static dev.otelboard.collector.correlate.SpanStore.ORPHAN_COUNTED;
import static dev.otelboard.collector.correlate.SpanStore.PARENT_SEEN;
import static dev.otelboard.collector.correlate.SpanStore.UNNAMED;
import static java.util.Objects.requireNonNull;

import dev.otelboard.collector.correlate.CorrelationReport.MissingServerChild;
import dev.otelboard.collector.correlate.CorrelationReport.OrphanSpans;
import dev.otelboard.collector.correlate.CorrelationReport.ServiceFigures;
import dev.otelboard.collector.correlate.CorrelationReport.UncorrelatedLogs;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.Resource;
import dev.otelboard.collector.wire.SpanBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Joins log records to spans and measures what {@code otelboard verify} reports: in-request log
 * correlation, orphan spans, cross-service traces and CLIENT spans without a SERVER child.
 *
 * <p>Memory is bounded by the two windows: the most recent {@link Builder#setSpanCapacity spans}
 * (about 30 bytes each: 32-bit trace, span and parent keys, kind, flags and an interned (instance,
 * name) id, plus an 8-byte hash-table entry at a load of at most 0.65), and the {@link
 * Builder#setLogCapacity log records} still waiting out the flush window (20 bytes each). When a
 * window is full its oldest entry goes and is counted. Nothing is allocated per span or log record;
 * strings exist per resource, span name, logger and uncorrelated message, each table bounded.
 *
 * <p>A log record waits {@link Builder#setFlushWindow the flush window} after it arrived, because
 * its span (and the SERVER span around it) is usually exported after it; then it is judged:
 * joined and tested for being in a request. A record that passes both is counted. One that fails
 * may only have lost a race with a slow exporter (a GC pause, a busy CPU, a batch delay), so it
 * waits once more, up to {@link Builder#setLateWindow the late window}, for spans that would
 * change its verdict, and is counted then. {@link #report()} counts every waiting record as if its
 * windows had passed, so the final figures never depend on timing, only on what arrived.
 *
 * <p>Thread-safety: every method is synchronized. One pipeline thread is expected to add; {@link
 * #status()} and {@link #report()} may be called from any thread and wait for the batch being
 * added. A report walks the whole span window (a few seconds at 10 million spans) and blocks adding
 * meanwhile, so ask for it at the end of a run.
 */
public final class CorrelationIndex {
  /** Default span window, {@value}. */
  public static final int DEFAULT_SPAN_CAPACITY = 10_000_000;

  /** Default log window, {@value}. */
  public static final int DEFAULT_LOG_CAPACITY = 4_000_000;

  /** Default flush window, 2 seconds. */
  public static final Duration DEFAULT_FLUSH_WINDOW = Duration.ofSeconds(2);

  /** Default late window, 30 seconds. */
  public static final Duration DEFAULT_LATE_WINDOW = Duration.ofSeconds(30);

  static final int SERVER = 2;
  static final int CLIENT = 3;
  static final int CONSUMER = 5;
  private static final int MAX_KIND = 5;

  static final int TEMPLATE_CHARS = 120;
  private static final int NAME_CHARS = 200;
  private static final int TOP = 10;
  private static final int MAX_MISSING_LISTED = 100;
  private static final int SETTLE_CHUNK = 256;
  static final String CONTEXT_MESSAGE = "(had trace context; its span was not received)";
  static final String NO_BODY_MESSAGE = "(no string body)";
  static final String OTHER_NAMES = "(other span names)";
  static final String OTHER_LOGGERS = "(other loggers)";

  private final long flushWindowNanos;
  private final long lateWindowNanos;
  private final LongSupplier clock;
  private final SpanStore spans;
  private final LogQueue logs;

  /** Records that failed their first judgment, waiting out the late window. */
  private final LogQueue late;
  private final Coverage coverage;
  private final Instances instances = new Instances();

  /** (instance, span name); every span has one, so it also carries the span's instance. */
  private final Interner names = new Interner(65_536, 4 << 20);

  /** (instance, scope name). */
  private final Interner loggers = new Interner(16_384, 1 << 20);

  /** (logger, message) of records that may end up uncorrelated. */
  private final Interner templates = new Interner(16_384, 4 << 20);

  private final Arrivals spanArrivals = new Arrivals();
  private final Arrivals logArrivals = new Arrivals();
  private final Arrivals lateArrivals = new Arrivals();
  private final LogFigures settled = new LogFigures();

  /** Span name ids used last (-1: none), checked before interning; see {@link #nameId}. */
  private static final int RECENT_NAMES = 8;

  private final int[] recentNames = {-1, -1, -1, -1, -1, -1, -1, -1};
  private int recentNext;

  private long[] spansByInstance = new long[16];
  private long[] logsByInstance = new long[16];
  private long[] contextLogsByInstance = new long[16];
  private long[] evictedOrphansByName = new long[16];
  private int[] batchInstances = new int[8];
  // Keys of the batch being added, computed in a first pass.
  private int[] scratchTrace = new int[0];
  private int[] scratchKey = new int[0];
  private int[] scratchParent = new int[0];

  private long spanSettledSeq;
  private long spansReceived;
  private long duplicateSpans;
  private long evictedSpans;
  private long logsReceived;
  private long evictedLogs;
  private long liveOrphans;
  private long evictedOrphans;

  private CorrelationIndex(Builder b) {
    this.flushWindowNanos = b.flushWindow.toNanos();
    this.lateWindowNanos = Math.max(b.lateWindow.toNanos(), flushWindowNanos);
    this.clock = b.clock;
    this.spans = new SpanStore(b.spanCapacity);
    this.logs = new LogQueue(b.logCapacity);
    this.late = new LogQueue(b.logCapacity);
    // At worst one merged interval per request, and a request has a SERVER span and typically
    // more than 16 spans in all; past that the oldest requests' intervals go first.
    this.coverage = new Coverage(Math.max(4096, b.spanCapacity / 16));
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Indexes the spans of one scanned request. */
  public synchronized void addSpans(SpanBatch batch) {
    requireNonNull(batch, "batch");
    // Settled only after the batch is in: it may carry the spans of records whose window just ended.
    long now = clock.getAsLong();
    int[] instanceOf = resolve(batch.resources());
    byte[] buf = batch.buffer();
    int n = batch.count();
    spansReceived += n;
    ensureScratch(n);
    long lastHi = 0;
    long lastLo = 0;
    long fp = Hashing.traceFingerprint(0, 0);
    for (int i = 0; i < n; i++) {
      // The spans of a trace usually come together: hash each trace id once.
      long hi = batch.traceIdHi(i);
      long lo = batch.traceIdLo(i);
      if (hi != lastHi || lo != lastLo) {
        fp = Hashing.traceFingerprint(hi, lo);
        lastHi = hi;
        lastLo = lo;
      }
      long parent = batch.parentSpanId(i);
      scratchTrace[i] = Hashing.traceKey(fp);
      scratchKey[i] = Hashing.spanKey(fp, batch.spanId(i));
      scratchParent[i] = parent == 0 ? 0 : Hashing.spanKey(fp, parent);
    }
    // Touch every table entry this batch will probe (its lookups and its inserts; evictions do not
    // probe) in a tight loop of independent loads, so that the cache misses overlap; the work
    // below then finds them in cache.
    for (int i = 0; i < n; i++) {
      spans.touch(scratchKey[i]);
      if (scratchParent[i] != 0) {
        spans.touch(scratchParent[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      int instance = instanceOf[batch.resource(i)];
      spansByInstance[instance]++;
      int kind = batch.kind(i);
      if (kind < 0 || kind > MAX_KIND) {
        kind = 0;
      }
      int trace = scratchTrace[i];
      int parentKey = scratchParent[i];
      int meta = kind;
      int parentSlot = -1;
      if (batch.parentSpanId(i) != 0) {
        meta |= HAS_PARENT;
        parentSlot = spans.find(trace, parentKey);
        if (parentSlot >= 0) {
          meta |= PARENT_SEEN;
        }
      }
      // Names are only ever reported for CLIENT spans (missing SERVER child) and for spans whose
      // parent is still missing (orphans); every other span keeps just its instance, which is all
      // that counting traces needs, and skips interning its name.
      if (kind == CLIENT || (meta & (HAS_PARENT | PARENT_SEEN)) == HAS_PARENT) {
        meta |= nameId(instance, buf, batch.nameOffset(i), batch.nameLength(i)) << NAME_SHIFT;
      } else {
        meta |= UNNAMED | instance << NAME_SHIFT;
      }
      if (spans.isFull() && evictOldestSpan() == parentSlot) {
        parentSlot = -1;
      }
      if (spans.append(trace, scratchKey[i], parentKey, meta) < 0) {
        duplicateSpans++;
        continue;
      }
      if (kind == SERVER && parentSlot >= 0) {
        markServerChild(parentSlot);
      }
      if (kind == SERVER || kind == CONSUMER) {
        coverage.add(instance, batch.startNanos(i), batch.endNanos(i));
      }
    }
    spanArrivals.record(spans.appended(), now);
    settle(now);
  }

  private void ensureScratch(int n) {
    if (scratchKey.length < n) {
      int length = Math.max(n, scratchKey.length * 2);
      scratchTrace = new int[length];
      scratchKey = new int[length];
      scratchParent = new int[length];
    }
  }

  /** Queues the log records of one scanned request; they are settled after the flush window. */
  public synchronized void addLogs(LogBatch batch) {
    requireNonNull(batch, "batch");
    long now = clock.getAsLong();
    settle(now);
    int[] instanceOf = resolve(batch.resources());
    byte[] buf = batch.buffer();
    int n = batch.count();
    logsReceived += n;
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
      logsByInstance[instance]++;
      int scopeOff = batch.scopeNameOffset(i);
      int scopeLen = batch.scopeNameLength(i);
      if (scopeOff != lastScopeOff || scopeLen != lastScopeLen || instance != lastInstance) {
        logger = loggerId(instance, buf, scopeOff, scopeLen);
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
        contextLogsByInstance[instance]++;
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
          contextTemplate = templates.internAlways(logger, Interner.CONTEXT, buf, 0, 0);
        }
        template = contextTemplate;
        meta = LogQueue.HAS_CONTEXT;
      } else {
        // Certainly uncorrelated, so its message is worth remembering for the report.
        template = messageTemplate(logger, buf, batch.bodyOffset(i), batch.bodyLength(i));
        meta = 0;
      }
      if (logs.isFull()) {
        settleLogs(logs.dequeued() + 1);
        evictedLogs++;
      }
      logs.push(trace, key, batch.timeNanos(i), meta | template << LogQueue.TEMPLATE_SHIFT);
    }
    logArrivals.record(logs.enqueued(), now);
    settle(now);
  }

  /** Cheap live figures; settles what the flush window has passed over first. */
  public synchronized CorrelationStatus status() {
    settle(clock.getAsLong());
    long inRequest = settled.totalInRequest;
    long correlatedInRequest = settled.totalCorrelatedInRequest;
    return new CorrelationStatus(
        spansReceived,
        logsReceived,
        logs.size() + late.size(),
        inRequest,
        correlatedInRequest,
        inRequest == 0 ? 100.0 : 100.0 * correlatedInRequest / inRequest,
        liveOrphans + evictedOrphans,
        evictedSpans,
        evictedLogs,
        estimatedBytes());
  }

  /**
   * The final figures: log records still within their flush window count as if it had passed. Walks
   * the span window; allocates per service, name and trace group, never per span.
   */
  public synchronized CorrelationReport report() {
    settle(clock.getAsLong());
    LogFigures logFigures = settled.copy(instances.count(), templates.size());
    for (long seq = logs.dequeued(); seq < logs.enqueued(); seq++) {
      evaluateLog(logs, logs.slotOf(seq), logFigures, false);
    }
    for (long seq = late.dequeued(); seq < late.enqueued(); seq++) {
      evaluateLog(late, late.slotOf(seq), logFigures, false);
    }
    // Orphans first: resolving parents also marks CLIENT spans that have a SERVER child.
    long[] orphansByName = orphansByName();
    long[] missingByName = clientSpansWithoutServerChildByName();
    int[] serviceOfName = new int[names.size()];
    for (int id = 0; id < serviceOfName.length; id++) {
      serviceOfName[id] = instances.serviceOf(names.owner(id));
    }
    int[] serviceOfInstance = new int[instances.count()];
    for (int inst = 0; inst < serviceOfInstance.length; inst++) {
      serviceOfInstance[inst] = instances.serviceOf(inst);
    }
    TraceCounter.Counts traces = TraceCounter.count(spans, serviceOfName, serviceOfInstance);
    List<ServiceFigures> services = serviceFigures(logFigures, orphansByName, serviceOfName);

    long contextLogs = 0;
    long inRequest = 0;
    long correlatedInRequest = 0;
    long correlated = 0;
    long orphans = 0;
    for (ServiceFigures f : services) {
      contextLogs += f.logsWithTraceContext();
      inRequest += f.inRequestLogs();
      correlatedInRequest += f.correlatedInRequestLogs();
      correlated += f.correlatedLogs();
      orphans += f.orphanSpans();
    }
    List<UncorrelatedLogs> uncorrelated = new ArrayList<>();
    long unaggregated = uncorrelatedLogs(logFigures, uncorrelated);
    return new CorrelationReport(
        spansReceived,
        logsReceived,
        contextLogs,
        inRequest,
        correlatedInRequest,
        correlated,
        ratio(correlatedInRequest, inRequest),
        orphans,
        traces.traces(),
        traces.crossService(),
        services,
        first(missingServerChildren(missingByName), MAX_MISSING_LISTED),
        first(uncorrelated, TOP),
        unaggregated,
        first(orphanSpans(orphansByName), TOP),
        evictedSpans,
        evictedLogs,
        duplicateSpans);
  }

  /** Orphans evicted so far plus those in the window, by span name id. */
  private long[] orphansByName() {
    long[] orphans = Arrays.copyOf(evictedOrphansByName, names.size());
    int slot = spans.slotOf(spans.headSeq());
    for (int k = 0; k < spans.size(); k++, slot = spans.nextSlot(slot)) {
      int meta = spans.meta(slot);
      if ((meta & (HAS_PARENT | PARENT_SEEN)) == HAS_PARENT
          && (resolveParent(slot, meta) & PARENT_SEEN) == 0) {
        orphans[meta >>> NAME_SHIFT]++;
      }
    }
    return orphans;
  }

  private long[] clientSpansWithoutServerChildByName() {
    long[] missing = new long[names.size()];
    int slot = spans.slotOf(spans.headSeq());
    for (int k = 0; k < spans.size(); k++, slot = spans.nextSlot(slot)) {
      int meta = spans.meta(slot);
      if ((meta & KIND_MASK) == CLIENT && (meta & HAS_SERVER_CHILD) == 0) {
        missing[meta >>> NAME_SHIFT]++;
      }
    }
    return missing;
  }

  /** Running sums of one service's instances. */
  private static final class ServiceTally {
    long spans;
    long logs;
    long contextLogs;
    long inRequest;
    long correlatedInRequest;
    long correlated;
    long orphans;
  }

  private List<ServiceFigures> serviceFigures(
      LogFigures logFigures, long[] orphansByName, int[] serviceOfName) {
    ServiceTally[] tallies = new ServiceTally[instances.serviceCount()];
    for (int svc = 0; svc < tallies.length; svc++) {
      tallies[svc] = new ServiceTally();
    }
    for (int inst = 0; inst < instances.count(); inst++) {
      ServiceTally t = tallies[instances.serviceOf(inst)];
      t.spans += spansByInstance[inst];
      t.logs += logsByInstance[inst];
      t.contextLogs += contextLogsByInstance[inst];
      t.inRequest += logFigures.inRequest[inst];
      t.correlatedInRequest += logFigures.correlatedInRequest[inst];
      t.correlated += logFigures.correlated[inst];
    }
    for (int id = 0; id < orphansByName.length; id++) {
      tallies[serviceOfName[id]].orphans += orphansByName[id];
    }
    List<ServiceFigures> services = new ArrayList<>(tallies.length);
    for (int svc = 0; svc < tallies.length; svc++) {
      ServiceTally t = tallies[svc];
      services.add(
          new ServiceFigures(
              instances.serviceName(svc),
              t.spans,
              t.logs,
              t.contextLogs,
              t.inRequest,
              t.correlatedInRequest,
              t.correlated,
              t.orphans,
              ratio(t.correlatedInRequest, t.inRequest)));
    }
    services.sort(Comparator.comparing(ServiceFigures::service));
    return services;
  }

  /**
   * Fills {@code into} with the uncorrelated logs by (logger, message), in-request ones first, and
   * returns how many uncorrelated logs did not fit the bounded aggregation.
   */
  private long uncorrelatedLogs(LogFigures logFigures, List<UncorrelatedLogs> into) {
    long unaggregated = 0;
    for (int t = 0; t < templates.size(); t++) {
      long count = logFigures.uncorrelated[t];
      if (count == 0) {
        continue;
      }
      if (templates.tag(t) == Interner.OVERFLOW) {
        unaggregated += count;
        continue;
      }
      int logger = templates.owner(t);
      into.add(
          new UncorrelatedLogs(
              serviceName(loggers.owner(logger)),
              loggers.tag(logger) == Interner.OVERFLOW ? OTHER_LOGGERS : loggers.text(logger),
              switch (templates.tag(t)) {
                case Interner.CONTEXT -> CONTEXT_MESSAGE;
                case Interner.NO_BODY -> NO_BODY_MESSAGE;
                default -> templates.text(t);
              },
              count,
              logFigures.uncorrelatedInRequest[t]));
    }
    into.sort(
        Comparator.comparingLong(UncorrelatedLogs::inRequestCount)
            .thenComparingLong(UncorrelatedLogs::count)
            .reversed()
            .thenComparing(UncorrelatedLogs::service)
            .thenComparing(UncorrelatedLogs::logger)
            .thenComparing(UncorrelatedLogs::messageTemplate));
    return unaggregated;
  }

  private List<OrphanSpans> orphanSpans(long[] orphansByName) {
    List<OrphanSpans> orphans = new ArrayList<>();
    for (int id = 0; id < orphansByName.length; id++) {
      if (orphansByName[id] > 0) {
        orphans.add(new OrphanSpans(serviceOfNameId(id), spanName(id), orphansByName[id]));
      }
    }
    orphans.sort(
        Comparator.comparingLong(OrphanSpans::count)
            .reversed()
            .thenComparing(OrphanSpans::service)
            .thenComparing(OrphanSpans::spanName));
    return orphans;
  }

  private List<MissingServerChild> missingServerChildren(long[] missingByName) {
    List<MissingServerChild> missing = new ArrayList<>();
    for (int id = 0; id < missingByName.length; id++) {
      if (missingByName[id] > 0) {
        missing.add(new MissingServerChild(serviceOfNameId(id), spanName(id), missingByName[id]));
      }
    }
    missing.sort(
        Comparator.comparingLong(MissingServerChild::count)
            .reversed()
            .thenComparing(MissingServerChild::clientService)
            .thenComparing(MissingServerChild::spanName));
    return missing;
  }

  /**
   * Heap held by the index: the lengths of its arrays times their element sizes, plus a rough
   * allowance for the few objects per service instance.
   */
  public synchronized long estimatedBytes() {
    return spans.bytes()
        + logs.bytes()
        + late.bytes()
        + coverage.bytes()
        + instances.bytes()
        + names.bytes()
        + loggers.bytes()
        + templates.bytes()
        + spanArrivals.bytes()
        + logArrivals.bytes()
        + lateArrivals.bytes()
        + settled.bytes()
        + 8L
            * (spansByInstance.length
                + logsByInstance.length
                + contextLogsByInstance.length
                + evictedOrphansByName.length)
        + 4L * batchInstances.length;
  }

  // ---- adding ---------------------------------------------------------------------------------

  /** Instance ids of a batch's resources, in a reused array. */
  private int[] resolve(List<Resource> resources) {
    int n = resources.size();
    if (n > batchInstances.length) {
      batchInstances = new int[Math.max(n, batchInstances.length * 2)];
    }
    for (int r = 0; r < n; r++) {
      batchInstances[r] = instances.idOf(resources.get(r));
    }
    int count = instances.count();
    if (count > spansByInstance.length) {
      int length = Math.max(count, spansByInstance.length * 2);
      spansByInstance = Arrays.copyOf(spansByInstance, length);
      logsByInstance = Arrays.copyOf(logsByInstance, length);
      contextLogsByInstance = Arrays.copyOf(contextLogsByInstance, length);
    }
    return batchInstances;
  }

  private int nameId(int instance, byte[] buf, int off, int len) {
    // A service sends few distinct span names and a batch repeats them: the last few ids are
    // compared in place before hashing (interning was ~15% of the pipeline's time otherwise).
    if (len <= NAME_CHARS) {
      for (int k = 0; k < RECENT_NAMES; k++) {
        int recent = recentNames[k];
        if (recent >= 0 && names.matches(recent, instance, Interner.NORMAL, buf, off, len)) {
          return recent;
        }
      }
    }
    int id =
        names.intern(
            instance, Interner.NORMAL, buf, off, Interner.prefixLength(buf, off, len, NAME_CHARS));
    if (id >= 0 && len <= NAME_CHARS) {
      recentNames[recentNext] = id;
      recentNext = (recentNext + 1) & (RECENT_NAMES - 1);
    }
    if (id < 0) {
      id = names.internAlways(instance, Interner.OVERFLOW, buf, 0, 0);
    }
    if (id > SpanStore.MAX_NAME_ID) {
      throw new IllegalStateException("span name ids exhausted");
    }
    return id;
  }

  private int loggerId(int instance, byte[] buf, int off, int len) {
    int id =
        loggers.intern(
            instance, Interner.NORMAL, buf, off, Interner.prefixLength(buf, off, len, NAME_CHARS));
    return id >= 0 ? id : loggers.internAlways(instance, Interner.OVERFLOW, buf, 0, 0);
  }

  private int messageTemplate(int logger, byte[] buf, int bodyOff, int bodyLen) {
    if (bodyLen < 0) {
      return templates.internAlways(logger, Interner.NO_BODY, buf, 0, 0);
    }
    int len = Interner.prefixLength(buf, bodyOff, bodyLen, TEMPLATE_CHARS);
    int id = templates.intern(logger, Interner.NORMAL, buf, bodyOff, len);
    return id >= 0 ? id : templates.internAlways(logger, Interner.OVERFLOW, buf, 0, 0);
  }

  private void markServerChild(int clientSlot) {
    int parentMeta = spans.meta(clientSlot);
    if ((parentMeta & KIND_MASK) == CLIENT) {
      spans.setMeta(clientSlot, parentMeta | HAS_SERVER_CHILD);
    }
  }

  /**
   * Looks for the parent of the span in {@code slot} (which has one, not yet seen); when found,
   * records that, un-counts a live orphan and marks a CLIENT parent of a SERVER span. Returns the
   * span's new meta.
   */
  private int resolveParent(int slot, int meta) {
    int parentSlot = spans.find(spans.traceKey(slot), spans.parentKey(slot));
    if (parentSlot < 0) {
      return meta;
    }
    if ((meta & ORPHAN_COUNTED) != 0) {
      liveOrphans--;
    }
    meta = (meta | PARENT_SEEN) & ~ORPHAN_COUNTED;
    spans.setMeta(slot, meta);
    if ((meta & KIND_MASK) == SERVER) {
      markServerChild(parentSlot);
    }
    return meta;
  }

  /**
   * Evicts the oldest span, counting it as an orphan if its parent never came; returns its slot.
   */
  private int evictOldestSpan() {
    long seq = spans.headSeq();
    if (seq >= spanSettledSeq) {
      settleSpans(seq + 1);
    }
    int slot = spans.headSlot();
    int meta = spans.meta(slot);
    if ((meta & (HAS_PARENT | PARENT_SEEN)) == HAS_PARENT) {
      meta = resolveParent(slot, meta);
      if ((meta & PARENT_SEEN) == 0) {
        if ((meta & ORPHAN_COUNTED) != 0) {
          liveOrphans--;
        }
        evictedOrphans++;
        int name = meta >>> NAME_SHIFT;
        if (name >= evictedOrphansByName.length) {
          evictedOrphansByName =
              Arrays.copyOf(evictedOrphansByName, Math.max(name + 1, names.size() * 2));
        }
        evictedOrphansByName[name]++;
      }
    }
    spans.removeOldest();
    evictedSpans++;
    return slot;
  }

  // ---- settling -------------------------------------------------------------------------------

  private void settle(long now) {
    long spanDue = spanArrivals.popDue(now, flushWindowNanos);
    if (spanDue > spanSettledSeq) {
      settleSpans(spanDue);
    }
    long logDue = logArrivals.popDue(now, flushWindowNanos);
    if (logDue > logs.dequeued()) {
      settleLogs(logDue);
    }
    long lateDue = lateArrivals.popDue(now, lateWindowNanos);
    if (lateDue > late.dequeued()) {
      settleLate(lateDue);
    }
  }

  /** Live orphan count for the status line: spans whose parent is missing once settled. */
  private void settleSpans(long toSeq) {
    long seq = Math.max(spanSettledSeq, spans.headSeq());
    // One division for the run, then slot by slot: a long division per span cost ~5% here.
    int slot = seq < toSeq ? spans.slotOf(seq) : 0;
    for (; seq < toSeq; seq++, slot = spans.nextSlot(slot)) {
      int meta = spans.meta(slot);
      if ((meta & (HAS_PARENT | PARENT_SEEN)) == HAS_PARENT) {
        meta = resolveParent(slot, meta);
        if ((meta & PARENT_SEEN) == 0) {
          spans.setMeta(slot, meta | ORPHAN_COUNTED);
          liveOrphans++;
        }
      }
    }
    spanSettledSeq = Math.max(spanSettledSeq, toSeq);
  }

  private void settleLogs(long toSeq) {
    while (logs.dequeued() < toSeq) {
      // In chunks: touch the table entries of a chunk's lookups first, so their misses overlap.
      int chunk = (int) Math.min(toSeq - logs.dequeued(), SETTLE_CHUNK);
      for (int k = 0, slot = logs.headSlot(); k < chunk; k++, slot = logs.nextSlot(slot)) {
        if ((logs.meta(slot) & LogQueue.HAS_CONTEXT) != 0) {
          spans.touch(logs.spanKey(slot));
        }
      }
      for (int k = 0; k < chunk; k++) {
        int slot = logs.headSlot();
        if (!evaluateLog(logs, slot, settled, true)) {
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
      evaluateLog(late, late.headSlot(), settled, false);
      late.pop();
    }
  }

  /**
   * Judges the record in {@code slot} of {@code queue} and counts it into {@code into}; when
   * {@code provisional}, only if nothing arriving later could change the verdict (in a request and
   * joined, or in a request without context). Returns whether it was counted.
   */
  private boolean evaluateLog(LogQueue queue, int slot, LogFigures into, boolean provisional) {
    int meta = queue.meta(slot);
    int template = meta >>> LogQueue.TEMPLATE_SHIFT;
    int instance = loggers.owner(templates.owner(template));
    boolean inRequest = coverage.covers(instance, queue.time(slot));
    boolean hasContext = (meta & LogQueue.HAS_CONTEXT) != 0;
    boolean correlated = hasContext && spans.find(queue.traceKey(slot), queue.spanKey(slot)) >= 0;
    if (provisional && (!inRequest || correlated != hasContext)) {
      return false;
    }
    into.count(instance, template, inRequest, correlated);
    return true;
  }

  // ---- reporting ------------------------------------------------------------------------------

  private String serviceName(int instance) {
    return instances.serviceName(instances.serviceOf(instance));
  }

  private String serviceOfNameId(int nameId) {
    return serviceName(names.owner(nameId));
  }

  private String spanName(int nameId) {
    return names.tag(nameId) == Interner.OVERFLOW ? OTHER_NAMES : names.text(nameId);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }

  private static <T> List<T> first(List<T> list, int n) {
    return list.size() <= n ? list : list.subList(0, n);
  }

  /** Options of the index; each setter validates its argument. */
  public static final class Builder {
    private int spanCapacity = DEFAULT_SPAN_CAPACITY;
    private int logCapacity = DEFAULT_LOG_CAPACITY;
    private Duration flushWindow = DEFAULT_FLUSH_WINDOW;
    private Duration lateWindow = DEFAULT_LATE_WINDOW;
    private LongSupplier clock = System::nanoTime;

    Builder() {}

    /**
     * Spans kept for joins before the oldest is evicted. Defaults to {@value
     * #DEFAULT_SPAN_CAPACITY}; memory grows with use up to about 30 bytes per span.
     */
    public Builder setSpanCapacity(int spans) {
      if (spans < 1) {
        throw new IllegalArgumentException("span window must be positive: " + spans);
      }
      this.spanCapacity = spans;
      return this;
    }

    /**
     * Log records that may wait out the flush window at once; when full, the oldest is settled
     * early (and counted as evicted). Defaults to {@value #DEFAULT_LOG_CAPACITY}; memory grows with
     * use up to 20 bytes per record.
     */
    public Builder setLogCapacity(int logs) {
      if (logs < 1) {
        throw new IllegalArgumentException("log window must be positive: " + logs);
      }
      this.logCapacity = logs;
      return this;
    }

    /**
     * How long a log record waits for its spans before it is settled. Defaults to {@link
     * #DEFAULT_FLUSH_WINDOW}.
     */
    public Builder setFlushWindow(Duration window) {
      requireNonNull(window, "window");
      if (window.isNegative()) {
        throw new IllegalArgumentException("flush window must not be negative: " + window);
      }
      this.flushWindow = window;
      return this;
    }

    /**
     * How long a record that was neither joined nor in a request when its flush window ended keeps
     * waiting for late spans before it is counted as such. Defaults to {@link
     * #DEFAULT_LATE_WINDOW}; never shorter than the flush window. Only live figures wait for it:
     * the report judges every waiting record at once.
     */
    public Builder setLateWindow(Duration window) {
      requireNonNull(window, "window");
      if (window.isNegative()) {
        throw new IllegalArgumentException("late window must not be negative: " + window);
      }
      this.lateWindow = window;
      return this;
    }

    /** The time source, {@link System#nanoTime} by default; tests pass a fake. */
    public Builder setClock(LongSupplier nanoTime) {
      this.clock = requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    /** Builds the index; arrays are allocated as the windows fill. */
    public CorrelationIndex build() {
      return new CorrelationIndex(this);
    }
  }
}
