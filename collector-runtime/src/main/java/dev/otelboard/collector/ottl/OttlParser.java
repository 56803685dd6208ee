package dev.otelboard.collector.ottl;

import dev.otelboard.collector.ottl.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for OTTL, transcribed from the participle struct tags of the
 * collector's {@code pkg/ottl/grammar.go}:
 *
 * <pre>
 * statement   = editor [ "where" boolExpr ]
 * boolExpr    = term { "or" term }
 * term        = boolValue { "and" boolValue }
 * boolValue   = [ "not" ] ( comparison | "true" | "false" | converter | "(" boolExpr ")" )
 * comparison  = value ( "==" | "!=" | "<" | "<=" | ">" | ">=" ) value
 * value       = "nil" | bytes | string | bool | ENUM | map | list | mathExpr
 * mathExpr    = addSubTerm { ("+"|"-") addSubTerm }     addSubTerm = mathValue { ("*"|"/") mathValue }
 * mathValue   = "(" mathExpr ")" | converter | float | int | path
 * path        = [ context "." ] field { "." field }     field = lowercase { key }
 * key         = "[" ( string | mathExpr ) "]"
 * editor      = lowerName "(" [ argument { "," argument } ] ")"
 * converter   = UpperName "(" [ argument { "," argument } ] ")" { key }
 * argument    = [ lowerName "=" ] ( value | UpperName )
 * </pre>
 *
 * Alternatives are tried in the grammar's order with backtracking; when all fail, the error that
 * got furthest into the text is reported, as participle does. The grammar's "custom errors"
 * (a converter heading a statement, an editor used as a value, an indexed editor) are checked
 * after a successful parse, with the same messages as the collector.
 */
final class OttlParser {
  private final String text;
  private final List<Token> tokens;
  private int pos;

  private OttlParser(String text) {
    this.text = text;
    this.tokens = OttlLexer.tokenize(text);
  }

  static Statement parseStatement(String text) {
    OttlParser p = new OttlParser(text);
    Statement s = p.statement();
    CustomErrors.check(s);
    return s;
  }

  static BoolExpr parseCondition(String text) {
    OttlParser p = new OttlParser(text);
    if (p.peek().kind() == Kind.EOF) {
      throw new OttlSyntaxException(1, "empty condition");
    }
    BoolExpr b = p.boolExpr();
    p.expectEnd("the condition");
    CustomErrors.check(b);
    return b;
  }

  // ---- statement -------------------------------------------------------------------------

  private Statement statement() {
    Token start = peek();
    if (start.kind() == Kind.EOF) {
      throw new OttlSyntaxException(1, "empty statement");
    }
    if (!isName(start)) {
      throw error(start, "a statement starts with an editor such as set(...), got " + start.describe());
    }
    int mark = pos;
    String name = name();
    if (!peek().kind().equals(Kind.LPAREN)) {
      throw error(peek(), "expected '(' after editor name '" + name + "', got " + peek().describe());
    }
    pos = mark;
    Expr.Call editor = call();
    BoolExpr where = null;
    if (peek().is(Kind.LOWERCASE, "where")) {
      next();
      if (peek().kind() == Kind.EOF) {
        throw error(peek(), "expected a condition after 'where'");
      }
      where = boolExpr();
    }
    expectEnd("the statement; expected 'where' or the end");
    return new Statement(editor, where, text);
  }

  private void expectEnd(String what) {
    Token t = peek();
    if (t.kind() != Kind.EOF) {
      throw error(t, "unexpected " + t.describe() + " after " + what);
    }
  }

  // ---- boolean expressions ------------------------------------------------------------------

  BoolExpr boolExpr() {
    int column = peek().column();
    List<BoolExpr> terms = new ArrayList<>();
    terms.add(term());
    while (peek().kind() == Kind.OR) {
      next();
      terms.add(term());
    }
    return terms.size() == 1 ? terms.get(0) : new BoolExpr.Or(terms, column);
  }

  private BoolExpr term() {
    int column = peek().column();
    List<BoolExpr> values = new ArrayList<>();
    values.add(boolValue());
    while (peek().kind() == Kind.AND) {
      next();
      values.add(boolValue());
    }
    return values.size() == 1 ? values.get(0) : new BoolExpr.And(values, column);
  }

  private BoolExpr boolValue() {
    Token start = peek();
    boolean negated = false;
    if (start.kind() == Kind.NOT) {
      next();
      negated = true;
    }
    BoolExpr result = alternatives(start);
    return negated ? new BoolExpr.Not(result, start.column()) : result;
  }

