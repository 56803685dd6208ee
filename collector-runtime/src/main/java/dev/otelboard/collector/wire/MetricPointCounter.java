package dev.otelboard.collector.wire;

import static dev.otelboard.collector.wire.OtlpScanner.EXPORT_REQUEST;
import static dev.otelboard.collector.wire.OtlpScanner.RESOURCE_SIGNAL;
import static dev.otelboard.collector.wire.OtlpScanner.SCOPE_SIGNAL;
import static dev.otelboard.collector.wire.OtlpScanner.T_ITEM;
import static dev.otelboard.collector.wire.OtlpScanner.T_RESOURCE_SIGNAL;
import static dev.otelboard.collector.wire.OtlpScanner.T_SCOPE_SIGNAL;
import static dev.otelboard.collector.wire.ProtoReader.LEN;
import static dev.otelboard.collector.wire.ProtoReader.VARINT;
import static dev.otelboard.collector.wire.ProtoReader.fields;

/**
 * Counts the data points of an OTLP metrics export request, checking its structure down to the
 * data points, whose contents are skipped: metrics are counted, not correlated. One instance per
 * request.
 */
final class MetricPointCounter {
  private static final long METRIC =
      fields(1, LEN, 2, LEN, 3, LEN, 5, LEN, 7, LEN, 9, LEN, 10, LEN, 11, LEN, 12, LEN);
  private static final long METRIC_DATA = fields(1, LEN, 2, VARINT, 3, VARINT);
  private static final int T_DATA_POINT = 1 << 3 | LEN;

  private final ProtoReader r;
  private final int end;

  MetricPointCounter(byte[] buf, int off, int len) {
    this.r = new ProtoReader(buf, off);
    this.end = off + len;
  }

  long countMetricPoints() throws MalformedOtlpException {
    long points = 0;
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_RESOURCE_SIGNAL) {
        int len = r.readLength(end);
        points += resourceMetrics(r.pos + len);
      } else {
        r.skipField(tag, end, EXPORT_REQUEST, "ExportMetricsServiceRequest");
      }
    }
    return points;
  }

  private long resourceMetrics(int end) throws MalformedOtlpException {
    long points = 0;
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_SCOPE_SIGNAL) {
        int len = r.readLength(end);
        points += scopeMetrics(r.pos + len);
      } else {
        r.skipField(tag, end, RESOURCE_SIGNAL, "ResourceMetrics");
      }
    }
    return points;
  }

  private long scopeMetrics(int end) throws MalformedOtlpException {
    long points = 0;
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_ITEM) {
        int len = r.readLength(end);
        points += metric(r.pos + len);
      } else {
        r.skipField(tag, end, SCOPE_SIGNAL, "ScopeMetrics");
      }
    }
    return points;
  }

  private long metric(int end) throws MalformedOtlpException {
    long points = 0;
    while (r.pos < end) {
      int tag = r.readTag(end);
      int field = tag >>> 3;
      // gauge 5, sum 7, histogram 9, exponential_histogram 10, summary 11: all hold data_points 1.
      boolean data = field == 5 || field == 7 || field == 9 || field == 10 || field == 11;
      if (data && (tag & 7) == LEN) {
        int len = r.readLength(end);
        points += dataPoints(r.pos + len);
      } else {
        r.skipField(tag, end, METRIC, "Metric");
      }
    }
    return points;
  }

  private long dataPoints(int end) throws MalformedOtlpException {
    long points = 0;
    while (r.pos < end) {
      int tag = r.readTag(end);
      if (tag == T_DATA_POINT) {
        points++;
        int len = r.readLength(end);
        r.pos += len;
      } else {
        r.skipField(tag, end, METRIC_DATA, "metric data");
      }
    }
    return points;
  }
}
