package dev.otelboard.cli.verify;

import dev.otelboard.cli.verify.TraceView.LogView;
import dev.otelboard.cli.verify.TraceView.SpanView;
import dev.otelboard.collector.sink.CaptureSink.CapturedLog;
import dev.otelboard.collector.sink.CaptureSink.CapturedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link TraceView}s from captured spans and log records. */
final class Traces {
  private static final int LOOK_BACK = 256;

  private Traces() {}

  /**
   * All traces of {@code spans}: those with problems first, then those crossing more services,
   * then by start time.
   *
   * @param spans captured spans
   * @param logs captured log records
   */
  static List<TraceView> build(List<CapturedSpan> spans, List<CapturedLog> logs) {
    Map<String, List<CapturedSpan>> byTrace = new LinkedHashMap<>();
    for (CapturedSpan s : spans) {
      byTrace.computeIfAbsent(s.traceId(), t -> new ArrayList<>()).add(s);
    }
    Map<String, List<CapturedLog>> joined = new HashMap<>();
    List<CapturedLog> unjoined = new ArrayList<>();
    for (CapturedLog l : logs) {
      if (!l.traceId().isEmpty() && !l.spanId().isEmpty()) {
        joined.computeIfAbsent(l.traceId() + "/" + l.spanId(), k -> new ArrayList<>()).add(l);
      } else {
        unjoined.add(l);
      }
    }
    Map<String, List<CapturedLog>> duringRequest = assignByTime(spans, unjoined);

    List<TraceView> traces = new ArrayList<>();
    for (Map.Entry<String, List<CapturedSpan>> e : byTrace.entrySet()) {
      traces.add(trace(e.getKey(), e.getValue(), joined, duringRequest));
    }
    traces.sort(
        Comparator.comparing((TraceView t) -> t.problems().isEmpty() ? 1 : 0)
            .thenComparing(Comparator.comparingInt((TraceView t) -> t.services().size()).reversed())
            .thenComparingLong(TraceView::startNanos)
            .thenComparing(TraceView::traceId));
    return traces;
  }

  /** Log records without trace context, keyed by the SERVER/CONSUMER span they were written in. */
  private static Map<String, List<CapturedLog>> assignByTime(
      List<CapturedSpan> spans, List<CapturedLog> unjoined) {
    Map<String, List<CapturedSpan>> servers = new HashMap<>();
    for (CapturedSpan s : spans) {
      if (s.kind() == SpanKinds.SERVER || s.kind() == SpanKinds.CONSUMER) {
        servers.computeIfAbsent(s.service() + "\u0000" + s.serviceInstance(), k -> new ArrayList<>()).add(s);
      }
    }
    servers.values().forEach(l -> l.sort(Comparator.comparingLong(CapturedSpan::startNanos)));
    Map<String, List<CapturedLog>> out = new HashMap<>();
    for (CapturedLog l : unjoined) {
      List<CapturedSpan> candidates = servers.get(l.service() + "\u0000" + l.serviceInstance());
      if (candidates == null) {
        continue;
      }
      int hi = upperBound(candidates, l.timeNanos());
      for (int i = hi - 1; i >= 0 && i >= hi - LOOK_BACK; i--) {
        CapturedSpan s = candidates.get(i);
        if (s.endNanos() >= l.timeNanos()) {
          out.computeIfAbsent(s.traceId() + "/" + s.spanId(), k -> new ArrayList<>()).add(l);
          break;
        }
      }
    }
    return out;
  }

