package dev.otelboard.cli.diff;

import static java.util.Objects.requireNonNull;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.verify.VerifyPlan;
import dev.otelboard.cli.verify.VerifyResult;
import dev.otelboard.cli.verify.VerifyRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code verify --plan P --compare-agent BASE}: runs BASE (the original, un-onboarded build) with
 * the javaagent as the reference, then P as built, both captured, and diffs them: what code mode
 * loses against the agent. Refuses a BASE whose services already carry an OpenTelemetry SDK, since
 * the javaagent on top of it would be two tracers in one process.
 */
public final class AgentComparison {
  /** Build files whose text tells that a service already has an OpenTelemetry SDK. */
  private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");
  private static final List<String> SDK_ARTIFACTS =
      List.of("opentelemetry-sdk", "opentelemetry-spring-boot-starter");

  private AgentComparison() {}

  /**
   * What the comparison produced.
   *
   * @param reference BASE's run with the javaagent
   * @param result P's run, as built
   * @param diff what P lost and gained against BASE
   */
  public record Outcome(VerifyResult reference, VerifyResult result, DiffResult diff) {}

  /**
   * Runs {@code base} with {@code agentRunner} (which must attach the javaagent and capture to
   * {@code baseCapture}), then {@code plan} with {@code planRunner} (no agent, capturing to {@code
   * planCapture}), and diffs the captures with {@code diff}.
   *
   * @throws OtelboardException exit 2 when a BASE service already has an OpenTelemetry SDK
   */
  public static Outcome run(
      VerifyPlan base,
      VerifyPlan plan,
      VerifyRunner agentRunner,
      VerifyRunner planRunner,
      Path baseCapture,
      Path planCapture,
      CaptureDiff diff)
      throws InterruptedException {
    requireNonNull(base, "base");
    requireNonNull(plan, "plan");
    requireOriginal(base);
    VerifyResult reference = agentRunner.run(base);
    VerifyResult result = planRunner.run(plan);
    List<RunSummary> runs = CaptureReader.builder().build().readAll(List.of(baseCapture, planCapture));
    return new Outcome(reference, result, diff.diff(runs.get(0), runs.get(1)));
  }

  /**
   * Checks that no service of {@code base} already has an OpenTelemetry SDK in its build file.
   *
   * @throws OtelboardException exit 2 naming the service and the build file
   */
  public static void requireOriginal(VerifyPlan base) {
    for (Map.Entry<String, Path> e : base.serviceDirectories().entrySet()) {
      for (String name : BUILD_FILES) {
        Path file = e.getValue().resolve(name);
        if (!Files.isRegularFile(file)) {
          continue;
        }
        String text;
        try {
          text = Files.readString(file);
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
        for (String artifact : SDK_ARTIFACTS) {
          if (text.contains(artifact)) {
            throw new OtelboardException(ExitCode.USAGE, "--compare-agent " + base.source() + ": " + e.getKey()
                + " already has an OpenTelemetry SDK (" + file + " names " + artifact + "); the javaagent on it"
                + " would make two tracers in one process. BASE is the original, un-onboarded build.");
          }
        }
      }
    }
  }
}
