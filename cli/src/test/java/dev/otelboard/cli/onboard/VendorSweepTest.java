package dev.otelboard.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.migrate.DatadogAgentStart;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tracers at once are impossible after onboard: over every golden input of the vendor
 * migration tests (the Java text blocks of their test sources, read here, not copied) and the
 * vendor-style fixtures of the framework matrix, onboard either leaves no vendor tracer import in
 * src/main/java, or refuses and leaves every file byte-identical (or, for a module that also has
 * a tracer onboard does not migrate, adds no OpenTelemetry and writes only otelboard.yaml). The deploy files of the agent
 * mode golden tests start no dd-java-agent after the migration.
 */
class VendorSweepTest {
  private static final Path TESTS = Path.of("src/test/java/dev/otelboard/cli");
  private static final List<String> GOLDEN_TESTS = List.of(
      "rewrite/MigrateDatadogTraceTest.java", "rewrite/MigrateDatadogCorrelationIdsTest.java",
      "rewrite/MigrateOpenTracingTest.java", "rewrite/MigrateBraveTest.java");
  private static final List<String> FIXTURES =
      List.of("datadog-style", "opentracing-style", "sleuth-style");
  private static final List<String> VENDOR_PACKAGES = List.of("datadog.", "io.opentracing",
      "io.jaegertracing", "brave.", "zipkin2.", "org.springframework.cloud.sleuth");
  private static final Pattern JAVAAGENT = Pattern.compile("-javaagent:([^\\s\"']+)");
  private static final String POM = """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.example</groupId>
        <artifactId>shop</artifactId>
        <version>1.0</version>
        <dependencies>
          <dependency>
            <groupId>com.datadoghq</groupId>
            <artifactId>dd-trace-api</artifactId>
            <version>1.44.0</version>
          </dependency>
          <dependency>
            <groupId>io.opentracing</groupId>
            <artifactId>opentracing-util</artifactId>
            <version>0.33.0</version>
          </dependency>
          <dependency>
            <groupId>io.zipkin.brave</groupId>
            <artifactId>brave</artifactId>
            <version>6.0.3</version>
          </dependency>
          <dependency>
            <groupId>org.springframework.cloud</groupId>
            <artifactId>spring-cloud-sleuth-api</artifactId>
            <version>3.1.11</version>
          </dependency>
        </dependencies>
      </project>
      """;

  private final JavaParser parser = new JavaParser(new ParserConfiguration()
      .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
  private final OnboardService service = new OnboardService(Path.of("/nonexistent-m2"));

  @TempDir Path temp;

  @Test
  void everyGoldenInputAndFixtureEndsWithOneTracerOrIsRefusedUntouched() throws Exception {
    int migrated = 0;
    int refused = 0;
    int untouched = 0;
    List<Path> projects = new ArrayList<>();
    for (String golden : GOLDEN_TESTS) {
      List<String> inputs = javaTextBlocks(TESTS.resolve(golden));
      assertThat(inputs).as(golden + " golden inputs").isNotEmpty();
      for (String input : inputs) {
        projects.add(project(golden, projects.size(), input));
      }
    }
    Path matrix = Path.of("..").toAbsolutePath().normalize().resolve("examples/matrix");
    for (String fixture : FIXTURES) {
      try (Stream<Path> services = Files.list(matrix.resolve(fixture))) {
        for (Path service : services.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
            .sorted().toList()) {
          projects.add(copy(service, temp.resolve(fixture + "-" + service.getFileName())));
        }
      }
    }
    for (Path project : projects) {
      Map<String, String> before = snapshot(project);
      OnboardPlan plan = service.plan(project, OnboardOptions.defaults());
      if (plan.writable()) {
        service.apply(project, plan);
        if (vendorImports(project).isEmpty()) {
          migrated++;
          continue;
        }
        // Another tracer onboard does not migrate (New Relic, Micrometer...) keeps the module:
        // onboard adds no OpenTelemetry, writes only its otelboard.yaml, and says so.
        assertThat(plan.manual()).extracting(ManualItem::rewriteId)
            .as(project + " keeps its other tracer").contains(RewriteId.EXISTING_TRACING);
        Map<String, String> after = snapshot(project);
        after.remove(OtelboardConfig.FILE_NAME);
        assertThat(after).as(project + " left byte-identical but otelboard.yaml")
            .isEqualTo(before);
        untouched++;
      } else {
        assertThat(plan.blockers()).as(project + " refused with a reason").isNotEmpty();
        assertThatThrownBy(() -> service.apply(project, plan))
            .isInstanceOf(OtelboardException.class);
        assertThat(snapshot(project)).as(project + " left byte-identical").isEqualTo(before);
        refused++;
      }
    }
    System.out.printf("vendor sweep: %d projects, %d migrated, %d refused untouched, %d left to "
        + "another tracer (only otelboard.yaml written)%n", projects.size(), migrated, refused,
        untouched);
    assertThat(migrated).as("some inputs migrate").isPositive();
    assertThat(refused).as("some inputs are refused").isPositive();
  }

  @Test
  void noGoldenDeployFileStartsDatadogsAgentAfterTheMigration() throws Exception {
    List<String> inputs = textBlocks(TESTS.resolve("migrate/DatadogAgentStartTest.java"));
    assertThat(inputs).isNotEmpty();
    for (String input : inputs) {
      String after = DatadogAgentStart.migrate(input).text();
      for (String line : after.split("\n")) {
        if (line.strip().startsWith("#")) {
          continue;
        }
        Matcher agent = JAVAAGENT.matcher(line);
        while (agent.find()) {
          assertThat(DatadogAgentStart.agentJar(agent.group(1))).as(line).isFalse();
        }
      }
    }
  }

  private Path project(String golden, int index, String input) throws IOException {
    CompilationUnit unit = parser.parse(input).getResult().orElseThrow();
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    String type = unit.getType(0).getNameAsString();
    Path root = temp.resolve(Path.of(golden).getFileName().toString().replace(".java", "")
        + "-" + index);
    Path file = root.resolve("src/main/java").resolve(pkg.replace('.', '/'))
        .resolve(type + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, input);
    Files.writeString(root.resolve("pom.xml"), POM);
    return root;
  }

  /** The text blocks of a test source that are Java compilation units. */
  private List<String> javaTextBlocks(Path test) throws IOException {
    return textBlocks(test).stream()
        .filter(t -> t.contains("package ") && t.contains("class "))
        .filter(t -> VENDOR_PACKAGES.stream().anyMatch(t::contains))
        .filter(t -> parser.parse(t).isSuccessful())
        .distinct().toList();
  }

  private List<String> textBlocks(Path test) throws IOException {
    CompilationUnit unit = parser.parse(test).getResult().orElseThrow();
    return unit.findAll(TextBlockLiteralExpr.class).stream()
        .map(TextBlockLiteralExpr::asString).toList();
  }

  private List<String> vendorImports(Path project) throws IOException {
    List<String> found = new ArrayList<>();
    Path sources = project.resolve("src/main/java");
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (ImportDeclaration i : parser.parse(file).getResult().orElseThrow().getImports()) {
          if (VENDOR_PACKAGES.stream().anyMatch(i.getNameAsString()::startsWith)) {
            found.add(project.relativize(file) + ": " + i.getNameAsString());
          }
        }
      }
    }
    return found;
  }

  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
