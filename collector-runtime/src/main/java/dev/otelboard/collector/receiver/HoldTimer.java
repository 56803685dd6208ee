package dev.otelboard.collector.receiver;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends the {@link HeldReply held answers} of one receiver whose batch was not processed within
 * {@link HeldReply#MAX_HOLD_MILLIS}: one periodic sweep over the replies in the order they were
 * held, instead of a timer task per reply. Why: under load nearly every answer is held, and a
 * task each (a locked heap insert on the event loop, then a wakeup of the timer thread 250 ms
 * later to find the answer long sent) cost ~2.5% of the collector's CPU. So an answer waits at
 * most {@link HeldReply#MAX_HOLD_MILLIS} + {@link #SWEEP_MILLIS}.
 */
final class HoldTimer implements AutoCloseable {
  /** How often held answers are checked for their deadline. */
  static final long SWEEP_MILLIS = 25;

  private final ConcurrentLinkedQueue<HeldReply<?>> held = new ConcurrentLinkedQueue<>();
  private final ScheduledFuture<?> sweeping;
  private final long maxHoldNanos;
  private volatile boolean closed;

  /** Sweeps on {@code executor}, which the caller owns (and shuts down after {@link #close}). */
  HoldTimer(ScheduledExecutorService executor) {
    this(executor, HeldReply.MAX_HOLD_MILLIS);
  }

  /** A timer that holds answers up to {@code maxHoldMillis}; tests that are not about it pass hours. */
  HoldTimer(ScheduledExecutorService executor, long maxHoldMillis) {
    this.maxHoldNanos = TimeUnit.MILLISECONDS.toNanos(maxHoldMillis);
    this.sweeping =
        executor.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Sends {@code reply}'s answer once it has been held too long, unless it was sent before. */
  void hold(HeldReply<?> reply) {
    held.add(reply);
    if (closed) {
      // Raced with close(): nobody sweeps any more.
      release(true, 0);
    }
  }

  private void sweep() {
    release(false, System.nanoTime() - maxHoldNanos);
  }

  /**
   * Times out every reply ({@code all}) or those held since {@code heldBefore} (nanoTime) or
   * earlier; drops sent ones. A flag, not a sentinel time: nanoTime may be any long.
   */
  private void release(boolean all, long heldBefore) {
    HeldReply<?> reply;
    while ((reply = held.peek()) != null) {
      // Replies are queued in the order they were held, so the first young one ends the sweep.
      if (!all && !reply.isSent() && reply.heldSinceNanos() - heldBefore > 0) {
        return;
      }
      if (held.remove(reply)) {
        reply.timeout();
      }
    }
  }

  /** Stops sweeping and sends every answer still held. Idempotent. */
  @Override
  public void close() {
    closed = true;
    sweeping.cancel(false);
    release(true, 0);
  }
}
