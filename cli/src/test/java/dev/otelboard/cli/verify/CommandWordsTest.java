package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CommandWordsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "java -jar app.jar           | java,-jar,app.jar",
        "'a b' c                     | a b,c",
        "\"say \\\"hi\\\"\" x        | say \"hi\",x",
        "a\\ b                       | a b",
        "sh -c 'echo $X; exit 2'     | sh,-c,echo $X; exit 2",
        "--x=\"1 2\"                 | --x=1 2",
      })
  void splitsLikeAShellWithoutExpanding(String line, String words) {
    assertThat(CommandWords.split(line.strip())).isEqualTo(List.of(words.strip().split(",")));
  }

  @Test
  void anUnclosedQuoteIsAnError() {
    assertThatThrownBy(() -> CommandWords.split("echo 'oops")).hasMessageContaining("unclosed '");
  }

  @Test
  void blankIsNoWords() {
    assertThat(CommandWords.split("   ")).isEmpty();
  }
}
