package dev.otelboard.collector.ottl;

import dev.otelboard.collector.ottl.OttlFunctions.Param;
import dev.otelboard.collector.ottl.OttlFunctions.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * Named arguments resolved to positions, as the collector binds them to its Arguments struct
 * fields: {@code truncate_all(t, 10, truncation_marker="...")} becomes
 * {@code truncate_all(t, 10, nil, "...")} (an absent optional before a given one reads as
 * {@code nil}; absent trailing optionals are left out). An interpreter can then read arguments by
 * position. Functions this package does not know keep their arguments as written.
 */
public final class OttlArguments {
  private OttlArguments() {}

  /** {@code statement} with every call's arguments in parameter order. */
  public static Statement positional(Statement statement) {
    return new Statement(call(statement.editor()),
        statement.where() == null ? null : bool(statement.where()), statement.text());
  }

  /** {@code condition} with every call's arguments in parameter order. */
  public static BoolExpr positional(BoolExpr condition) {
    return bool(condition);
  }

  private static BoolExpr bool(BoolExpr b) {
    if (b instanceof BoolExpr.Or or) {
      return new BoolExpr.Or(or.terms().stream().map(OttlArguments::bool).toList(), or.column());
    }
    if (b instanceof BoolExpr.And and) {
      return new BoolExpr.And(and.terms().stream().map(OttlArguments::bool).toList(),
          and.column());
    }
    if (b instanceof BoolExpr.Not not) {
      return new BoolExpr.Not(bool(not.operand()), not.column());
    }
    if (b instanceof BoolExpr.Comparison c) {
      return new BoolExpr.Comparison(expr(c.left()), c.operator(), expr(c.right()), c.column());
    }
    if (b instanceof BoolExpr.ConverterCall cc) {
      return new BoolExpr.ConverterCall(call(cc.call()), cc.column());
    }
    return b;
  }

  private static Expr expr(Expr e) {
    if (e instanceof Expr.Call c) {
      return call(c);
    }
    if (e instanceof Expr.Path p) {
      return new Expr.Path(p.context(), p.fields().stream().map(f -> new Expr.Field(f.name(),
          f.keys().stream().map(OttlArguments::expr).toList(), f.column())).toList(), p.column());
    }
    if (e instanceof Expr.ListLiteral l) {
      return new Expr.ListLiteral(l.items().stream().map(OttlArguments::expr).toList(),
          l.column());
    }
    if (e instanceof Expr.MapLiteral m) {
      return new Expr.MapLiteral(m.entries().stream()
          .map(en -> new Expr.MapEntry(en.key(), expr(en.value()))).toList(), m.column());
    }
    if (e instanceof Expr.Math m) {
      return new Expr.Math(expr(m.left()), m.operator(), expr(m.right()), m.column());
    }
    return e;
  }

  private static Expr.Call call(Expr.Call c) {
    List<Expr.Argument> written = c.arguments().stream()
        .map(a -> new Expr.Argument(a.name(), expr(a.value()), a.column())).toList();
    List<Expr> keys = c.keys().stream().map(OttlArguments::expr).toList();
    Spec spec = OttlFunctions.get(c.name());
    if (spec == null || written.stream().allMatch(a -> a.name() == null)) {
      return new Expr.Call(c.name(), written, keys, c.column());
    }
    List<Param> params = spec.params();
    Expr.Argument[] slots = new Expr.Argument[params.size()];
    int next = 0;
    for (Expr.Argument a : written) {
      int at = a.name() == null ? next++ : index(params, a.name());
      if (at < 0 || at >= slots.length) {
        return new Expr.Call(c.name(), written, keys, c.column()); // the validator reports it
      }
      slots[at] = new Expr.Argument(null, a.value(), a.column());
    }
    int last = slots.length - 1;
    while (last >= 0 && slots[last] == null) {
      last--;
    }
    List<Expr.Argument> out = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      out.add(slots[i] != null ? slots[i]
          : new Expr.Argument(null, new Expr.NilLiteral(c.column()), c.column()));
    }
    return new Expr.Call(c.name(), out, keys, c.column());
  }

  private static int index(List<Param> params, String name) {
    String wanted = OttlNames.loose(name);
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).nameable() && OttlNames.loose(params.get(i).name()).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }
}
