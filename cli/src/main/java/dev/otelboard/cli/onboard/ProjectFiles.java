package dev.otelboard.cli.onboard;

import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What planning reads from a project's files: its modules, sources, packages and poms. */
final class ProjectFiles {
  private ProjectFiles() {}

  /** The project directory and, for a multi-module build, each module (recursively). */
  static List<Path> modules(Path root) throws IOException {
    List<Path> modules = new ArrayList<>();
    collectModules(root, modules);
    return modules;
  }

  private static void collectModules(Path dir, List<Path> modules) throws IOException {
    modules.add(dir);
    Optional<String> pom = read(dir.resolve("pom.xml"));
    if (pom.isEmpty()) {
      return;
    }
    try {
      XmlTree tree = XmlTree.parse(pom.get());
      Optional<XmlTree.Element> list = tree.root().child("modules");
      if (list.isEmpty()) {
        return;
      }
      for (XmlTree.Element module : list.get().children("module")) {
        Path child = dir.resolve(tree.textOf(module)).normalize();
        if (Files.isDirectory(child) && !modules.contains(child)) {
          collectModules(child, modules);
        }
      }
    } catch (XmlParseException e) {
      // Reported when the pom is edited.
    }
  }

  static Optional<String> artifactId(String pom) {
    try {
      XmlTree tree = XmlTree.parse(pom);
      return tree.root().child("artifactId").map(tree::textOf);
    } catch (XmlParseException e) {
      return Optional.empty();
    }
  }

  static List<Path> javaFiles(Path sources) throws IOException {
    if (!Files.isDirectory(sources)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(sources)) {
      return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }

  /** The 1-based line of {@code offset} in {@code text}. */
  static int lineOf(String text, int offset) {
    return text.substring(0, offset).split("\n", -1).length;
  }

  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  /** The package a source declares, if it declares one. */
  static Optional<String> packageOf(String source) {
    Matcher m = PACKAGE.matcher(source);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The longest package prefix shared by the module's sources, or the main class's package. */
  static String basePackage(List<Path> javaFiles, Path sources) throws IOException {
    String common = null;
    String mainPackage = null;
    for (Path file : javaFiles) {
      String text = read(file).orElse("");
      if (text.startsWith(GeneratedSources.STAMP_PREFIX)) {
        continue;
      }
      Matcher m = PACKAGE.matcher(text);
      String pkg = m.find() ? m.group(1) : "";
      if (mainPackage == null && text.contains("static void main")) {
        mainPackage = pkg;
      }
      common = common == null ? pkg : commonPrefix(common, pkg);
    }
    if (common == null) {
      return "";
    }
    if (common.isEmpty() || !common.contains(".")) {
      return mainPackage != null ? mainPackage : common;
    }
    return common;
  }

  private static String commonPrefix(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(x[i]);
    }
    return out.toString();
  }

  static boolean usesJul(List<Path> javaFiles) throws IOException {
    for (Path file : javaFiles) {
      if (read(file).orElse("").contains("import java.util.logging.")) {
        return true;
      }
    }
    return false;
  }

  /** The file's text; empty when it is no regular file or not UTF-8 (nothing to edit). */
  static Optional<String> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file));
    } catch (MalformedInputException e) {
      return Optional.empty();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
