package com.example.checkout.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deliberately small JSON reader and writer for flat objects such as {@code
 * {"sku":"ABC-1","quantity":2}}. Nested objects and arrays are rejected.
 */
public final class JsonBody {

  private final String text;
  private int pos;

  private JsonBody(String text) {
    this.text = text;
  }

  /**
   * Reads a flat object; every value comes back as its text ({@code 2}, {@code true}, {@code
   * ABC-1}), {@code null} values are left out.
   *
   * @throws IllegalArgumentException when {@code json} is not a flat JSON object
   */
  public static Map<String, String> parse(String json) {
    return new JsonBody(json).readObject();
  }

  /** Writes a flat object; numbers and booleans unquoted, everything else as a string. */
  public static String write(Map<String, ?> fields) {
    StringBuilder out = new StringBuilder("{");
    fields.forEach(
        (name, value) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          quote(out, name).append(':');
          if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
          } else {
            quote(out, String.valueOf(value));
          }
        });
    return out.append('}').toString();
  }

  private Map<String, String> readObject() {
    Map<String, String> fields = new LinkedHashMap<>();
    skipWhitespace();
    expect('{');
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return finish(fields);
    }
    while (true) {
      skipWhitespace();
      String name = readString();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      String value = readValue();
      if (value != null) {
        fields.put(name, value);
      }
      skipWhitespace();
      char next = next();
      if (next == '}') {
        return finish(fields);
      }
      if (next != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private Map<String, String> finish(Map<String, String> fields) {
    skipWhitespace();
    if (pos != text.length()) {
      throw error("unexpected text after the object");
    }
    return fields;
  }

  private String readValue() {
    char c = peek();
    if (c == '"') {
      return readString();
    }
    if (c == '{' || c == '[') {
      throw error("nested values are not supported");
    }
    int start = pos;
    while (pos < text.length() && ",} \t\r\n".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String literal = text.substring(start, pos);
    if (literal.equals("null")) {
      return null;
    }
    if (literal.equals("true") || literal.equals("false") || literal.matches("-?\\d+(\\.\\d+)?")) {
      return literal;
    }
    throw error("unexpected value '" + literal + "'");
  }

  private String readString() {
    expect('"');
    StringBuilder value = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return value.toString();
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      char escaped = next();
      switch (escaped) {
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("short unicode escape");
          }
          value.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> value.append(escaped);
      }
    }
  }

  private void skipWhitespace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char expected) {
    if (next() != expected) {
      pos--;
      throw error("expected '" + expected + "'");
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("invalid JSON at " + pos + ": " + message);
  }

  private static StringBuilder quote(StringBuilder out, String value) {
    out.append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
