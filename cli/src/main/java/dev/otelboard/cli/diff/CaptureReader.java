package dev.otelboard.cli.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.verify.CaptureMeta;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a captured run — one capture file, or a directory of them read as one run — into a {@link
 * RunSummary}, streaming: one line at a time, folded into counts per shape as it is read. A
 * capture is OTLP JSON lines ({@code otelboard verify --capture}, {@code otelboard collector
 * --output}, the OpenTelemetry Collector's file exporter); {@code .gz} files are read through
 * gzip. The {@code FILE.meta.json} sidecar, when present, tells the run's mode and plan.
 */
public final class CaptureReader {
  /** Capture files a directory is read for: {@code *.jsonl} and {@code *.jsonl.gz}. */
  static final List<String> SUFFIXES = List.of(".jsonl", ".jsonl.gz");

  private final int tableCapacity;

  private CaptureReader(Builder b) {
    this.tableCapacity = b.tableCapacity;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads several runs at once, one thread each (at most as many as there are processors), in the
   * order given; the first failure is thrown.
   */
  public List<RunSummary> readAll(List<Path> paths) throws InterruptedException {
    int threads = Math.max(1, Math.min(paths.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "otelboard-diff-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<RunSummary>> futures = new ArrayList<>();
      for (Path p : paths) {
        futures.add(pool.submit(() -> read(p)));
      }
      List<RunSummary> runs = new ArrayList<>();
      for (Future<RunSummary> f : futures) {
        try {
          runs.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return runs;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads the run at {@code path}.
   *
   * @throws OtelboardException exit 2 when the path does not exist; exit 3 ({@code file:line: what})
   *     for a line that is not an OTLP JSON export request, a truncated line, or a directory
   *     without capture files
   */
  public RunSummary read(Path path) {
    List<Path> files = files(path);
    RunAggregator run = new RunAggregator(tableCapacity);
    OtlpLineParser parser = new OtlpLineParser(run);
    String mode = "";
    String plan = "";
    for (Path file : files) {
      read(file, run, parser);
      JsonNode meta = meta(file);
      if (meta != null) {
        mode = mode.isEmpty() ? meta.path("mode").asText("") : mode;
        plan = plan.isEmpty() ? meta.path("plan").asText("") : plan;
      }
    }
    List<String> names = files.stream().map(Path::toString).toList();
    return run.finish(path.toString(), names, mode, plan);
  }

  private static List<Path> files(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new OtelboardException(ExitCode.USAGE, path + ": no such file or directory");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(path)) {
      list.filter(Files::isRegularFile)
          .filter(p -> SUFFIXES.stream().anyMatch(s -> p.getFileName().toString().endsWith(s)))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw OtelboardException.badInput(path, 0, "cannot list: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw OtelboardException.badInput(path, 0, "no capture files (*.jsonl, *.jsonl.gz) in this directory");
    }
    return files;
  }

  private static void read(Path file, RunAggregator run, OtlpLineParser parser) {
    try (LineReader lines = new LineReader(open(file))) {
      while (true) {
        try {
          if (!lines.next()) {
            break;
          }
        } catch (LineReader.LineTooLongException e) {
          throw OtelboardException.badInput(file, (int) lines.number() + 1, e.getMessage());
        }
        if (lines.blank()) {
          continue;
        }
        run.line();
        try {
          parser.parse(lines.bytes(), lines.offset(), lines.length(), !lines.endedWithNewline());
        } catch (OtlpLineParser.BadLineException e) {
          throw OtelboardException.badInput(file, (int) lines.number(), e.getMessage());
        }
      }
    } catch (IOException e) {
      throw OtelboardException.badInput(file, 0, "cannot read: " + e.getMessage());
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedInputStream(in, 1 << 16);
  }

  /** The sidecar of {@code file}, or null when there is none or it does not parse. */
  private static JsonNode meta(Path file) {
    Path sidecar = CaptureMeta.sidecar(file);
    if (!Files.isRegularFile(sidecar)) {
      return null;
    }
    try {
      return new ObjectMapper().readTree(sidecar.toFile());
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The table capacity when none is given: what lets two runs read at once keep their tables
   * (about 70 bytes an entry while the figures are computed) in half the heap, between 100,000
   * and {@value TraceTable#DEFAULT_CAPACITY}; 1.8 million entries in a 512 MiB heap.
   */
  public static int defaultTableCapacity() {
    long fit = Runtime.getRuntime().maxMemory() / 2 / 2 / 72;
    return (int) Math.max(100_000, Math.min(TraceTable.DEFAULT_CAPACITY, fit));
  }

  /** Options of a reader. */
  public static final class Builder {
    private int tableCapacity = defaultTableCapacity();

    Builder() {}

    /**
     * Spans plus log records with trace context whose ids are held for the propagation figures;
     * beyond that they are estimated from a sample of whole traces. Defaults to {@link
     * #defaultTableCapacity()}.
     */
    public Builder setTableCapacity(int entries) {
      if (entries < 2) {
        throw new IllegalArgumentException("table capacity must be at least 2: " + entries);
      }
      this.tableCapacity = entries;
      return this;
    }

    /** The reader. */
    public CaptureReader build() {
      return new CaptureReader(this);
    }
  }
}
