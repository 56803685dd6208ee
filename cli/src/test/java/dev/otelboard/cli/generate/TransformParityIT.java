package dev.otelboard.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.fleet.FleetReader;
import dev.otelboard.cli.interop.OtlpSamples;
import dev.otelboard.cli.interop.OtlpSamples.LogRecordOf;
import dev.otelboard.cli.interop.OtlpSamples.SpanRecord;
import dev.otelboard.cli.interop.RealCollector;
import dev.otelboard.cli.interop.ReferenceTools;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.processor.FilterProcessor;
import dev.otelboard.collector.processor.OttlProcessors;
import dev.otelboard.collector.processor.Processor;
import dev.otelboard.collector.processor.TransformProcessor;
import dev.otelboard.collector.receiver.OtlpGrpcReceiver;
import dev.otelboard.collector.wire.LogBatch;
import dev.otelboard.collector.wire.OtlpWire;
import dev.otelboard.collector.wire.SpanBatch;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The rules {@code otelboard generate transform} writes, run by the reference collector 0.158.0
 * (its filter and transform processors, output through its file exporter) and by otelboard's
 * sandbox on the same OTLP requests: the records that come out must be the same, field by field
 * (resource, scope and every field of each span and log record). The input exercises every kind of
 * generated rule: health-check filters, resource defaults, trace context lifted from JSON bodies,
 * from attributes and from plain text, redaction (delete and SHA256), and custom statements.
 */
