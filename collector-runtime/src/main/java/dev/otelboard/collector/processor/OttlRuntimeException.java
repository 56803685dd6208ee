package dev.otelboard.collector.processor;

/** A statement that failed on one item (the collector logs it with error_mode ignore). */
final class OttlRuntimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OttlRuntimeException(String message) {
    super(message, null, false, false);
  }
}
