package dev.otelboard.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A service's source tree on an in-memory file system, for onboard tests: write its files, plan,
 * read the plan's edits, apply and plan again (a second onboard changes nothing). One per test
 * method (a field initializer); close it after each.
 */
final class OnboardFixture implements AutoCloseable {
  private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
  private final Path root;
  // No local Maven repository: plans are the same on every machine.
  private final OnboardService service = new OnboardService(Path.of("/nonexistent-m2"));

  /** A tree rooted at {@code root}, e.g. {@code /work/shop} (its name is the default service name). */
  OnboardFixture(String root) {
    this.root = fs.getPath(root);
  }

  Path root() {
    return root;
  }

  OnboardService service() {
    return service;
  }

  /** Writes {@code text} to {@code path} (relative to the root), creating its directories. */
  void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** Every file of the tree with its text, to compare trees before and after. */
  Map<String, String> tree() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  /**
   * Applies {@code plan}, plans again with {@code options} and asserts that the second plan edits
   * and changes nothing; returns it for further checks.
   */
  OnboardPlan applyAndPlanAgain(OnboardPlan plan, OnboardOptions options) throws IOException {
    service.apply(root, plan);
    OnboardPlan second = service.plan(root, options);
    assertThat(second.edits()).as("a second onboard changes nothing").isEmpty();
    assertThat(second.changes()).isEmpty();
    return second;
  }

  /** The plan's edit of {@code path}, if it has one. */
  static Optional<FileEdit> edit(OnboardPlan plan, String path) {
    return plan.edits().stream().filter(e -> e.path().equals(path)).findFirst();
  }

  /** The text {@code plan} gives {@code path}; fails naming the files it does edit. */
  static String after(OnboardPlan plan, String path) {
    return edit(plan, path).orElseThrow(() -> new AssertionError("no edit of " + path + " in "
        + plan.edits().stream().map(FileEdit::path).toList())).after();
  }

  /** A single-module pom (artifactId shop) with these {@code group:artifact:version} dependencies. */
  static String pom(String... dependencies) {
    return """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <artifactId>shop</artifactId>
          <dependencies>
        %s  </dependencies>
        </project>
        """.formatted(dependencies(dependencies));
  }

  /**
   * A Spring Boot service's pom: spring-boot-starter-parent {@code bootVersion}, artifactId
   * {@code artifactId}, spring-boot-starter-web and these {@code group:artifact[:version]}
   * dependencies.
   */
  static String springBootPom(String bootVersion, String artifactId, String... dependencies) {
    return """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>%s</version>
          </parent>
          <artifactId>%s</artifactId>
          <dependencies>
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-web</artifactId>
            </dependency>
        %s  </dependencies>
        </project>
        """.formatted(bootVersion, artifactId, dependencies(dependencies));
  }

  /** The source of {@code @SpringBootApplication} class {@code name} in package {@code pkg}. */
  static String springBootApplication(String pkg, String name) {
    return """
        package %s;

        import org.springframework.boot.SpringApplication;
        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        public class %s {
          public static void main(String[] args) {
            SpringApplication.run(%s.class, args);
          }
        }
        """.formatted(pkg, name, name);
  }

  /** {@code <dependency>} elements for {@code group:artifact[:version]} coordinates. */
  private static String dependencies(String... coordinates) {
    StringBuilder deps = new StringBuilder();
    for (String coordinate : coordinates) {
      String[] gav = coordinate.split(":");
      deps.append("    <dependency>\n")
          .append("      <groupId>").append(gav[0]).append("</groupId>\n")
          .append("      <artifactId>").append(gav[1]).append("</artifactId>\n")
          .append(gav.length > 2 ? "      <version>" + gav[2] + "</version>\n" : "")
          .append("    </dependency>\n");
    }
    return deps.toString();
  }

  @Override
  public void close() throws IOException {
    fs.close();
  }
}
