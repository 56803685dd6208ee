package dev.otelboard.cli.diff;

import static dev.otelboard.cli.diff.Capture.id;
import static dev.otelboard.cli.diff.Capture.log;
import static dev.otelboard.cli.diff.Capture.span;
import static dev.otelboard.cli.diff.Capture.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.diff.RunSummary.GroupSummary;
import dev.otelboard.cli.diff.RunSummary.ServiceSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureReaderTest {
  @TempDir Path temp;
  private final CaptureReader reader = CaptureReader.builder().build();

  private RunSummary read(Capture c) throws IOException {
    return reader.read(c.write(temp.resolve("run.jsonl")));
  }

  private OtelboardException badInput(String content) throws IOException {
    Path file = temp.resolve("bad.jsonl");
    Files.writeString(file, content);
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> reader.read(file));
    assertThat(t).isInstanceOf(OtelboardException.class);
    OtelboardException e = (OtelboardException) t;
    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    return e;
  }

  @Test
  void spansAreGroupedPerServiceWithPropagationFigures() throws IOException {
    RunSummary run = read(new Capture()
        .spans("checkout",
            span(trace(1), id(1), "", "POST /checkout", 2, "http.request.method", "POST", "url.path", "/checkout"),
            span(trace(1), id(2), id(1), "POST", 3, "http.request.method", "POST", "url.full", "http://inv/reserve"))
        .spans("inventory",
            span(trace(1), id(3), id(2), "POST /reserve", 2, "http.request.method", "POST", "url.path", "/reserve"),
            span(trace(1), id(4), id(99), "lookup", 1))
        .logs("checkout", "com.example.Checkout", log(trace(1), id(1), "order ord-1 placed"), log("", "", "started")));

    assertThat(run.info().spans()).isEqualTo(4);
    assertThat(run.info().logs()).isEqualTo(2);
    assertThat(run.info().lines()).isEqualTo(3);
    ServiceSummary inventory = run.service("inventory");
    assertThat(inventory.traces()).isEqualTo(1);
    assertThat(inventory.crossServiceTraces()).isEqualTo(1);
    assertThat(inventory.orphanSpans()).isEqualTo(1);
    GroupSummary reserve = inventory.group(new GroupKey("SERVER", "POST /reserve", "POST", "", "", "", ""));
    assertThat(reserve.count()).isEqualTo(1);
    assertThat(reserve.remoteParents()).isEqualTo(1);
    assertThat(reserve.attributes()).containsEntry("url.path", 1L);
    ServiceSummary checkout = run.service("checkout");
    assertThat(checkout.logsWithContext()).isEqualTo(1);
    assertThat(checkout.logsJoined()).isEqualTo(1);
    assertThat(checkout.logger("com.example.Checkout").templates())
        .containsEntry("order {} placed", 1L).containsEntry("started", 1L);
  }

  @Test
  void notJsonIsBadInputWithFileAndLine() throws IOException {
    OtelboardException e = badInput(new Capture().spans("a", span(trace(1), id(1), "", "x", 1)).line("hello world")
        .spans("a", span(trace(2), id(2), "", "x", 1)).text());

    assertThat(e.getMessage()).startsWith(temp.resolve("bad.jsonl") + ":2: not JSON: ");
  }

  @Test
  void jsonThatIsNotAnOtlpRequestIsBadInput() throws IOException {
    assertThat(badInput("{\"verdict\":\"PASS\",\"services\":[]}\n").getMessage())
        .endsWith("bad.jsonl:1: not OTLP JSON: the object has no resourceSpans, resourceLogs or resourceMetrics");
    assertThat(badInput("[1,2,3]\n").getMessage())
        .endsWith("bad.jsonl:1: not OTLP JSON: a line must be one JSON object, an OTLP export request");
    assertThat(badInput("{\"resourceSpans\":{}}\n").getMessage())
        .endsWith("bad.jsonl:1: not OTLP JSON: resourceSpans must be an array");
    assertThat(badInput("{\"resourceSpans\":[]} {}\n").getMessage())
        .endsWith("bad.jsonl:1: not OTLP JSON: more than one JSON value on the line");
  }

  @Test
  void aTruncatedLastLineIsNamed() throws IOException {
    String good = "{\"resourceSpans\":[]}\n";
    String cut = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.na";

    assertThat(badInput(good + good + cut).getMessage())
        .endsWith("bad.jsonl:3: truncated line: the file ends inside a JSON value (was the capture cut off?)");
    assertThat(badInput(good + cut + "\n" + good).getMessage())
        .endsWith("bad.jsonl:2: truncated line: it ends inside a JSON value");
  }

  @Test
  void idsThatAreNeitherHexNorBase64AreBadInput() throws IOException {
    assertThat(badInput(new Capture().spans("a", span("xyz", id(1), "", "x", 1)).text()).getMessage())
        .endsWith("bad.jsonl:1: traceId is neither 32 hex digits nor base64: \"xyz\"");
  }

  @Test
  void aMissingPathIsAUsageError() {
    assertThatThrownBy(() -> reader.read(temp.resolve("nope.jsonl")))
        .isInstanceOfSatisfying(OtelboardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageEndingWith("nope.jsonl: no such file or directory");
  }

  @Test
  void aDirectoryIsOneRunOfAllItsCaptureFiles() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("run"));
    new Capture().spans("a", span(trace(1), id(1), "", "x", 1)).write(dir.resolve("1.jsonl"));
    new Capture().spans("a", span(trace(1), id(2), id(1), "y", 1)).write(dir.resolve("2.jsonl"));
    Files.writeString(dir.resolve("verdict.json"), "{\"not\":\"a capture\"}");
    Files.writeString(dir.resolve("1.jsonl.meta.json"), "{\"mode\":\"agent\",\"plan\":\"/p/verify.yaml\"}");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("3.jsonl.gz")))) {
      out.write(new Capture().spans("a", span(trace(2), id(3), "", "z", 1)).text().getBytes(StandardCharsets.UTF_8));
    }

    RunSummary run = reader.read(dir);

    assertThat(run.info().files()).hasSize(3);
    assertThat(run.info().spans()).isEqualTo(3);
    assertThat(run.info().mode()).isEqualTo("agent");
    assertThat(run.info().plan()).isEqualTo("/p/verify.yaml");
    assertThat(run.service("a").orphanSpans()).as("spans join across the files of a run").isZero();
  }

  @Test
  void aDirectoryWithoutCapturesIsBadInput() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("empty"));

    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOfSatisfying(OtelboardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageContaining("no capture files");
  }

  @Test
  void otherEncodingsOfOtlpJsonAreRead() throws IOException {
    // snake_case names, enum names, base64 ids (protobuf's own JSON), the resource after the spans,
    // a metrics request, and blank lines.
    String line = "{\"resource_spans\":[{\"scope_spans\":[{\"scope\":{\"name\":\"s\"},\"spans\":[{"
        + "\"trace_id\":\"AAAAAAAAAAAAAAAAAAAAAQ==\",\"span_id\":\"AAAAAAAAAAE=\",\"name\":\"GET /a/1\","
        + "\"kind\":\"SPAN_KIND_SERVER\",\"status\":{\"code\":\"STATUS_CODE_ERROR\"}}]}],"
        + "\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"svc\"}}]}}]}";

    RunSummary run = read(new Capture().line(line).line("").line("{\"resourceMetrics\":[]}"));

    assertThat(run.info().metricLines()).isEqualTo(1);
    GroupSummary g = run.service("svc").groups().get(0);
    assertThat(g.key().label()).isEqualTo("SERVER GET /a/{id}");
    assertThat(g.errors()).isEqualTo(1);
  }

  @Test
  void escapedAndNonAsciiStringsAreDecoded() throws IOException {
    String line = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
        + "\"value\":{\"stringValue\":\"caf\u00e9-\\u00e9\"}}]},\"scopeLogs\":[{\"scope\":{\"name\":\"a.B\"},"
        + "\"logRecords\":[{\"body\":{\"stringValue\":\"say \\\"hi\\\"\\n\\ud83d\\ude00 to ord-7\"}}]}]}]}";

    RunSummary run = read(new Capture().line(line));

    assertThat(run.services()).extracting(ServiceSummary::name).containsExactly("caf\u00e9-\u00e9");
    assertThat(run.services().get(0).logger("a.B").templates()).containsOnlyKeys("say \"hi\" \ud83d\ude00 to {}");
  }

  @Test
  void theLineReaderFindsEveryLineAcrossBufferBoundaries() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      text.append("x".repeat(i % 37)).append(i % 5 == 0 ? "\r\n" : "\n");
    }
    text.append("last");
    LineReader lines = new LineReader(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 16);
    int n = 0;
    while (lines.next()) {
      String line = new String(lines.bytes(), lines.offset(), lines.length(), StandardCharsets.UTF_8);
      assertThat(line).isEqualTo(n < 500 ? "x".repeat(n % 37) : "last");
      assertThat(lines.endedWithNewline()).isEqualTo(n < 500);
      n++;
    }
    assertThat(n).isEqualTo(501);
    assertThat(lines.number()).isEqualTo(501);
  }

  @Test
  void aSmallTableSamplesWholeTracesAndEstimates() throws IOException {
    Capture c = new Capture();
    for (int t = 0; t < 2000; t++) {
      c.spans("front", span(trace(t), id(2 * t), "", "GET /x", 2, "http.request.method", "GET", "url.path", "/x"));
      c.spans("back", span(trace(t), id(2 * t + 1), id(2 * t), "GET /y", 2, "http.request.method", "GET", "url.path", "/y"));
    }
    RunSummary run = CaptureReader.builder().setTableCapacity(1000).build().read(c.write(temp.resolve("big.jsonl")));

    assertThat(run.info().sampledShare()).isLessThan(1);
    GroupSummary back = run.service("back").groups().get(0);
    assertThat(back.count()).isEqualTo(2000);
    assertThat(back.sampled()).isLessThan(1000).isPositive();
    assertThat(back.remoteParents()).as("whole traces are kept: no child without its parent").isEqualTo(back.sampled());
    assertThat(run.service("back").orphanSpans()).isZero();
    assertThat(run.service("back").crossServiceShare()).isEqualTo(1.0);
  }
}
