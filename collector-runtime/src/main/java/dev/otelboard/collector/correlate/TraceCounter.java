package dev.otelboard.collector.correlate;

import java.util.Arrays;

/**
 * Counts the distinct traces (by trace key) in the span window and those spanning two or more
 * services, in bounded memory: spans are split by the top bits of their trace key into groups of at
 * most {@value #GROUP_SPANS} spans, and each group is counted with a temporary hash set (reused),
 * one pass over the window per group.
 */
final class TraceCounter {
  static final int GROUP_SPANS = 1 << 19;
  private static final int BUCKET_BITS = 12;

  /** Distinct and cross-service trace counts. */
  record Counts(long traces, long crossService) {}

  private TraceCounter() {}

  /**
   * @param serviceOfName the service id of each span name id (span meta carries the name id)
   * @param serviceOfInstance the service id of each instance id (carried instead by UNNAMED spans)
   */
  static Counts count(SpanStore spans, int[] serviceOfName, int[] serviceOfInstance) {
    int size = spans.size();
    if (size == 0) {
      return new Counts(0, 0);
    }
    int head = spans.slotOf(spans.headSeq());
    int[] buckets = new int[1 << BUCKET_BITS];
    for (int k = 0, s = head; k < size; k++, s = spans.nextSlot(s)) {
      buckets[spans.traceKey(s) >>> (32 - BUCKET_BITS)]++;
    }
    int[] keys = new int[64];
    int[] services = new int[64];
    long traces = 0;
    long crossService = 0;
    int from = 0;
    while (from < buckets.length) {
      int to = from;
      long spansInGroup = 0;
      while (to < buckets.length && (to == from || spansInGroup + buckets[to] <= GROUP_SPANS)) {
        spansInGroup += buckets[to++];
      }
      if (spansInGroup > 0) {
        Arrays.fill(keys, 0);
        int distinct = 0;
        for (int k = 0, s = head; k < size; k++, s = spans.nextSlot(s)) {
          int fp = spans.traceKey(s);
          int bucket = fp >>> (32 - BUCKET_BITS);
          if (bucket < from || bucket >= to) {
            continue;
          }
          int meta = spans.meta(s);
          int owner = meta >>> SpanStore.NAME_SHIFT;
          int service =
              (meta & SpanStore.UNNAMED) != 0 ? serviceOfInstance[owner] : serviceOfName[owner];
          int mask = keys.length - 1;
          int i = slot(fp, mask);
          while (keys[i] != 0 && keys[i] != fp) {
            i = (i + 1) & mask;
          }
          if (keys[i] == 0) {
            keys[i] = fp;
            services[i] = service;
            traces++;
            if (++distinct * 2 > keys.length) {
              int[] oldKeys = keys;
              int[] oldServices = services;
              keys = new int[oldKeys.length * 2];
              services = new int[oldKeys.length * 2];
              rehash(oldKeys, oldServices, keys, services);
            }
          } else if (services[i] >= 0 && services[i] != service) {
            services[i] = -1;
            crossService++;
          }
        }
      }
      from = to;
    }
    return new Counts(traces, crossService);
  }

  private static int slot(int traceKey, int mask) {
    int h = traceKey * 0x9E3779B9;
    return (h ^ h >>> 16) & mask;
  }

  private static void rehash(int[] oldKeys, int[] oldServices, int[] keys, int[] services) {
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      int fp = oldKeys[j];
      if (fp != 0) {
        int i = slot(fp, mask);
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = fp;
        services[i] = oldServices[j];
      }
    }
  }
}
