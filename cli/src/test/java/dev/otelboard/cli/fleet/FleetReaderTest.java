package dev.otelboard.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.otelboard.cli.fleet.Fleet.Mode;
import dev.otelboard.cli.fleet.Fleet.Protocol;
import dev.otelboard.cli.fleet.Fleet.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading otelboard-fleet.yaml and a service's otelboard.yaml. */
class FleetReaderTest {
  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private List<String> problems(String text) throws IOException {
    Path file = write("fleet.yaml", text);
    return catchThrowableOfType(FleetException.class, () -> FleetReader.read(file)).problems()
        .stream().map(p -> p.substring(file.toString().length() + 1)).toList();
  }

  @Test
  void theShippedExampleFleetReads() {
    Fleet fleet = FleetReader.read(Path.of("../examples/otelboard-fleet.yaml"));

    assertThat(fleet.services()).extracting(Service::name)
        .containsExactly("checkout-service", "inventory-service");
    assertThat(fleet.datadog().apiKey()).isEqualTo(new Fleet.SecretRef("datadog", "api-key"));
    assertThat(fleet.backends()).singleElement()
        .satisfies(b -> assertThat(b.exporterId()).isEqualTo("otlp_grpc/tempo"));
  }

  @Test
  void aMinimalFleetGetsTheDefaults() throws IOException {
    Fleet fleet = FleetReader.read(write("fleet.yaml", "services:\n  - name: orders\n"));

    assertThat(fleet.name()).isEqualTo("fleet");
    assertThat(fleet.collector().imageRepository()).isEqualTo(FleetReader.DEFAULT_IMAGE);
    assertThat(fleet.collector().resources()).isEqualTo(FleetReader.DEFAULT_RESOURCES);
    assertThat(fleet.datadog()).isEqualTo(new Fleet.Datadog("datadoghq.com",
        FleetReader.DEFAULT_DD_SECRET, true));
    Service orders = fleet.services().get(0);
    assertThat(orders.mode()).isEqualTo(Mode.SDK);
    assertThat(orders.logs().liftTraceContext()).isTrue();
    assertThat(orders.logs().traceIdKeys()).containsExactly("trace_id", "traceId");
    assertThat(orders.logs().parseJsonBody()).isFalse();
  }

  @Test
  void servicesAndBackendsAreSortedByName() throws IOException {
    Fleet fleet = FleetReader.read(write("fleet.yaml", """
        exporters:
          - {name: zeta, endpoint: "z:4317"}
          - {name: alpha, protocol: otlphttp, endpoint: "https://a:4318"}
        services:
          - name: web
          - name: api
        """));

    assertThat(fleet.services()).extracting(Service::name).containsExactly("api", "web");
    assertThat(fleet.backends()).extracting(Fleet.Backend::exporterId)
        .containsExactly("otlp_http/alpha", "otlp_grpc/zeta");
    assertThat(fleet.backends().get(0).protocol()).isEqualTo(Protocol.OTLPHTTP);
  }

  @Test
  void everyProblemIsReportedWithLineAndKeyPath() throws IOException {
    List<String> problems = problems("""
        name: shop
        colector: {}
        datadog:
          site: datadoghq.org
        exporters:
          - name: Jaeger
            endpoint: jaeger:4317
            endpointSecret: {name: jaeger, key: url}
          - name: vendor
            headers:
              authorization: {value: "Bearer abc123def456ghi789jkl"}
        services:
          - name: checkout
          - name: checkout
            mode: sidecar
            healthCheckPaths: [health]
        """);

    assertThat(problems).containsExactlyInAnyOrder(
        "2: colector: unknown key (did you mean collector?); known: collector, datadog, exporters, name, services",
        "4: datadog.site: unknown Datadog site \"datadoghq.org\"; one of ap1.datadoghq.com, ap2.datadoghq.com, datadoghq.com, datadoghq.eu, ddog-gov.com, us3.datadoghq.com, us5.datadoghq.com",
        "6: exporters[0].name: a name of lower-case letters, digits, '-' or '_' is required",
        "6: exporters[0]: give exactly one of endpoint or endpointSecret",
        "9: exporters[1]: give exactly one of endpoint or endpointSecret",
        "11: exporters[1].headers.authorization.value: header authorization carries a credential; never inline it: use secret: {name: ..., key: ...}",
        "14: services[1].name: service checkout is listed twice",
        "15: services[1].mode: must be sdk or agent",
        "16: services[1].healthCheckPaths[0]: a URL path starting with '/' is expected");
  }

