package dev.otelboard.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.collector.correlate.CorrelationReport;
import dev.otelboard.collector.correlate.CorrelationReport.ServiceFigures;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.sink.CaptureSink;
import dev.otelboard.collector.sink.CaptureSink.CapturedLog;
import dev.otelboard.collector.sink.CaptureSink.CapturedSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Two services on the real OpenTelemetry SDK exporting into the real embedded collector (checkout
 * over gRPC, inventory over HTTP/protobuf with gzip): a cross-service request, a request with one
 * log line written without trace context, and an orphan. {@link #assertArrivedExactly} checks what
 * arrived and every correlation figure, exactly.
 */
final class TwoServiceScenario {
  private TwoServiceScenario() {}

  /** One service's SDK: a tracer and a logger exporting to the collector. */
  record Service(SdkTracerProvider tracing, SdkLoggerProvider logging, Tracer tracer, Logger log)
      implements AutoCloseable {
    static Service grpc(String name, EmbeddedCollector collector) {
      return grpc(name, collector, UnaryOperator.identity());
    }

    /** Over gRPC, with the span exporter wrapped (e.g. to stall it). */
    static Service grpc(String name, EmbeddedCollector collector, UnaryOperator<SpanExporter> wrap) {
      return create(
          name,
          SimpleSpanProcessor.create(
              wrap.apply(OtlpGrpcSpanExporter.builder().setEndpoint(collector.grpcEndpoint()).build())),
          SimpleLogRecordProcessor.create(
              OtlpGrpcLogRecordExporter.builder().setEndpoint(collector.grpcEndpoint()).build()));
    }

    static Service http(String name, EmbeddedCollector collector) {
      return create(
          name,
          SimpleSpanProcessor.create(
              OtlpHttpSpanExporter.builder()
                  .setEndpoint(collector.httpEndpoint() + "/v1/traces")
                  .setCompression("gzip")
                  .build()),
          SimpleLogRecordProcessor.create(
              OtlpHttpLogRecordExporter.builder()
                  .setEndpoint(collector.httpEndpoint() + "/v1/logs")
                  .build()));
    }

    private static Service create(
        String name,
        io.opentelemetry.sdk.trace.SpanProcessor spans,
        io.opentelemetry.sdk.logs.LogRecordProcessor logs) {
      Resource resource =
          Resource.getDefault()
              .merge(
                  Resource.create(
                      Attributes.of(
                          AttributeKey.stringKey("service.name"), name,
                          AttributeKey.stringKey("service.instance.id"), name + "-1")));
      SdkTracerProvider tracing =
          SdkTracerProvider.builder().setResource(resource).addSpanProcessor(spans).build();
      SdkLoggerProvider logging =
          SdkLoggerProvider.builder().setResource(resource).addLogRecordProcessor(logs).build();
      return new Service(
          tracing,
          logging,
          tracing.get("test"),
          logging.get("com.example." + name + ".Handler"));
    }

    void info(String message) {
      log.logRecordBuilder().setSeverity(Severity.INFO).setBody(message).emit();
    }

    @Override
    public void close() {
      tracing.forceFlush().join(10, TimeUnit.SECONDS);
      logging.forceFlush().join(10, TimeUnit.SECONDS);
      tracing.shutdown().join(10, TimeUnit.SECONDS);
      logging.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  private static final TextMapGetter<Map<String, String>> MAP_GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  static final String ORPHAN_PARENT_SPAN_ID = "00f067aa0ba902b7";

  /**
   * Starts a span stamped with the wall clock that log records are stamped with. The SDK's own
   * span end is an anchor (a wall-clock read, then a monotonic read) plus monotonic time; a thread
   * preempted between the anchor's two reads (likely with every core busy) gets an end time
   * earlier than the real one, and a log written just before the end falls outside its request.
   */
  private static Span start(SpanBuilder builder) {
    return builder.setStartTimestamp(Instant.now()).startSpan();
  }

  /** Ends {@code span} at the current wall-clock time; see {@link #start}. */
  private static void end(Span span) {
    span.end(Instant.now());
  }

  /** Runs the scenario against {@code collector} and closes both services' SDKs. */
  static void run(EmbeddedCollector collector) {
    run(collector, UnaryOperator.identity());
  }

  /** Runs the scenario with checkout's span exporter wrapped. */
  static void run(EmbeddedCollector collector, UnaryOperator<SpanExporter> wrapCheckoutSpans) {
    try (Service checkout = Service.grpc("checkout", collector, wrapCheckoutSpans);
        Service inventory = Service.http("inventory", collector)) {
      // Request A: checkout SERVER -> CLIENT -> inventory SERVER, a log line in each server span.
      Span serverA = start(checkout.tracer().spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER));
      try (Scope a = serverA.makeCurrent()) {
        checkout.info("reserving stock for order 41");
        Span client = checkout.tracer().spanBuilder("POST").setSpanKind(SpanKind.CLIENT).startSpan();
        Map<String, String> headers = new HashMap<>();
        try (Scope c = client.makeCurrent()) {
          W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        }
        Context remote = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MAP_GETTER);
        Span serverInventory =
            start(inventory.tracer().spanBuilder("POST /reserve").setSpanKind(SpanKind.SERVER).setParent(remote));
        try (Scope s = serverInventory.makeCurrent()) {
          inventory.info("reserved 2 x ABC-1");
        }
        end(serverInventory);
        client.end();
      }
      end(serverA);

      // Request B: one correlated line, one written without trace context inside the request.
      Span serverB = start(checkout.tracer().spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER));
      try (Scope b = serverB.makeCurrent()) {
        checkout.info("reserving stock for order 42");
        checkout.log().logRecordBuilder()
            .setContext(Context.root())
            .setSeverity(Severity.WARN)
            .setBody("payment pending for order 42")
            .emit();
      }
      end(serverB);

      // An inventory request whose parent span never arrives: broken propagation.
      SpanContext missingParent =
          SpanContext.createFromRemoteParent(
              "4bf92f3577b34da6a3ce929d0e0e4736", ORPHAN_PARENT_SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
      Span orphan =
          start(inventory.tracer().spanBuilder("POST /orphan").setSpanKind(SpanKind.SERVER)
              .setParent(Context.root().with(Span.wrap(missingParent))));
      try (Scope o = orphan.makeCurrent()) {
        inventory.info("orphaned work");
      }
      end(orphan);
    }
  }

  /** Asserts what a closed collector received from one {@link #run}, exactly. */
  static void assertArrivedExactly(EmbeddedCollector collector) {
    CollectorReport report = collector.report();
    assertThat(report.signals().get(Signal.TRACES.ordinal()).acceptedItems()).isEqualTo(5);
    assertThat(report.signals().get(Signal.LOGS.ordinal()).acceptedItems()).isEqualTo(5);
    assertThat(report.signals()).allSatisfy(s -> assertThat(s.malformedRequests()).isZero());

    CaptureSink capture = collector.capture().orElseThrow();
    List<CapturedSpan> spans = capture.spans();
    assertThat(spans)
        .extracting(CapturedSpan::service, CapturedSpan::name, CapturedSpan::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("checkout", "POST /checkout", 2),
            org.assertj.core.groups.Tuple.tuple("checkout", "POST", 3),
            org.assertj.core.groups.Tuple.tuple("inventory", "POST /reserve", 2),
            org.assertj.core.groups.Tuple.tuple("checkout", "POST /checkout", 2),
            org.assertj.core.groups.Tuple.tuple("inventory", "POST /orphan", 2));
    CapturedSpan client = spans.stream().filter(s -> s.kind() == 3).findFirst().orElseThrow();
    CapturedSpan reserve = spans.stream().filter(s -> s.name().equals("POST /reserve")).findFirst().orElseThrow();
    assertThat(reserve.traceId()).isEqualTo(client.traceId());
    assertThat(reserve.parentSpanId()).isEqualTo(client.spanId());
    CapturedSpan orphanSpan = spans.stream().filter(s -> s.name().equals("POST /orphan")).findFirst().orElseThrow();
    assertThat(orphanSpan.parentSpanId()).isEqualTo(ORPHAN_PARENT_SPAN_ID);

    List<CapturedLog> logs = capture.logs();
    assertThat(logs).extracting(CapturedLog::body)
        .containsExactlyInAnyOrder(
            "reserving stock for order 41", "reserved 2 x ABC-1", "reserving stock for order 42",
            "payment pending for order 42", "orphaned work");
    CapturedLog reserved = logs.stream().filter(l -> l.body().equals("reserved 2 x ABC-1")).findFirst().orElseThrow();
    assertThat(reserved.traceId()).isEqualTo(reserve.traceId());
    assertThat(reserved.spanId()).isEqualTo(reserve.spanId());
    assertThat(reserved.scope()).isEqualTo("com.example.inventory.Handler");
    CapturedLog pending = logs.stream().filter(l -> l.body().startsWith("payment")).findFirst().orElseThrow();
    assertThat(pending.traceId()).isEmpty();
    assertThat(pending.severityNumber()).isEqualTo(Severity.WARN.getSeverityNumber());

    CorrelationReport c = report.correlation();
    assertThat(c.spans()).isEqualTo(5);
    assertThat(c.logs()).isEqualTo(5);
    assertThat(c.logsWithTraceContext()).isEqualTo(4);
    assertThat(c.inRequestLogs()).isEqualTo(5);
    assertThat(c.correlatedInRequestLogs()).isEqualTo(4);
    assertThat(c.inRequestCorrelation()).isEqualTo(0.8);
    assertThat(c.orphanSpans()).isEqualTo(1);
    assertThat(c.topOrphanSpans()).singleElement()
        .satisfies(o -> assertThat(o.spanName()).isEqualTo("POST /orphan"));
    assertThat(c.traces()).isEqualTo(3);
    assertThat(c.crossServiceTraces()).isEqualTo(1);
    assertThat(c.missingServerChildren()).isEmpty();
    assertThat(c.topUncorrelatedLogs()).singleElement().satisfies(u -> {
      assertThat(u.service()).isEqualTo("checkout");
      assertThat(u.logger()).isEqualTo("com.example.checkout.Handler");
      assertThat(u.messageTemplate()).isEqualTo("payment pending for order 42");
      assertThat(u.count()).isEqualTo(1);
    });
    assertThat(c.services())
        .extracting(ServiceFigures::service, ServiceFigures::spans, ServiceFigures::logs, ServiceFigures::inRequestCorrelation)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("checkout", 3L, 3L, 2.0 / 3),
            org.assertj.core.groups.Tuple.tuple("inventory", 2L, 2L, 1.0));
  }
}
