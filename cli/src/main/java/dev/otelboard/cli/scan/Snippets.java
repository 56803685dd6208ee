package dev.otelboard.cli.scan;

/** Text helpers for snippets and config files. */
final class Snippets {
  private Snippets() {}

  /** {@code s} on one line, whitespace collapsed, cut at {@code max} characters with "...". */
  static String oneLine(String s, int max) {
    String line = s.strip().replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max - 3) + "...";
  }

  /** The 1-based line of {@code offset} in {@code text}. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The 1-based column of {@code offset} in {@code text}. */
  static int columnOf(String text, int offset) {
    int lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    return offset - lineStart + 1;
  }

  /** XML with comments blanked out (newlines kept, so offsets and lines stay right). */
  static String withoutXmlComments(String xml) {
    StringBuilder b = new StringBuilder(xml);
    int from = 0;
    while (true) {
      int start = b.indexOf("<!--", from);
      if (start < 0) {
        break;
      }
      int end = b.indexOf("-->", start + 4);
      end = end < 0 ? b.length() : end + 3;
      for (int i = start; i < end; i++) {
        if (b.charAt(i) != '\n') {
          b.setCharAt(i, ' ');
        }
      }
      from = end;
    }
    return b.toString();
  }
}
