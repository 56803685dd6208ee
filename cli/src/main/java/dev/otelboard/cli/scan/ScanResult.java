package dev.otelboard.cli.scan;

import java.util.List;

/**
 * Everything one scan found, immutable. Findings are sorted by file, line, column and kind; test
 * findings are included with {@link Scope#TEST} and never count toward coverage.
 *
 * @param root the scanned directory as given
 * @param modules the build modules (Maven and Gradle), root first
 * @param services the modules that are services: a main class or a Spring Boot application
 * @param findings every finding, main and test
 * @param parseFailures Java files that did not parse; they have no findings
 * @param stats counts and timing
 */
public record ScanResult(
    String root,
    List<Module> modules,
    List<Service> services,
    List<Finding> findings,
    List<ParseFailure> parseFailures,
    Stats stats) {

  /** The version of the JSON output's schema (docs/scan-schema.json). */
  public static final int SCHEMA_VERSION = 1;

  /** Copies the lists. */
  public ScanResult {
    modules = List.copyOf(modules);
    services = List.copyOf(services);
    findings = List.copyOf(findings);
    parseFailures = List.copyOf(parseFailures);
  }

  /** The findings in service code. */
  public List<Finding> mainFindings() {
    return findings.stream().filter(f -> f.scope() == Scope.MAIN).toList();
  }

  /** The findings in test code. */
  public List<Finding> testFindings() {
    return findings.stream().filter(f -> f.scope() == Scope.TEST).toList();
  }

  /** The findings of one module (by its path), main and test. */
  public List<Finding> findingsIn(String modulePath) {
    return findings.stream().filter(f -> f.module().equals(modulePath)).toList();
  }

  /**
   * A build module.
   *
   * @param path its directory relative to the scanned directory ("" for the root)
   * @param name the Maven artifactId, else the directory name
   * @param buildTool {@code maven}, {@code gradle} or {@code none} (Java files without a build)
   * @param buildFile the build file relative to the scanned directory, or "" for {@code none}
   * @param loggingFrameworks the logging APIs and backends in use, e.g. SLF4J, Logback
   * @param logCalls log calls in service code by framework and level
   */
  public record Module(
      String path,
      String name,
      String buildTool,
      String buildFile,
      List<String> loggingFrameworks,
      List<LogCallCount> logCalls) {
    /** Copies the lists. */
    public Module {
      loggingFrameworks = List.copyOf(loggingFrameworks);
      logCalls = List.copyOf(logCalls);
    }

    /** All log calls in service code. */
    public int totalLogCalls() {
      return logCalls.stream().mapToInt(LogCallCount::count).sum();
    }
  }

  /**
   * How many log calls a module makes at one level through one framework.
   *
   * @param framework e.g. SLF4J, Log4j2, JUL
   * @param level trace, debug, info, warn, error or fatal (JUL levels are mapped: severe to
   *     error, warning to warn, config and fine to debug, finer and finest to trace)
   * @param count how many calls
   */
  public record LogCallCount(String framework, String level, int count) {}

  /**
   * A module that runs as a service.
   *
   * @param module the module's path
   * @param name the module's name
   * @param mainClass the fully qualified class with main() or @SpringBootApplication
   * @param file that class's file
   * @param springBoot whether it is a Spring Boot application
   */
  public record Service(
      String module, String name, String mainClass, String file, boolean springBoot) {}

  /**
   * A Java file that did not parse.
   *
   * @param file the file, relative
   * @param line the 1-based line of the first problem, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param message the parser's message, first line
   */
  public record ParseFailure(String file, int line, int column, String message) {
    /** {@code file:line: message}. */
    @Override
    public String toString() {
      return (line > 0 ? file + ":" + line : file) + ": " + message;
    }
  }

  /**
   * Counts and timing.
   *
   * @param javaFiles Java files parsed (main and test, generated excluded)
   * @param mainJavaFiles of which in service code
   * @param testJavaFiles of which in tests
   * @param generatedFiles Java files skipped as generated (@Generated)
   * @param otherFiles build, logging config, Dockerfiles and scripts read
   * @param threads parser threads used
   * @param durationMillis wall time of the scan
   */
  public record Stats(
      int javaFiles,
      int mainJavaFiles,
      int testJavaFiles,
      int generatedFiles,
      int otherFiles,
      int threads,
      long durationMillis) {}
}
