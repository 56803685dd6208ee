package dev.otelboard.collector.pipeline;

import dev.otelboard.collector.process.MemoryLimiter;
import dev.otelboard.collector.process.Processor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receivers -> processors -> sinks. Receivers {@link #offer} scanned batches without blocking; one
 * worker thread runs every batch through the processors and then each sink in order. The queue is
 * bounded by count and by bytes (the {@link MemoryLimiter}), so overload becomes a retryable
 * refusal at the receiver, never heap growth or a silent drop.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());
  private static final Batch POISON = new Batch(Signal.TRACES, new byte[0], null, null, 0);

  private final List<Processor> processors;
  private final List<Sink> sinks;
  private final BlockingQueue<Batch> queue;
  private final MemoryLimiter memoryLimiter;
  private final PipelineStats stats = new PipelineStats();
  private final Thread worker;
  private final CountDownLatch drained = new CountDownLatch(1);
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
    this.worker = new Thread(this::work, "otelboard-pipeline");
    this.worker.setDaemon(true);
  }

  /** Starts the worker thread. */
  public void start() {
    worker.start();
  }

  /** Offers a scanned batch; never blocks. The caller answers the client from the result. */
  public Admission offer(Batch batch) {
    if (!accepting) {
      stats.refused(batch.signal());
      return Admission.SHUTTING_DOWN;
    }
    long bytes = batch.retainedBytes();
    if (!memoryLimiter.tryAcquire(bytes)) {
      stats.refused(batch.signal());
      return Admission.MEMORY_LIMIT;
    }
    if (!queue.offer(batch)) {
      memoryLimiter.release(bytes);
      stats.refused(batch.signal());
      return Admission.QUEUE_FULL;
    }
    stats.accepted(batch.signal(), batch.items());
    return Admission.ACCEPTED;
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
        Batch batch = queue.poll();
        if (batch == null) {
          flushSinks();
          batch = queue.take();
        }
        if (batch == POISON) {
          break;
        }
        process(batch);
      }
      flushSinks();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      drained.countDown();
    }
  }

  private void process(Batch batch) {
    long bytes = batch.retainedBytes();
    Signal signal = batch.signal();
    long items = batch.items();
    try {
      Batch current = batch;
      for (Processor p : processors) {
        current = p.process(current);
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
   * returns false when the deadline passed before the queue drained.
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
        done = drained.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (done) {
          // A receiver that passed the `accepting` check just before shutdown may have queued
          // behind the poison pill; what was accepted is processed.
          for (Batch late = queue.poll(); late != null; late = queue.poll()) {
            if (late != POISON) {
              process(late);
            }
          }
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
