package dev.otelboard.cli.verify;

import dev.otelboard.cli.process.ProcessOutput;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds many standalone Maven projects (the matrix's service copies) in ONE reactor: a generated
 * aggregator pom lists them as modules, so Maven starts, loads its plugins and reads the local
 * repository once instead of once per service. Offline first; online once when the local
 * repository lacks something. {@code --fail-at-end} lets every other module build when one fails,
 * and each module's result (its jar, its seconds from the reactor summary, the log lines that name
 * its directory) is kept so that a failure is reported against its service.
 */
final class MatrixReactor {
  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  private static final String AGGREGATOR = "otelboard-matrix-reactor";
  /** "[INFO] front ....... SUCCESS [  4.123 s]" or "[  01:02 min]" in the reactor summary. */
  private static final Pattern SUMMARY = Pattern.compile(
      "^\\[INFO\\] (\\S+)(?: \\S+)? \\.+ ?(SUCCESS|FAILURE|SKIPPED)(?: \\[ *(?:(\\d+):)?([\\d.]+) (s|min)\\])?");
  private static final Pattern PROJECT_GROUP = Pattern.compile("(?s)^(.*?)(<groupId>)[^<]*(</groupId>)");

  /** A module's outcome: {@code seconds} is NaN when the summary did not give it. */
  record Module(Path dir, boolean built, double seconds, String log) {}

  /** The whole reactor: its modules in the order given, its wall time, and whether it went online. */
  record Result(Map<Path, Module> modules, double seconds, boolean online) {}

  private MatrixReactor() {}

  /**
   * Gives the project of {@code service} a groupId of its own ({@code prefix} + directory name), so
   * that copies of one fixture (and fixtures that share {@code com.example:front}) can sit in one
   * reactor. The service name onboard derives from the artifactId stays as it is.
   */
  static void uniqueGroupId(Path service, String groupId) throws IOException {
    Path pom = service.resolve("pom.xml");
    String text = Files.readString(pom);
    int start = text.indexOf("</parent>");
    int from = start < 0 ? 0 : start;
    Matcher m = PROJECT_GROUP.matcher(text.substring(from));
    if (!m.find()) {
      throw new IllegalStateException(pom + ": no project groupId to make unique");
    }
    String rest = text.substring(from);
    String replaced = rest.substring(0, m.end(2)) + groupId + rest.substring(m.start(3));
    Files.writeString(pom, text.substring(0, from) + replaced);
  }

  /** Builds {@code services} (each with its own pom.xml) as the modules of one reactor in {@code dir}. */
  static Result build(Path dir, List<Path> services) throws Exception {
    Files.createDirectories(dir);
    StringBuilder modules = new StringBuilder();
    for (Path service : services) {
      modules.append("    <module>").append(dir.relativize(service)).append("</module>\n");
    }
    Files.writeString(dir.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>dev.otelboard.test</groupId>
          <artifactId>%s</artifactId>
          <version>0</version>
          <packaging>pom</packaging>
          <modules>
        %s  </modules>
        </project>
        """.formatted(AGGREGATOR, modules));
    long start = System.nanoTime();
    ProcessResult result = maven(dir, true);
    boolean online = false;
    if (result.exitCode() != 0 && String.join("\n", result.tail()).contains("offline")) {
      result = maven(dir, false);
      online = true;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(modules(services, result.tail()), seconds, online);
  }

  private static ProcessResult maven(Path dir, boolean offline) throws Exception {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-fae", "package", "-DskipTests"));
    if (offline) {
      command.add("-o");
    }
    return ProcessRunner.run(ProcessSpec.builder(command).setDirectory(dir)
        .setOutput(ProcessOutput.captured()).build(), TIMEOUT, Duration.ofSeconds(10));
  }

  /** Pairs the reactor summary's lines (in build order: the modules' order) with the services. */
  private static Map<Path, Module> modules(List<Path> services, List<String> log) {
    List<Double> seconds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean inSummary = false;
    for (String line : log) {
      if (line.startsWith("[INFO] Reactor Summary")) {
        inSummary = true;
        continue;
      }
      Matcher m = SUMMARY.matcher(line);
      if (inSummary && m.find() && !m.group(1).equals(AGGREGATOR)) {
        names.add(m.group(1));
        double s = m.group(4) == null ? Double.NaN : Double.parseDouble(m.group(4));
        if (m.group(3) != null) {
          s += 60 * Integer.parseInt(m.group(3));
        }
        seconds.add(s);
      }
    }
    boolean aligned = names.size() == services.size();
    Map<Path, Module> out = new LinkedHashMap<>();
    for (int i = 0; i < services.size(); i++) {
      Path service = services.get(i);
      String mentions = String.join("\n", log.stream()
          .filter(l -> l.contains(service.toString()) || l.startsWith("[ERROR]")).limit(40).toList());
      out.put(service, new Module(service, hasJar(service),
          aligned ? seconds.get(i) : Double.NaN, mentions));
    }
    return out;
  }

  private static boolean hasJar(Path service) {
    try (var jars = Files.list(service.resolve("target"))) {
      return jars.anyMatch(j -> j.getFileName().toString().endsWith(".jar"));
    } catch (IOException e) {
      return false;
    }
  }
}
