import dev.otelboard.cli.loadgen.Payloads;
import dev.otelboard.collector.correlate.CorrelationIndex;
import dev.otelboard.collector.correlate.CorrelationReport;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.OtlpWire;
import dev.otelboard.collector.wire.SpanBatch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The collector's per-item CPU cost without gRPC: the load generator's payloads are scanned and fed
 * to a 10M-span correlation index on one thread, and each phase's thread CPU time is measured
 * (robust to other tenants of the machine, unlike wall-clock throughput).
 *
 * <p>Run: bash bench/index-bench.sh [SECONDS] (measured seconds, after the warm-up).
 */
public final class IndexBench {
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Payloads p = new Payloads(512, "loadgen", "bench-1");
    CorrelationIndex index = CorrelationIndex.builder().setSpanCapacity(10_000_000).build();
    long[] cpu = new long[4];
    long spans = 0;
    long prefix = 1;
    long warmEnd = System.nanoTime() + 8_000_000_000L;
    boolean measuring = false;
    long wallStart = 0;
    long end = Long.MAX_VALUE;
    while (System.nanoTime() < end) {
      // Measure the steady state: JIT warm and the 10M-span window full, so every span evicts one.
      if (!measuring && System.nanoTime() >= warmEnd && prefix * p.spans > 12_000_000) {
        measuring = true;
        java.util.Arrays.fill(cpu, 0);
        spans = 0;
        wallStart = System.nanoTime();
        end = wallStart + seconds * 1_000_000_000L;
      }
      p.renew(prefix++);
      long t0 = mx.getCurrentThreadCpuTime();
      SpanBatch sb = OtlpWire.scanTraces(p.traces, 0, p.traces.length);
      long t1 = mx.getCurrentThreadCpuTime();
      index.addSpans(sb);
      long t2 = mx.getCurrentThreadCpuTime();
      LogBatch lb = OtlpWire.scanLogs(p.logs, 0, p.logs.length);
      long t3 = mx.getCurrentThreadCpuTime();
      index.addLogs(lb);
      long t4 = mx.getCurrentThreadCpuTime();
      cpu[0] += t1 - t0;
      cpu[1] += t2 - t1;
      cpu[2] += t3 - t2;
      cpu[3] += t4 - t3;
      spans += p.spans;
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    String[] names = {"scan traces", "index spans", "scan logs", "index logs (+settle)"};
    long total = 0;
    for (int i = 0; i < 4; i++) {
      total += cpu[i];
      System.out.printf("%-22s %7.1f ns/item%n", names[i], (double) cpu[i] / spans);
    }
    System.out.printf("%-22s %7.1f ns per span+log pair -> %.2f M pairs/s per core (CPU), %.2f M/s wall%n",
        "total", (double) total / spans, spans * 1e3 / total, spans / wall / 1e6);
    CorrelationReport r = index.report();
    System.out.printf("spans %d logs %d evicted %d correlated in-request %.4f%n",
        r.spans(), r.logs(), r.evictedSpans(), r.inRequestCorrelation());
  }
}
