package dev.otelboard.collector.ottl;

import dev.otelboard.collector.ottl.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A recursive-descent parser for OTTL, transcribed from the participle struct tags of the
 * collector's {@code pkg/ottl/grammar.go} (0.158.0):
 *
 * <pre>
 * statement   = ( editor | converter ) [ "where" boolExpr ]
 * boolExpr    = term { "or" term }          term = boolValue { "and" boolValue }
 * boolValue   = [ "not" ] ( comparison | "true" | "false" | converter | "(" boolExpr ")" )
 * comparison  = value ( "==" | "!=" | "<" | "<=" | ">" | ">=" ) value
 * value       = nil | literal (?! + - * /) | mathExpr | bytes | string | bool | ENUM (?! lower)
 *               | map | list
 * literal     = editor | converter | float | int | path
 * mathExpr    = addSubTerm { ("+"|"-") addSubTerm }     addSubTerm = mathValue { ("*"|"/") mathValue }
 * mathValue   = [ "+" | "-" ] ( literal | "(" mathExpr ")" )
 * path        = [ lower "." ] field { "." field }     field = lower { key }
 * key         = "[" ( string | int | mathExpr | literal ) "]"
 * editor      = lowerName "(" [ argument { "," argument } ] ")" { key }
 * converter   = UpperName "(" [ argument { "," argument } ] ")" { key }
 * argument    = [ lowerName "=" ] ( value | UpperName )
 * list        = "[" { value } { "," value } "]"      map = "{" { string ":" value [","] } "}"
 * </pre>
 *
 * <p>Errors land where participle (unlimited lookahead) puts them, so our column is the
 * collector's: a failed alternative lets the next try; a failed optional or repeated group is
 * undone and the enclosing rule fails after what did match; only trailing tokens report the
 * deepest error seen. Bad string escapes fail first (participle unquotes in its lexer). The
 * grammar's "custom errors" are checked after a successful parse ({@link OttlCustomErrors}).
 */
final class OttlParser {
  private final List<Token> tokens;
  private final String text;
  private int pos;
  private OttlSyntaxException deepest;
  private int deepestOffset = -1;

  private OttlParser(String text) {
    this.text = text;
    this.tokens = OttlLexer.tokenize(text);
    OttlLiterals.checkStrings(tokens);
  }

  static Statement parseStatement(String text) {
    OttlParser p = new OttlParser(text);
    Statement s = p.statement();
    OttlCustomErrors.check(s);
    return s;
  }

  static BoolExpr parseCondition(String text) {
    OttlParser p = new OttlParser(text);
    if (p.peek().kind() == Kind.EOF) {
      throw new OttlSyntaxException(1, "empty condition");
    }
    BoolExpr b = p.boolExpr();
    p.expectEnd("the condition");
    OttlCustomErrors.check(b);
    return b;
  }

  private Statement statement() {
    Token start = peek();
    if (start.kind() == Kind.EOF) {
      throw new OttlSyntaxException(1, "empty statement");
    }
    if (!isName(start)) {
      throw error(start, "a statement starts with an editor such as set(...), got "
          + start.describe());
    }
    Expr.Call editor = call();
    BoolExpr where = optional(() -> {
      expect(Kind.LOWERCASE, "where", "'where'");
      return boolExpr();
    });
    expectEnd("the statement; expected 'where' or the end");
    return new Statement(editor, where, text);
  }

  /** Trailing tokens: participle reports the deepest error seen if it lies beyond them. */
  private void expectEnd(String what) {
    Token t = peek();
    if (t.kind() == Kind.EOF) {
      return;
    }
    if (deepest != null && deepestOffset > t.offset()) {
      throw deepest;
    }
    throw new OttlSyntaxException(t.column(), "unexpected " + t.describe() + " after " + what);
  }

  BoolExpr boolExpr() {
    int column = peek().column();
    List<BoolExpr> terms = new ArrayList<>();
    terms.add(term());
    repeat(() -> {
      expect(Kind.OR, "'or'");
      terms.add(term());
    });
    return terms.size() == 1 ? terms.get(0) : new BoolExpr.Or(terms, column);
  }

