package dev.otelboard.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OnboardService#checkUncommitted}: git decides, through the one process runner. */
class UncommittedChangesTest {
  @TempDir Path project;

  @Test
  void refusesWithExitFourWhenAFileItWouldEditHasUncommittedChanges() throws Exception {
    Files.writeString(project.resolve("pom.xml"), "<project/>\n");
    Files.writeString(project.resolve("README.md"), "hi\n");
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "init");
    Files.writeString(project.resolve("pom.xml"), "<project></project>\n");
    Files.writeString(project.resolve("README.md"), "changed, but onboard leaves it alone\n");

    assertThatThrownBy(() -> OnboardService.checkUncommitted(project, plan("pom.xml", "Main.java")))
        .isInstanceOfSatisfying(
            OtelboardException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
        .hasMessage(
            "uncommitted changes in files onboard would edit: pom.xml; commit or stash them, or"
                + " pass --force");
  }

  @Test
  void namesEveryDirtyFileHoweverManyThereAre() throws Exception {
    List<String> files = IntStream.range(10, 70).mapToObj(i -> "F" + i + ".java").toList();
    for (String f : files) {
      Files.writeString(project.resolve(f), "class X {}\n");
    }
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "init");
    for (String f : files) {
      Files.writeString(project.resolve(f), "class Y {}\n");
    }

    assertThatThrownBy(() -> OnboardService.checkUncommitted(project, plan(files.toArray(String[]::new))))
        .hasMessageContaining(String.join(", ", files) + ";");
  }

  @Test
  void passesWhenEverythingIsCommitted() throws Exception {
    Files.writeString(project.resolve("pom.xml"), "<project/>\n");
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "init");

    assertThatCode(() -> OnboardService.checkUncommitted(project, plan("pom.xml")))
        .doesNotThrowAnyException();
  }

  @Test
  void passesOutsideAGitWorkTree() throws Exception {
    Files.writeString(project.resolve("pom.xml"), "<project/>\n");

    assertThatCode(() -> OnboardService.checkUncommitted(project, plan("pom.xml")))
        .doesNotThrowAnyException();
  }

  /** A plan that edits {@code existing} files and creates Main.java. */
  private static OnboardPlan plan(String... existing) {
    List<FileEdit> edits = new ArrayList<>();
    for (String path : existing) {
      edits.add(new FileEdit(path, path.equals("Main.java") ? null : "old", "new"));
    }
    return new OnboardPlan(
        OtelboardConfig.defaults("shop"), edits, List.of(), List.of(), List.of(), List.of());
  }

  private void git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c",
        "user.email=t@example.com", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    ProcessResult r = ProcessRunner.run(
        ProcessSpec.builder(command).setDirectory(project).build(), Duration.ofSeconds(60),
        Duration.ofSeconds(5));
    assertThat(r.exitCode()).as(String.join("\n", r.tail())).isZero();
  }
}
