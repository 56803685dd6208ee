package dev.otelboard.collector.wire;

import static dev.otelboard.collector.wire.Protos.asLong;
import static dev.otelboard.collector.wire.Protos.attributesOfEveryKind;
import static dev.otelboard.collector.wire.Protos.hi;
import static dev.otelboard.collector.wire.Protos.id16;
import static dev.otelboard.collector.wire.Protos.id8;
import static dev.otelboard.collector.wire.Protos.kv;
import static dev.otelboard.collector.wire.Protos.lo;
import static dev.otelboard.collector.wire.Protos.resource;
import static dev.otelboard.collector.wire.Protos.unknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link OtlpWire#scanTraces} reads exactly what protobuf-java would, for what it extracts. */
class ScanTracesTest {

  /** A request with three resources, two scopes each, and spans full of fields to skip. */
  static ExportTraceServiceRequest richRequest() {
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    String[][] resources = {{"checkout", "pod-1"}, {null, "pod-2"}, {"inventory", null}};
    long n = 1;
    for (String[] r : resources) {
      ResourceSpans.Builder rs =
          ResourceSpans.newBuilder()
              .setResource(resource(r[0], r[1]))
              .setSchemaUrl("https://opentelemetry.io/schemas/1.30.0");
      for (int scope = 0; scope < 2; scope++) {
        ScopeSpans.Builder ss =
            ScopeSpans.newBuilder()
                .setScope(
                    InstrumentationScope.newBuilder()
                        .setName("scope-" + scope)
                        .setVersion("1.0")
                        .addAllAttributes(attributesOfEveryKind("scope")))
                .setSchemaUrl("s");
        for (int s = 0; s < 3; s++, n++) {
          Span.Builder span =
              Span.newBuilder()
                  .setTraceId(id16(0x0102030405060708L * n, -n))
                  .setSpanId(id8(0x1000 + n))
                  .setTraceState("vendor=x")
                  .setName("span \u00e9 " + n)
                  .setKind(Span.SpanKind.forNumber((int) (n % 6)))
                  .setStartTimeUnixNano(1_700_000_000_000_000_000L + n)
                  .setEndTimeUnixNano(1_700_000_000_000_000_000L + 10 * n)
                  .setFlags(0x301)
                  .addAllAttributes(attributesOfEveryKind("span"))
                  .setDroppedAttributesCount(2)
                  .addEvents(
                      Span.Event.newBuilder()
                          .setName("event")
                          .setTimeUnixNano(5)
                          .addAttributes(kv("k", "v")))
                  .addLinks(
                      Span.Link.newBuilder().setTraceId(id16(9, 9)).setSpanId(id8(9)).setFlags(1))
                  .setStatus(
                      Status.newBuilder()
                          .setCode(Status.StatusCode.STATUS_CODE_ERROR)
                          .setMessage("boom"));
          if (s > 0) {
            span.setParentSpanId(id8(0x1000 + n - 1));
          }
          ss.addSpans(span);
        }
        rs.addScopeSpans(ss);
      }
      request.addResourceSpans(rs);
    }
    return request.build();
  }

  static List<Span> spansOf(ExportTraceServiceRequest request) {
    List<Span> spans = new ArrayList<>();
    request.getResourceSpansList().stream()
        .flatMap(rs -> rs.getScopeSpansList().stream())
        .forEach(ss -> spans.addAll(ss.getSpansList()));
    return spans;
  }

  static SpanBatch scan(byte[] bytes) throws MalformedOtlpException {
    return OtlpWire.scanTraces(bytes, 0, bytes.length);
  }

  static void assertSpansMatch(SpanBatch batch, List<Span> spans) {
    assertThat(batch.count()).isEqualTo(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      assertThat(batch.traceIdHi(i)).as("traceIdHi %d", i).isEqualTo(hi(span.getTraceId()));
      assertThat(batch.traceIdLo(i)).as("traceIdLo %d", i).isEqualTo(lo(span.getTraceId()));
      assertThat(batch.spanId(i)).as("spanId %d", i).isEqualTo(asLong(span.getSpanId()));
      assertThat(batch.parentSpanId(i))
          .as("parentSpanId %d", i)
          .isEqualTo(asLong(span.getParentSpanId()));
      assertThat(batch.kind(i)).as("kind %d", i).isEqualTo(span.getKindValue());
      assertThat(batch.startNanos(i)).as("start %d", i).isEqualTo(span.getStartTimeUnixNano());
      assertThat(batch.endNanos(i)).as("end %d", i).isEqualTo(span.getEndTimeUnixNano());
      assertThat(batch.name(i)).as("name %d", i).isEqualTo(span.getName());
    }
  }

