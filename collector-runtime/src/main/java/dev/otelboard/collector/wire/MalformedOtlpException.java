package dev.otelboard.collector.wire;

/**
 * An OTLP protobuf request that cannot be scanned: a truncated varint or length, a length running
 * past the end of its message, a wire type that does not match a known field, a group, or an id of
 * the wrong size. The message is one short line naming where, e.g. {@code "span 3: trace_id has 7
 * bytes, want 16"}; receivers answer the request with it.
 */
public final class MalformedOtlpException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedOtlpException(String message) {
    // No stack trace: this is thrown for bad input from a remote peer, possibly at a high rate, and
    // the message already says where in the request the problem is.
    super(message, null, false, false);
  }
}
