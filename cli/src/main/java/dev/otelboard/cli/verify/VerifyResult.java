package dev.otelboard.cli.verify;

import dev.otelboard.collector.correlate.CorrelationReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a verify run produced.
 *
 * @param verdict the verdict
 * @param traces the captured traces, those with problems first, for the HTML report
 * @param correlation the collector's figures the verdict was made from
 * @param ports the ports otelboard chose, by placeholder name
 * @param workloadFailure why the run itself failed after its workload ran (the command exited
 *     non-zero, a service died meanwhile): exit 4 after the verdict is shown
 */
public record VerifyResult(
    Verdict verdict,
    List<TraceView> traces,
    CorrelationReport correlation,
    Map<String, Integer> ports,
    Optional<String> workloadFailure) {

  /** Copies the collections. */
  public VerifyResult {
    traces = List.copyOf(traces);
    ports = Map.copyOf(ports);
  }
}
