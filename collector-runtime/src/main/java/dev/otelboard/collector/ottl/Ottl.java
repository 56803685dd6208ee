package dev.otelboard.collector.ottl;

/**
 * Entry point to otelboard's OTTL implementation: parse statements and conditions into trees.
 * {@link OttlValidator} checks them against a context; {@code dev.otelboard.collector.processor}
 * executes them in the sandbox.
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

  /**
   * The functions the transform processor 0.158.0 registers (OttlDifferentialIT holds this table
   * to the collector's own), by name, each with the contexts it is limited to (empty: all).
   */
  public static java.util.SortedMap<String, java.util.Set<OttlContext>> functions() {
    java.util.SortedMap<String, java.util.Set<OttlContext>> out = new java.util.TreeMap<>();
    for (String name : OttlFunctions.names()) {
      if (!OttlFunctions.FILTER_ONLY.contains(name)) {
        out.put(name, OttlFunctions.get(name).contexts());
      }
    }
    return out;
  }

  /** Whether {@code name} is only usable behind a feature gate (the lambda functions). */
  public static boolean gated(String name) {
    OttlFunctions.Spec spec = OttlFunctions.get(name);
    return spec != null && spec.gate() != null;
  }
}
