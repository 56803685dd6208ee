package dev.otelboard.cli.rewrite;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.function.Predicate;

/**
 * {@code main} starts OpenTelemetry first, so log appenders are installed and the exporters run
 * before the service handles its first request. The statement is inserted as text (with the
 * indentation of the body's first statement) because the lexical-preserving printer mis-indents
 * new statements.
 */
final class InitBootstrap implements JavaRewrite {
  static final RewriteId ID = RewriteId.INIT_BOOTSTRAP;

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "main() starts OpenTelemetry before anything else";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("static void main");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    String bootstrapSimple = context.settings().bootstrapClass();
    for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
      if (!isMain(method) || method.getBody().isEmpty()) {
        continue;
      }
      BlockStmt body = method.getBody().get();
      boolean started =
          body.findAll(MethodCallExpr.class).stream()
              .anyMatch(c -> c.getNameAsString().equals("init")
                  && c.getScope().map(s -> s.toString().endsWith(bootstrapSimple)).orElse(false));
      if (started) {
        continue;
      }
      String bootstrap =
          RewriteContext.reference(unit, context.settings().generated(bootstrapSimple));
      context.changed(method, ID, "main() starts OpenTelemetry first");
      context.need(Instrumentation.BOOTSTRAP);
      String statement = bootstrap + ".init();";
      context.editPrintedText(text -> insertFirst(text, InitBootstrap::isMain, statement));
    }
  }

  /**
   * Inserts {@code statement} as the first line of the first method {@code which} selects that
   * does not hold it yet.
   */
  static String insertFirst(String text, Predicate<MethodDeclaration> which, String statement) {
    CompilationUnit unit =
        new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
            .parse(text).getResult().orElseThrow();
    for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
      if (!which.test(method) || method.getBody().isEmpty()) {
        continue;
      }
      BlockStmt body = method.getBody().get();
      if (body.toString().contains(statement)) {
        continue;
      }
      String[] lines = text.split("\n", -1);
      String nl = text.contains("\r\n") ? "\r" : "";
      int braceLine = body.getBegin().orElseThrow().line;
      String indent;
      if (!body.getStatements().isEmpty()) {
        int first = body.getStatement(0).getBegin().orElseThrow().line;
        indent = leadingWhitespace(lines[first - 1]);
        if (first == braceLine) {
          break; // `{ stmt;` on one line: leave it to a person rather than mangle it
        }
      } else {
        indent = leadingWhitespace(lines[method.getBegin().orElseThrow().line - 1]) + "  ";
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          out.append('\n');
        }
        out.append(lines[i]);
        if (i == braceLine - 1) {
          out.append('\n').append(indent).append(statement).append(nl);
        }
      }
      return out.toString();
    }
    return text;
  }

  private static String leadingWhitespace(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.substring(0, i);
  }

  static boolean isMain(MethodDeclaration method) {
    return method.getNameAsString().equals("main")
        && method.isStatic()
        && method.getType().isVoidType()
        && method.getParameters().size() == 1
        && method.getParameter(0).getType().asString().replace(" ", "")
            .matches("String(\\[\\]|\\.\\.\\.)")
        || method.getNameAsString().equals("main")
            && method.isStatic()
            && method.getParameters().size() == 1
            && method.getParameter(0).isVarArgs()
            && method.getParameter(0).getTypeAsString().equals("String");
  }
}
