package dev.otelboard.collector.ottl;

import dev.otelboard.collector.ottl.OttlProblem.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** One successfully parsed statement or condition of a group, and walks over its values. */
record OttlParsed(Item item, int index, Statement statement, BoolExpr condition) {

  /** Parses {@code text}; a syntax error becomes a problem and yields null. */
  static OttlParsed parse(Item item, int index, String text, List<OttlProblem> problems) {
    try {
      return item == Item.STATEMENT
          ? new OttlParsed(item, index, OttlParser.parseStatement(text), null)
          : new OttlParsed(item, index, null, OttlParser.parseCondition(text));
    } catch (OttlSyntaxException e) {
      problems.add(new OttlProblem(item, index, e.column(), e.reason()));
      return null;
    }
  }

  /** "statement 2" / "condition 0". */
  String describe() {
    return (item == Item.STATEMENT ? "statement " : "condition ") + index;
  }

  /** Every value of the statement or condition, depth first (paths, calls, literals...). */
  List<Expr> values() {
    List<Expr> out = new ArrayList<>();
    if (statement != null) {
      walk(statement.editor(), out::add);
      if (statement.where() != null) {
        walk(statement.where(), out::add);
      }
    } else {
      walk(condition, out::add);
    }
    return out;
  }

  static void walk(BoolExpr b, Consumer<Expr> visitor) {
    if (b instanceof BoolExpr.Or or) {
      or.terms().forEach(t -> walk(t, visitor));
    } else if (b instanceof BoolExpr.And and) {
      and.terms().forEach(t -> walk(t, visitor));
    } else if (b instanceof BoolExpr.Not not) {
      walk(not.operand(), visitor);
    } else if (b instanceof BoolExpr.Comparison c) {
      walk(c.left(), visitor);
      walk(c.right(), visitor);
    } else if (b instanceof BoolExpr.ConverterCall cc) {
      walk(cc.call(), visitor);
    }
  }

  static void walk(Expr e, Consumer<Expr> visitor) {
    visitor.accept(e);
    if (e instanceof Expr.Call c) {
      c.arguments().forEach(a -> walk(a.value(), visitor));
      c.keys().forEach(k -> walk(k, visitor));
    } else if (e instanceof Expr.Path p) {
      p.fields().forEach(f -> f.keys().forEach(k -> walk(k, visitor)));
    } else if (e instanceof Expr.ListLiteral l) {
      l.items().forEach(i -> walk(i, visitor));
    } else if (e instanceof Expr.MapLiteral m) {
      m.entries().forEach(en -> walk(en.value(), visitor));
    } else if (e instanceof Expr.Math m) {
      walk(m.left(), visitor);
      walk(m.right(), visitor);
    }
  }
}
