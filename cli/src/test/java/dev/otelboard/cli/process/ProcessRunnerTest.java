package dev.otelboard.cli.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
  private static final Duration GRACE = Duration.ofSeconds(5);

  @TempDir Path temp;

  private static ProcessSpec.Builder sh(String script) {
    return ProcessSpec.builder(List.of("sh", "-c", script)).setName("t");
  }

  @Test
  void everyOutputLineGoesThroughWithThePrefixStdoutAndStderrAlike() throws Exception {
    StringWriter sink = new StringWriter();
    ProcessResult r =
        ProcessRunner.run(
            sh("echo one; echo two >&2; printf three").setOutput(ProcessOutput.prefixed("[t] ", new PrintWriter(sink))).build(),
            Duration.ofSeconds(30),
            GRACE);

    assertThat(r.exitCode()).isZero();
    assertThat(r.timedOut()).isFalse();
    assertThat(sink.toString()).isEqualTo("[t] one\n[t] two\n[t] three\n".replace("\n", System.lineSeparator()));
    assertThat(r.tail()).containsExactly("one", "two", "three");
    assertThat(r.outputLines()).isEqualTo(3);
  }

  @Test
  void outputGoesToAFileWhenAskedAndListenersStillSeeEveryLine() throws Exception {
    Path log = temp.resolve("logs/t.log");
    List<String> seen = new CopyOnWriteArrayList<>();
    ProcessResult r =
        ProcessRunner.run(
            sh("for i in 1 2 3; do echo line $i; done").setOutput(ProcessOutput.toFile(log)).addLineListener(seen::add).build(),
            Duration.ofSeconds(30),
            GRACE);

    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(log)).isEqualTo("line 1\nline 2\nline 3\n");
    assertThat(seen).containsExactly("line 1", "line 2", "line 3");
  }

  @Test
  void theExitCodeOfAFailingCommandIsReported() throws Exception {
    ProcessResult r = ProcessRunner.run(sh("echo bad; exit 3").build(), Duration.ofSeconds(30), GRACE);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.succeeded()).isFalse();
    assertThat(r.tail()).containsExactly("bad");
  }

  @Test
  void environmentIsAddedToAndRemovedFromTheInheritedOne() throws Exception {
    ProcessResult r =
        ProcessRunner.run(
            sh("echo \"a=$A home=${HOME:-unset}\"").putEnvironment("A", "1").removeEnvironment("HOME").build(),
            Duration.ofSeconds(30),
            GRACE);

    assertThat(r.tail()).containsExactly("a=1 home=unset");
  }

  @Test
  void aMissingProgramIsAnIoExceptionNamingIt() {
    assertThatThrownBy(() -> ProcessRunner.start(ProcessSpec.builder(List.of("no-such-program-xyz")).build()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no-such-program-xyz is not on PATH");
  }

  @Test
  void aMissingDirectoryIsAnIoExceptionNamingIt() {
    assertThatThrownBy(() -> ProcessRunner.start(sh("true").setDirectory(temp.resolve("nope")).build()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void theTimeoutStopsTheCommandAndEveryChildOfIt() throws Exception {
    Path pids = temp.resolve("pids");
    ProcessSpec spec =
        sh("sleep 300 & echo $! >> " + pids + "; sleep 300 & echo $! >> " + pids + "; echo started; wait").build();

    // Long enough for a loaded machine to fork both children and print before it fires: the
    // assertions need the whole tree started (700 ms was not, with every core busy).
    ProcessResult r = ProcessRunner.run(spec, Duration.ofSeconds(3), GRACE);

    assertThat(r.timedOut()).isTrue();
    assertThat(r.forciblyKilled()).isFalse();
    assertThat(r.tail()).contains("started");
    assertThat(Files.readAllLines(pids)).hasSize(2).allSatisfy(pid ->
        assertThat(ProcessHandle.of(Long.parseLong(pid.trim())).map(ProcessHandle::isAlive).orElse(false)).isFalse());
  }

  @Test
  void stopEndsTheWholeTreeWithSigtermFirst() throws Exception {
    try (RunningProcess p = ProcessRunner.start(sh("sleep 300 & sleep 300 & wait").build())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> p.liveTree().size() == 3);
      List<ProcessHandle> tree = p.liveTree();

      ProcessResult r = p.stop(GRACE);

      assertThat(r.forciblyKilled()).isFalse();
      assertThat(r.exitCode()).isEqualTo(128 + 15);
      assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
  }

  @Test
  void processesIgnoringSigtermAreKilledAfterTheGracePeriod() throws Exception {
    try (RunningProcess p = ProcessRunner.start(sh("trap '' TERM; sleep 300 & sleep 300 & wait").build())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> p.liveTree().size() == 3);
      List<ProcessHandle> tree = p.liveTree();

      ProcessResult r = p.stop(Duration.ofMillis(500));

      assertThat(r.forciblyKilled()).isTrue();
      assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
  }

  @Test
  void childrenLeftBehindByACommandThatExitedAreStoppedToo() throws Exception {
    Path pidFile = temp.resolve("pid");
    ProcessResult r =
        ProcessRunner.run(
            sh("sleep 300 & echo $! > " + pidFile + "; echo done").build(), Duration.ofSeconds(30), GRACE);

    assertThat(r.exitCode()).isZero();
    long orphan = Long.parseLong(Files.readString(pidFile).trim());
    await().atMost(Duration.ofSeconds(10))
        .until(() -> ProcessHandle.of(orphan).map(h -> !h.isAlive()).orElse(true));
  }

  @Test
  void closeIsIdempotentAndLeavesNothingRunning() throws Exception {
    RunningProcess p = ProcessRunner.start(sh("sleep 300").build());
    await().atMost(Duration.ofSeconds(10)).until(() -> p.liveTree().size() == 2 || p.liveTree().size() == 1);
    List<ProcessHandle> tree = p.liveTree();
    p.close();
    p.close();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(p.isTreeAlive()).isFalse();
  }

  @Test
  void aChattyChildNeverBlocksOnItsOutput() throws Exception {
    ProcessResult r =
        ProcessRunner.run(sh("i=0; while [ $i -lt 20000 ]; do echo line $i; i=$((i+1)); done").build(),
            Duration.ofSeconds(60), GRACE);

    assertThat(r.exitCode()).isZero();
    assertThat(r.outputLines()).isEqualTo(20000);
    assertThat(r.tail()).hasSize(OutputPump.TAIL_LINES).last().isEqualTo("line 19999");
  }

  @Test
  void capturedOutputKeepsEveryLineNotJustTheTail() throws Exception {
    ProcessResult r =
        ProcessRunner.run(
            sh("i=0; while [ $i -lt 500 ]; do echo line $i; i=$((i+1)); done; echo err >&2")
                .setOutput(ProcessOutput.captured())
                .build(),
            Duration.ofSeconds(60),
            GRACE);

    assertThat(r.exitCode()).isZero();
    assertThat(r.tail()).hasSize(501).startsWith("line 0", "line 1").endsWith("line 499", "err");
  }

  @Test
  void commandLineQuotesArgumentsThatNeedIt() {
    assertThat(ProcessSpec.builder(List.of("java", "-jar", "my app.jar", "it's")).build().commandLine())
        .isEqualTo("java -jar 'my app.jar' 'it'\\''s'");
  }
}
