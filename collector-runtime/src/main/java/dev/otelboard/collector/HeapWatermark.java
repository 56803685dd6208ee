package dev.otelboard.collector;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap the JVM really had in use at once while the collector ran. Heap use peaks just
 * before a collection, so the watermark is the largest heap total a GC saw on entry (plus the
 * current use). Summing each pool's own peak instead overstates: pools peak at different times.
 */
final class HeapWatermark implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final Set<String> heapPools = new HashSet<>();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;

  HeapWatermark() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    sampleNow();
  }

  private void onGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long before = 0;
    for (var entry : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (heapPools.contains(entry.getKey())) {
        before += entry.getValue().getUsed();
      }
    }
    peak.accumulateAndGet(before, Math::max);
  }

  private void sampleNow() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    peak.accumulateAndGet(heap.getUsed(), Math::max);
  }

  /** The watermark so far, in bytes. */
  long peakBytes() {
    sampleNow();
    return peak.get();
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException alreadyGone) {
        // Nothing to remove.
      }
    }
    emitters.clear();
  }
}
