package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitIgnoreTest {
  @Test
  void basicsOfGitignorePatterns() {
    GitIgnore g = new GitIgnore();
    g.add("", "*.log\n/out\ndocs/**/draft/\n!important.log\nfoo?.txt\n[ab].md\n");
    g.add("svc", "cache/\n");
    assertThat(g.ignores("app.log", false)).isTrue();
    assertThat(g.ignores("a/b/app.log", false)).isTrue();
    assertThat(g.ignores("important.log", false)).isFalse();
    assertThat(g.ignores("out", true)).isTrue();
    assertThat(g.ignores("a/out", true)).isFalse();
    assertThat(g.ignores("docs/x/y/draft", true)).isTrue();
    assertThat(g.ignores("docs/draft", true)).isTrue();
    assertThat(g.ignores("docs/draft", false)).isFalse();
    assertThat(g.ignores("foo1.txt", false)).isTrue();
    assertThat(g.ignores("foo12.txt", false)).isFalse();
    assertThat(g.ignores("a.md", false)).isTrue();
    assertThat(g.ignores("c.md", false)).isFalse();
    assertThat(g.ignores("svc/cache", true)).isTrue();
    assertThat(g.ignores("other/cache", true)).isFalse();
  }
}
