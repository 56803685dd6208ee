package dev.otelboard.cli.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.collector.EmbeddedCollector;
import dev.otelboard.collector.pipeline.Signal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each protocol delivers exactly what the generator counts, spans and the logs joined to them. */
class LoadGeneratorTest {

  @ParameterizedTest
  @EnumSource(LoadGenerator.Protocol.class)
  void everyAcknowledgedItemArrivesAndLogsJoinTheirSpans(LoadGenerator.Protocol protocol) throws Exception {
    EmbeddedCollector collector = EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(0).start();
    LoadGenerator.Result result;
    try {
      result =
          LoadGenerator.builder()
              .setProtocol(protocol)
              .setTarget("127.0.0.1", protocol == LoadGenerator.Protocol.GRPC ? collector.grpcPort() : collector.httpPort())
              .setConnections(1)
              .setInFlight(2)
              .setSpansPerBatch(64)
              .setWarmup(Duration.ZERO)
              .setDuration(Duration.ofSeconds(1))
              .build()
              .run(line -> {});
    } finally {
      collector.close();
    }
    assertThat(result.failedRequests()).isZero();
    assertThat(result.totalSpans()).isPositive().isEqualTo(result.totalLogs());
    assertThat(collector.pipeline().stats().snapshot(Signal.TRACES).acceptedItems()).isEqualTo(result.totalSpans());
    assertThat(collector.pipeline().stats().snapshot(Signal.LOGS).acceptedItems()).isEqualTo(result.totalLogs());
    var correlation = collector.report().correlation();
    assertThat(correlation.duplicateSpans()).as("every round renews its trace ids").isZero();
    assertThat(correlation.inRequestLogs()).isEqualTo(result.totalLogs());
    assertThat(correlation.correlatedInRequestLogs()).isEqualTo(result.totalLogs());
  }

  @Test
  void protocolNamesAreThoseOfTheSdkSetting() {
    assertThat(LoadGenerator.Protocol.of("http/protobuf")).isEqualTo(LoadGenerator.Protocol.HTTP_PROTOBUF);
    assertThatThrownBy(() -> LoadGenerator.Protocol.of("http"))
        .hasMessageContaining("use grpc, http/protobuf or http/json");
  }
}
