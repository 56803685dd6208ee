package dev.otelboard.collector.sink;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.pipeline.Sink;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the first spans and log records of a run in full (names, attributes, bodies), for the
 * things the correlation index deliberately doesn't keep: trace waterfalls, semantic-convention
 * checks, worst-offender examples. Bounded by count; what didn't fit is counted. Meant for verify
 * runs, not for benchmark-scale ingestion: it parses every request completely.
 */
public final class CaptureSink implements Sink {
  private final int maxSpans;
  private final int maxLogs;
  private final List<CapturedSpan> spans = new ArrayList<>();
  private final List<CapturedLog> logs = new ArrayList<>();
  private long spansNotCaptured;
  private long logsNotCaptured;

  /** Keeps at most {@code maxSpans} spans and {@code maxLogs} log records. */
  public CaptureSink(int maxSpans, int maxLogs) {
    this.maxSpans = maxSpans;
    this.maxLogs = maxLogs;
  }

  /** A span as received, with its resource's service name and attributes flattened to strings. */
  public record CapturedSpan(
      String service,
      String serviceInstance,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      int kind,
      long startNanos,
      long endNanos,
      int statusCode,
      String scope,
      Map<String, String> attributes) {}

  /** A log record as received; traceId/spanId are empty when it carried no trace context. */
  public record CapturedLog(
      String service,
      String serviceInstance,
      String traceId,
      String spanId,
      long timeNanos,
      int severityNumber,
      String severityText,
      String body,
      String scope,
      Map<String, String> attributes) {}

  @Override
  public String name() {
    return "capture";
  }

  /** Parses the bytes (protobuf copies what it keeps) inside {@link #consume}. */
  @Override
  public boolean retainsPayload() {
    return false;
  }

  @Override
  public synchronized void consume(Batch batch) {
    try {
      if (batch.signal() == Signal.TRACES) {
        captureSpans(ExportTraceServiceRequest.parseFrom(batch.payload()));
      } else if (batch.signal() == Signal.LOGS) {
        captureLogs(ExportLogsServiceRequest.parseFrom(batch.payload()));
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("accepted request no longer parses: " + e.getMessage(), e);
    }
  }

  private void captureSpans(ExportTraceServiceRequest request) {
    for (ResourceSpans rs : request.getResourceSpansList()) {
      Map<String, String> resource = attributes(rs.getResource().getAttributesList());
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span s : ss.getSpansList()) {
          if (spans.size() >= maxSpans) {
            spansNotCaptured++;
            continue;
          }
          spans.add(
              new CapturedSpan(
                  serviceName(resource),
                  resource.getOrDefault("service.instance.id", ""),
                  hex(s.getTraceId()),
                  hex(s.getSpanId()),
                  hex(s.getParentSpanId()),
                  s.getName(),
                  s.getKindValue(),
                  s.getStartTimeUnixNano(),
                  s.getEndTimeUnixNano(),
                  s.getStatus().getCodeValue(),
                  ss.getScope().getName(),
                  attributes(s.getAttributesList())));
        }
      }
    }
  }

  private void captureLogs(ExportLogsServiceRequest request) {
    for (ResourceLogs rl : request.getResourceLogsList()) {
      Map<String, String> resource = attributes(rl.getResource().getAttributesList());
      for (ScopeLogs sl : rl.getScopeLogsList()) {
        for (LogRecord r : sl.getLogRecordsList()) {
          if (logs.size() >= maxLogs) {
            logsNotCaptured++;
            continue;
          }
          logs.add(
              new CapturedLog(
                  serviceName(resource),
                  resource.getOrDefault("service.instance.id", ""),
                  hex(r.getTraceId()),
                  hex(r.getSpanId()),
                  r.getTimeUnixNano() != 0 ? r.getTimeUnixNano() : r.getObservedTimeUnixNano(),
                  r.getSeverityNumberValue(),
                  r.getSeverityText(),
                  r.hasBody() ? text(r.getBody()) : null,
                  sl.getScope().getName(),
                  attributes(r.getAttributesList())));
        }
      }
    }
  }

  /** The captured spans, in arrival order. */
  public synchronized List<CapturedSpan> spans() {
    return Collections.unmodifiableList(new ArrayList<>(spans));
  }

  /** The captured log records, in arrival order. */
  public synchronized List<CapturedLog> logs() {
    return Collections.unmodifiableList(new ArrayList<>(logs));
  }

  /** Spans received after the capture was full. */
  public synchronized long spansNotCaptured() {
    return spansNotCaptured;
  }

  /** Log records received after the capture was full. */
  public synchronized long logsNotCaptured() {
    return logsNotCaptured;
  }

  private static String serviceName(Map<String, String> resource) {
    return resource.getOrDefault("service.name", "unknown_service");
  }

  private static Map<String, String> attributes(List<KeyValue> kvs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (KeyValue kv : kvs) {
      map.put(kv.getKey(), text(kv.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  private static String text(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
      case INT_VALUE -> Long.toString(v.getIntValue());
      case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
      case BYTES_VALUE -> HexFormat.of().formatHex(v.getBytesValue().toByteArray());
      case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(CaptureSink::text).toList().toString();
      case KVLIST_VALUE -> attributes(v.getKvlistValue().getValuesList()).toString();
      default -> "";
    };
  }

  private static String hex(ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }

}
