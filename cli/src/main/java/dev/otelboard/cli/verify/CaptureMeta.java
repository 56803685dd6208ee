package dev.otelboard.cli.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

/**
 * The sidecar of a capture file, {@code FILE.meta.json}: what run produced the telemetry in
 * {@code FILE} (plan or command, agent or code mode, services and how each was instrumented,
 * otelboard's and OpenTelemetry's versions). It lives beside the capture so that the capture stays
 * pure OTLP JSON lines, readable by anything that reads the collector's file exporter format.
 */
public final class CaptureMeta {
  /** The {@code format} value of the sidecar, {@value}. */
  public static final String FORMAT = "otelboard-capture-meta/1";
  /** Appended to a capture file's name to name its sidecar, {@value}. */
  public static final String SUFFIX = ".meta.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CaptureMeta() {}

  /** The sidecar of {@code capture}. */
  public static Path sidecar(Path capture) {
    return capture.resolveSibling(capture.getFileName() + SUFFIX);
  }

  /**
   * Writes the sidecar of {@code capture} atomically.
   *
   * @param agentJar the javaagent every instrumented process got, or null in code mode
   * @param lines OTLP JSON lines the capture holds
   */
  static void write(
      Path capture,
      VerifyPlan plan,
      Map<String, ServiceSettings> settings,
      Path agentJar,
      Instant started,
      Instant finished,
      long lines)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("capture", capture.getFileName().toString());
    root.put("mode", agentJar != null ? "agent" : "code");
    if (plan.source() != null) {
      root.put("plan", plan.source().toAbsolutePath().normalize().toString());
    } else {
      plan.workload().ifPresent(w -> {
        ArrayNode command = root.putArray("command");
        w.command().forEach(command::add);
      });
    }
    if (agentJar != null) {
      root.put("agentJar", agentJar.toAbsolutePath().toString());
    }
    ArrayNode services = root.putArray("services");
    plan.serviceDirectories().forEach((name, dir) -> {
      ObjectNode s = services.addObject();
      s.put("name", name);
      s.put("dir", dir.toAbsolutePath().normalize().toString());
      ServiceSettings own = settings.get(name);
      // How the service was instrumented in this run: the agent wins, else otelboard.yaml's mode.
      String instrumented = agentJar != null ? "agent"
          : own == null || own.config().isEmpty() ? "as-built"
          : own.config().get().mode() == OtelboardConfig.Mode.SDK ? "sdk" : "as-built";
      s.put("instrumentation", instrumented);
    });
    root.put("startedAt", started.toString());
    root.put("finishedAt", finished.toString());
    root.put("lines", lines);
    ObjectNode versions = root.putObject("versions");
    Properties p = versions();
    versions.put("otelboard", p.getProperty("otelboard.version"));
    versions.put("opentelemetrySdk", p.getProperty("opentelemetry.version"));
    versions.put("opentelemetryInstrumentation", p.getProperty("opentelemetry-instrumentation.version"));
    versions.put("otlp", p.getProperty("opentelemetry-proto.version"));
    if (agentJar != null) {
      versions.put("javaagent", agentJar.getFileName().toString());
    }
    AtomicFiles.write(sidecar(capture), JSON.writeValueAsString(root) + "\n");
  }

  private static Properties versions() {
    Properties p = new Properties();
    try (InputStream in = CaptureMeta.class.getResourceAsStream("/dev/otelboard/cli/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
