package dev.otelboard.collector.ottl;

/** The grammar's post-parse checks (grammarCustomErrorsVisitor in pkg/ottl). */
final class OttlCustomErrors {
  private OttlCustomErrors() {}

  static void check(Statement s) {
    Expr.Call editor = s.editor();
    if (!editor.isEditor()) {
      throw new OttlSyntaxException(editor.column(),
          "editor names must start with a lowercase letter but got '" + editor.name() + "'");
    }
    for (Expr.Argument a : editor.arguments()) {
      check(a.value());
    }
    if (!editor.keys().isEmpty()) {
      throw new OttlSyntaxException(editor.keys().get(0).column() - 1,
          "only paths and converters may be indexed, not editors, but got " + editor.name());
    }
    if (s.where() != null) {
      check(s.where());
    }
  }

  static void check(BoolExpr b) {
    if (b instanceof BoolExpr.Or or) {
      or.terms().forEach(OttlCustomErrors::check);
    } else if (b instanceof BoolExpr.And and) {
      and.terms().forEach(OttlCustomErrors::check);
    } else if (b instanceof BoolExpr.Not not) {
      check(not.operand());
    } else if (b instanceof BoolExpr.Comparison c) {
      check(c.left());
      check(c.right());
    } else if (b instanceof BoolExpr.ConverterCall cc) {
      check(cc.call());
    }
  }

  static void check(Expr e) {
    if (e instanceof Expr.Call c) {
      if (c.isEditor()) {
        throw new OttlSyntaxException(c.column(),
            "converter names must start with an uppercase letter but got '" + c.name() + "'");
      }
      c.arguments().forEach(a -> check(a.value()));
      c.keys().forEach(OttlCustomErrors::check);
    } else if (e instanceof Expr.Path p) {
      p.fields().forEach(f -> f.keys().forEach(OttlCustomErrors::check));
    } else if (e instanceof Expr.ListLiteral l) {
      l.items().forEach(OttlCustomErrors::check);
    } else if (e instanceof Expr.MapLiteral m) {
      m.entries().forEach(en -> check(en.value()));
    } else if (e instanceof Expr.Math m) {
      check(m.left());
      check(m.right());
    }
  }
}
