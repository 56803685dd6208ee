package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.RetryInfo;
import dev.otelboard.collector.EmbeddedCollector;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.PipelineStats.SignalStats;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.processor.Processor;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Producers faster than the sinks get retryable errors; nothing accepted is lost. */
class OverloadTest {

  /** Holds the worker until released, so the queue fills deterministically. */
  static final class Gate implements Processor {
    final CountDownLatch open = new CountDownLatch(1);

    @Override
    public String name() {
      return "gate";
    }

    @Override
    public Batch process(Batch batch) {
      try {
        open.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return batch;
    }
  }

  @Test
  void fullQueueAnswersRetryableStatusesAndAcceptedEqualsProcessed() throws Exception {
    Gate gate = new Gate();
    byte[] batch = MalformedRequestsTest.validTraces(512);
    long limit = 4L * 1024 * 1024;
    try (EmbeddedCollector collector =
        EmbeddedCollector.builder()
            .setGrpcPort(0)
            .setHttpPort(0)
            .setQueueCapacity(1_000)
            .setMaxMemoryBytes(limit)
            .addProcessor(gate)
            .start()) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", collector.grpcPort()).usePlaintext().build();
      int accepted = 0;
      StatusRuntimeException refusal = null;
      for (int i = 0; i < 200 && refusal == null; i++) {
        try {
          ClientCalls.blockingUnaryCall(
              channel, OtlpGrpcReceiver.exportMethod(Signal.TRACES), CallOptions.DEFAULT, batch);
          accepted++;
        } catch (StatusRuntimeException e) {
          refusal = e;
        }
      }
      assertThat(refusal).as("the collector pushed back before 200 requests").isNotNull();
      assertThat(refusal.getStatus().getCode())
          .isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.UNAVAILABLE);
      com.google.rpc.Status details = StatusProto.fromThrowable(refusal);
      assertThat(details).isNotNull();
      assertThat(details.getDetails(0).unpack(RetryInfo.class).getRetryDelay().getSeconds())
          .isPositive();

      HttpResponse<String> httpRefusal =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(collector.httpEndpoint() + "/v1/traces"))
                      .header("Content-Type", "application/x-protobuf")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(batch))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(httpRefusal.statusCode()).isIn(429, 503);
      assertThat(httpRefusal.headers().firstValue("retry-after")).isPresent();

      assertThat(collector.pipeline().memoryLimiter().peakBytes()).isLessThanOrEqualTo(limit);
      gate.open.countDown();
      collector.close();
      channel.shutdownNow();

      SignalStats traces = collector.pipeline().stats().snapshot(Signal.TRACES);
      assertThat(traces.acceptedItems()).isEqualTo(accepted * 512L);
      assertThat(traces.processedItems()).isEqualTo(traces.acceptedItems());
      assertThat(traces.refusedRequests()).isEqualTo(2);
      assertThat(collector.report().correlation().spans()).isEqualTo(accepted * 512L);
    }
  }
}
