package dev.otelboard.collector.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's admission bound on bytes accepted but not yet processed: {@link Pipeline#offer}
 * acquires before queueing and the worker releases after the sinks are done, so a slow sink turns
 * into retryable refusals instead of heap growth (the Go collector's memory_limiter, made exact by
 * accounting instead of sampling the heap).
 */
public final class MemoryLimiter {
  private final long limitBytes;
  private final AtomicLong inUse = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();

  /** A limiter that admits at most {@code limitBytes} at a time. */
  public MemoryLimiter(long limitBytes) {
    if (limitBytes <= 0) {
      throw new IllegalArgumentException("memory limit must be positive: " + limitBytes);
    }
    this.limitBytes = limitBytes;
  }

  /** Reserves {@code bytes}; false when that would exceed the limit. */
  public boolean tryAcquire(long bytes) {
    while (true) {
      long current = inUse.get();
      long next = current + bytes;
      // One oversized request is let through an empty limiter so it can't be refused forever.
      if (next > limitBytes && current > 0) {
        return false;
      }
      if (inUse.compareAndSet(current, next)) {
        peak.accumulateAndGet(next, Math::max);
        return true;
      }
    }
  }

  /** Whether {@link #tryAcquire} of {@code bytes} would succeed right now; reserves nothing. */
  public boolean wouldAdmit(long bytes) {
    long current = inUse.get();
    return current == 0 || current + bytes <= limitBytes;
  }

  /** Returns bytes reserved by {@link #tryAcquire}. */
  public void release(long bytes) {
    inUse.addAndGet(-bytes);
  }

  /** The configured limit. */
  public long limitBytes() {
    return limitBytes;
  }

  /** Bytes reserved right now. */
  public long inUseBytes() {
    return inUse.get();
  }

  /** The most bytes ever reserved at once. */
  public long peakBytes() {
    return peak.get();
  }
}
