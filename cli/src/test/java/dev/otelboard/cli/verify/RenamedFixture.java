package dev.otelboard.cli.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renames, mechanically, the Java packages, class names and source directories of a copied
 * fixture, so that a run of the copy shows that no rewrite keys on the fixture's own names or
 * paths. Every text file (sources, resources, poms, the plan) gets the same replacements; a file
 * named after a renamed class, or under a renamed package's directory, is moved.
 */
final class RenamedFixture {
  private RenamedFixture() {}

  /**
   * @param packages dotted package name to its new name
   * @param classes simple class name to its new name (whole words only)
   * @return how many names were replaced in all, so a caller can check the rename took
   */
  static int rename(Path root, Map<String, String> packages, Map<String, String> classes)
      throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    int replaced = 0;
    for (Path file : files) {
      String text = Files.readString(file);
      for (Map.Entry<String, String> p : packages.entrySet()) {
        replaced += count(text, Pattern.quote(p.getKey()));
        text = text.replace(p.getKey(), p.getValue());
      }
      for (Map.Entry<String, String> c : classes.entrySet()) {
        String word = "\\b" + Pattern.quote(c.getKey()) + "\\b";
        replaced += count(text, word);
        text = text.replaceAll(word, Matcher.quoteReplacement(c.getValue()));
      }
      String relative = root.relativize(file).toString().replace('\\', '/');
      for (Map.Entry<String, String> p : packages.entrySet()) {
        relative = relative.replace(p.getKey().replace('.', '/') + "/",
            p.getValue().replace('.', '/') + "/");
      }
      String name = relative.substring(relative.lastIndexOf('/') + 1);
      if (name.endsWith(".java")) {
        String simple = name.substring(0, name.length() - ".java".length());
        relative = relative.substring(0, relative.length() - name.length())
            + classes.getOrDefault(simple, simple) + ".java";
      }
      Path target = root.resolve(relative);
      Files.createDirectories(target.getParent());
      Files.writeString(target, text);
      if (!target.equals(file)) {
        Files.delete(file);
      }
    }
    return replaced;
  }

  private static int count(String text, String regex) {
    return (int) Pattern.compile(regex).matcher(text).results().count();
  }
}
