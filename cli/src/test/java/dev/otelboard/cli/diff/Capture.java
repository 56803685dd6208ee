package dev.otelboard.cli.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small captures for tests: OTLP JSON lines in the shape of {@code verify --capture}. */
final class Capture {
  private final List<String> lines = new ArrayList<>();

  /** One line: a resourceSpans block of {@code service} with these spans (from {@link #span}). */
  Capture spans(String service, String... spans) {
    lines.add("{\"resourceSpans\":[{\"resource\":{\"attributes\":[" + attr("service.name", service)
        + "]},\"scopeSpans\":[{\"scope\":{\"name\":\"test\"},\"spans\":[" + String.join(",", spans) + "]}]}]}");
    return this;
  }

  /** One line: a resourceLogs block of {@code service} with these records of {@code logger}. */
  Capture logs(String service, String logger, String... records) {
    lines.add("{\"resourceLogs\":[{\"resource\":{\"attributes\":[" + attr("service.name", service)
        + "]},\"scopeLogs\":[{\"scope\":{\"name\":\"" + logger + "\"},\"logRecords\":["
        + String.join(",", records) + "]}]}]}");
    return this;
  }

  /** A raw line. */
  Capture line(String line) {
    lines.add(line);
    return this;
  }

  /** The lines, each ended by a newline. */
  String text() {
    return String.join("\n", lines) + "\n";
  }

  Path write(Path file) throws IOException {
    Files.writeString(file, text());
    return file;
  }

  /** A span; {@code attributes} are key, value pairs (string values). */
  static String span(String trace, String id, String parent, String name, int kind, String... attributes) {
    StringBuilder b = new StringBuilder("{\"traceId\":\"").append(trace).append("\",\"spanId\":\"").append(id)
        .append('"');
    if (!parent.isEmpty()) {
      b.append(",\"parentSpanId\":\"").append(parent).append('"');
    }
    b.append(",\"name\":\"").append(name).append("\",\"kind\":").append(kind)
        .append(",\"startTimeUnixNano\":\"1000000\",\"endTimeUnixNano\":\"3000000\",\"attributes\":[");
    for (int i = 0; i < attributes.length; i += 2) {
      b.append(i == 0 ? "" : ",").append(attr(attributes[i], attributes[i + 1]));
    }
    return b.append("],\"status\":{}}").toString();
  }

  /** A log record; empty {@code trace} for none. */
  static String log(String trace, String span, String body) {
    String ctx = trace.isEmpty() ? "" : ",\"traceId\":\"" + trace + "\",\"spanId\":\"" + span + "\"";
    return "{\"timeUnixNano\":\"2000000\",\"severityNumber\":9,\"body\":{\"stringValue\":\"" + body + "\"}" + ctx + "}";
  }

  static String attr(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }

  /** A 32-hex-digit trace id from a number. */
  static String trace(int n) {
    return String.format("%032x", n + 1);
  }

  /** A 16-hex-digit span id from a number. */
  static String id(int n) {
    return String.format("%016x", n + 1);
  }
}