  private BoolExpr term() {
    int column = peek().column();
    List<BoolExpr> values = new ArrayList<>();
    values.add(boolValue());
    repeat(() -> {
      expect(Kind.AND, "'and'");
      values.add(boolValue());
    });
    return values.size() == 1 ? values.get(0) : new BoolExpr.And(values, column);
  }

  private BoolExpr boolValue() {
    Token start = peek();
    boolean negated = false;
    if (start.kind() == Kind.NOT) {
      next();
      negated = true;
    }
    Token first = peek();
    BoolExpr result = firstOf(first,
        "a condition (a comparison, true/false, or a converter call)",
        () -> {
          Expr left = value();
          Token op = peek();
          expect(Kind.COMPARISON, "a comparison operator (==, !=, <, <=, >, >=) after the value");
          return new BoolExpr.Comparison(left, op.text(), value(), first.column());
        },
        () -> {
          Token b = expect(Kind.BOOLEAN, "true or false");
          return new BoolExpr.Constant(b.text().equals("true"), b.column());
        },
        () -> {
          if (first.kind() != Kind.UPPERCASE) {
            throw error(first, "expected a converter, got " + first.describe());
          }
          return new BoolExpr.ConverterCall(call(), first.column());
        },
        () -> {
          expect(Kind.LPAREN, "'('");
          BoolExpr inner = boolExpr();
          expect(Kind.RPAREN, "')' closing the condition");
          return inner;
        });
    return negated ? new BoolExpr.Not(result, start.column()) : result;
  }

  Expr value() {
    Token t = peek();
    return firstOf(t, "a value",
        () -> {
          Token n = expect(Kind.NIL, "nil");
          return new Expr.NilLiteral(n.column());
        },
        () -> {
          Expr literal = literal();
          Kind k = peek().kind();
          if (k == Kind.ADD_SUB || k == Kind.MULT_DIV) {
            throw error(peek(), "arithmetic continues");
          }
          return literal;
        },
        this::mathExpression,
        () -> {
          Token b = expect(Kind.BYTES, "a byte literal");
          return bytes(b);
        },
        () -> {
          Token s = expect(Kind.STRING, "a string");
          return new Expr.StringLiteral(OttlLiterals.unquote(s), s.column());
        },
        () -> {
          Token b = expect(Kind.BOOLEAN, "true or false");
          return new Expr.BoolLiteral(b.text().equals("true"), b.column());
        },
        () -> {
          Token e = expect(Kind.UPPERCASE, "an enum symbol");
          if (peek().kind() == Kind.LOWERCASE) {
            throw error(peek(), "an enum symbol is upper case");
          }
          return new Expr.EnumSymbol(e.text(), e.column());
        },
        this::map,
        this::list);
  }

  /** OTTL's mathExprLiteral: a call (editor or converter), a number or a path. */
  private Expr literal() {
    Token t = peek();
    return firstOf(t, "a value",
        () -> {
          if (!isName(t)) {
            throw error(t, "expected a function name, got " + t.describe());
          }
          return call();
        },
        () -> {
          Token f = expect(Kind.FLOAT, "a number");
          return new Expr.FloatLiteral(Double.parseDouble(f.text()), f.column());
        },
        () -> {
          Token i = expect(Kind.INT, "an integer");
          return new Expr.IntLiteral(parseLong(i), i.column());
        },
        this::path);
  }

  private Expr mathExpression() {
    Expr[] left = {addSubTerm()};
    repeat(() -> {
      Token op = expect(Kind.ADD_SUB, "'+' or '-'");
      Expr right = addSubTerm();
      left[0] = new Expr.Math(left[0], op.text().charAt(0), right, left[0].column());
    });
    return left[0];
  }

  private Expr addSubTerm() {
    Expr[] left = {mathValue()};
    repeat(() -> {
      Token op = expect(Kind.MULT_DIV, "'*' or '/'");
      Expr right = mathValue();
      left[0] = new Expr.Math(left[0], op.text().charAt(0), right, left[0].column());
    });
    return left[0];
  }

