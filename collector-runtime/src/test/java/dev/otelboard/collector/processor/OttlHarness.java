package dev.otelboard.collector.processor;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.MalformedOtlpException;
import dev.otelboard.collector.wire.OtlpWire;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs log statements in the sandbox on one log record and reads the record back. */
final class OttlHarness {
  /** The record after the statements, and the runtime errors they raised. */
  record Result(LogRecord log, long errors, List<Unsupported> unsupported) {
    Map<String, Object> attributes() {
      return OttlValues.fromKeyValues(log.getAttributesList());
    }

    Object attribute(String key) {
      return attributes().get(key);
    }
  }

  private OttlHarness() {}

  /** The record a log record with {@code attributes} and a string {@code body} becomes. */
  static Result run(Map<String, Object> attributes, String body, String... statements) {
    try {
      LogRecord record = LogRecord.newBuilder().setTimeUnixNano(1)
          .setBody(AnyValue.newBuilder().setStringValue(body))
          .addAllAttributes(OttlValues.toKeyValues(new LinkedHashMap<>(attributes))).build();
      byte[] bytes = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
          .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(record))).build().toByteArray();
      LogBatch scanned = OtlpWire.scanLogs(bytes, 0, bytes.length);
      TransformProcessor p = TransformProcessor.fromConfig("transform/test", Map.of(
          "error_mode", "ignore", "log_statements", List.of(Map.of("context", "log",
              "statements", List.of(statements)))));
      Batch out = p.process(new Batch(Signal.LOGS, bytes, null, scanned, scanned.count()));
      LogRecord after = ExportLogsServiceRequest.parseFrom(out.payload()).getResourceLogs(0)
          .getScopeLogs(0).getLogRecords(0);
      return new Result(after, p.errors(), p.unsupported());
    } catch (MalformedOtlpException | InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value {@code expression} gives on a record with {@code attributes}; null on error. */
  static Object eval(Map<String, Object> attributes, String expression) {
    Result r = run(attributes, "body", "set(attributes[\"out\"], " + expression + ")");
    if (!r.unsupported().isEmpty()) {
      throw new AssertionError("unsupported: " + r.unsupported());
    }
    return r.attribute("out");
  }
}
