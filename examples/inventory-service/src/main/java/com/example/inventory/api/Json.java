package com.example.inventory.api;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough JSON for flat request and response bodies. */
final class Json {

  private Json() {}

  static Optional<String> stringField(String body, String name) {
    Matcher matcher =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(body);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  static OptionalLong numberField(String body, String name) {
    Matcher matcher =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?(-?\\d{1,18})\"?")
            .matcher(body);
    return matcher.find()
        ? OptionalLong.of(Long.parseLong(matcher.group(1)))
        : OptionalLong.empty();
  }

  /** Writes a flat object; values are numbers, booleans or strings (quoted and escaped). */
  static String object(Map<String, ?> fields) {
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(escape(field.getKey())).append("\":");
      Object value = field.getValue();
      if (value instanceof Number || value instanceof Boolean) {
        json.append(value);
      } else {
        json.append('"').append(escape(String.valueOf(value))).append('"');
      }
    }
    return json.append('}').toString();
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> {
          if (c < 0x20) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
