import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives the real OpenTelemetry Java SDK span exporters (OtlpGrpcSpanExporter, OtlpHttpSpanExporter
 * with the OkHttp or the JDK HttpClient sender) into an OTLP endpoint with a fixed number of exports
 * in flight, and prints the acknowledged spans/s, the dropped spans (exports that failed after the
 * SDK's own retries; spans the OkHttp sender refused itself before sending are counted apart as
 * sender_rejected), the mean time per export and this process's CPU µs per span over the measured
 * seconds (which includes building the SpanData, as an application would).
 *
 * <p>Every export carries new trace and span ids (64 traces of 8 spans with HTTP attributes, the
 * shape of {@code otelboard loadgen}'s batches), so the collector's correlation index sees new
 * spans, as it would from a live service.
 *
 * <p>Usage: {@code SdkBench grpc|http-okhttp|http-jdk ENDPOINT SECONDS WARMUP IN_FLIGHT BATCH
 * none|gzip}. The HTTP sender is chosen with the SDK's own setting
 * ({@code io.opentelemetry.sdk.common.export.HttpSenderProvider}), set before the exporter is built.
 */
public final class SdkBench {
  private static final int SPANS_PER_TRACE = 8;

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: SdkBench grpc|http-okhttp|http-jdk ENDPOINT SECONDS WARMUP IN_FLIGHT BATCH none|gzip");
      System.exit(2);
    }
    String mode = args[0];
    String endpoint = args[1];
    int seconds = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int inFlight = Integer.parseInt(args[4]);
    int batch = Integer.parseInt(args[5]);
    String compression = args[6];
    if (batch % SPANS_PER_TRACE != 0) {
      throw new IllegalArgumentException("BATCH must be a multiple of " + SPANS_PER_TRACE);
    }
    SpanExporter exporter = exporter(mode, endpoint, compression);
    Template template = new Template();
    Counters counters = new Counters();
    AtomicLong ids = new AtomicLong(System.nanoTime());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup + seconds);
    CountDownLatch stopped = new CountDownLatch(inFlight);
    // Exports start on one thread of their own, as the BatchSpanProcessor's worker starts them;
    // starting the next export on the sender's callback thread would exhaust the OkHttp sender's
    // dispatcher pool (max(cores, 5) threads) and fail exports with "executor rejected".
    ExecutorService producer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "sdk-bench-producer");
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < inFlight; i++) {
      Slot slot = new Slot(exporter, template, batch, ids, end, counters, stopped, producer);
      producer.execute(slot::next);
    }

    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long[] perSecond = new long[warmup + seconds];
    long last = 0;
    long cpu0 = 0;
    long spans0 = 0;
    long exports0 = 0;
    long waited0 = 0;
    long next = System.nanoTime();
    for (int s = 0; s < perSecond.length; s++) {
      if (s == warmup) {
        cpu0 = os.getProcessCpuTime();
        spans0 = counters.spans.sum();
        exports0 = counters.exports.sum();
        waited0 = counters.waitedNanos.sum();
      }
      next += TimeUnit.SECONDS.toNanos(1);
      TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
      long now = counters.spans.sum();
      perSecond[s] = now - last;
      last = now;
      System.err.printf("%s %3d s  spans/s %,11d  dropped %,d%n",
          s < warmup ? "warm-up" : "measure", s + 1, perSecond[s], counters.dropped.sum());
    }
    long cpu = os.getProcessCpuTime() - cpu0;
    long spans = counters.spans.sum() - spans0;
    long exports = counters.exports.sum() - exports0;
    long waited = counters.waitedNanos.sum() - waited0;
    stopped.await(30, TimeUnit.SECONDS);
    exporter.shutdown().join(10, TimeUnit.SECONDS);
    long[] measured = Arrays.copyOfRange(perSecond, warmup, perSecond.length);
    Arrays.sort(measured);
    System.out.printf(
        "sdk: exporter %s compression %s in_flight %d median spans/s: %d dropped: %d failed_exports: %d"
            + " sender_rejected: %d ms_per_export: %.2f exporter_us_per_span: %.3f%n",
        mode, compression, inFlight, measured[measured.length / 2], counters.dropped.sum(),
        counters.failedExports.sum(), counters.senderRejected.sum(), exports == 0 ? 0.0 : waited / 1e6 / exports,
        spans == 0 ? 0.0 : cpu / 1e3 / spans);
  }

  private static SpanExporter exporter(String mode, String endpoint, String compression) {
    Duration timeout = Duration.ofSeconds(30);
    switch (mode) {
      case "grpc":
        return OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).setCompression(compression).setTimeout(timeout).build();
      case "http-okhttp":
      case "http-jdk":
        System.setProperty(
            "io.opentelemetry.sdk.common.export.HttpSenderProvider",
            mode.equals("http-jdk")
                ? "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider"
                : "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSenderProvider");
        return OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint + "/v1/traces")
            .setCompression(compression)
            .setTimeout(timeout)
            .build();
      default:
        throw new IllegalArgumentException("unknown exporter " + mode + "; use grpc, http-okhttp or http-jdk");
    }
  }

  private static final class Counters {
    final LongAdder spans = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder exports = new LongAdder();
    final LongAdder failedExports = new LongAdder();
    final LongAdder waitedNanos = new LongAdder();
    final LongAdder senderRejected = new LongAdder();
  }

  /**
   * Whether an export failed inside the exporter before reaching the network: the OkHttp sender's
   * dispatcher pool (max(cores, 5) threads, no queue) refuses a call while its threads are still
   * finishing the previous ones' callbacks ("executor rejected").
   */
  static boolean rejectedBySender(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.util.concurrent.RejectedExecutionException) {
        return true;
      }
    }
    return false;
  }

  /** One export in flight at a time: build a batch with new ids, export it, on completion repeat. */
  private static final class Slot {
    private final SpanExporter exporter;
    private final Template template;
    private final int batch;
    private final AtomicLong ids;
    private final long end;
    private final Counters counters;
    private final CountDownLatch stopped;
    private final ExecutorService producer;

    Slot(SpanExporter exporter, Template template, int batch, AtomicLong ids, long end, Counters counters,
        CountDownLatch stopped, ExecutorService producer) {
      this.producer = producer;
      this.exporter = exporter;
      this.template = template;
      this.batch = batch;
      this.ids = ids;
      this.end = end;
      this.counters = counters;
      this.stopped = stopped;
    }

    void next() {
      if (System.nanoTime() >= end) {
        stopped.countDown();
        return;
      }
      List<SpanData> spans = template.batch(batch, ids);
      long start = System.nanoTime();
      CompletableResultCode result = exporter.export(spans);
      result.whenComplete(() -> {
        counters.waitedNanos.add(System.nanoTime() - start);
        counters.exports.increment();
        if (result.isSuccess()) {
          counters.spans.add(spans.size());
        } else if (rejectedBySender(result.getFailureThrowable())) {
          counters.senderRejected.add(spans.size());
        } else {
          counters.dropped.add(spans.size());
          counters.failedExports.increment();
        }
        producer.execute(this::next);
      });
    }
  }

  /** The fixed parts of every span (resource, scope, attributes); ids and times are per batch. */
  private static final class Template {
    final Resource resource =
        Resource.create(
            Attributes.builder()
                .put("service.name", "sdk-bench")
                .put("service.instance.id", "sdk-bench-1")
                .put("service.version", "1.4.2")
                .put("deployment.environment.name", "bench")
                .put("telemetry.sdk.name", "opentelemetry")
                .put("telemetry.sdk.language", "java")
                .put("telemetry.sdk.version", "1.68.0")
                .put("host.name", "node-7")
                .build());
    final InstrumentationScopeInfo scope =
        InstrumentationScopeInfo.builder("io.opentelemetry.java-http-client").setVersion("2.31.1-alpha").build();
    final Attributes server =
        Attributes.builder()
            .put("http.request.method", "POST")
            .put("url.path", "/checkout")
            .put("url.scheme", "http")
            .put("http.route", "/checkout")
            .put(AttributeKey.longKey("http.response.status_code"), 200L)
            .put("client.address", "10.1.2.3")
            .build();
    final Attributes client =
        Attributes.builder()
            .put("http.request.method", "GET")
            .put("url.full", "http://inventory:8081/stock/ABC-1")
            .put("server.address", "inventory")
            .put(AttributeKey.longKey("server.port"), 8081L)
            .put(AttributeKey.longKey("http.response.status_code"), 200L)
            .put("network.protocol.version", "1.1")
            .build();

    List<SpanData> batch(int size, AtomicLong ids) {
      List<SpanData> spans = new ArrayList<>(size);
      long now = System.currentTimeMillis() * 1_000_000L;
      for (int t = 0; t < size / SPANS_PER_TRACE; t++) {
        long id = ids.incrementAndGet();
        String traceId = TraceId.fromLongs(0x5dcbe4c4L, id);
        SpanContext root = SpanContext.create(traceId, SpanId.fromLong(id << 3 | 1), TraceFlags.getSampled(), TraceState.getDefault());
        spans.add(new BenchSpan(this, "POST /checkout", SpanKind.SERVER, root, SpanContext.getInvalid(), server, now, now + 9_000_000L));
        for (int s = 1; s < SPANS_PER_TRACE; s++) {
          boolean isClient = s % 2 == 1;
          SpanContext child = SpanContext.create(traceId, SpanId.fromLong(id << 3 | (s + 1)), TraceFlags.getSampled(), TraceState.getDefault());
          long start = now + s * 100_000L;
          spans.add(new BenchSpan(this, isClient ? "GET" : "reserve-stock", isClient ? SpanKind.CLIENT : SpanKind.INTERNAL,
              child, root, client, start, start + 800_000L));
        }
      }
      return spans;
    }
  }

  /** A finished span, as the SDK's span processor hands it to an exporter. */
  private static final class BenchSpan implements SpanData {
    private final Template template;
    private final String name;
    private final SpanKind kind;
    private final SpanContext context;
    private final SpanContext parent;
    private final Attributes attributes;
    private final long start;
    private final long end;

    BenchSpan(Template template, String name, SpanKind kind, SpanContext context, SpanContext parent,
        Attributes attributes, long start, long end) {
      this.template = template;
      this.name = name;
      this.kind = kind;
      this.context = context;
      this.parent = parent;
      this.attributes = attributes;
      this.start = start;
      this.end = end;
    }

    @Override public String getName() { return name; }
    @Override public SpanKind getKind() { return kind; }
    @Override public SpanContext getSpanContext() { return context; }
    @Override public SpanContext getParentSpanContext() { return parent; }
    @Override public StatusData getStatus() { return StatusData.unset(); }
    @Override public long getStartEpochNanos() { return start; }
    @Override public Attributes getAttributes() { return attributes; }
    @Override public List<EventData> getEvents() { return List.of(); }
    @Override public List<LinkData> getLinks() { return List.of(); }
    @Override public long getEndEpochNanos() { return end; }
    @Override public boolean hasEnded() { return true; }
    @Override public int getTotalRecordedEvents() { return 0; }
    @Override public int getTotalRecordedLinks() { return 0; }
    @Override public int getTotalAttributeCount() { return attributes.size(); }
    @Override public InstrumentationScopeInfo getInstrumentationScopeInfo() { return template.scope; }
    @Override public Resource getResource() { return template.resource; }

    @Override
    @SuppressWarnings("deprecation")
    public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
      return InstrumentationLibraryInfo.create(template.scope.getName(), template.scope.getVersion());
    }
  }
}
