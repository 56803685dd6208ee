package dev.otelboard.cli.verify;

import static dev.otelboard.cli.verify.Telemetry.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.verify.Verdict.SemconvFinding;
import dev.otelboard.collector.sink.CaptureSink.CapturedLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemconvCheckTest {
  private static final Map<String, String> GOOD_SERVER = Map.of(
      "http.request.method", "GET", "url.path", "/a", "url.scheme", "http",
      "http.response.status_code", "200", "server.address", "localhost");
  private static final Map<String, String> GOOD_CLIENT = Map.of(
      "http.request.method", "GET", "url.full", "http://x/a",
      "http.response.status_code", "200", "server.address", "x");

  @Test
  void stableHttpSpansHaveNoFindings() {
    List<SemconvFinding> findings = SemconvCheck.check(
        List.of(span("s", "t", "1", "", "GET /a", SpanKinds.SERVER, 0, 1, GOOD_SERVER),
            span("s", "t", "2", "1", "GET", SpanKinds.CLIENT, 0, 1, GOOD_CLIENT),
            span("s", "t", "3", "1", "work", SpanKinds.INTERNAL, 0, 1, Map.of("thread.name", "main"))),
        List.of());

    assertThat(findings).isEmpty();
  }

  @Test
  void oldHttpConventionsAreFlaggedWithTheirReplacementAndAnExample() {
    List<SemconvFinding> findings = SemconvCheck.check(
        List.of(span("s", "t", "1", "", "HTTP GET", SpanKinds.CLIENT, 0, 1,
            Map.of("http.method", "GET", "http.url", "http://x/a", "http.status_code", "200", "net.peer.name", "x"))),
        List.of());

    assertThat(findings).extracting(SemconvFinding::rule).containsExactly(
        "http-client-http.request.method", "http-client-http.response.status_code",
        "http-client-server.address", "http-client-url.full",
        "deprecated-http.method", "deprecated-http.status_code", "deprecated-http.url", "deprecated-net.peer.name");
    SemconvFinding method = findings.get(4);
    assertThat(method.severity()).isEqualTo("warning");
    assertThat(method.message()).contains("the stable name is http.request.method");
    assertThat(method.example().name()).isEqualTo("HTTP GET");
    assertThat(method.example().attributes()).containsEntry("http.url", "http://x/a");
  }

  @Test
  void serverSpansNeedPathAndSchemeAndShouldHaveServerAddress() {
    List<SemconvFinding> findings = SemconvCheck.check(
        List.of(span("s", "t", "1", "", "GET", SpanKinds.SERVER, 0, 1,
            Map.of("http.request.method", "GET", "error.type", "timeout"))),
        List.of());

    assertThat(findings).extracting(f -> f.severity() + " " + f.rule()).containsExactly(
        "error http-server-url.path", "error http-server-url.scheme", "warning http-server-server.address");
  }

  @Test
  void httpAttributesOnAnInternalSpanAreAKindFinding() {
    List<SemconvFinding> findings = SemconvCheck.check(
        List.of(span("s", "t", "1", "", "GET", SpanKinds.INTERNAL, 0, 1, Map.of("http.request.method", "GET"))),
        List.of());

    assertThat(findings).extracting(SemconvFinding::rule).containsExactly("http-span-kind");
  }

  @Test
  void logsWithoutSeverityOrBodyAreCounted() {
    List<SemconvFinding> findings = SemconvCheck.check(
        List.of(),
        List.of(
            new CapturedLog("s", "", "", "", 1, 0, "", "no severity", "l", Map.of()),
            new CapturedLog("s", "", "", "", 1, 0, "", null, "l", Map.of()),
            new CapturedLog("s", "", "", "", 1, 9, "INFO", "fine", "l", Map.of())));

    assertThat(findings).extracting(f -> f.rule() + " " + f.count() + "/" + f.checked())
        .containsExactly("log-severity 2/3", "log-body 1/3");
  }
}
