package dev.otelboard.cli.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The golden-test harness: apply a rewrite, compare with the expected text, apply it again. */
final class RewriteTester {
  static final RewriteSettings SETTINGS = RewriteSettings.adapters("com.example.shop");

  private RewriteTester() {}

  /** Applies {@code rewrite} to {@code before}; expects {@code after}; a second pass changes nothing. */
  static JavaFileRewriter.Result assertRewrite(JavaRewrite rewrite, String before, String after) {
    JavaFileRewriter rewriter = new JavaFileRewriter(List.of(rewrite), SETTINGS);
    JavaFileRewriter.Result first = rewriter.rewrite("Shop.java", before);
    assertThat(first.failure()).isNull();
    assertThat(first.text()).isEqualTo(after);
    JavaFileRewriter.Result second = rewriter.rewrite("Shop.java", first.text());
    assertThat(second.text()).as("applying it again changes nothing").isEqualTo(first.text());
    assertThat(second.changes()).isEmpty();
    return first;
  }

  /** Expects {@code source} to come back unchanged. */
  static JavaFileRewriter.Result assertUnchanged(JavaRewrite rewrite, String source) {
    return assertRewrite(rewrite, source, source);
  }
}
