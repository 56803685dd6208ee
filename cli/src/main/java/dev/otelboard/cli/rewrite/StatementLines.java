package dev.otelboard.cli.rewrite;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Inserts lines after statements of a printed source, at the statement's indentation. Done on the
 * printed text because the lexical-preserving printer mis-indents statements it adds; the
 * registration rewrites ({@link RegisterJettyFilter}, {@link RegisterTomcatFilter}) share it.
 */
final class StatementLines {
  private StatementLines() {}

  /** The variable a value is stored in and the block statement that does it. */
  record Target(String variable, ExpressionStmt statement, BlockStmt block) {
    /**
     * The statements after this one in its block, up to the next one that assigns the variable
     * again: where a registration of this value (and no other) is.
     */
    List<Statement> following() {
      List<Statement> out = new ArrayList<>();
      List<Statement> all = block.getStatements();
      for (int i = all.indexOf(statement) + 1; i < all.size(); i++) {
        if (assigns(all.get(i), variable)) {
          break;
        }
        out.add(all.get(i));
      }
      return out;
    }
  }

  /** Where {@code value} is stored: a variable declared or assigned by a statement of a block. */
  static Optional<Target> target(Expression value) {
    Node parent = value.getParentNode().orElse(null);
    String variable = null;
    if (parent instanceof VariableDeclarator declarator) {
      variable = declarator.getNameAsString();
    } else if (parent instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr n) {
      variable = n.getNameAsString();
    }
    if (variable == null) {
      return Optional.empty();
    }
    Optional<ExpressionStmt> statement = value.findAncestor(ExpressionStmt.class);
    if (statement.isEmpty() || !(statement.get().getParentNode().orElse(null)
        instanceof BlockStmt block)) {
      return Optional.empty();
    }
    return Optional.of(new Target(variable, statement.get(), block));
  }

  private static boolean assigns(Statement statement, String variable) {
    return statement.findAll(VariableDeclarator.class).stream()
            .anyMatch(d -> d.getNameAsString().equals(variable))
        || statement.findAll(AssignExpr.class).stream()
            .anyMatch(a -> a.getTarget() instanceof NameExpr n
                && n.getNameAsString().equals(variable));
  }

  /**
   * Parses {@code text}, asks {@code targets} which statements of it get {@code lines} after them,
   * and inserts them; the text as it was when it does not parse or nothing is targeted.
   */
  static String insertAfter(String text, Function<CompilationUnit, List<? extends Statement>> targets,
      List<String> lines) {
    return insertAfter(text, unit -> {
      Map<Statement, List<String>> out = new LinkedHashMap<>();
      targets.apply(unit).forEach(s -> out.put(s, lines));
      return out;
    });
  }

  /** As above, with the lines to insert chosen per statement. */
  static String insertAfter(String text,
      Function<CompilationUnit, Map<? extends Statement, List<String>>> targets) {
    CompilationUnit unit = new JavaParser(new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
        .parse(text).getResult().orElse(null);
    if (unit == null) {
      return text;
    }
    List<Map.Entry<? extends Statement, List<String>>> statements =
        new ArrayList<>(targets.apply(unit).entrySet());
    if (statements.isEmpty()) {
      return text;
    }
    String nl = text.contains("\r\n") ? "\r\n" : "\n";
    List<String> out = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    // Bottom-up, so earlier line numbers stay valid.
    statements.sort(Comparator.comparingInt(
        (Map.Entry<? extends Statement, List<String>> e) -> e.getKey().getEnd().orElseThrow().line)
        .reversed());
    for (Map.Entry<? extends Statement, List<String>> e : statements) {
      Statement s = e.getKey();
      int first = s.getBegin().orElseThrow().line - 1;
      int last = s.getEnd().orElseThrow().line - 1;
      String line = out.get(first);
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      out.addAll(last + 1, e.getValue().stream().map(l -> indent + l).toList());
    }
    return String.join(nl, out);
  }
}
