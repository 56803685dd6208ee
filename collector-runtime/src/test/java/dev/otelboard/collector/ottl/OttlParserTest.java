package dev.otelboard.collector.ottl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** The parse trees the sandbox executes. */
class OttlParserTest {

  @Test
  void aStatementHasAnEditorAndAWhereClause() {
    Statement s = Ottl.parseStatement(
        "set(log.attributes[\"k\"], \"v\") where log.body != nil and not IsMap(log.body)");

    assertThat(s.editor().name()).isEqualTo("set");
    Expr.Path target = (Expr.Path) s.editor().arguments().get(0).value();
    assertThat(target.context()).isEqualTo("log");
    assertThat(target.fields()).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("attributes");
      assertThat(f.keys()).containsExactly(new Expr.StringLiteral("k", 20));
    });
    assertThat(s.where()).isInstanceOf(BoolExpr.And.class);
  }

  @Test
  void functionNamesAreJoinedFromTheLexersRuns() {
    Statement s = Ottl.parseStatement("set(log.cache, ParseJSON(log.body))");

    assertThat(((Expr.Call) s.editor().arguments().get(1).value()).name()).isEqualTo("ParseJSON");
  }

  @Test
  void andBindsTighterThanOr() {
    BoolExpr b = Ottl.parseCondition("a == 1 or b == 2 and c == 3");

    assertThat(b).isInstanceOf(BoolExpr.Or.class);
    assertThat(((BoolExpr.Or) b).terms().get(1)).isInstanceOf(BoolExpr.And.class);
  }

  @Test
  void stringsAreUnquotedLikeGo() {
    Statement s = Ottl.parseStatement("set(log.body, \"a\\\\d\\\"\\u00e9\\n\")");

    assertThat(((Expr.StringLiteral) s.editor().arguments().get(1).value()).value())
        .isEqualTo("a\\d\"\u00e9\n");
  }

  @Test
  void aSyntaxErrorCarriesItsColumn() {
    OttlSyntaxException e = catchThrowableOfType(OttlSyntaxException.class,
        () -> Ottl.parseStatement("set(log.body, 1) where log.body ="));

    assertThat(e.column()).isEqualTo(33);
  }
}
