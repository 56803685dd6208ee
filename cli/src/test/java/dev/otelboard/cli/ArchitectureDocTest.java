package dev.otelboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/architecture.md names every package of both modules, and no package that is gone. */
class ArchitectureDocTest {
  private static final Path REPO = Path.of("..");
  private static final Pattern NAMED = Pattern.compile("`((?:cli|collector)(?:\\.[a-z]+)*)`");

  /** Packages holding main sources, as {@code cli.x.y} / {@code collector.x}. */
  private static Set<String> packages(String module, String base, String prefix) throws IOException {
    Path root = REPO.resolve(module).resolve("src/main/java/dev/otelboard").resolve(base);
    Set<String> names = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
        String rel = root.relativize(p.getParent()).toString().replace('/', '.');
        names.add(rel.isEmpty() ? prefix : prefix + "." + rel);
      });
    }
    return names;
  }

  @Test
  void everyPackageIsNamedAndEveryNamedPackageExists() throws IOException {
    Set<String> actual = new TreeSet<>(packages("cli", "cli", "cli"));
    actual.addAll(packages("collector-runtime", "collector", "collector"));
    Set<String> named = new TreeSet<>();
    Matcher m = NAMED.matcher(Files.readString(REPO.resolve("docs/architecture.md")));
    while (m.find()) {
      named.add(m.group(1));
    }

    assertThat(named).as("packages docs/architecture.md names (add new ones to its tables)")
        .containsAll(actual);
    assertThat(actual).as("packages that exist (remove gone ones from docs/architecture.md)")
        .containsAll(named);
  }
}
