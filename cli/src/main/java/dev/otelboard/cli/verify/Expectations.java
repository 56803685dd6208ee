package dev.otelboard.cli.verify;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the verdict holds a run to, and what it knows about the run to explain failures.
 *
 * @param expectedServices services the run started; each must send spans
 * @param serviceDirectories each expected service's directory, for hints that look at its sources
 * @param thresholds each expected service's thresholds
 * @param otherThresholds thresholds for services that showed up without being expected
 * @param servicePorts ports otelboard chose, by the service that owns them, to name the callee of
 *     a CLIENT span
 * @param agent whether the javaagent was attached
 * @param outputLines output lines each process wrote, by service name
 * @param notes things the run observed that limit the figures (kills, early exits)
 */
record Expectations(
    List<String> expectedServices,
    Map<String, Path> serviceDirectories,
    Map<String, Thresholds> thresholds,
    Thresholds otherThresholds,
    Map<Integer, String> servicePorts,
    boolean agent,
    Map<String, Long> outputLines,
    List<String> notes) {

  Expectations {
    expectedServices = List.copyOf(expectedServices);
    serviceDirectories = Map.copyOf(serviceDirectories);
    thresholds = Map.copyOf(thresholds);
    requireNonNull(otherThresholds, "otherThresholds");
    servicePorts = Map.copyOf(servicePorts);
    outputLines = Map.copyOf(outputLines);
    notes = List.copyOf(notes);
  }

  Thresholds thresholdsOf(String service) {
    return thresholds.getOrDefault(service, otherThresholds);
  }

  /**
   * The limits one service is held to.
   *
   * @param minLogCorrelation lowest acceptable in-request log correlation
   * @param maxOrphanSpans most orphan spans allowed
   * @param source where they came from, for the report
   */
  record Thresholds(double minLogCorrelation, int maxOrphanSpans, String source) {}
}
