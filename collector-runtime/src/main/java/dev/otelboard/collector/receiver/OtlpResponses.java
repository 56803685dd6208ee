package dev.otelboard.collector.receiver;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.otelboard.collector.pipeline.Admission;
import dev.otelboard.collector.pipeline.Signal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/** The OTLP response messages both receivers send, built from an {@link IngestResult}. */
final class OtlpResponses {
  private OtlpResponses() {}

  /** The Export response: empty on full success, with partial_success when items were refused. */
  static Message exportResponse(Signal signal, IngestResult result) {
    boolean partial = result.rejectedItems() > 0;
    return switch (signal) {
      case TRACES -> partial
          ? ExportTraceServiceResponse.newBuilder()
              .setPartialSuccess(
                  ExportTracePartialSuccess.newBuilder()
                      .setRejectedSpans(result.rejectedItems())
                      .setErrorMessage(result.message()))
              .build()
          : ExportTraceServiceResponse.getDefaultInstance();
      case LOGS -> partial
          ? ExportLogsServiceResponse.newBuilder()
              .setPartialSuccess(
                  ExportLogsPartialSuccess.newBuilder()
                      .setRejectedLogRecords(result.rejectedItems())
                      .setErrorMessage(result.message()))
              .build()
          : ExportLogsServiceResponse.getDefaultInstance();
      case METRICS -> partial
          ? ExportMetricsServiceResponse.newBuilder()
              .setPartialSuccess(
                  ExportMetricsPartialSuccess.newBuilder()
                      .setRejectedDataPoints(result.rejectedItems())
                      .setErrorMessage(result.message()))
              .build()
          : ExportMetricsServiceResponse.getDefaultInstance();
    };
  }

  /**
   * The google.rpc.Status for a refused or malformed request. Refusals carry RetryInfo, which is
   * what makes RESOURCE_EXHAUSTED retryable for OTLP clients.
   */
  static Status errorStatus(IngestResult result) {
    Status.Builder status = Status.newBuilder().setMessage(result.message());
    if (result.isMalformed()) {
      return status.setCode(Code.INVALID_ARGUMENT_VALUE).build();
    }
    Admission admission = result.admission();
    status.setCode(
        admission == Admission.MEMORY_LIMIT ? Code.RESOURCE_EXHAUSTED_VALUE : Code.UNAVAILABLE_VALUE);
    java.time.Duration delay = admission.retryAfter();
    return status
        .addDetails(
            Any.pack(
                RetryInfo.newBuilder()
                    .setRetryDelay(
                        com.google.protobuf.Duration.newBuilder().setSeconds(delay.getSeconds()))
                    .build()))
        .build();
  }
}
