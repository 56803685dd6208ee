package dev.otelboard.collector.ottl;

/**
 * Entry point to otelboard's OTTL implementation: parse statements and conditions into trees.
 * {@link OttlValidator} checks them against a context; {@code dev.otelboard.collector.processor}
 * executes the subset otelboard generates.
 */
public final class Ottl {
  private Ottl() {}

  /**
   * Parses a statement such as {@code set(log.attributes["k"], "v") where log.body != nil}.
   *
   * @throws OttlSyntaxException with the column when the text is not OTTL
   */
  public static Statement parseStatement(String text) {
    return OttlParser.parseStatement(text);
  }

  /**
   * Parses a condition such as {@code resource.attributes["service.name"] == "checkout"}.
   *
   * @throws OttlSyntaxException with the column when the text is not OTTL
   */
  public static BoolExpr parseCondition(String text) {
    return OttlParser.parseCondition(text);
  }
}
