package dev.otelboard.collector.pipeline;

import dev.otelboard.collector.processor.Processor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receivers -> processors -> sinks. Receivers {@link #offer} scanned batches without blocking; one
 * worker thread runs every batch through the processors and then each sink in order. The queue is
 * bounded by count and by bytes (the {@link MemoryLimiter}), so overload becomes a retryable
 * refusal at the receiver, never heap growth or a silent drop.
 *
 * <p>Drain contract: a batch is in flight from the moment {@link #offer} accepts it until every
 * sink has consumed it (or a processor dropped it). {@link #awaitIdle} waits for zero in flight;
 * {@link #drainAndClose} stops accepting and then waits the same way, so after it returns
 * accepted == processed for every signal, or {@link #unprocessedItems()} says how many were not.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());
  private static final Entry POISON =
      new Entry(new Batch(Signal.TRACES, new byte[0], null, null, 0), null);

  /** A queued batch and what to run once every sink has seen it (null: nothing). */
  private record Entry(Batch batch, Runnable onProcessed) {}

  private final List<Processor> processors;
  private final List<Sink> sinks;
  private final BlockingQueue<Entry> queue;
  private final MemoryLimiter memoryLimiter;
  private final boolean recyclesPayloads;
  private final PipelineStats stats = new PipelineStats();
  private final Thread worker;
  private final CountDownLatch drained = new CountDownLatch(1);
  private final AtomicLong inFlight = new AtomicLong();
  private final Object idle = new Object();
  private volatile boolean accepting = true;
  private volatile boolean closed;

  /**
   * Creates a pipeline; {@link #start} begins processing.
   *
   * @param queueCapacity most batches waiting at once
   */
  public Pipeline(
      List<Processor> processors, List<Sink> sinks, int queueCapacity, MemoryLimiter memoryLimiter) {
    this.processors = List.copyOf(processors);
    this.sinks = List.copyOf(sinks);
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.memoryLimiter = Objects.requireNonNull(memoryLimiter, "memoryLimiter");
    // A processor may keep the batch it was given (or its bytes) in ways no flag of ours covers.
    this.recyclesPayloads =
        this.processors.isEmpty() && this.sinks.stream().noneMatch(Sink::retainsPayload);
    this.worker = new Thread(this::work, "otelboard-pipeline");
    this.worker.setDaemon(true);
  }

  /** Starts the worker thread. */
  public void start() {
    worker.start();
  }

  /** Offers a scanned batch; never blocks. The caller answers the client from the result. */
  public Admission offer(Batch batch) {
    return offer(batch, null);
  }

  /**
   * Offers a scanned batch like {@link #offer(Batch)}; when accepted, {@code onProcessed} (if not
   * null) runs on the worker once every sink has seen the batch (or a processor dropped it), so a
   * receiver can hold its answer back while the queue is long (see {@link #isBusy()}). It must be
   * quick and must not block; what it throws is logged and ignored.
   */
  public Admission offer(Batch batch, Runnable onProcessed) {
    if (!accepting) {
      stats.refused(batch.signal());
      return Admission.SHUTTING_DOWN;
    }
    long bytes = batch.retainedBytes();
    if (!memoryLimiter.tryAcquire(bytes)) {
      stats.refused(batch.signal());
      return Admission.MEMORY_LIMIT;
    }
    // In flight before the worker can see it, so that the count never goes below zero.
    inFlight.incrementAndGet();
    if (!queue.offer(new Entry(batch, onProcessed))) {
      finished();
      memoryLimiter.release(bytes);
      stats.refused(batch.signal());
      return Admission.QUEUE_FULL;
    }
    stats.accepted(batch.signal(), batch.items());
    return Admission.ACCEPTED;
  }

  /**
   * Answers a request the pipeline would refuse right now without scanning it first: a refusal
   * (counted, as {@link #offer} counts it) when the queue or the memory limit has no room for a
   * batch of {@code payloadBytes}, or {@link Admission#ACCEPTED} meaning "scan it and offer it"
   * (which may still be refused if others filled the room meanwhile). Under overload this saves
   * the receiver scanning requests it then has to refuse anyway.
   */
  public Admission precheck(Signal signal, int payloadBytes) {
    Admission answer;
    if (!accepting) {
      answer = Admission.SHUTTING_DOWN;
    } else if (!memoryLimiter.wouldAdmit(Batch.retainedBytes(payloadBytes))) {
      answer = Admission.MEMORY_LIMIT;
    } else if (queue.remainingCapacity() == 0) {
      answer = Admission.QUEUE_FULL;
    } else {
      return Admission.ACCEPTED;
    }
    stats.refused(signal);
    return answer;
  }

  /**
   * Whether more than {@link #busyBytes()} are queued: receivers then answer a request only once it
   * has been processed (or after a short while), which holds well-behaved clients (a bounded number
   * of exports in flight) at the pace of the worker while the queue stays short. A short queue is
   * what keeps the heap calm: queued batches outlive young collections and get copied, and a queue
   * filled up to the memory limit was promoted to the old generation and collected by full GCs.
   */
  public boolean isBusy() {
    return memoryLimiter.inUseBytes() > busyBytes();
  }

  /**
   * Whether a receiver may reuse an accepted batch's payload array and its scanned rows for a later
   * request once the batch's {@code onProcessed} callback ran: true only when no sink {@link
   * Sink#retainsPayload retains payloads} and no processor is configured (a processor may hand
   * sinks a batch of its own, or keep one), so nothing reads the batch after that.
   */
  public boolean recyclesPayloads() {
    return recyclesPayloads;
  }

  /** Queued bytes past which {@link #isBusy()} holds: 1/32 of the memory limit. */
  public long busyBytes() {
    return memoryLimiter.limitBytes() / 32;
  }

  /**
   * Waits until every accepted batch has reached every sink (accepted == processed), at most
   * {@code timeout}; returns whether it did. New batches may arrive meanwhile: this waits for a
   * moment with nothing in flight, so stop the senders first for a final count.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (inFlight.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
    }
    return true;
  }

  /** Items accepted but not yet through every sink, over all signals. */
  public long unprocessedItems() {
    long n = 0;
    for (Signal s : Signal.values()) {
      PipelineStats.SignalStats stats = this.stats.snapshot(s);
      n += stats.acceptedItems() - stats.processedItems();
    }
    return n;
  }

  private void finished() {
    if (inFlight.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /** Live counters. */
  public PipelineStats stats() {
    return stats;
  }

  /** Batches waiting for the worker. */
  public int queueDepth() {
    return queue.size();
  }

  /** The limiter bounding queued bytes. */
  public MemoryLimiter memoryLimiter() {
    return memoryLimiter;
  }

  /** The sinks, in the order batches reach them. */
  public List<Sink> sinks() {
    return sinks;
  }

  private void work() {
    try {
      while (true) {
        Entry entry = queue.poll();
        if (entry == null) {
          flushSinks();
          entry = queue.take();
        }
        if (entry == POISON) {
          break;
        }
        process(entry);
      }
      flushSinks();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      drained.countDown();
    }
  }

  private void process(Entry entry) {
    try {
      process(entry.batch());
    } finally {
      Runnable done = entry.onProcessed();
      if (done != null) {
        try {
          done.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "a receiver's completion callback failed", e);
        }
      }
    }
  }

  private void process(Batch batch) {
    long bytes = batch.retainedBytes();
    Signal signal = batch.signal();
    long items = batch.items();
    try {
      Batch current = batch;
      for (Processor p : processors) {
        try {
          current = p.process(current);
        } catch (RuntimeException e) {
          // A failing processor drops this batch (counted), never the worker.
          LOG.log(Level.WARNING, "processor " + p.name() + " failed on a batch; it was dropped", e);
          stats.processorFailed(signal);
          current = null;
        }
        if (current == null) {
          stats.dropped(signal, items);
          return;
        }
      }
      for (Sink sink : sinks) {
        try {
          sink.consume(current);
        } catch (RuntimeException e) {
          // One failing sink must not starve the others or kill the worker.
          LOG.log(Level.WARNING, "sink " + sink.name() + " failed on a batch", e);
        }
      }
    } finally {
      stats.processed(signal, items);
      memoryLimiter.release(bytes);
      finished();
    }
  }

  private void flushSinks() {
    for (Sink sink : sinks) {
      try {
        sink.flush();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "sink " + sink.name() + " failed to flush", e);
      }
    }
  }

  /**
   * Stops accepting, processes everything already accepted, then closes the sinks. Idempotent;
   * returns false when the deadline passed before every accepted batch reached every sink ({@link
   * #unprocessedItems()} then says how many items did not).
   */
  public synchronized boolean drainAndClose(Duration deadline) {
    if (closed) {
      return true;
    }
    closed = true;
    accepting = false;
    boolean done = true;
    if (worker.isAlive()) {
      try {
        // Blocks only while the queue is full; the worker keeps draining it.
        if (!queue.offer(POISON, deadline.toMillis(), TimeUnit.MILLISECONDS)) {
          worker.interrupt();
        }
        long end = System.nanoTime() + deadline.toNanos();
        done = drained.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (done) {
          // A receiver that passed the `accepting` check just before shutdown may queue behind
          // the poison pill, even after this point; what was accepted is processed.
          while (inFlight.get() > 0 && System.nanoTime() < end) {
            Entry late = queue.poll(10, TimeUnit.MILLISECONDS);
            if (late != null && late != POISON) {
              process(late);
            }
          }
          done = inFlight.get() == 0;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = false;
      }
    }
    for (Sink sink : sinks) {
      try {
        sink.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "sink " + sink.name() + " failed to close", e);
      }
    }
    return done;
  }

  @Override
  public void close() {
    drainAndClose(Duration.ofSeconds(30));
  }
}
