package dev.otelboard.collector.processor;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.MalformedOtlpException;
import dev.otelboard.collector.wire.OtlpWire;
import dev.otelboard.collector.wire.SpanBatch;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OTLP logs or traces request decoded with the opentelemetry-proto classes into a tree of
 * {@link Node}s (resource > scope > record > span event), or a metrics request down to its scopes
 * (the sandbox runs resource and scope statements on metrics), and written back after statements
 * ran:
 * changed nodes are re-encoded, dropped ones removed, and the new bytes re-scanned with
 * {@link OtlpWire} so the correlation index sees the transformed data.
 */
final class OtlpTree {
  /** A resource with its scopes. */
  record ResourceEntry(Node node, List<ScopeEntry> scopes) {}

  /** A scope with its records (log records or spans). */
  record ScopeEntry(Node node, List<RecordEntry> records) {}

  /** A log record or a span, with its span events. */
  record RecordEntry(Node node, List<Node> events) {}

  final Signal signal;
  final List<ResourceEntry> resources = new ArrayList<>();
  private final ExportLogsServiceRequest.Builder logs;
  private final ExportTraceServiceRequest.Builder traces;
  private ExportMetricsServiceRequest.Builder metrics;
  private long metricItems;

  private OtlpTree(Signal signal, ExportLogsServiceRequest.Builder logs,
      ExportTraceServiceRequest.Builder traces) {
    this.signal = signal;
    this.logs = logs;
    this.traces = traces;
  }

  static OtlpTree decode(Batch batch) {
    try {
      if (batch.signal() == Signal.METRICS) {
        OtlpTree tree = new OtlpTree(Signal.METRICS, null, null);
        tree.metrics = ExportMetricsServiceRequest.parseFrom(batch.payload()).toBuilder();
        tree.metricItems = batch.items();
        for (ResourceMetrics.Builder rm : tree.metrics.getResourceMetricsBuilderList()) {
          List<ScopeEntry> scopes = new ArrayList<>();
          for (ScopeMetrics.Builder sm : rm.getScopeMetricsBuilderList()) {
            scopes.add(new ScopeEntry(scopeNode(sm, sm.getScope()), List.of()));
          }
          tree.resources.add(new ResourceEntry(resourceNode(rm, rm.getResource()), scopes));
        }
        return tree;
      }
      if (batch.signal() == Signal.LOGS) {
        OtlpTree tree = new OtlpTree(Signal.LOGS,
            ExportLogsServiceRequest.parseFrom(batch.payload()).toBuilder(), null);
        tree.readLogs();
        return tree;
      }
      OtlpTree tree = new OtlpTree(Signal.TRACES, null,
          ExportTraceServiceRequest.parseFrom(batch.payload()).toBuilder());
      tree.readTraces();
      return tree;
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a scanned request failed to decode: " + e.getMessage(), e);
    }
  }

  private void readLogs() {
    for (ResourceLogs.Builder rl : logs.getResourceLogsBuilderList()) {
      List<ScopeEntry> scopes = new ArrayList<>();
      for (ScopeLogs.Builder sl : rl.getScopeLogsBuilderList()) {
        List<RecordEntry> records = new ArrayList<>();
        for (LogRecord.Builder lr : sl.getLogRecordsBuilderList()) {
          Node n = new Node(lr);
          n.fields.put("body", lr.hasBody() ? OttlValues.fromAny(lr.getBody()) : null);
          n.fields.put("attributes", OttlValues.fromKeyValues(lr.getAttributesList()));
          n.fields.put("trace_id", id(lr.getTraceId(), 16));
          n.fields.put("span_id", id(lr.getSpanId(), 8));
          n.fields.put("severity_number", (long) lr.getSeverityNumberValue());
          n.fields.put("severity_text", lr.getSeverityText());
          n.fields.put("time_unix_nano", lr.getTimeUnixNano());
          n.fields.put("observed_time_unix_nano", lr.getObservedTimeUnixNano());
          n.fields.put("flags", (long) lr.getFlags());
          n.fields.put("event_name", lr.getEventName());
          n.fields.put("dropped_attributes_count", (long) lr.getDroppedAttributesCount());
          records.add(new RecordEntry(n, List.of()));
        }
        scopes.add(new ScopeEntry(scopeNode(sl, sl.getScope()), records));
      }
      resources.add(new ResourceEntry(resourceNode(rl, rl.getResource()), scopes));
    }
  }

