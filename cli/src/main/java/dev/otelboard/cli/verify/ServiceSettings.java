package dev.otelboard.cli.verify;

import dev.otelboard.cli.config.OtelboardConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a service's own {@code otelboard.yaml} says, when it has one: its service name, how it is
 * instrumented, its verify thresholds. A file that doesn't parse fails the run with exit 3.
 *
 * @param config the parsed file, or empty when the directory has none
 */
record ServiceSettings(Optional<OtelboardConfig> config) {

  static ServiceSettings of(Path dir) {
    Path file = dir.resolve(OtelboardConfig.FILE_NAME);
    return new ServiceSettings(
        Files.isRegularFile(file) ? Optional.of(OtelboardConfig.load(file)) : Optional.empty());
  }

  /** The service name from the file, else the directory's name. */
  String serviceName(Path dir) {
    return config
        .map(OtelboardConfig::serviceName)
        .orElseGet(() -> dir.toAbsolutePath().normalize().getFileName() == null
            ? "service"
            : dir.toAbsolutePath().normalize().getFileName().toString());
  }

  /**
   * The OTLP protocol the service can export with: http/protobuf for services onboarded by
   * otelboard in SDK mode (the generated bootstrap exports with the JDK HTTP sender, which has no
   * gRPC), otherwise {@code fallback}.
   */
  String protocol(String fallback) {
    return config.filter(c -> c.mode() == OtelboardConfig.Mode.SDK).isPresent() ? "http/protobuf" : fallback;
  }

  /** The thresholds of the file, else the defaults. */
  OtelboardConfig.Verify thresholds() {
    return config.map(OtelboardConfig::verify).orElseGet(OtelboardConfig.Verify::defaults);
  }
}
