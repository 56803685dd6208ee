package dev.otelboard.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void aNewFileDiffsFromDevNull() {
    assertThat(UnifiedDiff.of("a.txt", null, "one\ntwo\n"))
        .isEqualTo(
            """
            diff --git a/a.txt b/a.txt
            new file mode 100644
            --- /dev/null
            +++ b/a.txt
            @@ -0,0 +1,2 @@
            +one
            +two
            """);
  }

  @Test
  void aMissingFinalNewlineIsMarkedAsGitDoes() {
    assertThat(UnifiedDiff.of("a.txt", "one\ntwo", "one\nTWO"))
        .isEqualTo(
            """
            diff --git a/a.txt b/a.txt
            --- a/a.txt
            +++ b/a.txt
            @@ -1,2 +1,2 @@
             one
            -two
            \\ No newline at end of file
            +TWO
            \\ No newline at end of file
            """);
  }

  @Test
  void anUnchangedFileHasNoDiff() {
    assertThat(UnifiedDiff.of("a.txt", "same\n", "same\n")).isEmpty();
  }
}
