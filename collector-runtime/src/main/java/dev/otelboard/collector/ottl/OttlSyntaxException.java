package dev.otelboard.collector.ottl;

/**
 * An OTTL statement or condition that does not parse: the grammar of the collector's
 * {@code pkg/ottl} rejects it. Carries the 1-based column of the offending token.
 */
public final class OttlSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int column;
  private final String reason;

  /** A syntax error at {@code column} (1-based) with a one-line reason. */
  public OttlSyntaxException(int column, String reason) {
    super("column " + column + ": " + reason);
    this.column = column;
    this.reason = reason;
  }

  /** The 1-based column of the token where parsing failed. */
  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }
}
