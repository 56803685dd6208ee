package dev.otelboard.collector.wire;

import static dev.otelboard.collector.wire.Protos.resource;
import static dev.otelboard.collector.wire.Protos.unknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import org.junit.jupiter.api.Test;

/** {@link OtlpWire#countMetricPoints} counts the data points of every kind of metric. */
class CountMetricPointsTest {

  static ExportMetricsServiceRequest richRequest() {
    NumberDataPoint point =
        NumberDataPoint.newBuilder()
            .setAsDouble(1.5)
            .setTimeUnixNano(5)
            .setUnknownFields(unknownFields())
            .build();
    ScopeMetrics scope =
        ScopeMetrics.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("meter"))
            .addMetrics(
                Metric.newBuilder()
                    .setName("g")
                    .setUnit("1")
                    .setGauge(Gauge.newBuilder().addDataPoints(point).addDataPoints(point)))
            .addMetrics(
                Metric.newBuilder()
                    .setName("s")
                    .setSum(
                        Sum.newBuilder()
                            .setIsMonotonic(true)
                            .setAggregationTemporalityValue(2)
                            .addDataPoints(point)
                            .addDataPoints(point)
                            .addDataPoints(point)))
            .addMetrics(
                Metric.newBuilder()
                    .setName("h")
                    .setHistogram(
                        Histogram.newBuilder()
                            .addDataPoints(
                                HistogramDataPoint.newBuilder()
                                    .addBucketCounts(1)
                                    .addBucketCounts(2)
                                    .addExplicitBounds(0.5))))
            .addMetrics(
                Metric.newBuilder()
                    .setName("e")
                    .setExponentialHistogram(
                        ExponentialHistogram.newBuilder()
                            .addDataPoints(ExponentialHistogramDataPoint.newBuilder().setScale(3))
                            .addDataPoints(ExponentialHistogramDataPoint.getDefaultInstance())))
            .addMetrics(
                Metric.newBuilder()
                    .setName("sum")
                    .setSummary(
                        Summary.newBuilder()
                            .addDataPoints(SummaryDataPoint.newBuilder().setCount(4))))
            .addMetrics(Metric.newBuilder().setName("no data"))
            .setUnknownFields(unknownFields())
            .build();
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .setResource(resource("a", "1"))
                .addScopeMetrics(scope)
                .addScopeMetrics(scope))
        .addResourceMetrics(
            ResourceMetrics.newBuilder().addScopeMetrics(scope).setUnknownFields(unknownFields()))
        .build();
  }

  @Test
  void countsPointsOfGaugesSumsHistogramsExponentialHistogramsAndSummaries() throws Exception {
    byte[] bytes = richRequest().toByteArray();

    // Per scope: gauge 2 + sum 3 + histogram 1 + exponential 2 + summary 1 = 9; three scopes.
    assertThat(OtlpWire.countMetricPoints(bytes, 0, bytes.length)).isEqualTo(27);
  }

  @Test
  void emptyRequestHasNoPoints() throws Exception {
    assertThat(OtlpWire.countMetricPoints(new byte[0], 0, 0)).isZero();
  }
}
