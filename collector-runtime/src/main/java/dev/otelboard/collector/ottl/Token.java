package dev.otelboard.collector.ottl;

/** One lexeme of an OTTL text; {@code offset} is 0-based into the text. */
record Token(Kind kind, String text, int offset) {

  /** Token kinds, in the order OTTL's lexer tries them (pkg/ottl/grammar.go, buildLexer). */
  enum Kind {
    BYTES,
    FLOAT,
    INT,
    STRING,
    NIL,
    NOT,
    OR,
    AND,
    COMPARISON,
    LAMBDA_ARROW,
    ADD_SUB,
    MULT_DIV,
    BOOLEAN,
    EQUAL,
    LPAREN,
    RPAREN,
    LBRACE,
    RBRACE,
    COLON,
    PUNCT,
    UPPERCASE,
    LOWERCASE,
    EOF
  }

  int column() {
    return offset + 1;
  }

  int end() {
    return offset + text.length();
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isPunct(String t) {
    return kind == Kind.PUNCT && text.equals(t);
  }

  /** How the token reads in an error message. */
  String describe() {
    return kind == Kind.EOF ? "end of input" : "'" + text + "'";
  }
}
