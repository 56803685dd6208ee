package dev.otelboard.collector.ottl;

import java.util.List;

/**
 * A parsed OTTL boolean expression: a {@code where} clause or a condition. {@code not} binds
 * tighter than {@code and}, which binds tighter than {@code or}.
 */
public sealed interface BoolExpr
    permits BoolExpr.Or,
        BoolExpr.And,
        BoolExpr.Not,
        BoolExpr.Comparison,
        BoolExpr.Constant,
        BoolExpr.ConverterCall {

  /** The 1-based column where this expression starts. */
  int column();

  /** Two or more terms joined by {@code or}. */
  record Or(List<BoolExpr> terms, int column) implements BoolExpr {
    /** Creates the disjunction; {@code terms} is copied. */
    public Or {
      terms = List.copyOf(terms);
    }
  }

  /** Two or more values joined by {@code and}. */
  record And(List<BoolExpr> terms, int column) implements BoolExpr {
    /** Creates the conjunction; {@code terms} is copied. */
    public And {
      terms = List.copyOf(terms);
    }
  }

  /** {@code not x}. */
  record Not(BoolExpr operand, int column) implements BoolExpr {}

  /** {@code left op right} with op one of == != < <= > >=. */
  record Comparison(Expr left, String operator, Expr right, int column) implements BoolExpr {}

  /** {@code true} or {@code false}. */
  record Constant(boolean value, int column) implements BoolExpr {}

  /** A converter that returns a boolean, e.g. {@code IsMatch(log.body, "^\\{")}. */
  record ConverterCall(Expr.Call call, int column) implements BoolExpr {}
}
