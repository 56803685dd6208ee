package dev.otelboard.cli.verify;

/** OTLP span kind numbers and their names. */
final class SpanKinds {
  static final int UNSPECIFIED = 0;
  static final int INTERNAL = 1;
  static final int SERVER = 2;
  static final int CLIENT = 3;
  static final int PRODUCER = 4;
  static final int CONSUMER = 5;

  private SpanKinds() {}

  static String name(int kind) {
    return switch (kind) {
      case INTERNAL -> "INTERNAL";
      case SERVER -> "SERVER";
      case CLIENT -> "CLIENT";
      case PRODUCER -> "PRODUCER";
      case CONSUMER -> "CONSUMER";
      default -> "UNSPECIFIED";
    };
  }
}
