package dev.otelboard.collector.receiver;

import dev.otelboard.collector.pipeline.Admission;

/**
 * What a receiver tells its client about one export request, independent of transport.
 *
 * @param admission the pipeline's answer; null when the request was malformed
 * @param rejectedItems items refused inside an accepted request (OTLP partial success)
 * @param message the error or partial-success message; empty when all is well
 */
record IngestResult(Admission admission, long rejectedItems, String message) {

  static IngestResult malformed(String message) {
    return new IngestResult(null, 0, message);
  }

  boolean isMalformed() {
    return admission == null;
  }

  boolean isAccepted() {
    return admission == Admission.ACCEPTED;
  }
}
