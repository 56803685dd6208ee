package dev.otelboard.cli.command;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.io.AtomicFiles;
import dev.otelboard.cli.report.CollectorReportJson;
import dev.otelboard.cli.report.CollectorReportText;
import dev.otelboard.cli.report.StatusLine;
import dev.otelboard.collector.CollectorReport;
import dev.otelboard.collector.correlate.CorrelationIndex;
import dev.otelboard.collector.EmbeddedCollector;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code otelboard collector}: runs the embedded OTLP collector until stopped. */
@Command(
    name = "collector",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the embedded OTLP collector: OTLP/gRPC and OTLP/HTTP receivers feeding a correlation"
          + " index, optionally an OTLP-JSON file and forwarders to real collectors (dual export).",
      "Runs until Ctrl-C/SIGTERM (or --duration), showing a live status line on a terminal; on"
          + " shutdown it drains the pipeline and prints the correlation report."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard collector                                   # 127.0.0.1:4317 (gRPC), :4318 (HTTP)",
      "  otelboard collector --grpc-port 0 --http-port 0       # free ports, printed on stderr",
      "  otelboard collector --output otlp.jsonl --forward localhost:14317 --report-json report.json",
      "  OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317 java -jar my-service.jar"
    })
final class CollectorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}). Anything but loopback needs --allow-remote.")
  String bind;

  @Option(
      names = "--allow-remote",
      description = "Allow --bind to a non-loopback address (the collector has no authentication).")
  boolean allowRemote;

  @Option(
      names = "--grpc-port",
      defaultValue = "4317",
      description = "OTLP/gRPC port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int grpcPort;

  @Option(
      names = "--http-port",
      defaultValue = "4318",
      description = "OTLP/HTTP port; 0 picks a free one, -1 turns HTTP off (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--max-memory",
      converter = ByteSizeConverter.class,
      description = "Bound on bytes accepted but not yet processed, e.g. 256m; beyond it clients get"
          + " retryable errors (default: 1/8 of the max heap, at most 512m).")
  Long maxMemory;

  @Option(
      names = "--span-window",
      defaultValue = "" + CorrelationIndex.DEFAULT_SPAN_CAPACITY,
      description = "Spans the correlation index keeps before evicting the oldest (default: ${DEFAULT-VALUE}).")
  int spanWindow;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Also write every request as OTLP JSON lines (the file exporter's format).")
  Path output;

  @Option(
      names = "--forward",
      paramLabel = "HOST:PORT",
      description = "Also re-export everything over OTLP/gRPC to this collector; repeatable.")
  List<String> forward = new ArrayList<>();

  @Option(
      names = "--report-json",
      paramLabel = "FILE",
      description = "Write the final report as JSON.")
  Path reportJson;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "Stop by itself after this many seconds (default: run until Ctrl-C/SIGTERM).")
  Long durationSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InetAddress address = bindAddress(err);
    EmbeddedCollector.Builder builder =
        EmbeddedCollector.builder()
            .setBindAddress(address)
            .setGrpcPort(grpcPort)
            .setHttpPort(httpPort)
            .setSpanWindow(spanWindow);
    if (maxMemory != null) {
      builder.setMaxMemoryBytes(maxMemory);
    }
    if (output != null) {
      builder.setOutputFile(output);
    }
    try {
      forward.forEach(builder::addForward);
    } catch (IllegalArgumentException e) {
      throw new OtelboardException(ExitCode.USAGE, "--forward: " + e.getMessage());
    }

    EmbeddedCollector collector;
    try {
      collector = builder.start();
    } catch (IOException e) {
      throw OtelboardException.environment(e.getMessage());
    }
    err.println(
        "otelboard collector: OTLP/gRPC on "
            + collector.bindHost() + ":" + collector.grpcPort()
            + (collector.httpPort() < 0 ? "" : ", OTLP/HTTP on " + collector.bindHost() + ":" + collector.httpPort())
            + (durationSeconds == null ? "; Ctrl-C to stop" : "; stopping after " + durationSeconds + " s"));
    err.flush();

    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                // Keep the JVM alive until the drained report is out.
                reported.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "otelboard-collector-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      StatusLine status = new StatusLine(collector, System.console() != null);
      long deadline =
          durationSeconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
      while (!stop.await(1, TimeUnit.SECONDS)) {
        status.tick(err);
        if (System.nanoTime() >= deadline) {
          break;
        }
      }
      status.clear(err);
      err.println("otelboard collector: draining...");
      err.flush();
      collector.close();
      CollectorReport report = collector.report();
      CollectorReportText.write(report, out);
      out.flush();
      if (reportJson != null) {
        AtomicFiles.write(reportJson, CollectorReportJson.toJson(report));
        err.println("otelboard collector: report written to " + reportJson);
      }
      if (report.unprocessedItems() > 0) {
        err.printf(
            Locale.ROOT,
            "otelboard collector: %,d accepted items were not judged (drain timed out)%n",
            report.unprocessedItems());
        return ExitCode.CHECK_FAILED;
      }
      return ExitCode.OK;
    } finally {
      collector.close();
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook is running: it returns as soon as `reported` is counted down.
      }
    }
  }

  private InetAddress bindAddress(PrintWriter err) {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new OtelboardException(ExitCode.USAGE, "--bind: unknown address '" + bind + "'");
    }
    if (!address.isLoopbackAddress()) {
      if (!allowRemote) {
        throw new OtelboardException(
            ExitCode.USAGE,
            "--bind " + bind + " is not a loopback address; add --allow-remote if you mean to"
                + " accept telemetry from other hosts (there is no authentication)");
      }
      err.println(
          "otelboard collector: WARNING: listening on " + bind
              + ", reachable from other hosts, without authentication");
    }
    return address;
  }
}