  private BoolExpr alternatives(Token start) {
    Token first = peek();
    int mark = pos;
    OttlSyntaxException furthest = null;
    // 1. comparison
    try {
      Expr left = value();
      Token op = peek();
      if (op.kind() != Kind.COMPARISON) {
        throw error(op, "expected a comparison operator (==, !=, <, <=, >, >=) after the value, got "
            + op.describe());
      }
      next();
      Expr right = value();
      return new BoolExpr.Comparison(left, op.text(), right, first.column());
    } catch (OttlSyntaxException e) {
      furthest = e;
      pos = mark;
    }
    // 2. constant or converter
    if (first.kind() == Kind.BOOLEAN) {
      next();
      return new BoolExpr.Constant(first.text().equals("true"), first.column());
    }
    if (first.kind() == Kind.UPPERCASE) {
      try {
        Expr.Call call = call();
        return new BoolExpr.ConverterCall(call, first.column());
      } catch (OttlSyntaxException e) {
        furthest = further(furthest, e);
        pos = mark;
      }
    }
    // 3. parenthesised sub-expression
    if (first.kind() == Kind.LPAREN) {
      try {
        next();
        BoolExpr inner = boolExpr();
        expect(Kind.RPAREN, "')' closing the condition");
        return inner;
      } catch (OttlSyntaxException e) {
        furthest = further(furthest, e);
        pos = mark;
      }
    }
    if (furthest.column() <= first.column()) {
      throw error(first, "expected a condition (a comparison, true/false, or a converter call), got "
          + first.describe());
    }
    throw furthest;
  }

  private static OttlSyntaxException further(OttlSyntaxException a, OttlSyntaxException b) {
    if (a == null) {
      return b;
    }
    return b.column() > a.column() ? b : a;
  }

  // ---- values -------------------------------------------------------------------------------

  Expr value() {
    Token t = peek();
    switch (t.kind()) {
      case LOWERCASE:
        if (t.text().equals("nil")) {
          next();
          return new Expr.NilLiteral(t.column());
        }
        return mathExpression();
      case BYTES:
        next();
        return bytes(t);
      case STRING:
        next();
        return new Expr.StringLiteral(unquote(t), t.column());
      case BOOLEAN:
        next();
        return new Expr.BoolLiteral(t.text().equals("true"), t.column());
      case LBRACE:
        return map();
      case PUNCT:
        if (t.text().equals("[")) {
          return list();
        }
        throw error(t, "expected a value, got " + t.describe());
      case UPPERCASE:
        if (!nameContinuesAfter(pos) && peek(1).kind() != Kind.LPAREN) {
          next();
          return new Expr.EnumSymbol(t.text(), t.column());
        }
        return mathExpression();
      case EOF:
        throw error(t, "expected a value, got end of input");
      default:
        return mathExpression();
    }
  }

  private Expr mathExpression() {
    Expr left = addSubTerm();
    while (peek().kind() == Kind.ADD_SUB) {
      Token op = next();
      Expr right = addSubTerm();
      left = new Expr.Math(left, op.text().charAt(0), right, left.column());
    }
    return left;
  }

  private Expr addSubTerm() {
    Expr left = mathValue();
    while (peek().kind() == Kind.MULT_DIV) {
      Token op = next();
      Expr right = mathValue();
      left = new Expr.Math(left, op.text().charAt(0), right, left.column());
    }
    return left;
  }

  private Expr mathValue() {
    if (peek().kind() == Kind.LPAREN) {
      next();
      Expr inner = mathExpression();
      expect(Kind.RPAREN, "')' closing the arithmetic expression");
      return inner;
    }
    return mathExprLiteral();
  }

  private Expr mathExprLiteral() {
    Token t = peek();
    switch (t.kind()) {
      case FLOAT:
        next();
        try {
          return new Expr.FloatLiteral(Double.parseDouble(t.text()), t.column());
        } catch (NumberFormatException e) {
          throw error(t, "invalid float " + t.text());
        }
      case INT:
        next();
        try {
          return new Expr.IntLiteral(Long.parseLong(t.text()), t.column());
        } catch (NumberFormatException e) {
          throw error(t, "integer " + t.text() + " does not fit in 64 bits");
        }
      case UPPERCASE:
      case LOWERCASE:
        {
          int mark = pos;
          String name = name();
          if (peek().kind() == Kind.LPAREN) {
            pos = mark;
            return call();
          }
          pos = mark;
          if (t.kind() == Kind.LOWERCASE) {
            return path();
          }
          throw error(t, "expected '(' after converter name '" + name + "'");
        }
      default:
        throw error(t, "expected a value, got " + t.describe());
    }
  }

