package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import dev.otelboard.cli.process.RunningProcess;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {
  private static final TextMapGetter<Map<String, String>> MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  @Test
  void everyProbeCarriesAFreshUnsampledTraceparentSoTheServiceRecordsNoSpanForIt() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", exchange -> {
      seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
      exchange.sendResponseHeaders(seen.size() < 3 ? 503 : 200, -1);
      exchange.close();
    });
    server.start();
    try (RunningProcess process =
        ProcessRunner.start(ProcessSpec.builder(List.of("sleep", "30")).setName("svc").build())) {
      ReadinessProbe.awaitHttp(
          process,
          "http://127.0.0.1:" + server.getAddress().getPort() + "/health",
          Duration.ofSeconds(20));
    } finally {
      server.stop(0);
    }

    assertThat(seen).hasSize(3).doesNotHaveDuplicates();
    for (String traceparent : seen) {
      // read back by the OpenTelemetry API's own W3C propagator, as the service would
      SpanContext parent = Span.fromContext(
              W3CTraceContextPropagator.getInstance()
                  .extract(Context.root(), Map.of("traceparent", traceparent), MAP))
          .getSpanContext();
      assertThat(parent.isValid()).as(traceparent).isTrue();
      assertThat(parent.isRemote()).isTrue();
      assertThat(parent.isSampled()).as(traceparent).isFalse();
    }
  }
}
