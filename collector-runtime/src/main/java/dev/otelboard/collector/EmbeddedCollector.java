package dev.otelboard.collector;

import static java.util.Objects.requireNonNull;

import dev.otelboard.collector.correlate.CorrelationIndex;
import dev.otelboard.collector.correlate.CorrelationStatus;
import dev.otelboard.collector.pipeline.MemoryLimiter;
import dev.otelboard.collector.pipeline.Pipeline;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.pipeline.Sink;
import dev.otelboard.collector.receiver.OtlpGrpcReceiver;
import dev.otelboard.collector.receiver.OtlpHttpReceiver;
import dev.otelboard.collector.receiver.WrongProtocols;
import dev.otelboard.collector.sink.CaptureSink;
import dev.otelboard.collector.sink.CorrelationSink;
import dev.otelboard.collector.sink.OtlpForwarder;
import dev.otelboard.collector.sink.OtlpJsonFileSink;
import dev.otelboard.collector.processor.Processor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded OTLP collector: OTLP/gRPC and OTLP/HTTP receivers feeding one pipeline whose sinks
 * are the correlation index and, when asked, an OTLP-JSON file and forwarders. This is the single
 * place a pipeline is wired. Start one with {@link #builder()}; {@link #close()} drains it.
 */
public final class EmbeddedCollector implements AutoCloseable {
  private final Pipeline pipeline;
  private final CorrelationIndex index;
  private final List<OtlpForwarder> forwarders;
  private final OtlpJsonFileSink fileSink;
  private final CaptureSink capture;
  private final WrongProtocols wrongProtocols = new WrongProtocols();
  private final OtlpGrpcReceiver grpc;
  private final OtlpHttpReceiver http;
  private final String bindHost;
  private final HeapWatermark heapWatermark;
  private CollectorReport finalReport;

  private EmbeddedCollector(Builder b) throws IOException {
    // Downstream first: sinks, then the pipeline, then the receivers that feed it.
    index = b.correlation.build();
    List<Sink> sinks = new ArrayList<>();
    sinks.add(new CorrelationSink(index));
    fileSink = b.outputFile == null ? null : new OtlpJsonFileSink(b.outputFile);
    if (fileSink != null) {
      sinks.add(fileSink);
    }
    capture = b.captureSpans > 0 || b.captureLogs > 0 ? new CaptureSink(b.captureSpans, b.captureLogs) : null;
    if (capture != null) {
      sinks.add(capture);
    }
    forwarders = new ArrayList<>();
    for (String target : b.forwardTargets) {
      OtlpForwarder f = new OtlpForwarder(target, b.forwardQueueCapacity);
      forwarders.add(f);
      sinks.add(f);
    }
    pipeline =
        new Pipeline(b.processors, sinks, b.queueCapacity, new MemoryLimiter(b.maxMemoryBytes));
    pipeline.start();
    bindHost = b.bindAddress.getHostAddress();
    OtlpGrpcReceiver grpcReceiver = null;
    try {
      grpcReceiver =
          new OtlpGrpcReceiver(
              pipeline, new InetSocketAddress(b.bindAddress, b.grpcPort), b.maxRequestBytes,
              wrongProtocols);
      http =
          b.httpPort < 0
              ? null
              : new OtlpHttpReceiver(
                  pipeline, new InetSocketAddress(b.bindAddress, b.httpPort), b.maxRequestBytes,
                  wrongProtocols);
    } catch (IOException | RuntimeException | InterruptedException e) {
      if (grpcReceiver != null) {
        grpcReceiver.close();
      }
      pipeline.drainAndClose(Duration.ofSeconds(5));
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException(portMessage(b, e), e);
    }
    grpc = grpcReceiver;
    heapWatermark = new HeapWatermark();
  }

  private static String portMessage(Builder b, Exception e) {
    String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (cause.contains("Address already in use") || e.getCause() instanceof java.net.BindException) {
      return "cannot listen on "
          + b.bindAddress.getHostAddress()
          + " (gRPC port "
          + b.grpcPort
          + ", HTTP port "
          + b.httpPort
          + "): a port is already in use; pick others with --grpc-port/--http-port or 0 for free ones";
    }
    return "cannot start the collector receivers: " + cause;
  }

  /** A builder with the defaults of {@code otelboard collector}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The address receivers listen on. */
  public String bindHost() {
    return bindHost;
  }

  /** The OTLP/gRPC port actually bound. */
  public int grpcPort() {
    return grpc.port();
  }

  /** The OTLP/HTTP port actually bound, or -1 when HTTP is off. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** {@code http://host:grpcPort}, the value for {@code OTEL_EXPORTER_OTLP_ENDPOINT} with grpc. */
  public String grpcEndpoint() {
    return "http://" + hostForUrl() + ":" + grpcPort();
  }

  /** {@code http://host:httpPort}, the value for {@code OTEL_EXPORTER_OTLP_ENDPOINT} with http. */
  public String httpEndpoint() {
    return "http://" + hostForUrl() + ":" + httpPort();
  }

  private String hostForUrl() {
    return bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
  }

  /** The full copies of the first spans and logs, when {@link Builder#setCapture} asked for them. */
  public Optional<CaptureSink> capture() {
    return Optional.ofNullable(capture);
  }

  /** Items all forwarders gave up on so far (queue full, upstream refused or unreachable). */
  public long forwardDroppedItems() {
    return forwarders.stream().mapToLong(OtlpForwarder::droppedItems).sum();
  }

  /** Live pipeline counters. */
  public Pipeline pipeline() {
    return pipeline;
  }

  /** Cheap live correlation figures for a status line. */
  public CorrelationStatus correlationStatus() {
    return index.status();
  }

  /**
   * The report so far (or the final one after {@link #close()}); computing it walks the whole
   * index, so call it at the end of a run, not every second.
   */
  public synchronized CollectorReport report() {
    if (finalReport != null) {
      return finalReport;
    }
    return buildReport();
  }

  private CollectorReport buildReport() {
    List<CollectorReport.ForwardStats> forwards = new ArrayList<>();
    for (OtlpForwarder f : forwarders) {
      forwards.add(
          new CollectorReport.ForwardStats(
              f.name().substring("forward ".length()), f.sentItems(), f.droppedItems(), f.retries()));
    }
    List<dev.otelboard.collector.pipeline.PipelineStats.SignalStats> signals = new ArrayList<>();
    for (Signal s : Signal.values()) {
      signals.add(pipeline.stats().snapshot(s));
    }
    MemoryLimiter limiter = pipeline.memoryLimiter();
    return new CollectorReport(
        signals,
        forwards,
        fileSink == null ? 0 : fileSink.lines(),
        limiter.limitBytes(),
        limiter.peakBytes(),
        heapWatermark.peakBytes(),
        pipeline.unprocessedItems(),
        wrongProtocols.snapshot(),
        index.report());
  }

  /**
   * Stops the receivers, waits until every accepted item has reached every sink (at most 30 s),
   * closes the sinks and freezes the report. Idempotent. When the wait times out, the report's
   * {@link CollectorReport#unprocessedItems()} says how many items its figures miss.
   */
  @Override
  public synchronized void close() {
    if (finalReport != null) {
      return;
    }
    // Upstream first so that data drains: receivers, then the pipeline and its sinks.
    grpc.close();
    if (http != null) {
      http.close();
    }
    pipeline.drainAndClose(Duration.ofSeconds(30));
    finalReport = buildReport();
    heapWatermark.close();
  }

  /** Options of the embedded collector; each setter validates its argument. */
  public static final class Builder {
    /** Default OTLP/gRPC port, {@value}. */
    public static final int DEFAULT_GRPC_PORT = 4317;
    /** Default OTLP/HTTP port, {@value}. */
    public static final int DEFAULT_HTTP_PORT = 4318;
    /** Default largest request, {@value} bytes. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 32 * 1024 * 1024;
    /** Default queue length in requests, {@value}. */
    public static final int DEFAULT_QUEUE_CAPACITY = 4096;

    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int grpcPort = DEFAULT_GRPC_PORT;
    private int httpPort = DEFAULT_HTTP_PORT;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private long maxMemoryBytes = defaultMaxMemory();
    // The index's options are forwarded, so their defaults and validation have one owner.
    private final CorrelationIndex.Builder correlation = CorrelationIndex.builder();
    private Path outputFile;
    private final List<String> forwardTargets = new ArrayList<>();
    private int forwardQueueCapacity = 1024;
    private final List<Processor> processors = new ArrayList<>();
    private int captureSpans;
    private int captureLogs;

    Builder() {}

    /**
     * The queued-bytes bound when none is given: an eighth of the max heap, at most 512 MiB, so the
     * rest of the heap stays for the correlation index.
     */
    public static long defaultMaxMemory() {
      return Math.min(Runtime.getRuntime().maxMemory() / 8, 512L * 1024 * 1024);
    }

    /** Address to listen on; defaults to the loopback address. */
    public Builder setBindAddress(InetAddress address) {
      this.bindAddress = requireNonNull(address, "address");
      return this;
    }

    /** OTLP/gRPC port; 0 picks a free one. Defaults to {@value #DEFAULT_GRPC_PORT}. */
    public Builder setGrpcPort(int port) {
      this.grpcPort = checkPort(port);
      return this;
    }

    /** OTLP/HTTP port; 0 picks a free one, -1 turns HTTP off. Defaults to {@value #DEFAULT_HTTP_PORT}. */
    public Builder setHttpPort(int port) {
      this.httpPort = port == -1 ? -1 : checkPort(port);
      return this;
    }

    /** Largest request accepted. Defaults to {@value #DEFAULT_MAX_REQUEST_BYTES}. */
    public Builder setMaxRequestBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("max request size must be at least 1 KiB: " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /** Requests that may wait for the pipeline worker. Defaults to {@value #DEFAULT_QUEUE_CAPACITY}. */
    public Builder setQueueCapacity(int requests) {
      if (requests < 1) {
        throw new IllegalArgumentException("queue capacity must be positive: " + requests);
      }
      this.queueCapacity = requests;
      return this;
    }

    /** Bound on bytes accepted but not yet processed. Defaults to {@link #defaultMaxMemory()}. */
    public Builder setMaxMemoryBytes(long bytes) {
      if (bytes < 1024 * 1024) {
        throw new IllegalArgumentException("memory limit must be at least 1 MiB: " + bytes);
      }
      this.maxMemoryBytes = bytes;
      return this;
    }

    /**
     * Spans the correlation index keeps before evicting the oldest ({@link
     * CorrelationIndex.Builder#setSpanCapacity}). Defaults to {@value
     * CorrelationIndex#DEFAULT_SPAN_CAPACITY}.
     */
    public Builder setSpanWindow(int spans) {
      correlation.setSpanCapacity(spans);
      return this;
    }

    /**
     * Log records that may wait out the flush window at once; when full, the oldest is settled
     * early ({@link CorrelationIndex.Builder#setLogCapacity}). Defaults to {@value
     * CorrelationIndex#DEFAULT_LOG_CAPACITY}.
     */
    public Builder setLogWindow(int logs) {
      correlation.setLogCapacity(logs);
      return this;
    }

    /**
     * How long a log record waits for its spans before it is settled ({@link
     * CorrelationIndex.Builder#setFlushWindow}). Defaults to {@link
     * CorrelationIndex#DEFAULT_FLUSH_WINDOW}; the late window stays {@link
     * CorrelationIndex#DEFAULT_LATE_WINDOW}.
     */
    public Builder setFlushWindow(Duration window) {
      correlation.setFlushWindow(window);
      return this;
    }

    /** Also write every request as OTLP JSON lines to this file. */
    public Builder setOutputFile(Path file) {
      this.outputFile = requireNonNull(file, "file");
      return this;
    }

    /** Also re-export everything to this OTLP/gRPC {@code host:port}; may be called repeatedly. */
    public Builder addForward(String hostPort) {
      requireNonNull(hostPort, "hostPort");
      int colon = hostPort.lastIndexOf(':');
      if (colon <= 0 || colon == hostPort.length() - 1) {
        throw new IllegalArgumentException("forward target must be host:port: " + hostPort);
      }
      checkPort(Integer.parseInt(hostPort.substring(colon + 1)));
      forwardTargets.add(hostPort);
      return this;
    }

    /** Requests each forwarder may hold while its upstream is slow. Defaults to 1024. */
    public Builder setForwardQueueCapacity(int requests) {
      if (requests < 1) {
        throw new IllegalArgumentException("forward queue capacity must be positive: " + requests);
      }
      this.forwardQueueCapacity = requests;
      return this;
    }

    /**
     * Also keep the first spans and log records in full (names, attributes, bodies) for waterfalls
     * and semantic-convention checks. Off by default; costs a full parse of every request.
     */
    public Builder setCapture(int maxSpans, int maxLogs) {
      if (maxSpans < 0 || maxLogs < 0) {
        throw new IllegalArgumentException("capture sizes must not be negative");
      }
      this.captureSpans = maxSpans;
      this.captureLogs = maxLogs;
      return this;
    }

    /** Adds a processor that sees every batch before the sinks, in the order added. */
    public Builder addProcessor(Processor processor) {
      processors.add(requireNonNull(processor, "processor"));
      return this;
    }

    /** Binds the receivers and starts the pipeline. */
    public EmbeddedCollector start() throws IOException {
      return new EmbeddedCollector(this);
    }

    private static int checkPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      return port;
    }
  }
}