  private Expr mathValue() {
    Token sign = peek().kind() == Kind.ADD_SUB ? next() : null;
    Token t = peek();
    Expr v = firstOf(t, "a number, path or converter",
        this::literal,
        () -> {
          expect(Kind.LPAREN, "'('");
          Expr inner = mathExpression();
          expect(Kind.RPAREN, "')' closing the arithmetic expression");
          return inner;
        });
    // a unary sign is arithmetic on zero, so that `-1` is not an integer literal, as in OTTL
    return sign == null ? v
        : new Expr.Math(new Expr.IntLiteral(0, sign.column()), sign.text().charAt(0), v,
            sign.column());
  }

  private Expr.Path path() {
    Token first = peek();
    String context = optional(() -> {
      Token c = expect(Kind.LOWERCASE, "a context name");
      expect(Kind.PUNCT, ".", "'.'");
      return c.text();
    });
    List<Expr.Field> fields = new ArrayList<>();
    fields.add(field());
    repeat(() -> {
      expect(Kind.PUNCT, ".", "'.'");
      fields.add(field());
    });
    if (context != null && !OttlContext.isContextName(context)) {
      fields.add(0, new Expr.Field(context, List.of(), first.column()));
      context = null;
    }
    return new Expr.Path(context, fields, first.column());
  }

  private Expr.Field field() {
    Token f = expect(Kind.LOWERCASE, "a path segment (a lower-case name)");
    return new Expr.Field(f.text(), keys(), f.column());
  }

  private List<Expr> keys() {
    List<Expr> keys = new ArrayList<>();
    repeat(() -> {
      expect(Kind.PUNCT, "[", "'['");
      Token t = peek();
      keys.add(firstOf(t, "a string key, an integer index or an expression",
          () -> {
            Token s = expect(Kind.STRING, "a string key");
            return new Expr.StringLiteral(OttlLiterals.unquote(s), s.column());
          },
          () -> {
            Token i = expect(Kind.INT, "an integer index");
            return new Expr.IntLiteral(parseLong(i), i.column());
          },
          this::mathExpression,
          this::literal));
      expect(Kind.PUNCT, "]", "']' closing the index");
    });
    return keys;
  }

  Expr.Call call() {
    Token first = peek();
    String name = name();
    expect(Kind.LPAREN, "'(' after '" + name + "'");
    List<Expr.Argument> args = new ArrayList<>();
    Expr.Argument head = optional(this::argument);
    if (head != null) {
      args.add(head);
      repeat(() -> {
        expect(Kind.PUNCT, ",", "','");
        args.add(argument());
      });
    }
    closing(Kind.RPAREN, ")", "in the arguments of " + name);
    return new Expr.Call(name, args, keys(), first.column());
  }

  private Expr.Argument argument() {
    Token t = peek();
    String argName = optional(() -> {
      if (t.kind() != Kind.LOWERCASE) {
        throw error(t, "expected an argument name");
      }
      String n = name();
      expect(Kind.EQUAL, "'='");
      return n;
    });
    Token v = peek();
    Expr value = firstOf(v, "an argument", this::value, () -> {
      if (v.kind() != Kind.UPPERCASE) {
        throw error(v, "expected a function name");
      }
      return new Expr.FunctionName(name(), v.column());
    });
    return new Expr.Argument(argName, value, t.column());
  }

  private Expr.ListLiteral list() {
    Token open = expect(Kind.PUNCT, "[", "'['");
    List<Expr> items = new ArrayList<>();
    repeat(() -> items.add(value()));
    repeat(() -> {
      expect(Kind.PUNCT, ",", "','");
      items.add(value());
    });
    closing(Kind.PUNCT, "]", "in the list");
    return new Expr.ListLiteral(items, open.column());
  }

