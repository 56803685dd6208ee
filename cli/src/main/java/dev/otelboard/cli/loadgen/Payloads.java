package dev.otelboard.cli.loadgen;

import com.google.protobuf.ByteString;
import dev.otelboard.collector.receiver.OtlpJson;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Pre-serialized, realistic OTLP requests whose trace ids can be renewed in place: a trace batch of
 * traces of one SERVER span with CLIENT and INTERNAL children (HTTP attributes on each span), and
 * a log batch with one record per span carrying that span's context. Renewing writes a new 8-byte
 * trace-id prefix at known offsets (raw bytes in protobuf, 16 hex digits in OTLP JSON), so every
 * request is new to the correlation index without re-encoding anything.
 */
public final class Payloads {
  static final int SPANS_PER_TRACE = 8;
  /** Template trace ids are MARKER followed by the trace's index: unique and easy to find. */
  private static final long MARKER = 0x0B1DFACE0B1DFACEL;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  public final byte[] traces;
  public final byte[] logs;
  public final int spans;
  /** Whether the bodies are OTLP JSON (else protobuf). */
  public final boolean json;
  private final int[] traceIdOffsets;
  private final int[] logTraceIdOffsets;

  /** Protobuf-encoded requests. */
  public Payloads(int spans, String serviceName, String instanceId) {
    this(spans, serviceName, instanceId, false);
  }

