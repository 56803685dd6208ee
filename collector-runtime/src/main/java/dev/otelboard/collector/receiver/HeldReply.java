package dev.otelboard.collector.receiver;

import dev.otelboard.collector.pipeline.Pipeline;
import java.util.function.Consumer;

/**
 * The answer to one accepted export, for either transport. While the pipeline is
 * {@link Pipeline#isBusy busy} it is sent once the batch has been processed, or after
 * {@link #MAX_HOLD_MILLIS} (plus a {@link HoldTimer} sweep) at the latest (so a stalled sink
 * never stalls a client for long; the memory limit still refuses what does not fit): well-behaved clients, with a bounded number of
 * exports in flight, are paced by the worker instead of filling the queue. Otherwise it is sent at
 * once. Sent exactly once, from whichever thread gets there first.
 */
final class HeldReply<T> {
  /** Longest an accepted request's answer is held back while the pipeline is busy. */
  static final long MAX_HOLD_MILLIS = 250;

  private final Consumer<T> send;
  private T answer;
  private boolean processed;
  private volatile boolean sent;
  private long heldSinceNanos;

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
  void ready(T answer, boolean busy, HoldTimer timer) {
    boolean hold;
    synchronized (this) {
      this.answer = answer;
      hold = busy && !processed;
      if (hold) {
        heldSinceNanos = System.nanoTime();
      } else {
        send();
      }
    }
    if (hold) {
      timer.hold(this);
    }
  }

  /** When the answer began to be held ({@link System#nanoTime}). */
  synchronized long heldSinceNanos() {
    return heldSinceNanos;
  }

  /** Whether the answer went out. */
  boolean isSent() {
    return sent;
  }

  /** Held long enough: sends the answer unless it went out already. */
  synchronized void timeout() {
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