  @Test
  void extractsEverySpanFieldAcrossResourcesAndScopes() throws Exception {
    ExportTraceServiceRequest request = richRequest();

    SpanBatch batch = scan(request.toByteArray());

    assertSpansMatch(batch, spansOf(request));
    assertThat(batch.rejectedSpans()).isZero();
  }

  @Test
  void extractsTheTwoResourceAttributesWithDefaultsWhenMissing() throws Exception {
    SpanBatch batch = scan(richRequest().toByteArray());

    assertThat(batch.resources())
        .containsExactly(
            new dev.otelboard.collector.wire.Resource("checkout", "pod-1"),
            new dev.otelboard.collector.wire.Resource("unknown_service", "pod-2"),
            new dev.otelboard.collector.wire.Resource("inventory", ""));
    assertThat(batch.resource(0)).isZero();
    assertThat(batch.resource(6)).isEqualTo(1);
    assertThat(batch.resource(17)).isEqualTo(2);
  }

  @Test
  void ignoresServiceNameThatIsNotAString() throws Exception {
    Resource resource =
        Resource.newBuilder()
            .addAttributes(kv("service.name", AnyValue.newBuilder().setIntValue(7).build()))
            .addAttributes(kv("service.instance.id", "i"))
            .build();
    byte[] bytes =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(ResourceSpans.newBuilder().setResource(resource))
            .build()
            .toByteArray();

    assertThat(scan(bytes).resources())
        .containsExactly(new dev.otelboard.collector.wire.Resource("unknown_service", "i"));
  }

  @Test
  void skipsUnknownFieldsOfEveryWireTypeAtEveryLevel() throws Exception {
    ExportTraceServiceRequest rich = richRequest();
    ExportTraceServiceRequest.Builder request = rich.toBuilder().setUnknownFields(unknownFields());
    for (ResourceSpans.Builder rs : request.getResourceSpansBuilderList()) {
      rs.setUnknownFields(unknownFields());
      rs.getResourceBuilder().setUnknownFields(unknownFields());
      rs.getResourceBuilder().getAttributesBuilder(0).setUnknownFields(unknownFields());
      for (ScopeSpans.Builder ss : rs.getScopeSpansBuilderList()) {
        ss.setUnknownFields(unknownFields());
        for (Span.Builder span : ss.getSpansBuilderList()) {
          span.setUnknownFields(unknownFields());
        }
      }
    }

    SpanBatch batch = scan(request.build().toByteArray());

    assertSpansMatch(batch, spansOf(rich));
    assertThat(batch.resources()).hasSize(3);
  }

  @Test
  void emptyRequestHasNoSpans() throws Exception {
    SpanBatch batch = scan(new byte[0]);

    assertThat(batch.count()).isZero();
    assertThat(batch.resources()).isEmpty();
    assertThat(batch.rejectedSpans()).isZero();
  }

