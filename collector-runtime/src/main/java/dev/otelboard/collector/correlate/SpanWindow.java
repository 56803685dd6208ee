package dev.otelboard.collector.correlate;

import static dev.otelboard.collector.correlate.SpanStore.HAS_PARENT;
import static dev.otelboard.collector.correlate.SpanStore.HAS_SERVER_CHILD;
import static dev.otelboard.collector.correlate.SpanStore.KIND_MASK;
import static dev.otelboard.collector.correlate.SpanStore.NAME_SHIFT;
import static dev.otelboard.collector.correlate.SpanStore.ORPHAN_COUNTED;
import static dev.otelboard.collector.correlate.SpanStore.PARENT_SEEN;
import static dev.otelboard.collector.correlate.SpanStore.UNNAMED;

import dev.otelboard.collector.wire.SpanBatch;
import java.util.Arrays;

/**
 * The span side of the index: adds spans to the {@link SpanStore}, their requests to the {@link
 * Coverage}, and keeps what is reported about spans: orphans (parent never seen, counted live once
 * a span's flush window has passed and finally when it is evicted), CLIENT spans with a SERVER
 * child, and spans per instance.
 */
final class SpanWindow {
  static final int SERVER = 2;
  static final int CLIENT = 3;
  static final int CONSUMER = 5;
  private static final int MAX_KIND = 5;

  final SpanStore store;
  private final Coverage coverage;
  private final Names names;
  private final Arrivals arrivals = new Arrivals();

  private long[] byInstance = new long[16];
  private long[] evictedOrphansByName = new long[16];

  private final BatchSpans batchSpans = new BatchSpans();

  private long settledSeq;
  long received;
  long duplicates;
  long evicted;
  private long liveOrphans;
  private long evictedOrphans;

  SpanWindow(int capacity, Coverage coverage, Names names) {
    this.store = new SpanStore(capacity);
    this.coverage = coverage;
    this.names = names;
  }

