package dev.otelboard.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Prints otelboard's version and the OpenTelemetry versions its rewrites target. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    Properties p = versions();
    return new String[] {
      "otelboard " + p.getProperty("otelboard.version"),
      "  OpenTelemetry SDK/BOM (opentelemetry-bom)        " + p.getProperty("opentelemetry.version"),
      "  OpenTelemetry instrumentation (bom / bom-alpha)  "
          + p.getProperty("opentelemetry-instrumentation.version")
          + " / "
          + p.getProperty("opentelemetry-instrumentation.version")
          + "-alpha",
      "  OTLP protocol (opentelemetry-proto)              " + p.getProperty("opentelemetry-proto.version"),
      "  grpc-java                                        " + p.getProperty("grpc.version"),
      "  Java runtime                                     " + Runtime.version()
    };
  }

  /** The versions stamped into the jar at build time. */
  static Properties versions() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/otelboard/cli/version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties missing from the otelboard jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
