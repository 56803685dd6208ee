package dev.otelboard.collector.ottl;

import dev.otelboard.collector.ottl.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits OTTL text into tokens with the same rules, in the same order, as the collector's
 * participle lexer: the first rule that matches at a position wins (no longest match), and
 * whitespace is dropped. The rules are those of the collector 0.158.0: unsigned numbers (a sign is
 * the arithmetic's unary operator), {@code nil} as its own token and the lambda arrow.
 */
final class OttlLexer {
  private static final Kind[] KINDS = {
    Kind.BYTES, Kind.FLOAT, Kind.INT, Kind.STRING, Kind.NIL, Kind.NOT, Kind.OR, Kind.AND,
    Kind.COMPARISON, Kind.LAMBDA_ARROW, Kind.ADD_SUB, Kind.MULT_DIV, Kind.BOOLEAN, Kind.EQUAL,
    Kind.LPAREN, Kind.RPAREN, Kind.LBRACE, Kind.RBRACE, Kind.COLON, Kind.PUNCT, Kind.UPPERCASE,
    Kind.LOWERCASE
  };
  private static final Pattern[] PATTERNS = {
    Pattern.compile("0x[a-fA-F0-9]+"),
    Pattern.compile("(\\d+\\.\\d*|\\d*\\.\\d+)([eE][-+]?\\d+)?"),
    Pattern.compile("\\d+"),
    Pattern.compile("\"(\\\\.|[^\\\\\"])*\""),
    Pattern.compile("\\b(nil)\\b"),
    Pattern.compile("\\b(not)\\b"),
    Pattern.compile("\\b(or)\\b"),
    Pattern.compile("\\b(and)\\b"),
    Pattern.compile("==|!=|>=|<=|>|<"),
    Pattern.compile("=>"),
    Pattern.compile("\\+|-"),
    Pattern.compile("/|\\*"),
    Pattern.compile("\\b(true|false)\\b"),
    Pattern.compile("="),
    Pattern.compile("\\("),
    Pattern.compile("\\)"),
    Pattern.compile("\\{"),
    Pattern.compile("\\}"),
    Pattern.compile(":"),
    Pattern.compile("[,.\\[\\]]"),
    Pattern.compile("[A-Z][A-Z0-9_]*"),
    Pattern.compile("[a-z][a-z0-9_]*"),
  };
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private OttlLexer() {}

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher ws = WHITESPACE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    Matcher[] matchers = new Matcher[PATTERNS.length];
    for (int i = 0; i < PATTERNS.length; i++) {
      matchers[i] = PATTERNS[i].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }
    int pos = 0;
    int length = text.length();
    while (pos < length) {
      ws.region(pos, length);
      if (ws.lookingAt()) {
        pos = ws.end();
        continue;
      }
      Token token = null;
      for (int i = 0; i < matchers.length && token == null; i++) {
        Matcher m = matchers[i];
        m.region(pos, length);
        if (m.lookingAt() && m.end() > pos) {
          token = new Token(KINDS[i], text.substring(pos, m.end()), pos);
        }
      }
      if (token == null) {
        throw new OttlSyntaxException(pos + 1, unexpectedCharacter(text, pos));
      }
      tokens.add(token);
      pos = token.end();
    }
    tokens.add(new Token(Kind.EOF, "", length));
    return tokens;
  }

  private static String unexpectedCharacter(String text, int pos) {
    char c = text.charAt(pos);
    if (c == '"') {
      return "unterminated string literal";
    }
    if (c == '\'') {
      return "unexpected character '''; OTTL strings use double quotes";
    }
    if (c == '_' && text.indexOf("=>", pos) > 0) {
      return "lambda expressions need the ottl.functions.enableLambda feature gate and are not"
          + " supported by this validator";
    }
    if (c == '&' || c == '|') {
      return "unexpected character '" + c + "'; use 'and' / 'or'";
    }
    if (c == '!') {
      return "unexpected character '!'; use 'not' or '!='";
    }
    if (Character.isLetter(c) || c == '_') {
      return "unexpected character '" + c + "'; names start with a letter a-z or A-Z";
    }
    return "unexpected character '" + c + "'";
  }
}
