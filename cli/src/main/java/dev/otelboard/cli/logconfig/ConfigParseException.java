package dev.otelboard.cli.logconfig;

/** A logging config file that does not parse, with the line the parser stopped at. */
public final class ConfigParseException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int line;

  ConfigParseException(int line, String message) {
    super(message);
    this.line = line;
  }

  /** The 1-based line of the error, or 0 when unknown. */
  public int line() {
    return line;
  }
}