  /** Index of the first span starting after {@code time}. */
  private static int upperBound(List<CapturedSpan> sorted, long time) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).startNanos() <= time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static TraceView trace(
      String traceId,
      List<CapturedSpan> spans,
      Map<String, List<CapturedLog>> joined,
      Map<String, List<CapturedLog>> duringRequest) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    Set<String> ids = new HashSet<>();
    Set<String> services = new LinkedHashSet<>();
    Map<String, List<CapturedSpan>> children = new HashMap<>();
    for (CapturedSpan s : spans) {
      start = Math.min(start, s.startNanos());
      end = Math.max(end, s.endNanos());
      ids.add(s.spanId());
      services.add(s.service());
    }
    List<CapturedSpan> roots = new ArrayList<>();
    for (CapturedSpan s : spans) {
      if (s.parentSpanId().isEmpty() || !ids.contains(s.parentSpanId())) {
        roots.add(s);
      } else {
        children.computeIfAbsent(s.parentSpanId(), k -> new ArrayList<>()).add(s);
      }
    }
    Comparator<CapturedSpan> byStart = Comparator.comparingLong(CapturedSpan::startNanos);
    roots.sort(byStart);
    children.values().forEach(l -> l.sort(byStart));

    List<SpanView> views = new ArrayList<>();
    int orphans = 0;
    int missing = 0;
    int notJoined = 0;
    Set<String> visited = new HashSet<>();
    List<Object[]> stack = new ArrayList<>();
    for (int i = roots.size() - 1; i >= 0; i--) {
      stack.add(new Object[] {roots.get(i), 0});
    }
    while (!stack.isEmpty()) {
      Object[] top = stack.remove(stack.size() - 1);
      CapturedSpan s = (CapturedSpan) top[0];
      int depth = (Integer) top[1];
      if (!visited.add(s.spanId())) {
        continue;
      }
      List<CapturedSpan> kids = children.getOrDefault(s.spanId(), List.of());
      boolean orphan = !s.parentSpanId().isEmpty() && !ids.contains(s.parentSpanId());
      boolean missingServer =
          s.kind() == SpanKinds.CLIENT && kids.stream().noneMatch(k -> k.kind() == SpanKinds.SERVER);
      List<LogView> logs = new ArrayList<>();
      for (CapturedLog l : joined.getOrDefault(traceId + "/" + s.spanId(), List.of())) {
        logs.add(log(l, start, true));
      }
      for (CapturedLog l : duringRequest.getOrDefault(traceId + "/" + s.spanId(), List.of())) {
        logs.add(log(l, start, false));
        notJoined++;
      }
      logs.sort(Comparator.comparingLong(LogView::offsetNanos));
      orphans += orphan ? 1 : 0;
      missing += missingServer ? 1 : 0;
      views.add(
          new SpanView(
              s.spanId(),
              s.parentSpanId(),
              s.service(),
              s.name(),
              SpanKinds.name(s.kind()),
              s.startNanos() - start,
              Math.max(0, s.endNanos() - s.startNanos()),
              depth,
              s.statusCode() == 2,
              orphan,
              missingServer,
              s.attributes(),
              logs));
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.add(new Object[] {kids.get(i), depth + 1});
      }
    }
    List<String> problems = new ArrayList<>();
    if (notJoined > 0) {
      problems.add(notJoined + " log record(s) written during a request without trace context");
    }
    if (orphans > 0) {
      problems.add(orphans + " span(s) whose parent never arrived");
    }
    if (missing > 0) {
      problems.add(missing + " CLIENT span(s) without a SERVER child");
    }
    return new TraceView(
        traceId, start, Math.max(0, end - start), new ArrayList<>(services), views, problems);
  }

  private static LogView log(CapturedLog l, long traceStart, boolean joined) {
    String severity = l.severityText() != null && !l.severityText().isEmpty()
        ? l.severityText()
        : severityName(l.severityNumber());
    return new LogView(
        l.timeNanos() - traceStart,
        severity,
        l.body() == null ? "" : l.body(),
        joined,
        l.scope(),
        l.attributes().getOrDefault("thread.name", ""));
  }

  static String severityName(int number) {
    if (number <= 0) {
      return "";
    }
    String[] names = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
    return names[Math.min(5, (number - 1) / 4)];
  }
}