  private Expr.MapLiteral map() {
    Token open = expect(Kind.LBRACE, "'{'");
    List<Expr.MapEntry> entries = new ArrayList<>();
    repeat(() -> {
      Token key = expect(Kind.STRING, "a string key");
      expect(Kind.COLON, "':' after the map key");
      entries.add(new Expr.MapEntry(OttlLiterals.unquote(key), value()));
      if (peek().isPunct(",")) {
        next();
      }
    });
    expect(Kind.RBRACE, "a string key or '}' in the map");
    return new Expr.MapLiteral(entries, open.column());
  }

  /** {@code ( ... )?}: a failure is undone as if nothing had matched. */
  private <T> T optional(Supplier<T> rule) {
    int mark = pos;
    try {
      return rule.get();
    } catch (OttlSyntaxException e) {
      pos = mark;
      return null;
    }
  }

  /** {@code ( ... )*}: repeats until an attempt fails; the failed attempt is undone. */
  private void repeat(Runnable rule) {
    while (true) {
      int mark = pos;
      try {
        rule.run();
      } catch (OttlSyntaxException e) {
        pos = mark;
        return;
      }
      if (pos == mark) {
        return;
      }
    }
  }

  /** {@code a | b | ...}: the first alternative that parses; else the deepest failure. */
  @SafeVarargs
  private <T> T firstOf(Token at, String what, Supplier<? extends T>... alternatives) {
    int mark = pos;
    OttlSyntaxException furthest = null;
    for (Supplier<? extends T> alternative : alternatives) {
      try {
        return alternative.get();
      } catch (OttlSyntaxException e) {
        if (furthest == null || e.column() >= furthest.column()) {
          furthest = e;
        }
        pos = mark;
      }
    }
    if (furthest == null || furthest.column() <= at.column()) {
      throw error(at, "expected " + what + ", got " + at.describe());
    }
    throw furthest;
  }

  private static boolean isName(Token t) {
    return t.kind() == Kind.UPPERCASE || t.kind() == Kind.LOWERCASE;
  }

  /** A function name: the lexer splits {@code ParseJSON} into runs the grammar joins again. */
  private String name() {
    Token t = next();
    if (!isName(t)) {
      throw error(t, "expected a name, got " + t.describe());
    }
    StringBuilder b = new StringBuilder(t.text());
    while (isName(peek())) {
      b.append(next().text());
    }
    return b.toString();
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  private Token expect(Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw error(t, "expected " + what + ", got " + t.describe());
    }
    return next();
  }

  private Token expect(Kind kind, String text, String what) {
    Token t = peek();
    if (!t.is(kind, text)) {
      throw error(t, "expected " + what + ", got " + t.describe());
    }
    return next();
  }

  /** The token closing a call or list; a miss stays at participle's place and says why. */
  private void closing(Kind kind, String text, String where) {
    Token t = peek();
    if (t.is(kind, text)) {
      next();
      return;
    }
    String why = deepest != null && deepestOffset > t.offset()
        ? " (column " + deepest.column() + ": " + deepest.reason() + ")" : "";
    String message = t.isPunct(",")
        ? "what follows ',' " + where + " is not a valid value" + why
        : "expected ',' or '" + text + "' " + where + ", got " + t.describe() + why;
    throw error(t, message);
  }

  /** An error at {@code at}, remembered when it is the deepest so far (participle's rule). */
  private OttlSyntaxException error(Token at, String message) {
    OttlSyntaxException e = new OttlSyntaxException(at.column(), message);
    if (at.offset() >= deepestOffset) {
      deepest = e;
      deepestOffset = at.offset();
    }
    return e;
  }

  private long parseLong(Token t) {
    if (!OttlLiterals.fitsLong(t.text())) {
      throw error(t, "integer " + t.text() + " does not fit in 64 bits");
    }
    return Long.parseLong(t.text());
  }

  private Expr.BytesLiteral bytes(Token t) {
    if (t.text().length() % 2 != 0) { // "0x" + an odd number of digits
      // participle fails the capture after the token; the value then does not match
      throw error(peek(), "byte literal " + t.text() + " has an odd number of hex digits");
    }
    return new Expr.BytesLiteral(t.text().substring(2).toLowerCase(java.util.Locale.ROOT),
        t.column());
  }
}
