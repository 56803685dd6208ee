package dev.otelboard.cli.scan;

import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.List;

/** A non-Java file (build file, logging config, Dockerfile, script) and the findings in it. */
final class TextSource {
  final String file;
  final String name;
  final Scope scope;
  final String text;
  final List<Finding> findings = new ArrayList<>();

  TextSource(String file, Scope scope, String text) {
    this.file = file;
    this.name = file.substring(file.lastIndexOf('/') + 1);
    this.scope = scope;
    this.text = text;
  }

  /** Records a finding at a character offset of the text. */
  void addAt(
      FindingKind kind,
      int offset,
      String symbol,
      boolean instrumented,
      RewriteId rewrite,
      String reason) {
    int line = offset < 0 ? 1 : Snippets.lineOf(text, offset);
    int column = offset < 0 ? 1 : Snippets.columnOf(text, offset);
    findings.add(
        new Finding(kind, file, line, column, null, null, symbol, lineText(offset),
            instrumented, rewrite, reason, scope, ""));
  }

  private String lineText(int offset) {
    if (offset < 0) {
      return "";
    }
    int start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    if (offset == 0) {
      start = 0;
    }
    int end = text.indexOf('\n', offset);
    return Snippets.oneLine(text.substring(start, end < 0 ? text.length() : end), 120);
  }
}
