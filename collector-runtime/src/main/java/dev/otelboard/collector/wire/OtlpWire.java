package dev.otelboard.collector.wire;

import java.util.Objects;

/**
 * Scans OTLP protobuf export requests for what correlation needs, straight from the wire bytes: no
 * generated message objects, no strings except the two resource attributes per resource, so a
 * receiver thread can afford it on every request. Fields it does not need, known or unknown, are
 * skipped by wire type; a known field with the wrong wire type, a truncated or overlong value, a
 * group, or an id of the wrong length makes the whole request malformed.
 */
public final class OtlpWire {
  private OtlpWire() {}

  /**
   * Scans an {@code ExportTraceServiceRequest}. Spans whose trace id or span id is empty or all
   * zeros are not returned; they are counted in {@link SpanBatch#rejectedSpans()} so the receiver
   * can answer with a partial success.
   *
   * @param buf holds the request; the returned batch keeps a reference to it for span names
   * @param off where the request starts in {@code buf}
   * @param len length of the request in bytes
   * @throws MalformedOtlpException when the bytes are not a well-formed request
   */
  public static SpanBatch scanTraces(byte[] buf, int off, int len) throws MalformedOtlpException {
    return scanTraces(buf, off, len, null);
  }

  /**
   * Scans like {@link #scanTraces(byte[], int, int)}, with rows from {@code arrays} (none: new
   * ones); {@link SpanBatch#release()} gives them back once nothing reads the batch any more.
   */
  public static SpanBatch scanTraces(byte[] buf, int off, int len, RowArrays arrays)
      throws MalformedOtlpException {
    Objects.checkFromIndexSize(off, len, buf.length);
    return new SpanScanner(new OtlpScanner(buf, off, len), arrays).scan();
  }

  /**
   * Scans an {@code ExportLogsServiceRequest}. A log record without trace context is fine; one with
   * a trace id that is not 0 or 16 bytes, or a span id that is not 0 or 8 bytes, is not.
   *
   * @param buf holds the request; the returned batch keeps a reference to it for bodies and scope
   *     names
   * @param off where the request starts in {@code buf}
   * @param len length of the request in bytes
   * @throws MalformedOtlpException when the bytes are not a well-formed request
   */
  public static LogBatch scanLogs(byte[] buf, int off, int len) throws MalformedOtlpException {
    return scanLogs(buf, off, len, null);
  }

  /**
   * Scans like {@link #scanLogs(byte[], int, int)}, with rows from {@code arrays} (none: new ones);
   * {@link LogBatch#release()} gives them back once nothing reads the batch any more.
   */
  public static LogBatch scanLogs(byte[] buf, int off, int len, RowArrays arrays)
      throws MalformedOtlpException {
    Objects.checkFromIndexSize(off, len, buf.length);
    return new LogScanner(new OtlpScanner(buf, off, len), arrays).scan();
  }

  /**
   * Counts the data points of all gauges, sums, histograms, exponential histograms and summaries in
   * an {@code ExportMetricsServiceRequest}, checking the structure down to the data points (whose
   * contents are skipped).
   *
   * @throws MalformedOtlpException when the bytes are not a well-formed request
   */
  public static long countMetricPoints(byte[] buf, int off, int len) throws MalformedOtlpException {
    Objects.checkFromIndexSize(off, len, buf.length);
    return new MetricPointCounter(buf, off, len).countMetricPoints();
  }
}
