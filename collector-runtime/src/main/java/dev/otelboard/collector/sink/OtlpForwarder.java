package dev.otelboard.collector.sink;

import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.pipeline.Sink;
import dev.otelboard.collector.receiver.OtlpGrpcReceiver;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Re-exports every accepted request, byte for byte, to another OTLP/gRPC endpoint: dual export for
 * side-by-side vendor comparison. It has its own bounded queue and senders, so a slow or dead
 * upstream costs counted drops here and never stalls the pipeline.
 */
public final class OtlpForwarder implements Sink {
  private static final int SENDERS = 2;
  private static final int MAX_ATTEMPTS = 5;
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(5);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  private final String target;
  private final ManagedChannel channel;
  private final BlockingQueue<Batch> queue;
  private final Map<Signal, MethodDescriptor<byte[], byte[]>> methods = new EnumMap<>(Signal.class);
  private final List<Thread> senders = new ArrayList<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final LongAdder sentItems = new LongAdder();
  private final LongAdder droppedItems = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private volatile boolean stopNow;

  /**
   * Connects (lazily) to {@code host:port} over plaintext gRPC.
   *
   * @param queueCapacity batches that may wait for the upstream before new ones are dropped
   */
  public OtlpForwarder(String target, int queueCapacity) {
    this.target = target;
    this.channel =
        NettyChannelBuilder.forTarget(target)
            .usePlaintext()
            .flowControlWindow(16 * 1024 * 1024)
            .maxInboundMessageSize(64 * 1024 * 1024)
            .build();
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    for (Signal s : Signal.values()) {
      methods.put(s, OtlpGrpcReceiver.exportMethod(s));
    }
    for (int i = 0; i < SENDERS; i++) {
      Thread t = new Thread(this::send, "otelboard-forward-" + target + "-" + i);
      t.setDaemon(true);
      t.start();
      senders.add(t);
    }
  }

  @Override
  public String name() {
    return "forward " + target;
  }

  @Override
  public void consume(Batch batch) {
    if (closing.get() || !queue.offer(batch)) {
      droppedItems.add(batch.items());
    }
  }

  private void send() {
    try {
      while (!stopNow) {
        Batch batch = queue.poll(100, TimeUnit.MILLISECONDS);
        if (batch == null) {
          if (closing.get()) {
            return;
          }
          continue;
        }
        boolean sent = false;
        try {
          sent = export(batch);
        } finally {
          (sent ? sentItems : droppedItems).add(batch.items());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean export(Batch batch) throws InterruptedException {
    long backoff = FIRST_BACKOFF.toMillis();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS && !stopNow; attempt++) {
      try {
        ClientCalls.blockingUnaryCall(
            channel,
            methods.get(batch.signal()),
            CallOptions.DEFAULT.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS),
            batch.payload());
        return true;
      } catch (StatusRuntimeException e) {
        if (!retryable(e.getStatus().getCode())) {
          return false;
        }
        retries.increment();
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 2_000);
      }
    }
    return false;
  }

  private static boolean retryable(Status.Code code) {
    return switch (code) {
      case UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED, ABORTED, CANCELLED -> true;
      default -> false;
    };
  }

  /** Items the upstream acknowledged. */
  public long sentItems() {
    return sentItems.sum();
  }

  /** Items given up on: queue full, upstream refused them, or retries exhausted. */
  public long droppedItems() {
    return droppedItems.sum();
  }

  /** Batches waiting for the upstream. */
  public int queueDepth() {
    return queue.size();
  }

  /** Retried calls so far. */
  public long retries() {
    return retries.sum();
  }

  /** Sends what is queued for up to five seconds, then gives up on the rest (counted). */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Thread t : senders) {
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      try {
        t.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stopNow = true;
    channel.shutdownNow();
    for (Thread t : senders) {
      // Wakes a sender sleeping in backoff; it counts its batch as dropped on the way out.
      t.interrupt();
      try {
        t.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Batch left = queue.poll(); left != null; left = queue.poll()) {
      droppedItems.add(left.items());
    }
  }
}
