package dev.otelboard.collector.loadgen;

import static java.util.Objects.requireNonNull;

import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.receiver.OtlpGrpcReceiver;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Sends realistic OTLP/gRPC load: pre-serialized batches of spans (with HTTP attributes) and log
 * records joined to them, over several connections with a fixed number of requests in flight each,
 * for a fixed time. Counts only what the collector acknowledged; refusals are retried after a
 * short pause, as an OTLP exporter would.
 */
public final class LoadGenerator {
  private final Builder options;

  private LoadGenerator(Builder options) {
    this.options = options;
  }

  /** A builder with defaults: 2 connections, 8 requests in flight each, 512 spans, 30 s. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Achieved rates.
   *
   * @param spansPerSecond acknowledged spans in each whole second after the warm-up
   * @param medianSpansPerSecond the median of those seconds
   * @param refusedRequests retryable refusals the collector answered (backpressure)
   * @param failedRequests requests that failed for any other reason
   */
  public record Result(
      long[] spansPerSecond,
      long[] logsPerSecond,
      long medianSpansPerSecond,
      long medianLogsPerSecond,
      long totalSpans,
      long totalLogs,
      long refusedRequests,
      long failedRequests) {}

  /** Runs the load, calling {@code progress} with a line each second; blocks until done. */
  public Result run(Consumer<String> progress) throws InterruptedException {
    Payloads template = new Payloads(options.spansPerBatch, options.serviceName, "bench-1");
    MethodDescriptor<byte[], byte[]> traceExport = OtlpGrpcReceiver.exportMethod(Signal.TRACES);
    MethodDescriptor<byte[], byte[]> logExport = OtlpGrpcReceiver.exportMethod(Signal.LOGS);
    LongAdder spans = new LongAdder();
    LongAdder logs = new LongAdder();
    LongAdder refused = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicLong prefix = new AtomicLong(System.nanoTime());
    List<ManagedChannel> channels = new ArrayList<>();
    List<Thread> senders = new ArrayList<>();
    long end = System.nanoTime() + options.warmup.plus(options.duration).toNanos();
    for (int c = 0; c < options.connections; c++) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress(options.host, options.port)
              .usePlaintext()
              .flowControlWindow(16 * 1024 * 1024)
              .build();
      channels.add(channel);
      BlockingQueue<Payloads> free = new ArrayBlockingQueue<>(options.inFlight);
      for (int i = 0; i < options.inFlight; i++) {
        free.add(template.copy());
      }
      Thread sender =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    Payloads p = free.poll(100, TimeUnit.MILLISECONDS);
                    if (p == null) {
                      continue;
                    }
                    p.renew(prefix.incrementAndGet());
                    send(channel, traceExport, p.traces, () -> {
                          spans.add(p.spans);
                          if (options.withLogs) {
                            send(channel, logExport, p.logs, () -> {
                                  logs.add(p.spans);
                                  free.add(p);
                                }, () -> free.add(p), refused, failed);
                          } else {
                            free.add(p);
                          }
                        }, () -> free.add(p), refused, failed);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "otelboard-loadgen-" + c);
      sender.setDaemon(true);
      sender.start();
      senders.add(sender);
    }

    int seconds = (int) (options.warmup.toSeconds() + options.duration.toSeconds());
    long[] spanSamples = new long[seconds];
    long[] logSamples = new long[seconds];
    long lastSpans = 0;
    long lastLogs = 0;
    long next = System.nanoTime();
    for (int s = 0; s < seconds; s++) {
      next += TimeUnit.SECONDS.toNanos(1);
      TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
      long nowSpans = spans.sum();
      long nowLogs = logs.sum();
      spanSamples[s] = nowSpans - lastSpans;
      logSamples[s] = nowLogs - lastLogs;
      lastSpans = nowSpans;
      lastLogs = nowLogs;
      progress.accept(
          String.format(
              "%s %3d s  spans/s %,11d  logs/s %,11d  refused %,d",
              s < options.warmup.toSeconds() ? "warm-up" : "measure",
              s + 1,
              spanSamples[s],
              logSamples[s],
              refused.sum()));
    }
    for (Thread t : senders) {
      t.join(10_000);
    }
    for (ManagedChannel ch : channels) {
      ch.shutdown();
      ch.awaitTermination(10, TimeUnit.SECONDS);
    }
    int skip = (int) options.warmup.toSeconds();
    long[] measuredSpans = Arrays.copyOfRange(spanSamples, skip, seconds);
    long[] measuredLogs = Arrays.copyOfRange(logSamples, skip, seconds);
    return new Result(
        measuredSpans,
        measuredLogs,
        median(measuredSpans),
        median(measuredLogs),
        spans.sum(),
        logs.sum(),
        refused.sum(),
        failed.sum());
  }

  private static void send(
      ManagedChannel channel,
      MethodDescriptor<byte[], byte[]> method,
      byte[] body,
      Runnable onSuccess,
      Runnable onGiveUp,
      LongAdder refused,
      LongAdder failed) {
    ClientCalls.asyncUnaryCall(
        channel.newCall(method, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS)),
        body,
        new StreamObserver<byte[]>() {
          @Override
          public void onNext(byte[] value) {}

          @Override
          public void onError(Throwable t) {
            Status.Code code = Status.fromThrowable(t).getCode();
            if (code == Status.Code.UNAVAILABLE || code == Status.Code.RESOURCE_EXHAUSTED) {
              refused.increment();
              // Back off a little, then retry the same bytes, as the SDK's retry policy would.
              try {
                Thread.sleep(5);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (!channel.isShutdown()) {
                send(channel, method, body, onSuccess, onGiveUp, refused, failed);
                return;
              }
            } else {
              failed.increment();
            }
            onGiveUp.run();
          }

          @Override
          public void onCompleted() {
            onSuccess.run();
          }
        });
  }

  static long median(long[] samples) {
    if (samples.length == 0) {
      return 0;
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Options of a load run. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 4317;
    private int connections = 2;
    private int inFlight = 8;
    private int spansPerBatch = 512;
    private boolean withLogs = true;
    private Duration duration = Duration.ofSeconds(30);
    private Duration warmup = Duration.ofSeconds(10);
    private String serviceName = "loadgen";

    Builder() {}

    /** The collector's OTLP/gRPC address. Defaults to 127.0.0.1:4317. */
    public Builder setTarget(String host, int port) {
      this.host = requireNonNull(host, "host");
      this.port = port;
      return this;
    }

    /** gRPC connections to open. Defaults to 2. */
    public Builder setConnections(int connections) {
      this.connections = positive(connections, "connections");
      return this;
    }

    /** Requests in flight per connection. Defaults to 8. */
    public Builder setInFlight(int inFlight) {
      this.inFlight = positive(inFlight, "in-flight requests");
      return this;
    }

    /** Spans per trace batch (and log records per log batch). Defaults to 512. */
    public Builder setSpansPerBatch(int spans) {
      this.spansPerBatch = positive(spans, "spans per batch");
      return this;
    }

    /** Whether to send the correlated log records too. Defaults to true. */
    public Builder setWithLogs(boolean withLogs) {
      this.withLogs = withLogs;
      return this;
    }

    /** How long to measure, after the warm-up. Defaults to 30 s. */
    public Builder setDuration(Duration duration) {
      this.duration = requireNonNull(duration, "duration");
      return this;
    }

    /** How long to send before measuring (JIT warm-up). Defaults to 10 s. */
    public Builder setWarmup(Duration warmup) {
      this.warmup = requireNonNull(warmup, "warmup");
      return this;
    }

    /** service.name of the generated resource. Defaults to {@code loadgen}. */
    public Builder setServiceName(String serviceName) {
      this.serviceName = requireNonNull(serviceName, "serviceName");
      return this;
    }

    /** Builds the generator. */
    public LoadGenerator build() {
      return new LoadGenerator(this);
    }

    private static int positive(int n, String what) {
      if (n < 1) {
        throw new IllegalArgumentException(what + " must be positive: " + n);
      }
      return n;
    }
  }
}