  private void readTraces() {
    for (ResourceSpans.Builder rs : traces.getResourceSpansBuilderList()) {
      List<ScopeEntry> scopes = new ArrayList<>();
      for (ScopeSpans.Builder ss : rs.getScopeSpansBuilderList()) {
        List<RecordEntry> records = new ArrayList<>();
        for (Span.Builder sp : ss.getSpansBuilderList()) {
          Node n = new Node(sp);
          n.fields.put("name", sp.getName());
          n.fields.put("kind", (long) sp.getKindValue());
          n.fields.put("attributes", OttlValues.fromKeyValues(sp.getAttributesList()));
          n.fields.put("trace_id", id(sp.getTraceId(), 16));
          n.fields.put("span_id", id(sp.getSpanId(), 8));
          n.fields.put("parent_span_id", id(sp.getParentSpanId(), 8));
          n.fields.put("trace_state", sp.getTraceState());
          Map<String, Object> status = new LinkedHashMap<>();
          status.put("code", (long) sp.getStatus().getCodeValue());
          status.put("message", sp.getStatus().getMessage());
          n.fields.put("status", status);
          n.fields.put("start_time_unix_nano", sp.getStartTimeUnixNano());
          n.fields.put("end_time_unix_nano", sp.getEndTimeUnixNano());
          n.fields.put("dropped_attributes_count", (long) sp.getDroppedAttributesCount());
          List<Node> events = new ArrayList<>();
          for (Span.Event.Builder ev : sp.getEventsBuilderList()) {
            Node e = new Node(ev);
            e.fields.put("name", ev.getName());
            e.fields.put("attributes", OttlValues.fromKeyValues(ev.getAttributesList()));
            e.fields.put("time_unix_nano", ev.getTimeUnixNano());
            e.fields.put("dropped_attributes_count", (long) ev.getDroppedAttributesCount());
            events.add(e);
          }
          records.add(new RecordEntry(n, events));
        }
        scopes.add(new ScopeEntry(scopeNode(ss, ss.getScope()), records));
      }
      resources.add(new ResourceEntry(resourceNode(rs, rs.getResource()), scopes));
    }
  }

  private static Node resourceNode(Object builder, Resource r) {
    Node n = new Node(builder);
    n.fields.put("attributes", OttlValues.fromKeyValues(r.getAttributesList()));
    n.fields.put("dropped_attributes_count", (long) r.getDroppedAttributesCount());
    return n;
  }

  private static Node scopeNode(Object builder, InstrumentationScope s) {
    Node n = new Node(builder);
    n.fields.put("name", s.getName());
    n.fields.put("version", s.getVersion());
    n.fields.put("attributes", OttlValues.fromKeyValues(s.getAttributesList()));
    n.fields.put("dropped_attributes_count", (long) s.getDroppedAttributesCount());
    return n;
  }

  private static byte[] id(ByteString b, int length) {
    return b.isEmpty() ? new byte[length] : b.toByteArray();
  }

  private static ByteString idBytes(Object v) {
    byte[] b = (byte[]) v;
    return Arrays.equals(b, new byte[b.length]) ? ByteString.EMPTY : ByteString.copyFrom(b);
  }