  /** Protobuf- or OTLP-JSON-encoded requests of the same content. */
  public Payloads(int spans, String serviceName, String instanceId, boolean json) {
    if (spans % SPANS_PER_TRACE != 0) {
      throw new IllegalArgumentException("spans per batch must be a multiple of " + SPANS_PER_TRACE);
    }
    this.spans = spans;
    Resource resource = resource(serviceName, instanceId);
    long base = 1_700_000_000_000_000_000L;
    ScopeSpans.Builder scopeSpans =
        ScopeSpans.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("io.opentelemetry.java-http-client").setVersion("2.31.1-alpha"));
    ScopeLogs.Builder scopeLogs =
        ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("com.example.checkout.CheckoutHandler"));
    for (int t = 0; t < spans / SPANS_PER_TRACE; t++) {
      ByteString traceId = ByteString.copyFrom(ByteBuffer.allocate(16).putLong(MARKER).putLong(t + 1).array());
      long start = base + t * 10_000_000L;
      for (int s = 0; s < SPANS_PER_TRACE; s++) {
        ByteString spanId = ByteString.copyFrom(ByteBuffer.allocate(8).putLong(t * 64L + s + 1).array());
        Span.Builder span =
            Span.newBuilder()
                .setTraceId(traceId)
                .setSpanId(spanId)
                .setStartTimeUnixNano(start + s * 100_000L)
                .setEndTimeUnixNano(start + (s == 0 ? 9_000_000L : s * 100_000L + 800_000L))
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_UNSET));
        if (s == 0) {
          span.setName("POST /checkout").setKind(Span.SpanKind.SPAN_KIND_SERVER);
          span.addAttributes(kv("http.request.method", "POST"))
              .addAttributes(kv("url.path", "/checkout"))
              .addAttributes(kv("url.scheme", "http"))
              .addAttributes(kv("http.route", "/checkout"))
              .addAttributes(kvInt("http.response.status_code", 200))
              .addAttributes(kv("client.address", "10.1.2.3"));
        } else {
          span.setParentSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(t * 64L + 1).array()));
          boolean client = s % 2 == 1;
          span.setName(client ? "GET" : "reserve-stock")
              .setKind(client ? Span.SpanKind.SPAN_KIND_CLIENT : Span.SpanKind.SPAN_KIND_INTERNAL)
              .addAttributes(kv("http.request.method", "GET"))
              .addAttributes(kv("url.full", "http://inventory:8081/stock/ABC-" + s))
              .addAttributes(kv("server.address", "inventory"))
              .addAttributes(kvInt("server.port", 8081))
              .addAttributes(kvInt("http.response.status_code", 200))
              .addAttributes(kv("network.protocol.version", "1.1"));
        }
        scopeSpans.addSpans(span);
        scopeLogs.addLogRecords(
            LogRecord.newBuilder()
                .setTimeUnixNano(start + s * 100_000L + 50_000L)
                .setObservedTimeUnixNano(start + s * 100_000L + 60_000L)
                .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
                .setSeverityText("INFO")
                .setBody(AnyValue.newBuilder().setStringValue("Reserved stock for order " + (t * 64 + s)))
                .setTraceId(traceId)
                .setSpanId(spanId)
                .setFlags(1));
      }
    }
    ExportTraceServiceRequest traceRequest =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(ResourceSpans.newBuilder().setResource(resource).addScopeSpans(scopeSpans))
            .build();
    ExportLogsServiceRequest logRequest =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(ResourceLogs.newBuilder().setResource(resource).addScopeLogs(scopeLogs))
            .build();
    this.json = json;
    traces = json ? OtlpJson.print(traceRequest).getBytes(StandardCharsets.UTF_8) : traceRequest.toByteArray();
    logs = json ? OtlpJson.print(logRequest).getBytes(StandardCharsets.UTF_8) : logRequest.toByteArray();
    byte[] marker = ByteBuffer.allocate(8).putLong(MARKER).array();
    if (json) {
      marker = HexFormat.of().formatHex(marker).getBytes(StandardCharsets.US_ASCII);
    }
    traceIdOffsets = markerOffsets(traces, marker, spans);
    logTraceIdOffsets = markerOffsets(logs, marker, spans);
  }

  /** A private copy whose ids can be renewed without disturbing other senders. */
  Payloads copy() {
    return new Payloads(this);
  }

  private Payloads(Payloads other) {
    this.spans = other.spans;
    this.json = other.json;
    this.traces = other.traces.clone();
    this.logs = other.logs.clone();
    this.traceIdOffsets = other.traceIdOffsets;
    this.logTraceIdOffsets = other.logTraceIdOffsets;
  }

  /** Gives every trace in both requests a new id prefix; spans and logs stay joined. */
  public void renew(long prefix) {
    renewTraces(prefix);
    renewLogs(prefix);
  }

  /**
   * Writes {@code prefix} into the trace request only. A sender renews each body just before it
   * sends it, while the copy into the transport is about to read the same cache lines.
   */
  void renewTraces(long prefix) {
    for (int offset : traceIdOffsets) {
      put(traces, offset, prefix);
    }
  }

  /** Writes {@code prefix} into the log request only: its records join the traces of that prefix. */
  void renewLogs(long prefix) {
    for (int offset : logTraceIdOffsets) {
      put(logs, offset, prefix);
    }
  }

  private void put(byte[] b, int offset, long v) {
    if (json) {
      for (int i = 0; i < 16; i++) {
        b[offset + i] = HEX[(int) (v >>> (60 - 4 * i)) & 0xF];
      }
    } else {
      LONG_BE.set(b, offset, v);
    }
  }

  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static int[] markerOffsets(byte[] bytes, byte[] marker, int expected) {
    int[] offsets = new int[expected];
    int n = 0;
    int length = marker.length;
    for (int i = 0; i + length <= bytes.length; i++) {
      if (bytes[i] == marker[0] && Arrays.equals(bytes, i, i + length, marker, 0, length)) {
        if (n == expected) {
          throw new IllegalStateException("more trace-id markers than spans");
        }
        offsets[n++] = i;
        i += length - 1;
      }
    }
    if (n != expected) {
      throw new IllegalStateException("found " + n + " trace-id markers, want " + expected);
    }
    return offsets;
  }

  private static Resource resource(String serviceName, String instanceId) {
    return Resource.newBuilder()
        .addAttributes(kv("service.name", serviceName))
        .addAttributes(kv("service.instance.id", instanceId))
        .addAttributes(kv("service.version", "1.4.2"))
        .addAttributes(kv("deployment.environment.name", "bench"))
        .addAttributes(kv("telemetry.sdk.name", "opentelemetry"))
        .addAttributes(kv("telemetry.sdk.language", "java"))
        .addAttributes(kv("telemetry.sdk.version", "1.68.0"))
        .addAttributes(kv("host.name", "node-7"))
        .build();
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static KeyValue kvInt(String key, long value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
  }
}
