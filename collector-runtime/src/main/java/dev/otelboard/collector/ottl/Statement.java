package dev.otelboard.collector.ottl;

/**
 * A parsed OTTL statement: an editor call and an optional {@code where} clause.
 *
 * @param editor the editor, e.g. {@code set(...)}
 * @param where the condition, or null when the statement always runs
 * @param text the statement as written
 */
public record Statement(Expr.Call editor, BoolExpr where, String text) {}
