package dev.otelboard.cli.loadgen;

import static java.util.Objects.requireNonNull;

import dev.otelboard.collector.pipeline.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Sends realistic OTLP load (gRPC, HTTP/protobuf or HTTP/JSON): pre-serialized batches of spans (with HTTP attributes) and log
 * records joined to them, over several connections with a fixed number of requests in flight each,
 * for a fixed time. Counts only what the collector acknowledged; refusals are retried after a
 * short pause, as an OTLP exporter would.
 */
public final class LoadGenerator {
  private final Builder options;

  private LoadGenerator(Builder options) {
    this.options = options;
  }

  /** The OTLP protocols the generator speaks. */
  public enum Protocol {
    GRPC("grpc"),
    HTTP_PROTOBUF("http/protobuf"),
    HTTP_JSON("http/json");

    private final String cliName;

    Protocol(String cliName) {
      this.cliName = cliName;
    }

    /** The name used by OTEL_EXPORTER_OTLP_PROTOCOL and {@code --protocol}. */
    public String cliName() {
      return cliName;
    }

    /** The protocol of an OTEL_EXPORTER_OTLP_PROTOCOL-style name. */
    public static Protocol of(String name) {
      for (Protocol p : values()) {
        if (p.cliName.equals(name)) {
          return p;
        }
      }
      throw new IllegalArgumentException("unknown protocol \"" + name + "\"; use grpc, http/protobuf or http/json");
    }
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

  /**
   * Runs the load, calling {@code progress} with a line each second; blocks until done.
   *
   * <p>The generator shares the machine with the collector it measures, so it is kept cheap: no
   * sender threads, each of the {@code inFlight} request slots of a connection is a chain of
   * callbacks run on the channel's event loop (renew the ids, send the spans, on their ack send the
   * logs, on their ack start over), and request bytes go to grpc-java as a sized, drainable stream
   * so they are copied once into the transport buffers. Refused requests are retried after a short
   * pause from a timer thread, never by sleeping on the event loop.
   */
  public Result run(Consumer<String> progress) throws InterruptedException {
    Payloads template =
        new Payloads(options.spansPerBatch, options.serviceName, "bench-1", options.protocol == Protocol.HTTP_JSON);
    Counters counters = new Counters();
    AtomicLong prefix = new AtomicLong(System.nanoTime());
    long end = System.nanoTime() + options.warmup.plus(options.duration).toNanos();
    int slots = options.connections * options.inFlight;
    CountDownLatch stopped = new CountDownLatch(slots);
    ScheduledExecutorService retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "otelboard-loadgen-retry");
              t.setDaemon(true);
              return t;
            });
    Transport transport =
        options.protocol == Protocol.GRPC
            ? new GrpcTransport(options.host, options.port, options.connections)
            : new HttpTransport(options.host, options.port, options.protocol == Protocol.HTTP_JSON);
    try {
      for (int c = 0; c < options.connections; c++) {
        for (int i = 0; i < options.inFlight; i++) {
          Slot slot =
              new Slot(transport.open(c, i), template.copy(), prefix, end, options.withLogs, counters, retries, stopped);
          slot.next();
        }
      }
    } catch (InterruptedException e) {
      retries.shutdownNow();
      transport.close();
      throw e;
    } catch (Exception e) {
      // A connection that cannot be opened (HTTP connects eagerly; Netty rethrows the checked
      // ConnectException undeclared): nothing to measure.
      retries.shutdownNow();
      transport.close();
      throw new UncheckedIOException(
          "cannot connect to " + options.host + ":" + options.port + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
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
      long nowSpans = counters.spans.sum();
      long nowLogs = counters.logs.sum();
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
              counters.refused.sum()));
    }
    stopped.await(10, TimeUnit.SECONDS);
    retries.shutdownNow();
    transport.close();
    int skip = (int) options.warmup.toSeconds();
    long[] measuredSpans = Arrays.copyOfRange(spanSamples, skip, seconds);
    long[] measuredLogs = Arrays.copyOfRange(logSamples, skip, seconds);
    return new Result(
        measuredSpans,
        measuredLogs,
        median(measuredSpans),
        median(measuredLogs),
        counters.spans.sum(),
        counters.logs.sum(),
        counters.refused.sum(),
        counters.failed.sum());
  }

  private static final class Counters {
    final LongAdder spans = new LongAdder();
    final LongAdder logs = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder failed = new LongAdder();
  }

  /**
   * One request slot: renews its private payloads, exports the spans, then (on their ack) the logs
   * joined to them, then starts over until the end time. At most one request of a slot is in
   * flight.
   */
  private static final class Slot {
    private static final long RETRY_PAUSE_MILLIS = 5;

    private final Transport.Lane lane;
    private final Payloads payloads;
    private final AtomicLong prefix;
    private final long end;
    private final boolean withLogs;
    private final Counters counters;
    private final ScheduledExecutorService retries;
    private final CountDownLatch stopped;
    /** The trace-id prefix of this round, written into each body just before it is (re)sent. */
    private long round;

    Slot(
        Transport.Lane lane,
        Payloads payloads,
        AtomicLong prefix,
        long end,
        boolean withLogs,
        Counters counters,
        ScheduledExecutorService retries,
        CountDownLatch stopped) {
      this.lane = lane;
      this.payloads = payloads;
      this.prefix = prefix;
      this.end = end;
      this.withLogs = withLogs;
      this.counters = counters;
      this.retries = retries;
      this.stopped = stopped;
    }

    /** Starts the next round, or stops the slot when the time is up. */
    void next() {
      if (System.nanoTime() >= end || lane.closed()) {
        stopped.countDown();
        return;
      }
      round = prefix.incrementAndGet();
      sendSpans();
    }

    private void sendSpans() {
      payloads.renewTraces(round);
      send(Signal.TRACES, payloads.traces, this::spansAcked, this::sendSpans);
    }

    private void spansAcked() {
      counters.spans.add(payloads.spans);
      if (withLogs) {
        sendLogs();
      } else {
        next();
      }
    }

    private void sendLogs() {
      payloads.renewLogs(round);
      send(Signal.LOGS, payloads.logs, this::logsAcked, this::sendLogs);
    }

    private void logsAcked() {
      counters.logs.add(payloads.spans);
      next();
    }

    private void send(Signal signal, byte[] body, Runnable onSuccess, Runnable retry) {
      lane.send(signal, body, answer -> {
        switch (answer) {
          case ACCEPTED -> onSuccess.run();
          case REFUSED -> {
            if (!lane.closed()) {
              counters.refused.increment();
              // Back off a little, then retry the same bytes, as the SDK's retry policy would.
              try {
                retries.schedule(retry, RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
                return;
              } catch (RejectedExecutionException shuttingDown) {
                // fall through: give up on this round
              }
            }
            next();
          }
          case FAILED -> {
            counters.failed.increment();
            // Give up on this round; the slot goes on with the next one.
            next();
          }
        }
      });
    }
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
    private Protocol protocol = Protocol.GRPC;

    Builder() {}

    /** The collector's OTLP address (gRPC or HTTP port, see {@link #setProtocol}). Defaults to 127.0.0.1:4317. */
    public Builder setTarget(String host, int port) {
      this.host = requireNonNull(host, "host");
      this.port = port;
      return this;
    }

    /** The OTLP protocol. Defaults to gRPC. */
    public Builder setProtocol(Protocol protocol) {
      this.protocol = requireNonNull(protocol, "protocol");
      return this;
    }

    /**
     * Connections to open. Defaults to 2. Over HTTP/1.1 each request in flight needs a connection
     * of its own, so HTTP opens connections × in-flight connections.
     */
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