  @Test
  void rootSpanHasParentZeroWhetherTheFieldIsAbsentOrEmpty() throws Exception {
    Span.Builder root = Span.newBuilder().setTraceId(id16(1, 2)).setSpanId(id8(3));
    byte[] bytes =
        request(root.clone(), root.clone().setParentSpanId(ByteString.EMPTY)).toByteArray();

    SpanBatch batch = scan(bytes);

    assertThat(batch.count()).isEqualTo(2);
    assertThat(batch.parentSpanId(0)).isZero();
    assertThat(batch.parentSpanId(1)).isZero();
    assertThat(batch.name(0)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Span.SpanKind.class, names = "UNRECOGNIZED", mode = EnumSource.Mode.EXCLUDE)
  void keepsTheSpanKindNumber(Span.SpanKind kind) throws Exception {
    SpanBatch batch =
        scan(
            request(Span.newBuilder().setTraceId(id16(1, 2)).setSpanId(id8(3)).setKind(kind))
                .toByteArray());

    assertThat(batch.kind(0)).isEqualTo(kind.getNumber());
  }

  static Stream<Arguments> invalidIds() {
    return Stream.of(
        Arguments.of("no trace id", Span.newBuilder().setSpanId(id8(1))),
        Arguments.of(
            "all-zero trace id", Span.newBuilder().setTraceId(id16(0, 0)).setSpanId(id8(1))),
        Arguments.of("no span id", Span.newBuilder().setTraceId(id16(1, 1))),
        Arguments.of(
            "all-zero span id", Span.newBuilder().setTraceId(id16(1, 1)).setSpanId(id8(0))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidIds")
  void spanWithInvalidIdIsRejectedNotMalformed(String name, Span.Builder invalid) throws Exception {
    Span valid = Span.newBuilder().setTraceId(id16(1, 2)).setSpanId(id8(3)).setName("ok").build();

    SpanBatch batch = scan(request(valid.toBuilder(), invalid, valid.toBuilder()).toByteArray());

    assertThat(batch.rejectedSpans()).isEqualTo(1);
    assertThat(batch.count()).isEqualTo(2);
    assertThat(batch.name(1)).isEqualTo("ok");
  }

  @Test
  void resourceAfterItsSpansStillApplies() throws Exception {
    // Protobuf allows fields in any order; serializers write them in field order, so build the
    // out-of-order message by hand: scope_spans first, then the resource.
    ScopeSpans scope =
        ScopeSpans.newBuilder()
            .addSpans(Span.newBuilder().setTraceId(id16(1, 2)).setSpanId(id8(3)))
            .build();
    ByteArrayOutputStream resourceSpans = new ByteArrayOutputStream();
    resourceSpans.writeBytes(ResourceSpans.newBuilder().addScopeSpans(scope).build().toByteArray());
    resourceSpans.writeBytes(
        ResourceSpans.newBuilder().setResource(resource("late", "i-9")).build().toByteArray());
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(0x0A);
    writeVarint(request, resourceSpans.size());
    request.writeBytes(resourceSpans.toByteArray());

    SpanBatch batch = scan(request.toByteArray());

    assertThat(batch.count()).isEqualTo(1);
    assertThat(batch.resources().get(batch.resource(0)))
        .isEqualTo(new dev.otelboard.collector.wire.Resource("late", "i-9"));
  }

  @Test
  void scansARequestInTheMiddleOfALargerBuffer() throws Exception {
    byte[] request = richRequest().toByteArray();
    byte[] buf = new byte[request.length + 20];
    Arrays.fill(buf, (byte) 0xFF);
    System.arraycopy(request, 0, buf, 7, request.length);

    SpanBatch batch = OtlpWire.scanTraces(buf, 7, request.length);

    assertSpansMatch(batch, spansOf(richRequest()));
  }

  @Test
  void growsBeyondTheInitialCapacityGuess() throws Exception {
    Span.Builder[] spans = new Span.Builder[1000];
    for (int i = 0; i < spans.length; i++) {
      spans[i] = Span.newBuilder().setTraceId(id16(1, i)).setSpanId(id8(i + 1));
    }
    ExportTraceServiceRequest request = request(spans);

    assertSpansMatch(scan(request.toByteArray()), spansOf(request));
  }

  @Test
  void sizesTheBatchFromItsFirstItemsWhateverTheSizesThatFollow() throws Exception {
    // Small spans first (the batch is sized too small and grows), then the reverse (too large).
    Span.Builder[] spans = new Span.Builder[600];
    for (int i = 0; i < spans.length; i++) {
      spans[i] = Span.newBuilder().setTraceId(id16(2, i)).setSpanId(id8(i + 1));
      if (i >= 8) {
        spans[i].setName("n".repeat(200)).addAllAttributes(attributesOfEveryKind("a"));
      }
    }
    ExportTraceServiceRequest growing = request(spans);
    Span.Builder[] reversed = spans.clone();
    java.util.Collections.reverse(Arrays.asList(reversed));
    ExportTraceServiceRequest shrinking = request(reversed);

    assertSpansMatch(scan(growing.toByteArray()), spansOf(growing));
    assertSpansMatch(scan(shrinking.toByteArray()), spansOf(shrinking));
  }

  static ExportTraceServiceRequest request(Span.Builder... spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (Span.Builder span : spans) {
      scope.addSpans(span);
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
        .build();
  }

  static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }
}
