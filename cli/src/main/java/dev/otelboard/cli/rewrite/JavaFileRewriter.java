package dev.otelboard.cli.rewrite;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import java.util.List;
import java.util.Set;

/**
 * Applies Java rewrites to one source file: parse with the lexical-preserving printer set up, run
 * each rewrite whose precondition holds, print. A file that does not parse, or whose rewrite
 * throws, comes back unchanged with the reason and line.
 */
public final class JavaFileRewriter {
  private final JavaParser parser;
  private final List<JavaRewrite> rewrites;
  private final RewriteSettings settings;

  /** A rewriter for one thread (JavaParser instances are not thread-safe). */
  public JavaFileRewriter(List<JavaRewrite> rewrites, RewriteSettings settings) {
    this.parser =
        new JavaParser(
            new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setLexicalPreservationEnabled(false));
    this.rewrites = List.copyOf(rewrites);
    this.settings = settings;
  }

  /**
   * The outcome for one file.
   *
   * @param text the new text, or the original when nothing changed or it failed
   * @param changes what changed
   * @param manual what a person has to do
   * @param needs what the new code needs at build time
   * @param failure null, or why the file was left alone
   * @param failureLine the line of the failure, or 0
   */
  public record Result(
      String text,
      List<Change> changes,
      List<ManualItem> manual,
      Set<Instrumentation> needs,
      String failure,
      int failureLine) {
    /** Whether the text differs from the input. */
    public boolean changed(String original) {
      return !text.equals(original);
    }
  }

  /** Rewrites {@code source}; {@code file} names it in changes and errors. */
  public Result rewrite(String file, String source) {
    List<JavaRewrite> applicable =
        rewrites.stream().filter(r -> r.precondition(source)).toList();
    if (applicable.isEmpty()) {
      return new Result(source, List.of(), List.of(), Set.of(), null, 0);
    }
    ParseResult<CompilationUnit> parsed = parser.parse(source);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      Problem problem = parsed.getProblems().isEmpty() ? null : parsed.getProblems().get(0);
      int line =
          problem == null
              ? 0
              : problem.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line)
                  .orElse(0);
      String message = problem == null ? "does not parse" : firstLine(problem.getMessage());
      return new Result(source, List.of(), List.of(), Set.of(), "does not parse: " + message, line);
    }
    CompilationUnit unit = parsed.getResult().get();
    RewriteContext context = new RewriteContext(file, settings);
    try {
      LexicalPreservingPrinter.setup(unit);
      for (JavaRewrite rewrite : applicable) {
        rewrite.visit(unit, context);
      }
      if (context.changes().isEmpty()) {
        return new Result(source, List.of(), List.copyOf(context.manualItems()), Set.of(), null, 0);
      }
      String printed = LexicalPreservingPrinter.print(unit);
      printed = RewriteContext.addImports(printed, RewriteContext.pendingImports(unit));
      for (var edit : context.textEdits()) {
        printed = edit.apply(printed);
      }
      return new Result(
          printed,
          List.copyOf(context.changes()),
          List.copyOf(context.manualItems()),
          Set.copyOf(context.needs()),
          null,
          0);
    } catch (RuntimeException e) {
      int line = context.changes().isEmpty() ? 0 : context.changes().get(0).line();
      return new Result(
          source, List.of(), List.of(), Set.of(),
          "rewrite failed: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()),
          line);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