  private Expr.Path path() {
    Token first = peek();
    List<Expr.Field> fields = new ArrayList<>();
    while (true) {
      Token f = peek();
      if (f.kind() != Kind.LOWERCASE) {
        throw error(f, "expected a path segment (a lower-case name), got " + f.describe());
      }
      next();
      if (nameContinuesAfter(pos - 1)) {
        throw error(peek(), "path segment '" + f.text() + peek().text()
            + "' must be lower case (letters a-z, digits, '_')");
      }
      fields.add(new Expr.Field(f.text(), keys(), f.column()));
      if (peek().isPunct(".")) {
        next();
      } else {
        break;
      }
    }
    String context = null;
    if (fields.size() >= 2
        && fields.get(0).keys().isEmpty()
        && OttlContext.isContextName(fields.get(0).name())) {
      context = fields.get(0).name();
      fields.remove(0);
    }
    return new Expr.Path(context, fields, first.column());
  }

  private List<Expr> keys() {
    List<Expr> keys = new ArrayList<>();
    while (peek().isPunct("[")) {
      next();
      Token t = peek();
      if (t.kind() == Kind.STRING) {
        next();
        keys.add(new Expr.StringLiteral(unquote(t), t.column()));
      } else if (t.isPunct("]")) {
        throw error(t, "empty index []; write a string key or an integer index");
      } else {
        keys.add(mathExpression());
      }
      expect(Kind.PUNCT, "]", "']' closing the index");
    }
    return keys;
  }

  Expr.Call call() {
    Token first = peek();
    String name = name();
    expect(Kind.LPAREN, "'(' after '" + name + "'");
    List<Expr.Argument> args = new ArrayList<>();
    if (peek().kind() != Kind.RPAREN) {
      while (true) {
        args.add(argument(name));
        Token sep = peek();
        if (sep.isPunct(",")) {
          next();
          continue;
        }
        if (sep.kind() == Kind.RPAREN) {
          break;
        }
        throw error(sep, "expected ',' or ')' in the arguments of " + name + ", got " + sep.describe());
      }
    }
    expect(Kind.RPAREN, "')' closing the arguments of " + name);
    return new Expr.Call(name, args, keys(), first.column());
  }

  private Expr.Argument argument(String function) {
    Token t = peek();
    if (t.kind() == Kind.RPAREN || t.isPunct(",")) {
      throw error(t, "missing argument in the call of " + function);
    }
    if (t.kind() == Kind.LOWERCASE) {
      int mark = pos;
      String argName = name();
      if (peek().kind() == Kind.EQUAL) {
        next();
        return new Expr.Argument(argName, argumentValue(), t.column());
      }
      pos = mark;
    }
    return new Expr.Argument(null, argumentValue(), t.column());
  }

  private Expr argumentValue() {
    Token t = peek();
    if (t.kind() == Kind.UPPERCASE) {
      int mark = pos;
      String name = name();
      if (peek().kind() != Kind.LPAREN && name.length() > t.text().length()) {
        return new Expr.FunctionName(name, t.column());
      }
      pos = mark;
    }
    return value();
  }

  private Expr.ListLiteral list() {
    Token open = next();
    List<Expr> items = new ArrayList<>();
    if (!peek().isPunct("]")) {
      while (true) {
        items.add(value());
        Token sep = peek();
        if (sep.isPunct(",")) {
          next();
          continue;
        }
        if (sep.isPunct("]")) {
          break;
        }
        throw error(sep, "expected ',' or ']' in the list, got " + sep.describe());
      }
    }
    next();
    return new Expr.ListLiteral(items, open.column());
  }

  private Expr.MapLiteral map() {
    Token open = next();
    List<Expr.MapEntry> entries = new ArrayList<>();
    while (peek().kind() != Kind.RBRACE) {
      Token key = peek();
      if (key.kind() != Kind.STRING) {
        throw error(key, "expected a string key or '}' in the map, got " + key.describe());
      }
      next();
      expect(Kind.COLON, "':' after the map key");
      entries.add(new Expr.MapEntry(unquote(key), value()));
      if (peek().isPunct(",")) {
        next();
      }
    }
    next();
    return new Expr.MapLiteral(entries, open.column());
  }

