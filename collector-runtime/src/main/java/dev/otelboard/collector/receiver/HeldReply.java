package dev.otelboard.collector.receiver;

import dev.otelboard.collector.pipeline.Pipeline;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The answer to one accepted export, for either transport. While the pipeline is
 * {@link Pipeline#isBusy busy} it is sent once the batch has been processed, or after
 * {@link #MAX_HOLD_MILLIS} at the latest (so a stalled sink never stalls a client for long; the
 * memory limit still refuses what does not fit): well-behaved clients, with a bounded number of
 * exports in flight, are paced by the worker instead of filling the queue. Otherwise it is sent at
 * once. Sent exactly once, from whichever thread gets there first.
 */
final class HeldReply<T> {
  /** Longest an accepted request's answer is held back while the pipeline is busy. */
  static final long MAX_HOLD_MILLIS = 250;

  private final Consumer<T> send;
  private T answer;
  private boolean processed;
  private boolean sent;

  HeldReply(Consumer<T> send) {
    this.send = send;
  }

  /** The worker processed the batch ({@link Ingest#accept}'s callback). */
  synchronized void processed() {
    processed = true;
    if (answer != null) {
      send();
    }
  }

  /** The receiver has the answer; sends it now unless the pipeline is busy. */
  void ready(T answer, boolean busy, ScheduledExecutorService timer) {
    boolean hold;
    synchronized (this) {
      this.answer = answer;
      hold = busy && !processed;
      if (!hold) {
        send();
      }
    }
    if (hold) {
      try {
        timer.schedule(this::timeout, MAX_HOLD_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException shuttingDown) {
        timeout();
      }
    }
  }

  private synchronized void timeout() {
    send();
  }

  private void send() {
    if (sent) {
      return;
    }
    sent = true;
    send.accept(answer);
  }
}