@Tag("integration")
class TransformParityIT {
  private static final String SENTINEL = "zz-sentinel";
  /** The README's functions (named arguments, enums) beside the generated rules. */
  private static final String SANDBOX_FUNCTIONS = "ottl/sandbox-functions.yaml";
  /** Every editor and the converters the sandbox runs, with function and named arguments. */
  private static final String SANDBOX_CONVERTERS = "ottl/sandbox-converters.yaml";
  private static final Duration ARRIVAL = Duration.ofSeconds(30);
  private static final long T0 = 1_767_225_600_000_000_000L;

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fleet-three.yaml", "../../../../../examples/otelboard-fleet.yaml",
      SANDBOX_FUNCTIONS, SANDBOX_CONVERTERS})
  void generatedRulesGiveTheSameRecordsInTheRealCollectorAndInTheSandbox(String fleetFile)
      throws Exception {
    Path otelcol = ReferenceTools.otelcol();
    boolean generated = !fleetFile.startsWith("ottl/");
    String transformYaml = generated ? new TransformGenerator(Fixtures.VERSION)
        .generate(FleetReader.read(Fixtures.resource(fleetFile))).text()
        : java.nio.file.Files.readString(Path.of("src/test/resources", fleetFile));
    Map<String, Object> processors = CollectorConfigChecker.map(CollectorConfigChecker.map(
        LocatedYaml.parse(Path.of("transform.yaml"), transformYaml).root()).get("processors"));

    List<ExportTraceServiceRequest> traces = new ArrayList<>();
    List<ExportLogsServiceRequest> logs = new ArrayList<>();
    for (String service : List.of("checkout-service", "inventory-service", "payments-service",
        "other-service")) {
      traces.add(traces(service));
      logs.add(logs(service));
    }

    // The sandbox.
    List<Processor> sandbox = OttlProcessors.fromProcessorsBlock(processors);
    List<ExportTraceServiceRequest> sandboxTraces = new ArrayList<>();
    List<ExportLogsServiceRequest> sandboxLogs = new ArrayList<>();
    // the sentinels too, so that both count the same runtime errors (their records are not compared)
    for (ExportTraceServiceRequest r : withSentinel(traces, traces(SENTINEL))) {
      byte[] bytes = r.toByteArray();
      SpanBatch scanned = OtlpWire.scanTraces(bytes, 0, bytes.length);
      Batch out = run(sandbox, new Batch(Signal.TRACES, bytes, scanned, null, scanned.count()));
      if (out != null) {
        sandboxTraces.add(OtlpSamples.parseTraces(out.payload()));
      }
    }
    for (ExportLogsServiceRequest r : withSentinel(logs, logs(SENTINEL))) {
      byte[] bytes = r.toByteArray();
      LogBatch scanned = OtlpWire.scanLogs(bytes, 0, bytes.length);
      Batch out = run(sandbox, new Batch(Signal.LOGS, bytes, null, scanned, scanned.count()));
      if (out != null) {
        sandboxLogs.add(OtlpSamples.parseLogs(out.payload()));
      }
    }
    long sandboxErrors = 0;
    for (Processor p : sandbox) {
      if (p instanceof TransformProcessor t) {
        assertThat(t.unsupported()).as("%s: statements the sandbox does not run", t.name()).isEmpty();
        sandboxErrors += t.errors();
      } else if (p instanceof FilterProcessor f) {
        assertThat(f.unsupported()).as("%s: conditions the sandbox does not run", f.name()).isEmpty();
        sandboxErrors += f.errors();
      }
    }

    // The reference collector, the same processors in the same order as the sandbox's.
    Path tracesFile = tmp.resolve("traces.pb");
    Path logsFile = tmp.resolve("logs.pb");
    List<String> ids = sandbox.stream().map(Processor::name).toList();
    int port = RealCollector.freePort();
    Map<String, Object> config = new TreeMap<>();
    config.put("receivers", Map.of("otlp", Map.of("protocols", Map.of("grpc",
        Map.of("endpoint", "127.0.0.1:" + port)))));
    config.put("processors", processors);
    config.put("exporters", Map.of(
        "file/traces", Map.of("path", tracesFile.toString(), "format", "proto", "flush_interval", "100ms"),
        "file/logs", Map.of("path", logsFile.toString(), "format", "proto", "flush_interval", "100ms")));
    config.put("service", Map.of("pipelines", Map.of(
        "traces", Map.of("receivers", List.of("otlp"), "processors", ids.stream()
            .filter(id -> hasRules(processors, id, "trace")).toList(),
            "exporters", List.of("file/traces")),
        "logs", Map.of("receivers", List.of("otlp"), "processors", ids.stream()
            .filter(id -> hasRules(processors, id, "log")).toList(),
            "exporters", List.of("file/logs")))));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    // every failed statement logged: zap samples repeats of one message after the first 10
    String yaml = new Yaml(options).dump(config).replaceFirst("\nservice:\n",
        "\nservice:\n" + RealCollector.SERVICE_TELEMETRY_OFF + "      sampling:\n"
            + "        enabled: false\n");

    List<ExportTraceServiceRequest> realTraces;
    List<ExportLogsServiceRequest> realLogs;
    List<String> realLog;
    try (RealCollector real = RealCollector.start(otelcol, tmp, yaml)) {
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      try {
        for (ExportTraceServiceRequest r : traces) {
          export(channel, Signal.TRACES, r.toByteArray());
        }
        export(channel, Signal.TRACES, traces(SENTINEL).toByteArray());
        for (ExportLogsServiceRequest r : logs) {
          export(channel, Signal.LOGS, r.toByteArray());
        }
        export(channel, Signal.LOGS, logs(SENTINEL).toByteArray());
      } finally {
        channel.shutdownNow();
      }
      await("the sentinel requests, sent last, were written").atMost(ARRIVAL)
          .pollInterval(Duration.ofMillis(100)).until(() ->
              OtlpSamples.spans(fileTraces(tracesFile)).stream().anyMatch(s -> isSentinel(s.resource()))
                  && OtlpSamples.logs(fileLogs(logsFile)).stream().anyMatch(l -> isSentinel(l.resource())));
      realTraces = fileTraces(tracesFile);
      realLogs = fileLogs(logsFile);
    }
    // all of it (RealCollector writes it there), not the process's tail of the last lines
    realLog = java.nio.file.Files.readAllLines(tmp.resolve("otelcol.log"));

    List<SpanRecord> realSpans = OtlpSamples.spans(realTraces).stream()
        .filter(s -> !isSentinel(s.resource())).map(OtlpSamples::canonical).toList();
    List<LogRecordOf> realLogRecords = OtlpSamples.logs(realLogs).stream()
        .filter(l -> !isSentinel(l.resource())).map(OtlpSamples::canonical).toList();
    assertThat(realSpans).as("the rules changed or dropped something")
        .isNotEqualTo(OtlpSamples.spans(traces).stream().map(OtlpSamples::canonical).toList());
    if (generated) {
      assertThat(realLogRecords.stream().filter(l -> !l.log().getTraceId().isEmpty()).count())
          .as("log records with a trace id: the rules lifted some")
          .isGreaterThan(OtlpSamples.logs(logs).stream().filter(l -> !l.log().getTraceId().isEmpty()).count());
    }
    assertThat(OtlpSamples.difference(OtlpSamples.spans(sandboxTraces).stream()
        .filter(s -> !isSentinel(s.resource())).map(OtlpSamples::canonical).toList(), realSpans,
        "the sandbox", "the reference collector")).as("spans").isEmpty();
    assertThat(OtlpSamples.difference(OtlpSamples.logs(sandboxLogs).stream()
        .filter(l -> !isSentinel(l.resource())).map(OtlpSamples::canonical).toList(),
        realLogRecords, "the sandbox",
        "the reference collector")).as("log records").isEmpty();
    System.err.printf("transform parity %s: %d spans, %d log records (%d attributes) the same in"
        + " the sandbox and otelcol 0.158.0; %d statement failures in each%n", fleetFile,
        realSpans.size(), realLogRecords.size(), realLogRecords.stream()
            .mapToInt(l -> l.log().getAttributesCount()).sum(), sandboxErrors);
    if (System.getProperty("otelboard.showRecord") != null && !realLogRecords.isEmpty()) {
      System.err.println(realLogRecords.get(0).log());
      sandbox.stream().filter(p -> p instanceof TransformProcessor).forEach(p ->
          System.err.println("sandbox errors: " + ((TransformProcessor) p).errorsByStatement()));
      Map<String, Long> real = new TreeMap<>();
      realLog.stream().filter(l -> l.contains("failed to execute statement")).forEach(l ->
          real.merge(l.replaceAll(".*\"statement\": \"", "").replaceAll("\"}$", ""), 1L,
              Long::sum));
      System.err.println("otelcol errors: " + real);
    }
    // error_mode: ignore -- both count a failed statement and go on (the collector logs a warning).
    assertThat(sandboxErrors).as("statements that failed at run time, sandbox %s vs reference"
        + " collector %s", sandbox.stream().flatMap(p -> p.runtimeProblems().stream()).toList(),
        realLog.stream().filter(l -> l.contains("failed to execute statement")).toList())
        .isEqualTo(realLog.stream().filter(l -> l.contains("failed to execute statement")).count());
  }

  private static <T> List<T> withSentinel(List<T> requests, T sentinel) {
    List<T> out = new ArrayList<>(requests);
    out.add(sentinel);
    return out;
  }

  private static boolean hasRules(Map<String, Object> processors, String id, String signal) {
    Map<String, Object> p = CollectorConfigChecker.map(processors.get(id));
    return p.containsKey(signal + "_statements") || p.containsKey(signal + "_conditions");
  }

  private static boolean isSentinel(Resource resource) {
    return resource.getAttributesList().stream().anyMatch(kv -> kv.getKey().equals("service.name")
        && kv.getValue().getStringValue().equals(SENTINEL));
  }

  private static Batch run(List<Processor> processors, Batch batch) {
    Batch current = batch;
    for (Processor p : processors) {
      if (current == null) {
        return null;
      }
      current = p.process(current);
    }
    return current;
  }

  private static void export(ManagedChannel channel, Signal signal, byte[] body) {
    ClientCalls.blockingUnaryCall(channel, OtlpGrpcReceiver.exportMethod(signal),
        CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), body);
  }

  private static List<ExportTraceServiceRequest> fileTraces(Path file) throws Exception {
    return OtlpSamples.protoFile(file).stream().map(OtlpSamples::parseTraces).toList();
  }

  private static List<ExportLogsServiceRequest> fileLogs(Path file) throws Exception {
    return OtlpSamples.protoFile(file).stream().map(OtlpSamples::parseLogs).toList();
  }

  // ---- input: what the generated rules look at ----------------------------------------------

  private static Resource resource(String service, boolean withNamespace) {
    Resource.Builder r = Resource.newBuilder().addAttributes(kv("service.name", string(service)))
        .addAttributes(kv("cloud.region", string("eu-west-1")));
    if (withNamespace) {
      r.addAttributes(kv("service.namespace", string("team-a")));
    }
    return r.build();
  }

  private static ExportTraceServiceRequest traces(String service) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    String[][] paths = {{"url.path", "/healthz"}, {"url.path", "/health"}, {"http.route", "/readyz"},
        {"http.target", "/health?probe=1"}, {"url.path", "/orders"}, {"http.route", "/orders/{id}"}};
    for (int i = 0; i < paths.length; i++) {
      long start = T0 + i * 1_000_000L;
      scope.addSpans(Span.newBuilder().setTraceId(id(16, i + 1)).setSpanId(id(8, i + 1))
          .setName("GET " + paths[i][1]).setStartTimeUnixNano(start).setEndTimeUnixNano(start + 500)
          .setKind(i % 2 == 0 ? Span.SpanKind.SPAN_KIND_SERVER : Span.SpanKind.SPAN_KIND_INTERNAL)
          .addAttributes(kv(paths[i][0], string(paths[i][1])))
          .addAttributes(kv("card.number", string("4111111111111111")))
          .addAttributes(kv("http.request.header.authorization", string("Bearer x")))
          .addAttributes(kv("enduser.id", i == 3 ? AnyValue.newBuilder().setIntValue(42).build()
              : string("user-" + i)))
          .addAttributes(kv("http.response.status_code", AnyValue.newBuilder().setIntValue(200 + i * 60).build())));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().setResource(resource(service, false)).addScopeSpans(scope))
        .addResourceSpans(ResourceSpans.newBuilder().setResource(resource(service, true))
            .addScopeSpans(ScopeSpans.newBuilder().addSpans(Span.newBuilder().setTraceId(id(16, 99))
                .setSpanId(id(8, 99)).setName("namespaced").setKind(Span.SpanKind.SPAN_KIND_SERVER))))
        .build();
  }

  private static ExportLogsServiceRequest logs(String service) {
    String traceId = HexFormat.of().formatHex(id(16, 7).toByteArray());
    String spanId = HexFormat.of().formatHex(id(8, 7).toByteArray());
    List<LogRecord.Builder> records = new ArrayList<>();
    records.add(body(string("{\"level\":\"INFO\",\"message\":\"order placed\",\"traceId\":\"" + traceId
        + "\",\"spanId\":\"" + spanId + "\",\"count\":3,\"ratio\":0.5,\"ok\":true,\"nested\":{\"a\":[1,\"x\"]}}")));
    records.add(body(string("  {\"trace_id\":\"" + traceId + "\",\"span_id\":\"" + spanId + "\"}")));
    records.add(body(string("INFO c.e.Checkout - paid traceId=" + traceId + " spanId=" + spanId)));
    records.add(body(string("WARN trace_id: \"" + traceId + "\" span_id: '" + spanId + "'")));
    records.add(body(string("no ids here")).addAttributes(kv("trace_id", string(traceId)))
        .addAttributes(kv("span_id", string(spanId))));
    records.add(body(string("short ids")).addAttributes(kv("traceId", string("abc")))
        .addAttributes(kv("spanId", string(spanId))));
    records.add(body(AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
        .addValues(kv("traceId", string(traceId)))).build()));
    records.add(body(string("{\"broken json")));
    records.add(body(string("health")).addAttributes(kv("url.path", string("/healthz"))));
    records.add(body(string("health")).addAttributes(kv("http.target", string("/health"))));
    records.add(body(string("error")).addAttributes(kv("level", string("error")))
        .addAttributes(kv("card.number", string("4111"))).addAttributes(kv("enduser.id", string("u-1")))
        .addAttributes(kv("http.request.header.authorization", string("Basic y"))));
    records.add(body(string("with context")).setTraceId(id(16, 8)).setSpanId(id(8, 8))
        .addAttributes(kv("traceId", string(traceId))));
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (int i = 0; i < records.size(); i++) {
      scope.addLogRecords(records.get(i).setTimeUnixNano(T0 + i).setSeverityText("INFO"));
    }
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
        .setResource(resource(service, false)).addScopeLogs(scope)).build();
  }

  private static LogRecord.Builder body(AnyValue body) {
    return LogRecord.newBuilder().setBody(body);
  }

  private static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  private static AnyValue string(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }

  private static ByteString id(int bytes, int n) {
    ByteBuffer b = ByteBuffer.allocate(bytes);
    if (bytes == 16) {
      b.putLong(0x0af7651916cd43ddL).putLong(0x8448eb211c80319cL + n);
    } else {
      b.putLong(0xb7ad6b7169203331L + n);
    }
    return ByteString.copyFrom(b.array());
  }
}
