package dev.otelboard.cli.onboard;

import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.io.AtomicFiles;
import dev.otelboard.cli.process.ProcessOutput;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import dev.otelboard.cli.process.RunningProcess;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.scan.RepoScanner;
import dev.otelboard.cli.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The onboard run: plans every edit (Java rewrites, generated classes, logging config, pom.xml,
 * otelboard.yaml) without writing, then applies the plan atomically file by file. Planning twice
 * over an onboarded service yields an empty plan.
 */
public final class OnboardService {
  /** The opentelemetry-java version the pom edits import. */
  public static final String OPENTELEMETRY_VERSION = "1.68.0";
  /**
   * The opentelemetry-java version {@link #INSTRUMENTATION_VERSION} is built on, for Spring Boot
   * starter projects: the starter pulls SDK incubator modules that exist only in matching releases
   * (1.68.0-alpha of them is not resolvable here), and Spring Boot's own {@code
   * opentelemetry.version} must be overridden to it.
   */
  public static final String STARTER_OPENTELEMETRY_VERSION = "1.65.0";

  /** The opentelemetry-java-instrumentation version the pom edits import. */
  public static final String INSTRUMENTATION_VERSION = "2.31.1";

  private static final Duration GIT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration GIT_STATUS_TIMEOUT = Duration.ofSeconds(60);

  private final Path mavenRepository;

  /** A service that finds official library jars (for {@code --http-library auto}) in {@code repo}. */
  public OnboardService(Path mavenRepository) {
    this.mavenRepository = mavenRepository;
  }

  /** A service using {@code ~/.m2/repository}. */
  public static OnboardService withUserMavenRepository() {
    return new OnboardService(Path.of(System.getProperty("user.home"), ".m2", "repository"));
  }

  /** Scans {@code projectDir}, then computes everything onboard would change; writes nothing. */
  public OnboardPlan plan(Path projectDir, OnboardOptions options) {
    ScanResult scan;
    try {
      scan = RepoScanner.builder().build().scan(projectDir);
    } catch (IOException e) {
      throw OtelboardException.environment("cannot scan " + projectDir + ": " + e.getMessage());
    }
    return plan(projectDir, options, scan);
  }

  /** Computes everything onboard would change in {@code projectDir} as scanned; writes nothing. */
  public OnboardPlan plan(Path projectDir, OnboardOptions options, ScanResult scan) {
    try {
      return new Planner(mavenRepository, projectDir, options, scan).plan();
    } catch (IOException e) {
      throw OtelboardException.environment("cannot read " + projectDir + ": " + e.getMessage());
    }
  }

  /**
   * Writes the plan's files as one unit ({@link AtomicFiles#writeAll}); a plan with blockers is
   * refused (exit 3 naming the first) and nothing is written.
   */
  public void apply(Path projectDir, OnboardPlan plan) throws IOException {
    if (!plan.blockers().isEmpty()) {
      ManualItem first = plan.blockers().get(0);
      throw OtelboardException.badInput(projectDir.resolve(first.file()), first.line(),
          first.reason() + "; onboard wrote nothing");
    }
    List<AtomicFiles.Write> writes = new ArrayList<>();
    for (FileEdit edit : plan.edits()) {
      writes.add(new AtomicFiles.Write(projectDir.resolve(edit.path()), edit.after(), edit.before()));
    }
    AtomicFiles.writeAll(writes);
  }

  /**
   * Fails when {@code projectDir} is in a git work tree where files the plan edits have
   * uncommitted changes. Outside git, or when git is missing, there is nothing to check.
   */
  public static void checkUncommitted(Path projectDir, OnboardPlan plan) {
    List<String> existing =
        plan.edits().stream().filter(e -> e.before() != null).map(FileEdit::path).toList();
    if (existing.isEmpty()) {
      return;
    }
    try {
      ProcessResult inside =
          git(projectDir, GIT_TIMEOUT, List.of("rev-parse", "--is-inside-work-tree"));
      if (!inside.succeeded() || !String.join("\n", inside.tail()).strip().equals("true")) {
        return;
      }
      List<String> arguments = new ArrayList<>(List.of("status", "--porcelain", "--"));
      arguments.addAll(existing);
      ProcessResult status = git(projectDir, GIT_STATUS_TIMEOUT, arguments);
      if (!status.succeeded()) {
        throw OtelboardException.environment(
            "git status failed: " + String.join("\n", status.tail()).strip());
      }
      List<String> dirty =
          status.tail().stream().filter(l -> l.length() > 3).map(l -> l.substring(3)).toList();
      if (!dirty.isEmpty()) {
        throw OtelboardException.environment(
            "uncommitted changes in files onboard would edit: " + String.join(", ", dirty)
                + "; commit or stash them, or pass --force");
      }
    } catch (IOException e) {
      // No git: nothing to protect.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw OtelboardException.environment("interrupted while running git");
    }
  }

  /** Runs git in {@code directory} with every output line captured (the result's tail). */
  private static ProcessResult git(Path directory, Duration timeout, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(arguments);
    ProcessSpec spec =
        ProcessSpec.builder(command)
            .setDirectory(directory)
            .setOutput(ProcessOutput.captured())
            .build();
    return ProcessRunner.run(spec, timeout, RunningProcess.DEFAULT_GRACE);
  }

}
