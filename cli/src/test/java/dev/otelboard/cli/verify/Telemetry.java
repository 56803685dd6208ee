package dev.otelboard.cli.verify;

import dev.otelboard.collector.sink.CaptureSink.CapturedLog;
import dev.otelboard.collector.sink.CaptureSink.CapturedSpan;
import java.util.Map;

/** Captured spans and log records for tests, with the fields that matter named. */
final class Telemetry {
  private Telemetry() {}

  static CapturedSpan span(
      String service, String trace, String id, String parent, String name, int kind, long start, long end,
      Map<String, String> attributes) {
    return new CapturedSpan(service, "i-" + service, trace, id, parent, name, kind, start, end, 0, "test", attributes);
  }

  static CapturedLog log(String service, String trace, String span, long time, String body) {
    return new CapturedLog(service, "i-" + service, trace, span, time, 9, "INFO", body, "com.example.L", Map.of());
  }
}
