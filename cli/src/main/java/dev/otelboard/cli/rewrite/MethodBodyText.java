package dev.otelboard.cli.rewrite;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Edits of a method's printed text that the lexical-preserving printer would indent badly: a marker
 * annotation set during the visit finds the method again after printing; it is then replaced by an
 * annotation (or removed), statements go first in the body, or the whole body is wrapped.
 */
final class MethodBodyText {
  private MethodBodyText() {}

  /**
   * One method's edit.
   *
   * @param marker the simple name of the marker annotation placed on the method
   * @param annotation what replaces the marker; empty to remove it
   * @param first statements to put first in the body, without indentation
   * @param before lines to open a wrapper with, one indentation step apart per level given by
   *     leading tabs ({@code "\t"} per level beyond the first); empty for no wrapper
   * @param after lines that close the wrapper, in the same notation
   */
  record Edit(
      String marker, String annotation, List<String> first, List<String> before,
      List<String> after) {}

  /** Whether the method's braces sit on lines of their own, so its lines can be moved as a block. */
  static boolean bracesOnOwnLines(MethodDeclaration method) {
    Optional<BlockStmt> body = method.getBody();
    if (body.isEmpty() || body.get().getBegin().isEmpty() || body.get().getEnd().isEmpty()) {
      return false;
    }
    int open = body.get().getBegin().get().line;
    int close = body.get().getEnd().get().line;
    if (open == close) {
      return false;
    }
    var statements = body.get().getStatements();
    return statements.isEmpty()
        || statements.getFirst().flatMap(s -> s.getBegin()).map(p -> p.line > open).orElse(false)
            && statements.getLast().flatMap(s -> s.getEnd()).map(p -> p.line < close).orElse(false);
  }

  /** Applies {@code edit} to {@code text}; the text is unchanged when the marker is not there. */
  static String apply(String text, Edit edit) {
    CompilationUnit unit =
        new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
            .parse(text).getResult().orElse(null);
    if (unit == null) {
      return text;
    }
    MarkerAnnotationExpr marker = unit.findAll(MarkerAnnotationExpr.class).stream()
        .filter(a -> a.getNameAsString().equals(edit.marker()))
        .findFirst().orElse(null);
    if (marker == null || !(marker.getParentNode().orElse(null) instanceof MethodDeclaration m)
        || m.getBody().isEmpty()) {
      return text;
    }
    String nl = text.contains("\r\n") ? "\r\n" : "\n";
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    BlockStmt body = m.getBody().get();
    int open = body.getBegin().orElseThrow().line - 1;
    int close = body.getEnd().orElseThrow().line - 1;
    String methodIndent = indentOf(lines.get(m.getName().getBegin().orElseThrow().line - 1));
    String unitIndent = indentUnit(lines, body, methodIndent);
    String inner = methodIndent + unitIndent;
    List<String> insert = new ArrayList<>();
    if (!edit.before().isEmpty()) {
      edit.before().forEach(l -> insert.add(indented(l, inner, unitIndent)));
      for (int i = open + 1; i < close; i++) {
        String line = lines.get(i);
        lines.set(i, line.isBlank() ? line : unitIndent + line);
      }
      List<String> closing = new ArrayList<>();
      edit.after().forEach(l -> closing.add(indented(l, inner, unitIndent)));
      lines.addAll(close, closing);
    }
    String firstIndent = edit.before().isEmpty() ? inner : inner + unitIndent;
    edit.first().forEach(s -> insert.add(firstIndent + s));
    lines.addAll(open + 1, insert);
    int line = marker.getBegin().orElseThrow().line - 1;
    int from = marker.getBegin().orElseThrow().column - 1;
    int to = marker.getEnd().orElseThrow().column;
    String annotated = lines.get(line);
    String replaced = annotated.substring(0, from) + edit.annotation() + annotated.substring(to);
    if (replaced.isBlank()) {
      lines.remove(line);
    } else {
      lines.set(line, edit.annotation().isEmpty()
          ? annotated.substring(0, from) + annotated.substring(to).stripLeading()
          : replaced);
    }
    return String.join(nl, lines);
  }

  private static String indented(String line, String inner, String unit) {
    int levels = 0;
    while (levels < line.length() && line.charAt(levels) == '\t') {
      levels++;
    }
    return inner + unit.repeat(levels) + line.substring(levels);
  }

  private static String indentUnit(List<String> lines, BlockStmt body, String methodIndent) {
    Optional<Integer> firstLine =
        body.getStatements().getFirst().flatMap(s -> s.getBegin()).map(p -> p.line - 1);
    if (firstLine.isPresent()) {
      String indent = indentOf(lines.get(firstLine.get()));
      if (indent.startsWith(methodIndent) && indent.length() > methodIndent.length()) {
        return indent.substring(methodIndent.length());
      }
    }
    return methodIndent.isEmpty() ? "    " : methodIndent.startsWith("\t") ? "\t"
        : methodIndent.length() % 4 == 0 && methodIndent.length() > 2 ? "    " : "  ";
  }

  private static String indentOf(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.substring(0, i);
  }
}
