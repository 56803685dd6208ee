package dev.otelboard.cli.diff;

import java.util.Arrays;

/**
 * The ids a run's propagation figures need, in primitive arrays (about 30 bytes a span and 20 a
 * log record with trace context, no objects): which spans are roots, orphans or children of another
 * service's span, which traces hold several services, which log records point at a span that
 * arrived. Bounded: when {@code capacity} entries are held, the table keeps only traces whose hash
 * has one more leading zero bit (half of them, whole traces), so figures become estimates from a
 * uniform sample of traces and memory stays flat however long the run was.
 */
final class TraceTable {
  /** Most entries (spans plus log records with trace context) held by default, {@value}. */
  static final int DEFAULT_CAPACITY = 4_000_000;

  private final int capacity;
  private int level;

  private long[] spanTrace = new long[1024];
  private long[] spanId = new long[1024];
  private long[] spanParent = new long[1024];
  private int[] spanGroup = new int[1024];
  private int spans;

  private long[] logTrace = new long[1024];
  private long[] logSpan = new long[1024];
  private int[] logLogger = new int[1024];
  private int logs;

  TraceTable(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2: " + capacity);
    }
    this.capacity = capacity;
  }

  /** The hash a trace is sampled by and stored as: ids of tests may be sequential, so mix them. */
  static long traceHash(long hi, long lo) {
    long h = hi * 0x9E3779B97F4A7C15L ^ lo;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  private boolean keep(long trace) {
    return level == 0 || (trace >>> (64 - level)) == 0;
  }

  void addSpan(long trace, long id, long parent, int group) {
    if (!keep(trace)) {
      return;
    }
    if (spans + logs >= capacity) {
      halve();
      if (!keep(trace)) {
        return;
      }
    }
    if (spans == spanTrace.length) {
      int n = grow(spans);
      spanTrace = Arrays.copyOf(spanTrace, n);
      spanId = Arrays.copyOf(spanId, n);
      spanParent = Arrays.copyOf(spanParent, n);
      spanGroup = Arrays.copyOf(spanGroup, n);
    }
    spanTrace[spans] = trace;
    spanId[spans] = id;
    spanParent[spans] = parent;
    spanGroup[spans] = group;
    spans++;
  }

  void addLog(long trace, long span, int logger) {
    if (!keep(trace)) {
      return;
    }
    if (spans + logs >= capacity) {
      halve();
      if (!keep(trace)) {
        return;
      }
    }
    if (logs == logTrace.length) {
      int n = grow(logs);
      logTrace = Arrays.copyOf(logTrace, n);
      logSpan = Arrays.copyOf(logSpan, n);
      logLogger = Arrays.copyOf(logLogger, n);
    }
    logTrace[logs] = trace;
    logSpan[logs] = span;
    logLogger[logs] = logger;
    logs++;
  }

  private int grow(int size) {
    return (int) Math.min(capacity, Math.max(1024, (long) size * 2));
  }

  private void halve() {
    level++;
    int s = 0;
    for (int i = 0; i < spans; i++) {
      if (keep(spanTrace[i])) {
        spanTrace[s] = spanTrace[i];
        spanId[s] = spanId[i];
        spanParent[s] = spanParent[i];
        spanGroup[s] = spanGroup[i];
        s++;
      }
    }
    spans = s;
    int l = 0;
    for (int i = 0; i < logs; i++) {
      if (keep(logTrace[i])) {
        logTrace[l] = logTrace[i];
        logSpan[l] = logSpan[i];
        logLogger[l] = logLogger[i];
        l++;
      }
    }
    logs = l;
  }

  /** 1 when every trace was kept, else the share of traces the figures were computed from. */
  double sampledShare() {
    return 1.0 / (1L << level);
  }

  /**
   * What the sampled spans and logs say.
   *
   * @param groupSampled spans of each group in the sample
   * @param groupRoots of those, spans without a parent
   * @param groupRemoteParents spans whose parent is a span of another service
   * @param groupOrphans spans whose parent never arrived
   * @param loggerSampled log records with trace context of each logger in the sample
   * @param loggerJoined of those, records whose span arrived
   * @param serviceTraces traces with a span of each service in the sample
   * @param serviceCrossTraces of those, traces that also hold spans of another service
   */
  record Figures(
      long[] groupSampled,
      long[] groupRoots,
      long[] groupRemoteParents,
      long[] groupOrphans,
      long[] loggerSampled,
      long[] loggerJoined,
      long[] serviceTraces,
      long[] serviceCrossTraces) {}

  /** Computes the figures; {@code groupService[g]} is the service index of group {@code g}. */
  Figures figures(int[] groupService, int loggers, int services) {
    int groups = groupService.length;
    long[] sampled = new long[groups];
    long[] roots = new long[groups];
    long[] remote = new long[groups];
    long[] orphans = new long[groups];
    int[] index = buildIndex();
    int mask = index.length - 1;
    for (int i = 0; i < spans; i++) {
      int g = spanGroup[i];
      sampled[g]++;
      if (spanParent[i] == 0) {
        roots[g]++;
        continue;
      }
      int parent = find(index, mask, spanTrace[i], spanParent[i]);
      if (parent < 0) {
        orphans[g]++;
      } else if (groupService[spanGroup[parent]] != groupService[g]) {
        remote[g]++;
      }
    }
    long[] loggerSampled = new long[loggers];
    long[] loggerJoined = new long[loggers];
    for (int i = 0; i < logs; i++) {
      loggerSampled[logLogger[i]]++;
      if (logSpan[i] != 0 && find(index, mask, logTrace[i], logSpan[i]) >= 0) {
        loggerJoined[logLogger[i]]++;
      }
    }
    long[] traces = new long[services];
    long[] cross = new long[services];
    traceServices(groupService, traces, cross);
    return new Figures(sampled, roots, remote, orphans, loggerSampled, loggerJoined, traces, cross);
  }

  private int[] buildIndex() {
    int size = Integer.highestOneBit(Math.max(2, spans) * 2 - 1) << 1;
    int[] index = new int[size];
    Arrays.fill(index, -1);
    int mask = size - 1;
    for (int i = 0; i < spans; i++) {
      int slot = slot(spanId[i], mask);
      while (index[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      index[slot] = i;
    }
    return index;
  }

  private int find(int[] index, int mask, long trace, long id) {
    for (int slot = slot(id, mask); index[slot] >= 0; slot = (slot + 1) & mask) {
      int i = index[slot];
      if (spanId[i] == id && spanTrace[i] == trace) {
        return i;
      }
    }
    return -1;
  }

  private static int slot(long id, int mask) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** Per trace the set of its services (a bit each; the 64th stands for all beyond 63). */
  private void traceServices(int[] groupService, long[] traces, long[] cross) {
    int size = Integer.highestOneBit(Math.max(2, spans) * 2 - 1) << 1;
    long[] keys = new long[size];
    long[] masks = new long[size];
    int mask = size - 1;
    for (int i = 0; i < spans; i++) {
      long t = spanTrace[i];
      int slot = slot(t, mask);
      while (keys[slot] != 0 && keys[slot] != t) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = t;
      masks[slot] |= 1L << Math.min(63, groupService[spanGroup[i]]);
    }
    for (int slot = 0; slot < size; slot++) {
      if (keys[slot] == 0) {
        continue;
      }
      long m = masks[slot];
      boolean several = Long.bitCount(m) > 1;
      // Services beyond the 63rd share the last bit: they count for cross-service traces of the
      // others but get no trace figures of their own.
      for (long rest = m & Long.MAX_VALUE; rest != 0; rest &= rest - 1) {
        int s = Long.numberOfTrailingZeros(rest);
        if (s < traces.length) {
          traces[s]++;
          if (several) {
            cross[s]++;
          }
        }
      }
    }
  }
}
