package dev.otelboard.collector.wire;

import static dev.otelboard.collector.wire.Protos.id16;
import static dev.otelboard.collector.wire.Protos.id8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Spans and log records come in field-number order with short values from every SDK, and the
 * scanners read that layout on a straight path; these are the other layouts, hand-encoded: fields
 * shuffled, repeated (the last one wins), absent, or with lengths and varints of several bytes.
 * Each scans to what protobuf-java parses.
 */
class FieldOrderTest {
  private static final int ITEMS = 3_000;

  /** One encoded field: its number and how to write it. */
  private record Field(int number, Writer writer) {}

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  @Test
  void spansInAnyFieldLayoutScanAsProtobufJavaParsesThem() throws Exception {
    Random random = new Random(20261205L);
    ByteArrayOutputStream scope = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(scope);
    for (int i = 0; i < ITEMS; i++) {
      out.writeByteArray(2, encode(spanFields(random, i), random));
    }
    out.flush();
    byte[] request = request(scope.toByteArray());
    List<Span> valid =
        ScanTracesTest.spansOf(ExportTraceServiceRequest.parseFrom(request)).stream()
            .filter(s -> s.getTraceId().size() == 16 && !s.getTraceId().equals(id16(0, 0)))
            .filter(s -> s.getSpanId().size() == 8 && !s.getSpanId().equals(id8(0)))
            .toList();

    SpanBatch batch = OtlpWire.scanTraces(request, 0, request.length);

    ScanTracesTest.assertSpansMatch(batch, valid);
    assertThat(batch.rejectedSpans()).isEqualTo(ITEMS - valid.size());
    // Enough of both: the layouts hit the straight path and every way off it.
    assertThat(valid.size()).isBetween(ITEMS / 2, ITEMS - ITEMS / 20);
  }

  @Test
  void logRecordsInAnyFieldLayoutScanAsProtobufJavaParsesThem() throws Exception {
    Random random = new Random(20261206L);
    ByteArrayOutputStream scope = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(scope);
    out.writeMessage(1, InstrumentationScope.newBuilder().setName("logger").build());
    for (int i = 0; i < ITEMS; i++) {
      out.writeByteArray(2, encode(logFields(random, i), random));
    }
    out.flush();
    byte[] request = request(scope.toByteArray());

    LogBatch batch = OtlpWire.scanLogs(request, 0, request.length);

    ScanLogsTest.assertLogsMatch(
        batch, ScanLogsTest.expected(ExportLogsServiceRequest.parseFrom(request)));
  }