  // ---- tokens -------------------------------------------------------------------------------

  private static boolean isName(Token t) {
    return t.kind() == Kind.UPPERCASE || t.kind() == Kind.LOWERCASE;
  }

  /** Whether the token after the one at {@code index} is a name part written right against it. */
  private boolean nameContinuesAfter(int index) {
    Token t = tokens.get(index);
    Token n = tokens.get(Math.min(index + 1, tokens.size() - 1));
    return isName(n) && n.offset() == t.end();
  }

  /**
   * A function name: OTTL's lexer splits {@code ParseJSON} into Uppercase/Lowercase runs and the
   * grammar joins adjacent runs again.
   */
  private String name() {
    Token t = next();
    StringBuilder b = new StringBuilder(t.text());
    int end = t.end();
    while (isName(peek()) && peek().offset() == end) {
      Token n = next();
      b.append(n.text());
      end = n.end();
    }
    return b.toString();
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  private void expect(Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw error(t, "expected " + what + ", got " + t.describe());
    }
    next();
  }

  private void expect(Kind kind, String text, String what) {
    Token t = peek();
    if (!t.is(kind, text)) {
      throw error(t, "expected " + what + ", got " + t.describe());
    }
    next();
  }

  private static OttlSyntaxException error(Token at, String message) {
    return new OttlSyntaxException(at.column(), message);
  }

  private static Expr.BytesLiteral bytes(Token t) {
    String hex = t.text().substring(2);
    if (hex.length() % 2 != 0) {
      throw error(t, "byte literal " + t.text() + " has an odd number of hex digits");
    }
    return new Expr.BytesLiteral(hex.toLowerCase(java.util.Locale.ROOT), t.column());
  }

  /** Go's strconv.Unquote for a double-quoted literal, as participle.Unquote applies it. */
  static String unquote(Token t) {
    String lit = t.text();
    StringBuilder b = new StringBuilder(lit.length());
    int end = lit.length() - 1;
    for (int i = 1; i < end; i++) {
      char c = lit.charAt(i);
      if (c == '\n') {
        throw new OttlSyntaxException(t.column() + i, "newline in string literal");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      int at = t.column() + i;
      char e = lit.charAt(++i);
      switch (e) {
        case 'a' -> b.append('\u0007');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'v' -> b.append('\u000b');
        case '\\' -> b.append('\\');
        case '"' -> b.append('"');
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + digits >= end + 1 || !isHex(lit, i + 1, digits)) {
            throw new OttlSyntaxException(at, "invalid escape \\" + e + " in string literal: needs "
                + digits + " hex digits");
          }
          b.appendCodePoint(Integer.parseInt(lit.substring(i + 1, i + 1 + digits), 16));
          i += digits;
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 2 >= end || !isOctal(lit, i, 3)) {
            throw new OttlSyntaxException(at, "invalid octal escape in string literal: needs 3 digits");
          }
          int v = Integer.parseInt(lit.substring(i, i + 3), 8);
          if (v > 255) {
            throw new OttlSyntaxException(at, "octal escape value > 255 in string literal");
          }
          b.append((char) v);
          i += 2;
        }
        default -> throw new OttlSyntaxException(at, "invalid escape \\" + e
            + " in string literal; write \\\\" + e + " for a literal backslash (e.g. regex \"\\\\d\")");
      }
    }
    return b.toString();
  }

  private static boolean isHex(String s, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOctal(String s, int from, int count) {
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return true;
  }

  /** The grammar's post-parse checks (grammarCustomErrorsVisitor in pkg/ottl). */
  private static final class CustomErrors {
    private CustomErrors() {}

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
        or.terms().forEach(CustomErrors::check);
      } else if (b instanceof BoolExpr.And and) {
        and.terms().forEach(CustomErrors::check);
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
        c.keys().forEach(CustomErrors::check);
      } else if (e instanceof Expr.Path p) {
        p.fields().forEach(f -> f.keys().forEach(CustomErrors::check));
      } else if (e instanceof Expr.ListLiteral l) {
        l.items().forEach(CustomErrors::check);
      } else if (e instanceof Expr.MapLiteral m) {
        m.entries().forEach(en -> check(en.value()));
      } else if (e instanceof Expr.Math m) {
        check(m.left());
        check(m.right());
      }
    }
  }
}