  @Test
  void anInlinedDatadogKeyIsRefused() throws IOException {
    assertThat(problems("datadog:\n  apiKey: 0123456789abcdef0123456789abcdef\nservices: [{name: a}]\n"))
        .singleElement().asString().startsWith("2: datadog.apiKey: never put the API key in a file");
  }

  @Test
  void invalidExtraStatementsAreReportedWithPathAndColumn() throws IOException {
    assertThat(problems("""
        services:
          - name: checkout
            statements:
              logs:
                - set(log.attributes["a"], "b")
                - set(log.atributes["a"], "b")
        """)).containsExactly("6: services[0].statements.logs[1]: column 9: segment \"atributes\" from path \"log.atributes[...]\" is not a valid path for the log context; did you mean attributes?");
  }

  @Test
  void yamlSyntaxErrorsNameTheLine() throws IOException {
    Path file = write("fleet.yaml", "services:\n  - name: a\n   bad: [\n");

    assertThat(catchThrowableOfType(dev.otelboard.cli.OtelboardException.class,
        () -> FleetReader.read(file)).getMessage()).startsWith(file + ":").contains("not valid YAML");
  }

  @Test
  void aServiceDirectoryIsAFleetOfOneWithDetectedSettings() throws IOException {
    Path dir = tmp.resolve("checkout-service");
    write("checkout-service/otelboard.yaml", """
        service_name: checkout
        mode: agent
        verify:
          min_log_correlation: 0.99
        generate:
          namespace: shop
          datadog: {site: datadoghq.eu}
          redact: {delete: [password]}
        """);
    write("checkout-service/src/main/resources/logback.xml",
        "<configuration><appender><encoder class=\"net.logstash.logback.encoder.LogstashEncoder\"/></appender></configuration>");
    write("checkout-service/src/main/java/shop/App.java",
        "class App { void m(Server s) { s.createContext(\"/healthz\", h); s.createContext(\"/orders\", o); } }");

    Fleet fleet = FleetReader.readService(dir);

    assertThat(fleet.source()).isNull();
    assertThat(fleet.datadog().site()).isEqualTo("datadoghq.eu");
    Service s = fleet.services().get(0);
    assertThat(s.name()).isEqualTo("checkout");
    assertThat(s.namespace()).isEqualTo("shop");
    assertThat(s.mode()).isEqualTo(Mode.AGENT);
    assertThat(s.logs().parseJsonBody()).as("JSON encoder detected").isTrue();
    assertThat(s.healthCheckPaths()).containsExactly("/healthz");
    assertThat(s.redactKeys()).containsExactly("password");
  }

  @Test
  void aFleetEntryWithAPathOverridesTheServicesOwnConfig() throws IOException {
    write("svc/otelboard.yaml", "service_name: billing\ngenerate: {healthCheckPaths: [/ping]}\n");
    Fleet fleet = FleetReader.read(write("fleet.yaml", """
        services:
          - path: svc
            environment: production
        """));

    Service s = fleet.services().get(0);
    assertThat(s.name()).isEqualTo("billing");
    assertThat(s.environment()).isEqualTo("production");
    assertThat(s.healthCheckPaths()).containsExactly("/ping");
    assertThat(s.directory()).isEqualTo(tmp.resolve("svc").toAbsolutePath().normalize());
  }
}
