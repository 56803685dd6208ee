package dev.otelboard.collector.correlate;

import java.util.Arrays;

/**
 * What settled log records added up to: per instance (in-request, correlated) and per message
 * template (uncorrelated). The index keeps one for settled records; a report copies it and adds the
 * records still waiting.
 */
final class LogFigures {
  long[] inRequest = new long[16];
  long[] correlatedInRequest = new long[16];
  long[] correlated = new long[16];
  long[] uncorrelated = new long[16];
  long[] uncorrelatedInRequest = new long[16];
  long totalInRequest;
  long totalCorrelatedInRequest;

  void count(int instance, int template, boolean inReq, boolean corr) {
    if (instance >= inRequest.length) {
      int n = Math.max(instance + 1, inRequest.length * 2);
      inRequest = Arrays.copyOf(inRequest, n);
      correlatedInRequest = Arrays.copyOf(correlatedInRequest, n);
      correlated = Arrays.copyOf(correlated, n);
    }
    if (inReq) {
      inRequest[instance]++;
      totalInRequest++;
    }
    if (corr) {
      correlated[instance]++;
      if (inReq) {
        correlatedInRequest[instance]++;
        totalCorrelatedInRequest++;
      }
      return;
    }
    if (template >= uncorrelated.length) {
      int n = Math.max(template + 1, uncorrelated.length * 2);
      uncorrelated = Arrays.copyOf(uncorrelated, n);
      uncorrelatedInRequest = Arrays.copyOf(uncorrelatedInRequest, n);
    }
    uncorrelated[template]++;
    if (inReq) {
      uncorrelatedInRequest[template]++;
    }
  }

  /** A copy with room for {@code instances} and {@code templates} entries. */
  LogFigures copy(int instances, int templates) {
    LogFigures c = new LogFigures();
    int ni = Math.max(instances, inRequest.length);
    int nt = Math.max(templates, uncorrelated.length);
    c.inRequest = Arrays.copyOf(inRequest, ni);
    c.correlatedInRequest = Arrays.copyOf(correlatedInRequest, ni);
    c.correlated = Arrays.copyOf(correlated, ni);
    c.uncorrelated = Arrays.copyOf(uncorrelated, nt);
    c.uncorrelatedInRequest = Arrays.copyOf(uncorrelatedInRequest, nt);
    c.totalInRequest = totalInRequest;
    c.totalCorrelatedInRequest = totalCorrelatedInRequest;
    return c;
  }

  long bytes() {
    return 8L * (3L * inRequest.length + 2L * uncorrelated.length);
  }
}
