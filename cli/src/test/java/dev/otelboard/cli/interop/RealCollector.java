package dev.otelboard.cli.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.process.ProcessOutput;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import dev.otelboard.cli.process.RunningProcess;
import dev.otelboard.cli.verify.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The reference collector running with a test's configuration. Configurations listen on loopback
 * only and end with {@link #SERVICE_TELEMETRY_OFF}'s settings, so that the collector does not
 * claim port 8888 for its own metrics. Started once it logs "Everything is ready"; closing it
 * stops its process tree.
 */
public final class RealCollector implements AutoCloseable {
  /** Under {@code service:}: no internal metrics endpoint, logs at info (for the ready line). */
  public static final String SERVICE_TELEMETRY_OFF = """
        telemetry:
          metrics:
            level: none
          logs:
            level: info
      """;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final RunningProcess process;

  private RealCollector(RunningProcess process) {
    this.process = process;
  }

  /** Starts {@code otelcol --config <config>} with {@code configYaml} written into {@code dir}. */
  public static RealCollector start(Path otelcol, Path dir, String configYaml)
      throws IOException, InterruptedException {
    Path config = dir.resolve("otelcol.yaml");
    Files.writeString(config, configYaml);
    CountDownLatch ready = new CountDownLatch(1);
    ProcessSpec spec = ProcessSpec.builder(List.of(otelcol.toString(), "--config", config.toString()))
        .setName("otelcol").setDirectory(dir)
        .setOutput(ProcessOutput.toFile(dir.resolve("otelcol.log")))
        .addLineListener(line -> {
          if (line.contains("Everything is ready")) {
            ready.countDown();
          }
        })
        .build();
    RunningProcess process = ProcessRunner.start(spec);
    boolean started = ready.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!started) {
      process.close();
    }
    assertThat(started).as("the reference collector started within %s:\n%s", START_TIMEOUT,
        String.join("\n", process.tail())).isTrue();
    return new RealCollector(process);
  }

  /** Every line it has written so far. */
  public List<String> log() {
    return process.tail();
  }

  /**
   * A TCP port free at the time of the call, chosen by verify's {@link Ports}: from below the
   * ephemeral range, so no outgoing connection of the busy machine takes it before the collector
   * binds it (a port 0 pick comes from that range).
   */
  public static int freePort() {
    try (Ports ports = new Ports()) {
      return ports.port("otelcol");
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.stop(Duration.ofSeconds(10));
    process.close();
  }
}
