package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;

/**
 * One change to Java source, in the shape of an OpenRewrite recipe: a cheap precondition on the raw
 * text, then a visitor over the lossless tree that only touches what it matches and leaves the tree
 * alone when the code is already instrumented — which makes it idempotent by construction.
 */
public interface JavaRewrite {
  /** The stable id, shared with the findings of {@code otelboard scan}. */
  RewriteId id();

  /** One line for the summary and the docs. */
  String description();

  /** A cheap test on the source text; false means the visitor can't find anything. */
  boolean precondition(String source);

  /** Changes {@code unit} in place and reports each change and manual item to {@code context}. */
  void visit(CompilationUnit unit, RewriteContext context);
}