  /** Whether any node changed or was dropped. */
  boolean changed() {
    for (ResourceEntry r : resources) {
      if (r.node().dirty || r.node().dropped) {
        return true;
      }
      for (ScopeEntry s : r.scopes()) {
        if (s.node().dirty || s.node().dropped) {
          return true;
        }
        for (RecordEntry rec : s.records()) {
          if (rec.node().dirty || rec.node().dropped) {
            return true;
          }
          for (Node e : rec.events()) {
            if (e.dirty || e.dropped) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** The re-encoded, re-scanned batch; null when nothing is left. */
  Batch encode() {
    if (signal == Signal.METRICS) {
      for (ResourceEntry r : resources) {
        if (r.node().dirty) {
          ((ResourceMetrics.Builder) r.node().builder).setResource(resource(r.node()));
        }
        for (ScopeEntry s : r.scopes()) {
          if (s.node().dirty) {
            ((ScopeMetrics.Builder) s.node().builder).setScope(scope(s.node()));
          }
        }
      }
      return new Batch(Signal.METRICS, metrics.build().toByteArray(), null, null, metricItems);
    }
    if (signal == Signal.LOGS) {
      writeLogs();
      if (logs.getResourceLogsCount() == 0) {
        return null;
      }
      byte[] bytes = logs.build().toByteArray();
      try {
        LogBatch scanned = OtlpWire.scanLogs(bytes, 0, bytes.length);
        return new Batch(Signal.LOGS, bytes, null, scanned, scanned.count());
      } catch (MalformedOtlpException e) {
        throw new IllegalStateException("re-encoded logs do not scan: " + e.getMessage(), e);
      }
    }
    writeTraces();
    if (traces.getResourceSpansCount() == 0) {
      return null;
    }
    byte[] bytes = traces.build().toByteArray();
    try {
      SpanBatch scanned = OtlpWire.scanTraces(bytes, 0, bytes.length);
      return new Batch(Signal.TRACES, bytes, scanned, null, scanned.count());
    } catch (MalformedOtlpException e) {
      throw new IllegalStateException("re-encoded spans do not scan: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private void writeLogs() {
    for (int ri = resources.size() - 1; ri >= 0; ri--) {
      ResourceEntry r = resources.get(ri);
      ResourceLogs.Builder rl = (ResourceLogs.Builder) r.node().builder;
      for (int si = r.scopes().size() - 1; si >= 0; si--) {
        ScopeEntry s = r.scopes().get(si);
        ScopeLogs.Builder sl = (ScopeLogs.Builder) s.node().builder;
        for (int li = s.records().size() - 1; li >= 0; li--) {
          Node n = s.records().get(li).node();
          if (n.dropped) {
            sl.removeLogRecords(li);
            continue;
          }
          if (n.dirty) {
            LogRecord.Builder lr = (LogRecord.Builder) n.builder;
            Object body = n.fields.get("body");
            if (body == null) {
              lr.clearBody();
            } else {
              lr.setBody(OttlValues.toAny(body));
            }
            lr.clearAttributes().addAllAttributes(OttlValues.toKeyValues(
                (Map<String, Object>) n.fields.get("attributes")));
            lr.setTraceId(idBytes(n.fields.get("trace_id")));
            lr.setSpanId(idBytes(n.fields.get("span_id")));
            lr.setSeverityNumberValue(((Long) n.fields.get("severity_number")).intValue());
            lr.setSeverityText((String) n.fields.get("severity_text"));
            lr.setTimeUnixNano((Long) n.fields.get("time_unix_nano"));
            lr.setObservedTimeUnixNano((Long) n.fields.get("observed_time_unix_nano"));
            lr.setFlags(((Long) n.fields.get("flags")).intValue());
            lr.setEventName((String) n.fields.get("event_name"));
            lr.setDroppedAttributesCount(((Long) n.fields.get("dropped_attributes_count")).intValue());
          }
        }
        if (s.node().dropped || sl.getLogRecordsCount() == 0) {
          rl.removeScopeLogs(si);
        } else if (s.node().dirty) {
          sl.setScope(scope(s.node()));
        }
      }
      if (r.node().dropped || rl.getScopeLogsCount() == 0) {
        logs.removeResourceLogs(ri);
      } else if (r.node().dirty) {
        rl.setResource(resource(r.node()));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void writeTraces() {
    for (int ri = resources.size() - 1; ri >= 0; ri--) {
      ResourceEntry r = resources.get(ri);
      ResourceSpans.Builder rs = (ResourceSpans.Builder) r.node().builder;
      for (int si = r.scopes().size() - 1; si >= 0; si--) {
        ScopeEntry s = r.scopes().get(si);
        ScopeSpans.Builder ss = (ScopeSpans.Builder) s.node().builder;
        for (int pi = s.records().size() - 1; pi >= 0; pi--) {
          RecordEntry rec = s.records().get(pi);
          Node n = rec.node();
          if (n.dropped) {
            ss.removeSpans(pi);
            continue;
          }
          Span.Builder sp = (Span.Builder) n.builder;
          for (int ei = rec.events().size() - 1; ei >= 0; ei--) {
            Node e = rec.events().get(ei);
            if (e.dropped) {
              sp.removeEvents(ei);
            } else if (e.dirty) {
              Span.Event.Builder ev = (Span.Event.Builder) e.builder;
              ev.setName((String) e.fields.get("name"));
              ev.setTimeUnixNano((Long) e.fields.get("time_unix_nano"));
              ev.clearAttributes().addAllAttributes(OttlValues.toKeyValues(
                  (Map<String, Object>) e.fields.get("attributes")));
            }
          }
          if (n.dirty) {
            sp.setName((String) n.fields.get("name"));
            sp.setKindValue(((Long) n.fields.get("kind")).intValue());
            sp.clearAttributes().addAllAttributes(OttlValues.toKeyValues(
                (Map<String, Object>) n.fields.get("attributes")));
            sp.setTraceId(idBytes(n.fields.get("trace_id")));
            sp.setSpanId(idBytes(n.fields.get("span_id")));
            sp.setParentSpanId(idBytes(n.fields.get("parent_span_id")));
            sp.setTraceState((String) n.fields.get("trace_state"));
            Map<String, Object> status = (Map<String, Object>) n.fields.get("status");
            sp.setStatus(Status.newBuilder()
                .setCodeValue(((Long) status.getOrDefault("code", 0L)).intValue())
                .setMessage(String.valueOf(status.getOrDefault("message", ""))));
            sp.setStartTimeUnixNano((Long) n.fields.get("start_time_unix_nano"));
            sp.setEndTimeUnixNano((Long) n.fields.get("end_time_unix_nano"));
          }
        }
        if (s.node().dropped || ss.getSpansCount() == 0) {
          rs.removeScopeSpans(si);
        } else if (s.node().dirty) {
          ss.setScope(scope(s.node()));
        }
      }
      if (r.node().dropped || rs.getScopeSpansCount() == 0) {
        traces.removeResourceSpans(ri);
      } else if (r.node().dirty) {
        rs.setResource(resource(r.node()));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Resource resource(Node n) {
    return Resource.newBuilder()
        .addAllAttributes(OttlValues.toKeyValues((Map<String, Object>) n.fields.get("attributes")))
        .setDroppedAttributesCount(((Long) n.fields.get("dropped_attributes_count")).intValue())
        .build();
  }

  @SuppressWarnings("unchecked")
  private static InstrumentationScope scope(Node n) {
    return InstrumentationScope.newBuilder()
        .setName((String) n.fields.get("name"))
        .setVersion((String) n.fields.get("version"))
        .addAllAttributes(OttlValues.toKeyValues((Map<String, Object>) n.fields.get("attributes")))
        .setDroppedAttributesCount(((Long) n.fields.get("dropped_attributes_count")).intValue())
        .build();
  }
}
