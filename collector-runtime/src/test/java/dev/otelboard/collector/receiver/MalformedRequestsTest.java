package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.otelboard.collector.EmbeddedCollector;
import dev.otelboard.collector.pipeline.PipelineStats.SignalStats;
import dev.otelboard.collector.pipeline.Signal;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of bad request gets its status code, is counted, and the collector keeps serving. */
class MalformedRequestsTest {
  private EmbeddedCollector collector;
  private ManagedChannel channel;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    collector =
        EmbeddedCollector.builder()
            .setGrpcPort(0)
            .setHttpPort(0)
            .setMaxRequestBytes(64 * 1024)
            .start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", collector.grpcPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    collector.close();
  }

  static byte[] validTraces(int spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < spans; i++) {
      scope.addSpans(
          Span.newBuilder()
              .setTraceId(ByteString.copyFrom(id(16, 1)))
              .setSpanId(ByteString.copyFrom(java.nio.ByteBuffer.allocate(8).putLong(i + 1).array()))
              .setName("span-" + i)
              .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
              .setStartTimeUnixNano(1_000)
              .setEndTimeUnixNano(2_000));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(
                    Resource.newBuilder()
                        .addAttributes(
                            KeyValue.newBuilder()
                                .setKey("service.name")
                                .setValue(AnyValue.newBuilder().setStringValue("svc"))))
                .addScopeSpans(scope))
        .build()
        .toByteArray();
  }

  static byte[] id(int length, int seed) {
    byte[] id = new byte[length];
    Arrays.fill(id, (byte) seed);
    return id;
  }

  private byte[] grpcExport(byte[] body) {
    return ClientCalls.blockingUnaryCall(
        channel, OtlpGrpcReceiver.exportMethod(Signal.TRACES), CallOptions.DEFAULT, body);
  }

  private HttpResponse<byte[]> post(String path, String contentType, byte[] body, String encoding)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(collector.httpEndpoint() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      r.header("Content-Encoding", encoding);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private SignalStats traces() {
    return collector.pipeline().stats().snapshot(Signal.TRACES);
  }

  @Test
  void grpcMalformedProtobufIsInvalidArgumentAndTheNextRequestIsServed() {
    byte[] valid = validTraces(3);
    byte[] truncated = Arrays.copyOf(valid, valid.length - 5);
    assertThatThrownBy(() -> grpcExport(truncated))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    assertThatThrownBy(() -> grpcExport(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}))
        .isInstanceOf(StatusRuntimeException.class);

    assertThat(grpcExport(valid)).isEmpty();
    assertThat(traces().malformedRequests()).isEqualTo(2);
    assertThat(traces().acceptedItems()).isEqualTo(3);
  }

  @Test
  void grpcOversizedRequestIsResourceExhausted() {
    assertThatThrownBy(() -> grpcExport(validTraces(2000)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    assertThat(grpcExport(validTraces(1))).isEmpty();
  }

  @Test
  void grpcInvalidIdsGetPartialSuccess() throws Exception {
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.parseFrom(validTraces(3)).toBuilder();
    request
        .getResourceSpansBuilder(0)
        .getScopeSpansBuilder(0)
        .getSpansBuilder(1)
        .setTraceId(ByteString.copyFrom(new byte[16]));
    ExportTraceServiceResponse response =
        ExportTraceServiceResponse.parseFrom(grpcExport(request.build().toByteArray()));
    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(response.getPartialSuccess().getErrorMessage()).contains("invalid trace or span id");
    assertThat(traces().acceptedItems()).isEqualTo(2);
    assertThat(traces().rejectedItems()).isEqualTo(1);
  }

  @Test
  void httpAnswersEachKindOfBadRequestAndKeepsServing() throws Exception {
    byte[] valid = validTraces(2);
    assertThat(post("/v1/traces", "application/x-protobuf", Arrays.copyOf(valid, 7), null).statusCode())
        .isEqualTo(400);
    assertThat(post("/v1/traces", "text/plain", valid, null).statusCode()).isEqualTo(415);
    assertThat(post("/v1/traces", "application/json", "{\"resourceSpans\":[".getBytes(), null).statusCode())
        .isEqualTo(400);
    assertThat(
            post("/v1/traces", "application/json",
                    "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"zz\"}]}]}]}".getBytes(), null)
                .statusCode())
        .isEqualTo(400);
    assertThat(post("/v1/nothing", "application/x-protobuf", valid, null).statusCode()).isEqualTo(404);
    assertThat(post("/v1/traces", "application/x-protobuf", validTraces(2000), null).statusCode())
        .isEqualTo(413);
    assertThat(post("/v1/traces", "application/x-protobuf", valid, "gzip").statusCode())
        .as("a body that is not gzip despite Content-Encoding: gzip")
        .isEqualTo(400);

    HttpResponse<byte[]> ok = post("/v1/traces", "application/x-protobuf", gzip(valid), "gzip");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("content-type")).hasValue("application/x-protobuf");
    assertThat(ExportTraceServiceResponse.parseFrom(ok.body()).hasPartialSuccess()).isFalse();
    assertThat(traces().acceptedItems()).isEqualTo(2);
    assertThat(traces().malformedRequests()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void httpJsonErrorsComeBackAsJsonStatus() throws Exception {
    HttpResponse<byte[]> r = post("/v1/logs", "application/json", "[1,2]".getBytes(), null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(new String(r.body())).contains("\"code\":3").contains("malformed OTLP JSON");
  }

  static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }
}
