package dev.otelboard.cli.command;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.loadgen.LoadGenerator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code otelboard loadgen}: sends benchmark load to an OTLP collector (gRPC or HTTP). */
@Command(
    name = "loadgen",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Sends realistic OTLP load over gRPC, HTTP/protobuf or HTTP/JSON (pre-serialized batches of spans with HTTP attributes and log"
          + " records joined to them) for a fixed time and prints the acknowledged spans/s and logs/s.",
      "Used by bench/run.sh against `otelboard collector`; also useful against any OTLP endpoint."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard loadgen --target 127.0.0.1:4317 --seconds 30",
      "  otelboard loadgen --protocol http/protobuf --target 127.0.0.1:4318 --seconds 30",
      "  bash bench/run.sh 60      # starts a collector, runs this, prints the benchmark line"
    })
final class LoadgenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--target", defaultValue = "127.0.0.1:4317", paramLabel = "HOST:PORT",
      description = "Collector OTLP address: its gRPC port, or its HTTP port with an http protocol (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(names = "--protocol", defaultValue = "grpc", paramLabel = "PROTOCOL",
      description = "grpc, http/protobuf or http/json, as OTEL_EXPORTER_OTLP_PROTOCOL (default: ${DEFAULT-VALUE}).")
  String protocol;

  @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup", defaultValue = "10", description = "Seconds sent before measuring (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--connections", defaultValue = "2",
      description = "Connections (default: ${DEFAULT-VALUE}); over HTTP/1.1 each request in flight gets its own.")
  int connections;

  @Option(names = "--in-flight", defaultValue = "8", description = "Requests in flight per connection (default: ${DEFAULT-VALUE}).")
  int inFlight;

  @Option(names = "--batch", defaultValue = "512", description = "Spans per request, a multiple of 8 (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--no-logs", description = "Send spans only.")
  boolean noLogs;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int colon = target.lastIndexOf(':');
    if (colon <= 0) {
      throw new OtelboardException(ExitCode.USAGE, "--target must be host:port: " + target);
    }
    int port;
    try {
      port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new OtelboardException(ExitCode.USAGE, "--target must be host:port: " + target);
    }
    LoadGenerator.Result r;
    try {
      r = LoadGenerator.builder()
          .setProtocol(LoadGenerator.Protocol.of(protocol))
          .setTarget(target.substring(0, colon), port)
          .setConnections(connections)
          .setInFlight(inFlight)
          .setSpansPerBatch(batch)
          .setWithLogs(!noLogs)
          .setDuration(Duration.ofSeconds(seconds))
          .setWarmup(Duration.ofSeconds(warmup))
          .build()
          .run(line -> {
            err.println(line);
            err.flush();
          });
    } catch (IllegalArgumentException e) {
      throw new OtelboardException(ExitCode.USAGE, e.getMessage());
    } catch (UncheckedIOException e) {
      throw OtelboardException.environment(e.getMessage() + "; is a collector listening?");
    }
    if (r.totalSpans() == 0) {
      throw OtelboardException.environment(
          "no span was acknowledged by " + target + " (" + r.failedRequests() + " requests failed); is a collector listening?");
    }
    out.printf("loadgen: protocol %s median spans/s: %d logs/s: %d total spans: %d logs: %d refused: %d failed: %d%n",
        protocol, r.medianSpansPerSecond(), r.medianLogsPerSecond(), r.totalSpans(), r.totalLogs(),
        r.refusedRequests(), r.failedRequests());
    return ExitCode.OK;
  }
}
