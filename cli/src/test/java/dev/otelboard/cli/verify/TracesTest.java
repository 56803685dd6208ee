package dev.otelboard.cli.verify;

import static dev.otelboard.cli.verify.Telemetry.log;
import static dev.otelboard.cli.verify.Telemetry.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.verify.TraceView.LogView;
import dev.otelboard.cli.verify.TraceView.SpanView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracesTest {
  @Test
  void spansComeInTreeOrderWithDepthAndJoinedLogsUnderTheirSpan() {
    List<TraceView> traces = Traces.build(
        List.of(
            span("front", "t1", "c", "s", "GET", SpanKinds.CLIENT, 110, 190, Map.of()),
            span("back", "t1", "b", "c", "GET /b", SpanKinds.SERVER, 120, 180, Map.of()),
            span("front", "t1", "s", "", "GET /a", SpanKinds.SERVER, 100, 200, Map.of())),
        List.of(log("front", "t1", "s", 105, "a"), log("back", "t1", "b", 150, "b")));

    TraceView t = traces.get(0);
    assertThat(t.problems()).isEmpty();
    assertThat(t.services()).containsExactly("front", "back");
    assertThat(t.durationNanos()).isEqualTo(100);
    assertThat(t.spans()).extracting(SpanView::name, SpanView::depth, SpanView::offsetNanos)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET /a", 0, 0L),
            org.assertj.core.groups.Tuple.tuple("GET", 1, 10L),
            org.assertj.core.groups.Tuple.tuple("GET /b", 2, 20L));
    assertThat(t.spans().get(0).logs()).extracting(LogView::body, LogView::joined)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", true));
  }

  @Test
  void logsWithoutContextAreShownUnderTheServerSpanTheyWereWrittenInAndTheTraceComesFirst() {
    List<TraceView> traces = Traces.build(
        List.of(
            span("svc", "clean", "x", "", "GET /x", SpanKinds.SERVER, 0, 50, Map.of()),
            span("svc", "dirty", "s", "", "GET /a", SpanKinds.SERVER, 100, 200, Map.of()),
            span("svc", "dirty", "o", "gone", "work", SpanKinds.INTERNAL, 120, 130, Map.of()),
            span("svc", "dirty", "c", "s", "GET", SpanKinds.CLIENT, 140, 150, Map.of())),
        List.of(log("svc", "", "", 150, "lost"), log("svc", "", "", 500, "outside")));

    assertThat(traces).extracting(TraceView::traceId).containsExactly("dirty", "clean");
    TraceView dirty = traces.get(0);
    assertThat(dirty.problems()).containsExactly(
        "1 log record(s) written during a request without trace context",
        "1 span(s) whose parent never arrived",
        "1 CLIENT span(s) without a SERVER child");
    SpanView server = dirty.spans().stream().filter(s -> s.spanId().equals("s")).findFirst().orElseThrow();
    assertThat(server.logs()).extracting(LogView::body, LogView::joined)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("lost", false));
    assertThat(dirty.spans().stream().filter(SpanView::orphan)).extracting(SpanView::name).containsExactly("work");
  }
}