  private static List<Field> spanFields(Random random, int i) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field(1, o -> o.writeBytes(1, traceId(random, i))));
    fields.add(new Field(2, o -> o.writeBytes(2, spanId(random))));
    fields.add(new Field(3, o -> o.writeString(3, "vendor=" + i)));
    ByteString parent = random.nextBoolean() ? ByteString.EMPTY : id8(i);
    fields.add(new Field(4, o -> o.writeBytes(4, parent)));
    fields.add(new Field(5, o -> o.writeString(5, text(random))));
    fields.add(new Field(6, o -> o.writeEnum(6, pick(random, 0, 1, 2, 5, 127, 128, 70_000, -1))));
    fields.add(new Field(7, o -> o.writeFixed64(7, random.nextLong())));
    fields.add(new Field(8, o -> o.writeFixed64(8, random.nextLong())));
    for (int a = random.nextInt(4); a > 0; a--) {
      fields.add(new Field(9, o -> o.writeMessage(9, Protos.kv("k", text(random)))));
    }
    fields.add(new Field(10, o -> o.writeUInt32(10, random.nextInt(300))));
    Span.Event event = Span.Event.newBuilder().setName(text(random)).build();
    fields.add(new Field(11, o -> o.writeMessage(11, event)));
    Status status = Status.newBuilder().setMessage(text(random)).build();
    fields.add(new Field(15, o -> o.writeMessage(15, status)));
    fields.add(new Field(16, o -> o.writeFixed32(16, 0x301)));
    return fields;
  }

  private static List<Field> logFields(Random random, int i) {
    List<Field> fields = new ArrayList<>();
    long time = random.nextInt(4) == 0 ? 0 : random.nextLong();
    fields.add(new Field(1, o -> o.writeFixed64(1, time)));
    fields.add(new Field(2, o -> o.writeEnum(2, pick(random, 0, 9, 17, 24, 127, 128, -3))));
    fields.add(new Field(3, o -> o.writeString(3, text(random))));
    fields.add(new Field(5, o -> o.writeByteArray(5, body(random))));
    for (int a = random.nextInt(4); a > 0; a--) {
      fields.add(new Field(6, o -> o.writeMessage(6, Protos.kv("k", text(random)))));
    }
    fields.add(new Field(7, o -> o.writeUInt32(7, random.nextInt(300))));
    fields.add(new Field(8, o -> o.writeFixed32(8, 1)));
    fields.add(new Field(9, o -> o.writeBytes(9, traceId(random, i))));
    fields.add(new Field(10, o -> o.writeBytes(10, spanId(random))));
    fields.add(new Field(11, o -> o.writeFixed64(11, random.nextLong())));
    fields.add(new Field(12, o -> o.writeString(12, "event")));
    return fields;
  }

  /** A trace id, empty one time in eight. */
  private static ByteString traceId(Random random, int i) {
    return random.nextInt(8) == 0 ? ByteString.EMPTY : id16(i + 1, random.nextLong());
  }

  /** A span id, empty one time in eight. */
  private static ByteString spanId(Random random) {
    return random.nextInt(8) == 0 ? ByteString.EMPTY : id8(random.nextLong() | 1);
  }

  /**
   * Writes the fields in field-number order half of the time (the straight path, with some fields
   * left out), shuffled otherwise, and repeats some of them later on.
   */
  private static byte[] encode(List<Field> fields, Random random) throws IOException {
    List<Field> layout = new ArrayList<>();
    for (Field f : fields) {
      if (random.nextInt(10) != 0) {
        layout.add(f);
      }
    }
    if (random.nextBoolean()) {
      Collections.shuffle(layout, random);
    }
    for (Field f : fields) {
      if (random.nextInt(12) == 0) {
        layout.add(random.nextInt(layout.size() + 1), f);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    for (Field f : layout) {
      f.writer().write(out);
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** An AnyValue's bytes: a string, another kind, none, or a string followed by more fields. */
  private static byte[] body(Random random) {
    byte[] string = AnyValue.newBuilder().setStringValue(text(random)).build().toByteArray();
    return switch (random.nextInt(6)) {
      case 0 -> AnyValue.newBuilder().setIntValue(random.nextLong()).build().toByteArray();
      case 1 -> new byte[0];
      case 2 -> concat(string, AnyValue.newBuilder().setBoolValue(true).build().toByteArray());
      case 3 -> concat(string, Protos.unknownFields().toByteArray());
      default -> string;
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** Strings around the one-byte length limits (125 fills a one-byte AnyValue, 127 a field). */
  private static String text(Random random) {
    int length = pick(random, 0, 1, 12, 125, 126, 127, 128, 300);
    return "x".repeat(length);
  }

  private static int pick(Random random, int... values) {
    return values[random.nextInt(values.length)];
  }

  /** An export request (trace or logs: the same layout) of one resource and one scope. */
  private static byte[] request(byte[] scope) throws IOException {
    ByteArrayOutputStream resource = new ByteArrayOutputStream();
    CodedOutputStream r = CodedOutputStream.newInstance(resource);
    r.writeMessage(1, Protos.resource("svc", "pod"));
    r.writeByteArray(2, scope);
    r.flush();
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(request);
    out.writeByteArray(1, resource.toByteArray());
    out.flush();
    return request.toByteArray();
  }
}
