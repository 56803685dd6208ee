package dev.otelboard.cli.scan;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A fixture repo in an in-memory file system, for golden tests. */
final class Repo {
  private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
  private final Path root = fs.getPath("/repo");

  static Repo create() {
    return new Repo();
  }

  /** Adds a file; returns this. */
  Repo file(String path, String content) {
    try {
      Path p = root.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a minimal Maven pom in {@code dir} ("" for the root). */
  Repo pom(String dir, String artifactId, String... dependencies) {
    StringBuilder deps = new StringBuilder();
    for (String d : dependencies) {
      String[] ga = d.split(":");
      deps.append("    <dependency>\n      <groupId>").append(ga[0])
          .append("</groupId>\n      <artifactId>").append(ga[1])
          .append("</artifactId>\n    </dependency>\n");
    }
    return file((dir.isEmpty() ? "" : dir + "/") + "pom.xml",
        "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n"
            + "  <artifactId>" + artifactId + "</artifactId>\n  <version>1.0</version>\n"
            + "  <dependencies>\n" + deps + "  </dependencies>\n</project>\n");
  }

  Path root() {
    return root;
  }

  ScanResult scan() {
    try {
      return RepoScanner.builder().setThreads(2).build().scan(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code kind file:line:column} for each finding, in order. */
  static List<String> brief(ScanResult result) {
    return result.findings().stream()
        .map(f -> f.kind().id() + " " + f.location())
        .toList();
  }

  /** {@code kind file:line:column rewrite [instrumented]} for each finding. */
  static List<String> detailed(ScanResult result) {
    return result.findings().stream()
        .map(f -> f.kind().id() + " " + f.location() + " " + f.rewrite().id()
            + (f.instrumented() ? " instrumented" : "") + (f.scope() == Scope.TEST ? " test" : ""))
        .toList();
  }
}
