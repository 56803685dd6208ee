package dev.otelboard.cli.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Scan speed: generates a synthetic repo (default 2,000 Java files) in a temp directory, scans it
 * three times in one JVM and prints files/s for the first (cold) scan and the best one. Not a
 * test: run it with {@code bench/scan/run.sh [FILES] [THREADS]} (see docs/scan.md).
 */
public final class ScanBenchmark {
  private ScanBenchmark() {}

  /** {@code [files] [threads]}. */
  public static void main(String[] args) throws IOException {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : RepoScanner.DEFAULT_THREADS;
    Path root = Files.createTempDirectory("otelboard-scan-bench");
    try {
      SyntheticRepo.write(root, files);
      RepoScanner scanner = RepoScanner.builder().setThreads(threads).build();
      double best = 0;
      double first = 0;
      int findings = 0;
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      double firstPerCpuSecond = 0;
      for (int run = 1; run <= 3; run++) {
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        ScanResult result = scanner.scan(root);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double rate = result.stats().javaFiles() / seconds;
        findings = result.findings().size();
        System.err.printf(Locale.ROOT, "run %d: %d Java files, %d findings in %.2f s (%.2f CPU s):"
                + " %.0f files/s, %.0f files per CPU second%n",
            run, result.stats().javaFiles(), findings, seconds, cpuSeconds, rate,
            result.stats().javaFiles() / cpuSeconds);
        if (run == 1) {
          firstPerCpuSecond = result.stats().javaFiles() / cpuSeconds;
        }
        if (run == 1) {
          first = rate;
        }
        best = Math.max(best, rate);
      }
      System.out.printf(Locale.ROOT, "files: %d threads: %d cold_files_per_s: %.0f "
          + "best_files_per_s: %.0f cold_files_per_cpu_s: %.0f findings: %d%n", files, threads,
          first, best, firstPerCpuSecond, findings);
    } finally {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
