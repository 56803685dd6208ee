package dev.otelboard.cli.verify.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in service for verify tests: exports through the real OpenTelemetry SDK, configured only
 * by the OTEL_* environment that verify sets (autoconfigure), like a real onboarded service.
 *
 * <pre>
 * scenario mixed|clean   emit a known set of spans and logs, flush, exit 0
 * http-to-grpc           an OTLP/HTTP exporter built by hand against $OTEL_EXPORTER_OTLP_ENDPOINT
 *                        (verify's gRPC endpoint): the mistake of an app that hard-codes its exporter
 * scenario clients-only  no SERVER span: 3 CLIENT spans to a database (db.system.name h2), 2 to
 *                        Kafka (messaging.system), one log inside each, flush, exit 0
 * server                 HTTP on $PORT: /health, /work (SERVER span, logs; calls $DOWNSTREAM_URL/work
 *                        with traceparent when set; one log on a bare thread when $LOSE_CONTEXT=true)
 * drive URL N            N GETs of URL, no telemetry
 * exit N                 print a line, exit with N
 * hang                   print a line, never exit (SIGTERM still ends it)
 * stubborn               print a line, ignore SIGTERM, never exit
 * </pre>
 */
public final class FakeService {
  private FakeService() {}

  public static void main(String[] argv) throws Exception {
    // Tests add a "marker=..." argument to find their processes; it means nothing here.
    String[] args = java.util.Arrays.stream(argv).filter(a -> !a.startsWith("marker=")).toArray(String[]::new);
    switch (args[0]) {
      case "scenario" -> scenario(args[1]);
      case "server" -> server();
      case "http-to-grpc" -> httpToGrpc();
      case "drive" -> drive(args[1], Integer.parseInt(args[2]));
      case "exit" -> {
        System.out.println("fake: failing on purpose with " + args[1]);
        System.exit(Integer.parseInt(args[1]));
      }
      case "hang" -> {
        System.out.println("fake: hanging");
        System.out.flush();
        new CountDownLatch(1).await();
      }
      case "stubborn" -> {
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> System.out.println("fake: ignoring SIGTERM"));
        System.out.println("fake: stubborn");
        System.out.flush();
        new CountDownLatch(1).await();
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void httpToGrpc() {
    io.opentelemetry.sdk.trace.SdkTracerProvider tracing =
        io.opentelemetry.sdk.trace.SdkTracerProvider.builder()
            .addSpanProcessor(io.opentelemetry.sdk.trace.export.SimpleSpanProcessor.create(
                io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter.builder()
                    .setEndpoint(System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT") + "/v1/traces")
                    .build()))
            .build();
    tracing.get("fake").spanBuilder("GET /lost").setSpanKind(SpanKind.SERVER).startSpan().end();
    tracing.shutdown().join(10, TimeUnit.SECONDS);
    System.out.println("fake: http-to-grpc done");
  }

  private static OpenTelemetrySdk sdk() {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
  }

  /**
   * Starts a span stamped with the wall clock that log records are stamped with. The SDK's own
   * span times are an anchor (a wall-clock read, then a monotonic read) plus monotonic time; a
   * thread preempted between the anchor's two reads gets an end time earlier than the real one,
   * and a log written at the end of the request then falls outside its SERVER span, making the
   * tests' in-request counts depend on scheduling.
   */
  private static Span start(SpanBuilder builder) {
    return builder.setStartTimestamp(Instant.now()).startSpan();
  }

  /** Ends {@code span} at the current wall-clock time; see {@link #start}. */
  private static void end(Span span) {
    span.end(Instant.now());
  }

  /**
   * mixed: 2 SERVER spans "GET /orders", each with 2 joined logs and 1 log without context during
   * the request (logger com.example.Worker); 1 CLIENT span "GET" with deprecated http.method and
   * no url.full, without SERVER child; 1 INTERNAL span whose parent never arrives; 2 logs outside
   * requests (one without severity). clean: 1 SERVER span with 2 joined logs.
   */
  private static void scenario(String name) throws InterruptedException {
    OpenTelemetrySdk sdk = sdk();
    Tracer tracer = sdk.getTracer("fake");
    Logger handler = sdk.getLogsBridge().get("com.example.Handler");
    Logger worker = sdk.getLogsBridge().get("com.example.Worker");
    if (name.equals("clients-only")) {
      for (int i = 0; i < 5; i++) {
        Span client = i < 3
            ? tracer.spanBuilder("SELECT orders").setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system.name", "h2").setAttribute("db.operation.name", "SELECT")
                .startSpan()
            : tracer.spanBuilder("orders publish").setSpanKind(SpanKind.CLIENT)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send").startSpan();
        try (Scope ignored = client.makeCurrent()) {
          handler.logRecordBuilder().setSeverity(Severity.INFO).setBody("call " + i).emit();
        } finally {
          client.end();
        }
      }
      sdk.shutdown().join(10, TimeUnit.SECONDS);
      System.out.println("fake: scenario " + name + " done");
      return;
    }
    int requests = name.equals("clean") ? 1 : 2;
    if (name.equals("mixed")) {
      handler.logRecordBuilder().setSeverity(Severity.INFO).setBody("starting up").emit();
      handler.logRecordBuilder().setBody("no severity here").emit();
      Thread.sleep(5);
    }
    for (int i = 0; i < requests; i++) {
      Span server =
          start(tracer.spanBuilder("GET /orders")
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("http.request.method", "GET")
              .setAttribute("url.path", "/orders")
              .setAttribute("url.scheme", "http")
              .setAttribute("server.address", "localhost")
              .setAttribute("http.response.status_code", 200L));
      try (Scope ignored = server.makeCurrent()) {
        handler.logRecordBuilder().setSeverity(Severity.INFO).setBody("order " + i + " received").emit();
        if (name.equals("mixed")) {
          worker.logRecordBuilder().setContext(Context.root()).setSeverity(Severity.INFO)
              .setBody("reserved stock").emit();
          if (i == 0) {
            Span client = tracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.method", "GET")
                .setAttribute("http.request.method", "GET")
                .setAttribute("server.address", "payments.example")
                .setAttribute("server.port", 443L)
                .setAttribute("http.response.status_code", 200L)
                .startSpan();
            client.end();
          }
        }
        handler.logRecordBuilder().setSeverity(Severity.INFO).setBody("order " + i + " done").emit();
        Thread.sleep(5);
      } finally {
        end(server);
      }
      Thread.sleep(5);
    }
    if (name.equals("mixed")) {
      SpanContext lost =
          SpanContext.createFromRemoteParent(
              "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault());
      tracer.spanBuilder("orphan-work").setParent(Context.root().with(Span.wrap(lost))).startSpan().end();
    }
    sdk.shutdown().join(10, TimeUnit.SECONDS);
    System.out.println("fake: scenario " + name + " done");
  }

  private static final TextMapGetter<HttpExchange> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpExchange carrier) {
          return carrier.getRequestHeaders().keySet();
        }

        @Override
        public String get(HttpExchange carrier, String key) {
          return carrier == null ? null : carrier.getRequestHeaders().getFirst(key);
        }
      };

  private static void server() throws Exception {
    OpenTelemetrySdk sdk = sdk();
    Tracer tracer = sdk.getTracer("fake");
    Logger log = sdk.getLogsBridge().get("com.example.Handler");
    Logger bare = sdk.getLogsBridge().get("com.example.BareThread");
    String downstream = System.getenv("DOWNSTREAM_URL");
    boolean loseContext = "true".equals(System.getenv("LOSE_CONTEXT"));
    HttpClient client = HttpClient.newHttpClient();
    int port = Integer.parseInt(System.getenv("PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    server.createContext("/health", ex -> respond(ex, 200, "ok"));
    server.createContext("/work", ex -> {
      Context parent = sdk.getPropagators().getTextMapPropagator().extract(Context.root(), ex, HEADERS);
      Span span = start(tracer.spanBuilder("GET /work").setParent(parent).setSpanKind(SpanKind.SERVER)
          .setAttribute("http.request.method", "GET")
          .setAttribute("url.path", "/work")
          .setAttribute("url.scheme", "http")
          .setAttribute("server.address", "127.0.0.1")
          .setAttribute("http.response.status_code", 200L));
      try (Scope ignored = span.makeCurrent()) {
        log.logRecordBuilder().setSeverity(Severity.INFO).setBody("working").emit();
        if (loseContext) {
          Thread t = new Thread(() -> bare.logRecordBuilder().setSeverity(Severity.WARN)
              .setBody("on a bare thread").emit());
          t.start();
          t.join();
        }
        if (downstream != null) {
          call(sdk, tracer, client, downstream + "/work");
        }
        respond(ex, 200, "done");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        end(span);
      }
    });
    // The response goes out before the handler ends its SERVER span, so the client (verify's
    // driver) may be done, and verify's SIGTERM here, before that span ended. Like a real server's
    // graceful shutdown: stop accepting, let in-flight handlers finish, then flush telemetry.
    // (stop(0): on JDK 17 a longer delay is always waited out in full.)
    ExecutorService handlers = Executors.newFixedThreadPool(4);
    server.setExecutor(handlers);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop(0);
      handlers.shutdown();
      try {
        handlers.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      sdk.shutdown().join(10, TimeUnit.SECONDS);
    }));
    server.start();
    System.out.println("fake: listening on " + port);
    System.out.flush();
    new CountDownLatch(1).await();
  }

  private static void call(OpenTelemetry otel, Tracer tracer, HttpClient client, String url) {
    URI uri = URI.create(url);
    Span span = tracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.full", url)
        .setAttribute("server.address", uri.getHost())
        .setAttribute("server.port", (long) uri.getPort())
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
      otel.getPropagators().getTextMapPropagator().inject(Context.current(), request, HttpRequest.Builder::header);
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      span.setAttribute("http.response.status_code", (long) response.statusCode());
    } catch (IOException | InterruptedException e) {
      span.setAttribute("error.type", e.getClass().getName());
    } finally {
      span.end();
    }
  }

  private static void drive(String url, int n) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < n; i++) {
      HttpResponse<String> r =
          client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        System.out.println("fake driver: HTTP " + r.statusCode());
        System.exit(2);
      }
    }
    System.out.println("fake driver: sent " + n + " requests");
  }

  private static void respond(HttpExchange ex, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String classpath;

  /**
   * The command that runs this class: its own class files copied to a private directory, then
   * the jars of the test class path. Other builds sharing the work tree may recompile
   * target/test-classes while a test runs; the copy keeps the fake service loadable meanwhile.
   */
  public static List<String> command(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath(), FakeService.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private static synchronized String classpath() {
    if (classpath != null) {
      return classpath;
    }
    String original = System.getProperty("surefire.test.class.path");
    if (original == null || original.isBlank()) {
      original = System.getProperty("java.class.path");
    }
    try {
      java.nio.file.Path root =
          java.nio.file.Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String pkg = FakeService.class.getPackageName().replace('.', '/');
      java.nio.file.Path copy = java.nio.file.Files.createTempDirectory("otelboard-fake-service");
      java.nio.file.Path target = java.nio.file.Files.createDirectories(copy.resolve(pkg));
      try (java.util.stream.Stream<java.nio.file.Path> classes = java.nio.file.Files.list(root.resolve(pkg))) {
        for (java.nio.file.Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
          java.nio.file.Files.copy(c, target.resolve(c.getFileName()));
        }
      }
      StringBuilder cp = new StringBuilder(copy.toString());
      for (String entry : original.split(java.io.File.pathSeparator)) {
        if (entry.endsWith(".jar")) {
          cp.append(java.io.File.pathSeparator).append(entry);
        }
      }
      classpath = cp.toString();
    } catch (IOException | java.net.URISyntaxException e) {
      classpath = original;
    }
    return classpath;
  }
}
