package dev.otelboard.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  private List<String> names() throws IOException {
    try (Stream<Path> walk = Files.walk(tmp)) {
      return walk.map(p -> tmp.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void writesEveryFileOfTheUnit() throws IOException {
    Files.writeString(tmp.resolve("a.txt"), "old");

    AtomicFiles.writeAll(List.of(
        new AtomicFiles.Write(tmp.resolve("a.txt"), "new", "old"),
        new AtomicFiles.Write(tmp.resolve("d/e/b.txt"), "born", null)));

    assertThat(Files.readString(tmp.resolve("a.txt"))).isEqualTo("new");
    assertThat(Files.readString(tmp.resolve("d/e/b.txt"))).isEqualTo("born");
    assertThat(names()).containsExactly("", "a.txt", "d", "d/e", "d/e/b.txt");
  }

  @Test
  void aFailedMoveRestoresWhatWasAlreadyWrittenAndRemovesWhatWasNew() throws IOException {
    Files.writeString(tmp.resolve("a.txt"), "old");
    // A non-empty directory where a file should go: staging works, the move over it fails.
    Files.createDirectories(tmp.resolve("z/taken"));
    Files.writeString(tmp.resolve("z/taken/keep"), "x");
    List<String> before = names();

    assertThatThrownBy(() -> AtomicFiles.writeAll(List.of(
            new AtomicFiles.Write(tmp.resolve("a.txt"), "new", "old"),
            new AtomicFiles.Write(tmp.resolve("n/new.txt"), "born", null),
            new AtomicFiles.Write(tmp.resolve("z/taken"), "file", null))))
        .isInstanceOf(IOException.class);

    assertThat(Files.readString(tmp.resolve("a.txt"))).isEqualTo("old");
    assertThat(names()).isEqualTo(before);
  }
}
