package dev.otelboard.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.Main;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Onboards real services and builds them: the example services of the repository and the two small
 * fixtures of the unit tests. For each: onboard through {@link Main#run}, then {@code mvn verify}
 * passes in the onboarded copy, a second onboard changes nothing, and the {@code --dry-run} diff
 * applied with {@code git apply} to a fresh copy gives byte-identical files.
 */
@Tag("integration")
class OnboardExamplesIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(10);

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "examples/checkout-service",
        "examples/inventory-service",
        "cli/src/test/resources/onboard/mini-checkout",
        "cli/src/test/resources/onboard/mini-inventory",
        "cli/src/test/resources/onboard/mini-events"
      })
  void onboardedServiceBuildsAndOnboardIsIdempotentAndTheDryRunDiffApplies(String service)
      throws Exception {
    Path source = REPO.resolve(service);
    assumeTrue(Files.isRegularFile(source.resolve("pom.xml")), service + " is not there yet");

    Path onboarded = copy(source, temp.resolve("onboarded"));
    Run first = run("onboard", "--force", onboarded.toString());
    assertThat(first.code()).as(first.err()).isEqualTo(ExitCode.OK);
    assertThat(first.out()).contains("Changes:");

    ProcessResult build = maven(onboarded);
    assertThat(build.exitCode()).as(String.join("\n", build.tail())).isZero();

    Run second = run("onboard", "--force", onboarded.toString());
    assertThat(second.code()).isEqualTo(ExitCode.OK);
    assertThat(second.out()).contains("Nothing to do");

    Path fresh = copy(source, temp.resolve("fresh"));
    Run dryRun = run("onboard", "--dry-run", fresh.toString());
    assertThat(dryRun.code()).as(dryRun.err()).isEqualTo(ExitCode.OK);
    assertThat(files(fresh)).as("--dry-run writes nothing").isEqualTo(files(source));
    Path diff = temp.resolve("onboard.diff");
    Files.writeString(diff, dryRun.out());
    ProcessResult apply = process(List.of("git", "apply", diff.toString()), fresh, Duration.ofMinutes(1));
    assertThat(apply.exitCode()).as(String.join("\n", apply.tail())).isZero();
    Map<String, String> expected = files(onboarded);
    expected.keySet().removeIf(p -> p.startsWith("target/"));
    assertThat(files(fresh)).isEqualTo(expected);
  }

  /** Runs mvn verify offline; online once when the local repository lacks something. */
  private static ProcessResult maven(Path project) throws Exception {
    ProcessResult offline = process(List.of("mvn", "-B", "-q", "-o", "verify"), project, MAVEN_TIMEOUT);
    if (offline.exitCode() != 0 && String.join("\n", offline.tail()).contains("offline")) {
      return process(List.of("mvn", "-B", "-q", "verify"), project, MAVEN_TIMEOUT);
    }
    return offline;
  }

  private static ProcessResult process(List<String> command, Path directory, Duration timeout)
      throws Exception {
    return ProcessRunner.run(
        ProcessSpec.builder(command).setDirectory(directory).build(), timeout, Duration.ofSeconds(10));
  }

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String name = dir.getFileName().toString();
            if (!dir.equals(from) && (name.equals("target") || name.equals(".git"))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(file, to.resolve(from.relativize(file).toString()),
                StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
    return to;
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.startsWith("target/") && !rel.startsWith(".git/")) {
          files.put(rel, Files.readString(p));
        }
      }
    }
    return files;
  }
}
