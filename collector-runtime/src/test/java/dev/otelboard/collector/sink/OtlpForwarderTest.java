package dev.otelboard.collector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.otelboard.collector.CollectorReport;
import dev.otelboard.collector.EmbeddedCollector;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.receiver.OtlpGrpcReceiver;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtlpForwarderTest {

  static byte[] traces(int request, int spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < spans; i++) {
      scope.addSpans(
          Span.newBuilder()
              .setTraceId(ByteString.copyFrom(ByteBuffer.allocate(16).putLong(request + 1).putLong(7).array()))
              .setSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(i + 1).array()))
              .setName("op-" + request + "-" + i)
              .setStartTimeUnixNano(1_000L * i)
              .setEndTimeUnixNano(1_000L * i + 500));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
        .build()
        .toByteArray();
  }

  static byte[] logs(int n) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (int i = 0; i < n; i++) {
      scope.addLogRecords(
          LogRecord.newBuilder().setTimeUnixNano(i + 1).setBody(AnyValue.newBuilder().setStringValue("line " + i)));
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(ResourceLogs.newBuilder().addScopeLogs(scope))
        .build()
        .toByteArray();
  }

  static void send(EmbeddedCollector to, Signal signal, byte[] body) {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", to.grpcPort()).usePlaintext().build();
    try {
      ClientCalls.blockingUnaryCall(channel, OtlpGrpcReceiver.exportMethod(signal), CallOptions.DEFAULT, body);
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void upstreamReceivesExactlyWhatWasAccepted(@TempDir Path dir) throws Exception {
    Path upstreamFile = dir.resolve("upstream.jsonl");
    Path firstFile = dir.resolve("first.jsonl");
    try (EmbeddedCollector upstream =
        EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(-1).setOutputFile(upstreamFile).start()) {
      EmbeddedCollector first =
          EmbeddedCollector.builder()
              .setGrpcPort(0)
              .setHttpPort(-1)
              .setOutputFile(firstFile)
              .addForward("127.0.0.1:" + upstream.grpcPort())
              .start();
      for (int r = 0; r < 20; r++) {
        send(first, Signal.TRACES, traces(r, 50));
      }
      send(first, Signal.LOGS, logs(30));
      first.close();
      upstream.close();

      CollectorReport sent = first.report();
      assertThat(sent.forwards()).singleElement().satisfies(f -> {
        assertThat(f.sentItems()).isEqualTo(20 * 50 + 30);
        assertThat(f.droppedItems()).isZero();
      });
      CollectorReport received = upstream.report();
      assertThat(received.signals().get(Signal.TRACES.ordinal()).acceptedItems()).isEqualTo(1000);
      assertThat(received.signals().get(Signal.LOGS.ordinal()).acceptedItems()).isEqualTo(30);
      // Same requests, byte for byte re-encoded the same way; order across senders may differ.
      List<String> firstLines = Files.readAllLines(firstFile);
      List<String> upstreamLines = Files.readAllLines(upstreamFile);
      assertThat(upstreamLines).hasSize(21).containsExactlyInAnyOrderElementsOf(firstLines);
    }
  }

  @Test
  void deadUpstreamDoesNotStopIngestionAndDropsAreCounted() throws Exception {
    EmbeddedCollector upstream = EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(-1).start();
    int upstreamPort = upstream.grpcPort();
    try (EmbeddedCollector first =
        EmbeddedCollector.builder()
            .setGrpcPort(0)
            .setHttpPort(-1)
            .setForwardQueueCapacity(4)
            .addForward("127.0.0.1:" + upstreamPort)
            .start()) {
      send(first, Signal.TRACES, traces(0, 10));
      upstream.close();
      for (int r = 1; r <= 30; r++) {
        send(first, Signal.TRACES, traces(r, 10));
      }
      first.close();
      CollectorReport report = first.report();
      assertThat(report.signals().get(Signal.TRACES.ordinal()).acceptedItems()).isEqualTo(310);
      assertThat(report.signals().get(Signal.TRACES.ordinal()).processedItems()).isEqualTo(310);
      CollectorReport.ForwardStats f = report.forwards().get(0);
      assertThat(f.sentItems() + f.droppedItems()).isEqualTo(310);
      assertThat(f.droppedItems()).isGreaterThanOrEqualTo(300);
    }
  }
}
