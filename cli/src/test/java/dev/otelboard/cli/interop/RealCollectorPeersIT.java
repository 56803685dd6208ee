package dev.otelboard.cli.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otelboard.collector.CollectorReport;
import dev.otelboard.collector.EmbeddedCollector;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.processor.Processor;
import dev.otelboard.collector.receiver.OtlpGrpcReceiver;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * otelboard's embedded collector and the reference collector 0.158.0 as OTLP/gRPC peers, on
 * loopback: test requests go into our collector, whose forwarder sends them to the real one; the
 * real one writes them with its file exporter (OTLP protobuf) and sends them on with its {@code
 * otlp_grpc} exporter to a second embedded collector. What arrives at each end must be what was
 * sent: the same number of spans and log records, and every field of each (resource, scope and
 * record) equal.
 */
@Tag("integration")
class RealCollectorPeersIT {
  private static final int REQUESTS = 20;
  private static final int SPANS_PER_REQUEST = 25;
  private static final int LOGS_PER_REQUEST = 30;
  private static final Duration ARRIVAL = Duration.ofSeconds(30);

  @TempDir Path tmp;

  @Test
  void ourForwarderFeedsTheRealCollectorAndItsOtlpExporterFeedsUs() throws Exception {
    Path otelcol = ReferenceTools.otelcol();
    List<ExportTraceServiceRequest> sentTraces = new ArrayList<>();
    List<ExportLogsServiceRequest> sentLogs = new ArrayList<>();
    for (int r = 0; r < REQUESTS; r++) {
      sentTraces.add(OtlpSamples.traces("checkout-service", r, SPANS_PER_REQUEST));
      sentLogs.add(OtlpSamples.logs("checkout-service", r, LOGS_PER_REQUEST));
    }
    Recorder downstreamSaw = new Recorder();
    Path tracesFile = tmp.resolve("traces.pb");
    Path logsFile = tmp.resolve("logs.pb");

    try (EmbeddedCollector downstream = EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(-1)
        .addProcessor(downstreamSaw).start()) {
      int realPort = RealCollector.freePort();
      String config = """
          receivers:
            otlp:
              protocols:
                grpc:
                  endpoint: 127.0.0.1:%d
          exporters:
            otlp_grpc/otelboard:
              endpoint: 127.0.0.1:%d
              tls:
                insecure: true
            file/traces:
              path: %s
              format: proto
              flush_interval: 100ms
            file/logs:
              path: %s
              format: proto
              flush_interval: 100ms
          service:
            pipelines:
              traces:
                receivers: [otlp]
                exporters: [otlp_grpc/otelboard, file/traces]
              logs:
                receivers: [otlp]
                exporters: [otlp_grpc/otelboard, file/logs]
          """.formatted(realPort, downstream.grpcPort(), tracesFile, logsFile)
          + RealCollector.SERVICE_TELEMETRY_OFF;
      try (RealCollector real = RealCollector.start(otelcol, tmp, config)) {
        CollectorReport upstreamReport;
        try (EmbeddedCollector upstream = EmbeddedCollector.builder().setGrpcPort(0)
            .setHttpPort(-1).addForward("127.0.0.1:" + realPort).start()) {
          for (int r = 0; r < REQUESTS; r++) {
            send(upstream, Signal.TRACES, sentTraces.get(r).toByteArray());
            send(upstream, Signal.LOGS, sentLogs.get(r).toByteArray());
          }
          upstream.close(); // drains the forwarder
          upstreamReport = upstream.report();
        }
        assertThat(upstreamReport.forwards()).singleElement().satisfies(f -> {
          assertThat(f.sentItems()).isEqualTo(REQUESTS * (SPANS_PER_REQUEST + LOGS_PER_REQUEST));
          assertThat(f.droppedItems()).isZero();
        });

        int spans = REQUESTS * SPANS_PER_REQUEST;
        int logs = REQUESTS * LOGS_PER_REQUEST;
        await("the real collector's file exporter wrote every span and log record")
            .atMost(ARRIVAL).pollInterval(Duration.ofMillis(100)).until(() ->
                OtlpSamples.spans(fileTraces(tracesFile)).size() >= spans
                    && OtlpSamples.logs(fileLogs(logsFile)).size() >= logs);
        await("the real collector's otlp_grpc exporter delivered every span and log record")
            .atMost(ARRIVAL).pollInterval(Duration.ofMillis(100)).until(() ->
                OtlpSamples.spans(downstreamSaw.traces()).size() >= spans
                    && OtlpSamples.logs(downstreamSaw.logs()).size() >= logs);
        assertThat(real.log()).as("the real collector's log").noneMatch(l -> l.contains("\terror\t"));
      }
    }

    // Our forwarder -> the real collector: what its file exporter wrote.
    assertThat(OtlpSamples.spans(fileTraces(tracesFile)))
        .containsExactlyInAnyOrderElementsOf(OtlpSamples.spans(sentTraces));
    assertThat(OtlpSamples.logs(fileLogs(logsFile)))
        .containsExactlyInAnyOrderElementsOf(OtlpSamples.logs(sentLogs));
    // The real collector's otlp_grpc exporter -> our receiver: what our pipeline saw.
    assertThat(OtlpSamples.spans(downstreamSaw.traces()))
        .containsExactlyInAnyOrderElementsOf(OtlpSamples.spans(sentTraces));
    assertThat(OtlpSamples.logs(downstreamSaw.logs()))
        .containsExactlyInAnyOrderElementsOf(OtlpSamples.logs(sentLogs));
  }

  private static List<ExportTraceServiceRequest> fileTraces(Path file) throws Exception {
    return OtlpSamples.protoFile(file).stream().map(OtlpSamples::parseTraces).toList();
  }

  private static List<ExportLogsServiceRequest> fileLogs(Path file) throws Exception {
    return OtlpSamples.protoFile(file).stream().map(OtlpSamples::parseLogs).toList();
  }

  private static void send(EmbeddedCollector to, Signal signal, byte[] body) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", to.grpcPort())
        .usePlaintext().build();
    try {
      ClientCalls.blockingUnaryCall(channel, OtlpGrpcReceiver.exportMethod(signal),
          CallOptions.DEFAULT.withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS), body);
    } finally {
      channel.shutdownNow();
    }
  }

  /** A processor that keeps a parsed copy of every request and passes it on unchanged. */
  private static final class Recorder implements Processor {
    private final List<byte[]> traces = new CopyOnWriteArrayList<>();
    private final List<byte[]> logs = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "recorder";
    }

    @Override
    public Batch process(Batch batch) {
      if (batch.signal() == Signal.TRACES) {
        traces.add(batch.payload().clone());
      } else if (batch.signal() == Signal.LOGS) {
        logs.add(batch.payload().clone());
      }
      return batch;
    }

    List<ExportTraceServiceRequest> traces() {
      return traces.stream().map(OtlpSamples::parseTraces).toList();
    }

    List<ExportLogsServiceRequest> logs() {
      return logs.stream().map(OtlpSamples::parseLogs).toList();
    }
  }
}
