package dev.otelboard.collector.processor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * snake_case and CamelCase as the collector computes them (github.com/iancoleman/strcase
 * v0.3.0, which ToSnakeCase, ToCamelCase and ConvertCase call): byte by byte, ASCII letters and
 * digits only; other bytes are kept (snake) or dropped (camel).
 */
final class CaseStyles {
  private CaseStyles() {}

  static String snake(String text) {
    if (text.isEmpty()) {
      return text;
    }
    byte[] s = text.strip().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream n = new ByteArrayOutputStream(s.length + 2);
    for (int i = 0; i < s.length; i++) {
      byte v = s[i];
      boolean vIsCap = v >= 'A' && v <= 'Z';
      boolean vIsLow = v >= 'a' && v <= 'z';
      if (vIsCap) {
        v += 'a' - 'A';
      }
      if (i + 1 < s.length) {
        byte next = s[i + 1];
        boolean vIsNum = v >= '0' && v <= '9';
        boolean nextIsCap = next >= 'A' && next <= 'Z';
        boolean nextIsLow = next >= 'a' && next <= 'z';
        boolean nextIsNum = next >= '0' && next <= '9';
        if ((vIsCap && (nextIsLow || nextIsNum)) || (vIsLow && (nextIsCap || nextIsNum))
            || (vIsNum && (nextIsCap || nextIsLow))) {
          if (vIsCap && nextIsLow && i > 0 && s[i - 1] >= 'A' && s[i - 1] <= 'Z') {
            n.write('_');
          }
          n.write(v);
          if (vIsLow || vIsNum || nextIsNum) {
            n.write('_');
          }
          continue;
        }
      }
      n.write(v == ' ' || v == '_' || v == '-' || v == '.' ? '_' : v);
    }
    return n.toString(StandardCharsets.UTF_8);
  }

  static String camel(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return trimmed;
    }
    byte[] s = trimmed.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream n = new ByteArrayOutputStream(s.length);
    boolean capNext = true;
    boolean prevIsCap = false;
    for (int i = 0; i < s.length; i++) {
      byte v = s[i];
      boolean vIsCap = v >= 'A' && v <= 'Z';
      boolean vIsLow = v >= 'a' && v <= 'z';
      if (capNext) {
        if (vIsLow) {
          v -= 'a' - 'A';
        }
      } else if (i == 0) {
        if (vIsCap) {
          v += 'a' - 'A';
        }
      } else if (prevIsCap && vIsCap) {
        v += 'a' - 'A';
      }
      prevIsCap = vIsCap;
      if (vIsCap || vIsLow) {
        n.write(v);
        capNext = false;
      } else if (v >= '0' && v <= '9') {
        n.write(v);
        capNext = true;
      } else {
        capNext = v == '_' || v == ' ' || v == '-' || v == '.';
      }
    }
    return n.toString(StandardCharsets.UTF_8);
  }
}
