package dev.otelboard.cli.interop;

import static org.junit.jupiter.api.Assertions.fail;

import dev.otelboard.cli.process.ProcessOutput;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the interop tests find the real tools: the reference collector built by {@code
 * interop/otelcol/build.sh}, helm built by {@code interop/helm.sh}, and the unmodified chart copy
 * beside the repository ({@code shared/data/helm/chart}, never copied into it).
 *
 * <p>A binary's path comes from the system property ({@code -Dotelboard.otelcol}, {@code
 * -Dotelboard.helm}), else the environment ({@code OTELBOARD_OTELCOL}, {@code OTELBOARD_HELM}),
 * else the cache the build scripts write to. When a tool is missing the test is skipped with the
 * reason on stderr and in the report; under {@code CI=true} it fails instead, so CI never passes
 * by skipping.
 */
public final class ReferenceTools {
  /** The collector release the chart deploys; the build script pins every module to it. */
  public static final String OTELCOL_VERSION = "0.158.0";
  /** The helm release {@code interop/helm.sh} builds. */
  public static final String HELM_VERSION = "4.3.2";

  private ReferenceTools() {}

  /** The reference collector binary. */
  public static Path otelcol() {
    return binary("otelboard.otelcol", "OTELBOARD_OTELCOL",
        cache().resolve("otelcol-" + OTELCOL_VERSION).resolve("otelcol"),
        "the reference collector (build it with interop/otelcol/build.sh)");
  }

  /** The helm binary. */
  public static Path helm() {
    return binary("otelboard.helm", "OTELBOARD_HELM",
        cache().resolve("helm-" + HELM_VERSION).resolve("helm"),
        "helm (build it with interop/helm.sh)");
  }

  /** The opentelemetry-collector chart 0.170.0, unmodified, from the shared data beside the repo. */
  public static Path chart() {
    Path chart = sharedHelmData().resolve("chart");
    if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      missing("no copy of the opentelemetry-collector chart in a shared/data/helm/chart above "
          + Path.of("").toAbsolutePath());
    }
    return chart;
  }

  /**
   * {@code shared/data/helm} in the nearest ancestor of the working directory that has one: beside
   * the clone in CI and in the main checkout, further up for a worktree. May not exist.
   */
  public static Path sharedHelmData() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/helm");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of("../../shared/data/helm").toAbsolutePath().normalize();
  }

  /** Whether this is a CI run, where a missing tool fails instead of skipping. */
  public static boolean ci() {
    return "true".equals(String.valueOf(System.getenv("CI")).toLowerCase(Locale.ROOT));
  }

  /** A finished run of a reference tool: its exit code and every line it wrote (stdout and stderr). */
  public record Run(String command, int exitCode, List<String> output) {
    /** Copies the output. */
    public Run {
      output = List.copyOf(output);
    }

    /** The command, its exit code and its output, for assertion messages. */
    public String describe() {
      return "`" + command + "` exited " + exitCode + ":\n" + String.join("\n", output);
    }
  }

  /**
   * Runs {@code command} in {@code directory} with {@code environment} added, through otelboard's
   * process runner (timeout, process-tree kill), and returns its exit code and output.
   */
  public static Run run(Path directory, Map<String, String> environment, Duration timeout,
      List<String> command) throws IOException, InterruptedException {
    ProcessSpec spec = ProcessSpec.builder(command).setDirectory(directory)
        .putAllEnvironment(environment).setOutput(ProcessOutput.captured()).build();
    ProcessResult result = ProcessRunner.run(spec, timeout, Duration.ofSeconds(5));
    return new Run(spec.commandLine(), result.timedOut() ? -1 : result.exitCode(), result.tail());
  }

  private static Path binary(String property, String env, Path cached, String what) {
    String configured = System.getProperty(property);
    String from = "-D" + property;
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(env);
      from = env;
    }
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      if (!Files.isExecutable(p)) {
        missing(what + ": " + from + " names " + p + ", which is not an executable file");
      }
      return p;
    }
    if (!Files.isExecutable(cached)) {
      missing(what + ": neither -D" + property + " nor " + env + " is set, and " + cached
          + " is not there");
    }
    return cached;
  }

  private static void missing(String reason) {
    if (ci()) {
      fail("CI=true and " + reason);
    }
    System.err.println("SKIPPED interop test: " + reason);
    Assumptions.abort(reason);
  }

  private static Path cache() {
    String own = System.getenv("OTELBOARD_CACHE");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("otelboard");
  }
}
