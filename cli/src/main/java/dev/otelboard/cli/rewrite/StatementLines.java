package dev.otelboard.cli.rewrite;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Inserts lines after statements of a printed source, at the statement's indentation. Done on the
 * printed text because the lexical-preserving printer mis-indents statements it adds; the
 * registration rewrites ({@link RegisterJettyFilter}, {@link RegisterTomcatFilter}) share it.
 */
final class StatementLines {
  private StatementLines() {}

  /**
   * Parses {@code text}, asks {@code targets} which statements of it get {@code lines} after them,
   * and inserts them; the text as it was when it does not parse or nothing is targeted.
   */
  static String insertAfter(String text, Function<CompilationUnit, List<? extends Statement>> targets,
      List<String> lines) {
    CompilationUnit unit = new JavaParser(new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
        .parse(text).getResult().orElse(null);
    if (unit == null) {
      return text;
    }
    List<Statement> statements = new ArrayList<>(targets.apply(unit));
    if (statements.isEmpty()) {
      return text;
    }
    String nl = text.contains("\r\n") ? "\r\n" : "\n";
    List<String> out = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    // Bottom-up, so earlier line numbers stay valid.
    statements.sort(Comparator.comparingInt(
        (Statement s) -> s.getEnd().orElseThrow().line).reversed());
    for (Statement s : statements) {
      int first = s.getBegin().orElseThrow().line - 1;
      int last = s.getEnd().orElseThrow().line - 1;
      String line = out.get(first);
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      out.addAll(last + 1, lines.stream().map(l -> indent + l).toList());
    }
    return String.join(nl, out);
  }
}
