package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.BoolExpr;
import dev.otelboard.collector.ottl.Expr;
import dev.otelboard.collector.ottl.Ottl;
import dev.otelboard.collector.ottl.OttlArguments;
import dev.otelboard.collector.ottl.OttlContext;
import dev.otelboard.collector.ottl.OttlSignal;
import dev.otelboard.collector.ottl.OttlValidator;
import dev.otelboard.collector.ottl.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One statement group (or filter condition group) ready to run: its context, its OR-ed
 * conditions and its statements, minus anything the sandbox cannot evaluate, which is listed in
 * {@code unsupported} so a caller can say where the sandbox differs from production.
 */
record CompiledGroup(OttlContext context, List<BoolExpr> conditions, List<Statement> statements,
    boolean propagate, List<Unsupported> unsupported) {
  /** Why a metric or datapoint statement does not run: the sandbox decodes metrics to scopes. */
  static final String NO_METRIC_CONTEXTS = "the sandbox does not run metric or datapoint"
      + " statements";

  /** Nothing of it runs (all refused): running it would change nothing and fail nothing. */
  boolean inert() {
    return conditions.isEmpty() && statements.isEmpty();
  }

  /**
   * Compiles a group at config path {@code where}; {@code grouped}: its conditions and statements
   * sit under {@code where.conditions[i]} / {@code where.statements[i]}, else at {@code where}.
   */
  static CompiledGroup compile(OttlSignal signal, OttlContext explicit, List<String> conditions,
      List<String> statements, boolean propagate, String where, boolean grouped) {
    OttlContext context = explicit != null ? explicit
        : OttlValidator.checkGroup(signal, null, conditions, statements).context();
    if (context == null) {
      throw new IllegalArgumentException("cannot infer the context of " + statements + conditions);
    }
    List<Unsupported> unsupported = new ArrayList<>();
    if (context == OttlContext.METRIC || context == OttlContext.DATAPOINT) {
      for (int i = 0; i < conditions.size(); i++) {
        unsupported.add(new Unsupported(grouped ? where + ".conditions[" + i + "]" : where,
            conditions.get(i), NO_METRIC_CONTEXTS));
      }
      for (int i = 0; i < statements.size(); i++) {
        unsupported.add(new Unsupported(grouped ? where + ".statements[" + i + "]" : where,
            statements.get(i), NO_METRIC_CONTEXTS));
      }
      return new CompiledGroup(context, List.of(), List.of(), propagate, unsupported);
    }
    List<BoolExpr> conds = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      String c = conditions.get(i);
      BoolExpr b = OttlArguments.positional(Ottl.parseCondition(c));
      String why = unsupported(b, context);
      if (why != null) {
        // without this condition the group's meaning changes: none of it runs (and says so)
        unsupported.add(new Unsupported(grouped ? where + ".conditions[" + i + "]" : where, c,
            why + " (so the whole group is not run)"));
        for (int j = 0; j < statements.size(); j++) {
          unsupported.add(new Unsupported(where + ".statements[" + j + "]", statements.get(j),
              "its group's condition is not run"));
        }
        return new CompiledGroup(context, List.of(), List.of(), propagate, unsupported);
      }
      conds.add(b);
    }
    List<Statement> stmts = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      String s = statements.get(i);
      Statement st = OttlArguments.positional(Ottl.parseStatement(s));
      String why = Interpreter.EDITORS.contains(st.editor().name()) ? unsupported(st, context)
          : "editor " + st.editor().name();
      if (why != null) {
        unsupported.add(new Unsupported(grouped ? where + ".statements[" + i + "]" : where, s,
            why));
      } else {
        stmts.add(st);
      }
    }
    return new CompiledGroup(context, conds, stmts, propagate, unsupported);
  }

  private static String unsupported(Statement s, OttlContext context) {
    List<String> reasons = new ArrayList<>();
    Expr.Call editor = s.editor();
    if (ReplaceEditors.NAMES.contains(editor.name())) {
      int at = editor.name().equals("replace_all_patterns") ? 4 : 3;
      if (at < editor.arguments().size()
          && !(editor.arguments().get(at).value() instanceof Expr.NilLiteral)) {
        String fn = ReplaceEditors.functionName(editor.arguments().get(at).value());
        if (!ReplaceEditors.FUNCTIONS.contains(fn)) {
          reasons.add("function argument " + fn);
        }
      }
    }
    for (Expr.Argument a : s.editor().arguments()) {
      scan(a.value(), context, reasons);
    }
    if (s.where() != null) {
      String w = unsupported(s.where(), context);
      if (w != null) {
        reasons.add(w);
      }
    }
    return reasons.isEmpty() ? null : String.join(", ", reasons);
  }

  private static String unsupported(BoolExpr b, OttlContext context) {
    List<String> reasons = new ArrayList<>();
    walk(b, e -> scan(e, context, reasons));
    return reasons.isEmpty() ? null : String.join(", ", reasons);
  }

  private static void scan(Expr e, OttlContext context, List<String> reasons) {
    if (e instanceof Expr.Path p) {
      String why = Paths.unsupported(p, context);
      if (why != null) {
        reasons.add(why);
      }
      p.fields().forEach(f -> f.keys().forEach(k -> scan(k, context, reasons)));
    } else if (e instanceof Expr.Call c) {
      String why = Converters.unsupported(c);
      if (why != null) {
        reasons.add(why);
      }
      c.arguments().forEach(a -> scan(a.value(), context, reasons));
      c.keys().forEach(k -> scan(k, context, reasons));
    } else if (e instanceof Expr.ListLiteral l) {
      l.items().forEach(i -> scan(i, context, reasons));
    } else if (e instanceof Expr.MapLiteral m) {
      m.entries().forEach(en -> scan(en.value(), context, reasons));
    } else if (e instanceof Expr.Math m) {
      scan(m.left(), context, reasons);
      scan(m.right(), context, reasons);
    } else if (e instanceof Expr.FunctionName f && !ReplaceEditors.FUNCTIONS.contains(f.name())) {
      reasons.add("function argument " + f.name());
    }
  }

  private static void walk(BoolExpr b, Consumer<Expr> visitor) {
    if (b instanceof BoolExpr.Or or) {
      or.terms().forEach(t -> walk(t, visitor));
    } else if (b instanceof BoolExpr.And and) {
      and.terms().forEach(t -> walk(t, visitor));
    } else if (b instanceof BoolExpr.Not not) {
      walk(not.operand(), visitor);
    } else if (b instanceof BoolExpr.Comparison c) {
      visitor.accept(c.left());
      visitor.accept(c.right());
    } else if (b instanceof BoolExpr.ConverterCall cc) {
      visitor.accept(cc.call());
    }
  }
}