  /** Adds the spans of one batch; {@code instanceOf} maps its resources to instance ids. */
  void add(SpanBatch batch, int[] instanceOf, int instanceCount, long now) {
    if (instanceCount > byInstance.length) {
      byInstance = Arrays.copyOf(byInstance, Math.max(instanceCount, byInstance.length * 2));
    }
    byte[] buf = batch.buffer();
    int n = batch.count();
    received += n;
    BatchSpans b = batchSpans;
    b.reset(n);
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
      b.trace[i] = Hashing.traceKey(fp);
      b.key[i] = Hashing.spanKey(fp, batch.spanId(i));
      b.parent[i] = parent == 0 ? 0 : Hashing.spanKey(fp, parent);
    }
    b.link(n);
    // Touch every table entry this batch will probe (its lookups and its inserts; evictions do not
    // probe; a parent in the batch probes at its own key) in a tight loop of independent loads, so
    // that the cache misses overlap; the work below then finds them in cache.
    for (int i = 0; i < n; i++) {
      store.touch(b.key[i]);
      if (b.parent[i] != 0 && b.parentAt[i] < 0) {
        store.touch(b.parent[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      int instance = instanceOf[batch.resource(i)];
      byInstance[instance]++;
      int kind = batch.kind(i);
      if (kind < 0 || kind > MAX_KIND) {
        kind = 0;
      }
      int trace = b.trace[i];
      int parentKey = b.parent[i];
      int meta = kind;
      int parentSlot = -1;
      if (batch.parentSpanId(i) != 0) {
        meta |= HAS_PARENT;
        parentSlot = b.earlierParentSlot(i, store.headSeq());
        if (parentSlot < 0) {
          parentSlot = store.find(trace, parentKey);
        }
        if (parentSlot >= 0) {
          meta |= PARENT_SEEN;
        }
      }
      // Names are only ever reported for CLIENT spans (missing SERVER child) and for spans whose
      // parent is still missing (orphans); every other span keeps just its instance, which is all
      // that counting traces needs, and skips interning its name.
      if (kind == CLIENT || (meta & (HAS_PARENT | PARENT_SEEN)) == HAS_PARENT) {
        int name = names.spanName(instance, buf, batch.nameOffset(i), batch.nameLength(i));
        meta |= name << NAME_SHIFT;
      } else {
        meta |= UNNAMED | instance << NAME_SHIFT;
      }
      if (store.isFull() && evictOldest() == parentSlot) {
        parentSlot = -1;
      }
      int slot = store.append(trace, b.key[i], parentKey, meta);
      if (slot < 0) {
        duplicates++;
        continue;
      }
      b.appended(i, slot, store.appended() - 1);
      if ((meta & (HAS_PARENT | PARENT_SEEN)) == HAS_PARENT && b.parentAt[i] >= i) {
        b.waitForParent(i);
      }
      if (b.firstChild[i] >= 0) {
        resolveWaitingChildren(i, slot);
      }
      if (kind == SERVER && parentSlot >= 0) {
        markServerChild(parentSlot);
      }
      if (kind == SERVER || kind == CONSUMER) {
        coverage.add(instance, batch.startNanos(i), batch.endNanos(i));
      }
    }
    arrivals.record(store.appended(), now);
  }

  /**
   * Marks the children of batch span {@code p} (just appended at {@code parentSlot}) that came
   * before it, as their settling would: those still in the window and not settled yet (a settled
   * one keeps its orphan count until its eviction or the report looks again, as before).
   */
  private void resolveWaitingChildren(int p, int parentSlot) {
    BatchSpans b = batchSpans;
    long from = Math.max(store.headSeq(), settledSeq);
    for (int c = b.firstChild[p]; c >= 0; c = b.nextChild[c]) {
      if (b.seq[c] >= from) {
        int childSlot = b.slot[c];
        int meta = store.meta(childSlot) | PARENT_SEEN;
        store.setMeta(childSlot, meta);
        if ((meta & KIND_MASK) == SERVER) {
          markServerChild(parentSlot);
        }
      }
    }
  }

  /** Settles the spans whose flush window has passed by {@code now}. */
  void settleDue(long now, long windowNanos) {
    long due = arrivals.popDue(now, windowNanos);
    if (due > settledSeq) {
      settle(due);
    }
  }

  /** Orphans evicted and live, as the status line shows them. */
  long orphans() {
    return liveOrphans + evictedOrphans;
  }

  long[] byInstance() {
    return byInstance;
  }

  private void markServerChild(int clientSlot) {
    int parentMeta = store.meta(clientSlot);
    if ((parentMeta & KIND_MASK) == CLIENT) {
      store.setMeta(clientSlot, parentMeta | HAS_SERVER_CHILD);
    }
  }

  /**
   * Looks for the parent of the span in {@code slot} (which has one, not yet seen); when found,
   * records that, un-counts a live orphan and marks a CLIENT parent of a SERVER span. Returns the
   * span's new meta.
   */
  private int resolveParent(int slot, int meta) {
    int parentSlot = store.find(store.traceKey(slot), store.parentKey(slot));
    if (parentSlot < 0) {
      return meta;
    }
    if ((meta & ORPHAN_COUNTED) != 0) {
      liveOrphans--;
    }
    meta = (meta | PARENT_SEEN) & ~ORPHAN_COUNTED;
    store.setMeta(slot, meta);
    if ((meta & KIND_MASK) == SERVER) {
      markServerChild(parentSlot);
    }
    return meta;
  }

  /**
   * Evicts the oldest span, counting it as an orphan if its parent never came; returns its slot.
   */
  private int evictOldest() {
    long seq = store.headSeq();
    if (seq >= settledSeq) {
      settle(seq + 1);
    }
    int slot = store.headSlot();
    int meta = store.meta(slot);
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
              Arrays.copyOf(evictedOrphansByName, Math.max(name + 1, names.spans.size() * 2));
        }
        evictedOrphansByName[name]++;
      }
    }
    store.removeOldest();
    evicted++;
    return slot;
  }

  /** Live orphan count for the status line: spans whose parent is missing once settled. */
  private void settle(long toSeq) {
    long seq = Math.max(settledSeq, store.headSeq());
    // One division for the run, then slot by slot: a long division per span cost ~5% here.
    int slot = seq < toSeq ? store.slotOf(seq) : 0;
    for (; seq < toSeq; seq++, slot = store.nextSlot(slot)) {
      int meta = store.meta(slot);
      if ((meta & (HAS_PARENT | PARENT_SEEN)) == HAS_PARENT) {
        meta = resolveParent(slot, meta);
        if ((meta & PARENT_SEEN) == 0) {
          store.setMeta(slot, meta | ORPHAN_COUNTED);
          liveOrphans++;
        }
      }
    }
    settledSeq = Math.max(settledSeq, toSeq);
  }

  /** Orphans evicted so far plus those in the window, by span name id. */
  long[] orphansByName() {
    long[] orphans = Arrays.copyOf(evictedOrphansByName, names.spans.size());
    int slot = store.slotOf(store.headSeq());
    for (int k = 0; k < store.size(); k++, slot = store.nextSlot(slot)) {
      int meta = store.meta(slot);
      if ((meta & (HAS_PARENT | PARENT_SEEN)) == HAS_PARENT
          && (resolveParent(slot, meta) & PARENT_SEEN) == 0) {
        orphans[meta >>> NAME_SHIFT]++;
      }
    }
    return orphans;
  }

  long[] clientSpansWithoutServerChildByName() {
    long[] missing = new long[names.spans.size()];
    int slot = store.slotOf(store.headSeq());
    for (int k = 0; k < store.size(); k++, slot = store.nextSlot(slot)) {
      int meta = store.meta(slot);
      if ((meta & KIND_MASK) == CLIENT && (meta & HAS_SERVER_CHILD) == 0) {
        missing[meta >>> NAME_SHIFT]++;
      }
    }
    return missing;
  }

  long bytes() {
    return store.bytes()
        + batchSpans.bytes()
        + arrivals.bytes()
        + 8L * (byInstance.length + evictedOrphansByName.length);
  }
}
