import dev.otelboard.cli.loadgen.Payloads;
import dev.otelboard.collector.correlate.CorrelationIndex;
import dev.otelboard.collector.correlate.CorrelationReport;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.OtlpWire;
import dev.otelboard.collector.wire.SpanBatch;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The collector's per-item CPU cost without gRPC: the load generator's payloads are scanned and fed
 * to a 10M-span correlation index on one thread, and each phase's thread CPU time is measured
 * (robust to other tenants of the machine, unlike wall-clock throughput).
 *
 * <p>Run: bash bench/index-bench.sh [SECONDS] [parents|children] (measured seconds, after the
 * warm-up; span order within a trace: the load generator's parent first, or children first as real
 * SDKs export them, since a span is exported when it ends).
 */
public final class IndexBench {
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String order = args.length > 1 ? args[1] : "parents";
    if (!order.equals("parents") && !order.equals("children")) {
      System.err.println("index-bench: span order must be parents or children, not " + order);
      System.exit(2);
    }
    boolean childrenFirst = order.equals("children");
    Payloads p = new Payloads(512, "loadgen", "bench-1");
    // The request as sent: the payload's, or the same spans with each trace's root moved last.
    byte[] traces = childrenFirst ? rootsLast(p.traces) : p.traces;
    int[] traceIdOffsets = traceIdOffsets(traces);
    CorrelationIndex index = CorrelationIndex.builder()
        .setSpanCapacity(10_000_000)
        // A smaller log window (JAVA_OPTS=-Dindex.logCapacity=N) measures records settled early.
        .setLogCapacity(Integer.getInteger("index.logCapacity", CorrelationIndex.DEFAULT_LOG_CAPACITY))
        .build();
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
      p.renew(prefix);
      if (childrenFirst) {
        for (int offset : traceIdOffsets) {
          LONG_BE.set(traces, offset, prefix);
        }
      }
      prefix++;
      long t0 = mx.getCurrentThreadCpuTime();
      SpanBatch sb = OtlpWire.scanTraces(traces, 0, traces.length);
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
    System.out.printf("spans %d logs %d evicted %d correlated in-request %.4f orphans %d (%s first)%n",
        r.spans(), r.logs(), r.evictedSpans(), r.inRequestCorrelation(), r.orphanSpans(),
        childrenFirst ? "children" : "parents");
  }

  private static final java.lang.invoke.VarHandle LONG_BE =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

  /** The trace request with each trace's root span (the payload's first of the trace) moved last. */
  private static byte[] rootsLast(byte[] request) throws Exception {
    ExportTraceServiceRequest.Builder r = ExportTraceServiceRequest.parseFrom(request).toBuilder();
    for (var rs : r.getResourceSpansBuilderList()) {
      for (ScopeSpans.Builder ss : rs.getScopeSpansBuilderList()) {
        java.util.List<Span> out = new java.util.ArrayList<>();
        Span root = null;
        for (Span s : ss.getSpansList()) {
          if (s.getParentSpanId().isEmpty()) {
            // The payload's traces are contiguous: a root goes after its trace's last child.
            if (root != null) {
              out.add(root);
            }
            root = s;
          } else {
            out.add(s);
          }
        }
        if (root != null) {
          out.add(root);
        }
        ss.clearSpans().addAllSpans(out);
      }
    }
    return r.build().toByteArray();
  }

  /** Where the payload's trace ids start (its trace-id prefix is written there to renew them). */
  private static int[] traceIdOffsets(byte[] request) throws Exception {
    ExportTraceServiceRequest r = ExportTraceServiceRequest.parseFrom(request);
    byte[] first = r.getResourceSpans(0).getScopeSpans(0).getSpans(0).getTraceId().substring(0, 8).toByteArray();
    java.util.List<Integer> at = new java.util.ArrayList<>();
    for (int i = 0; i + 8 <= request.length; i++) {
      if (java.util.Arrays.equals(request, i, i + 8, first, 0, 8)) {
        at.add(i);
        i += 7;
      }
    }
    return at.stream().mapToInt(Integer::intValue).toArray();
  }
}
