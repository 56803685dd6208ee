package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.verify.VerifyCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The framework matrix: each shape under {@code examples/matrix/} is a set of real services (each
 * a directory with its own pom.xml) plus the {@code verify.yaml} that runs them with a driver. A
 * copy of the shape is onboarded by {@code otelboard onboard} in code mode, built with Maven, and
 * run under {@code otelboard verify --plan}; the verdict must show telemetry that joins up at
 * runtime, not just code that compiles:
 *
 * <ul>
 *   <li>every service has SERVER spans: it has in-request log records, which are by definition
 *       inside one of its SERVER (or CONSUMER) spans;
 *   <li>at least 99% of those log records are joined to their span, on request and worker threads;
 *   <li>the services' calls to each other are traced: at least one cross-service trace, no CLIENT
 *       span to a service of the run without its SERVER child, and the request lines the services
 *       print carry shared trace ids;
 *   <li>no orphan span;
 *   <li>onboard leaves nothing about logging configuration to do by hand, and a second onboard
 *       changes nothing;
 *   <li>a shape written in the style of a vendor-instrumented app (dd-trace-api, OpenTracing,
 *       Sleuth/Brave) has no vendor import left after onboard, and every span its original source
 *       made (read from that source, not written here) is exported under the same name, with its
 *       tags as attributes, next to the HTTP SERVER and CLIENT spans.
 * </ul>
 *
 * The figures of each run are printed, so they show in the build log.
 */
@Tag("integration")
class FrameworkMatrixIT {
  private static final Path MATRIX =
      Path.of("..").toAbsolutePath().normalize().resolve("examples/matrix");
  private static final Pattern TRACE_ID = Pattern.compile("trace_id=([0-9a-f]{32})");
  private static final Pattern LOGGING_ITEM =
      Pattern.compile("(?i)logging|logback|log4j|pattern|appender");

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"boot27-mvc", "boot27-jersey", "boot3-mvc", "boot3-webflux",
      "boot25-mvc", "jetty-jul", "dropwizard21", "datadog-style", "opentracing-style",
      "sleuth-style"})
  void anOnboardedShapeCorrelatesItsLogsAndTracesAcrossServices(String shape) throws Exception {
    Path fixture = MATRIX.resolve(shape);
    assumeTrue(Files.isRegularFile(fixture.resolve("verify.yaml")), "no fixture " + fixture);
    long started = System.nanoTime();
    Path copy = VerifyExamplesIT.copy(fixture, temp.resolve(shape));
    List<Path> services = serviceDirectories(copy);
    assertThat(services).as("services of " + shape).isNotEmpty();
    Map<String, Double> buildSeconds = new HashMap<>();
    Map<String, Map<String, Set<String>>> vendorSpans = new HashMap<>();
    for (Path service : services) {
      Map<String, Set<String>> spans = VendorSpans.expected(service);
      if (!spans.isEmpty()) {
        vendorSpans.put(service.getFileName().toString(), spans);
      }
      onboardExpectingNoLoggingItem(service);
      assertThat(VendorSpans.vendorImports(service)).as("vendor imports left after onboard")
          .isEmpty();
      long buildStart = System.nanoTime();
      ProcessResult build = VerifyExamplesIT.maven(service);
      assertThat(build.exitCode())
          .as(service.getFileName() + " build:\n" + String.join("\n", build.tail())).isZero();
      buildSeconds.put(service.getFileName().toString(), seconds(buildStart));
    }
    Path json = temp.resolve(shape + ".json");
    Path html = temp.resolve(shape + ".html");
    Path logs = temp.resolve(shape + "-logs");
    long verifyStart = System.nanoTime();

    Run r = VerifyCommandTest.run("verify", "--plan", copy.resolve("verify.yaml").toString(),
        "--quiet", "--log-dir", logs.toString(), "--report-json", json.toString(),
        "--report-html", html.toString());

    double verifySeconds = seconds(verifyStart);
    JsonNode v = new ObjectMapper().readTree(json.toFile());
    JsonNode totals = v.get("totals");
    printFigures(shape, v, buildSeconds, verifySeconds);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(totals.get("orphanSpans").asLong()).as("orphan spans").isZero();
    assertThat(totals.get("crossServiceTraces").asLong()).as("cross-service traces")
        .isPositive();
    assertThat(v.get("missingServerChildren")).as("CLIENT spans without a SERVER child").isEmpty();
    List<Set<String>> printedTraceIds = new ArrayList<>();
    for (JsonNode s : v.get("services")) {
      String name = s.get("service").asText();
      assertThat(s.get("expected").asBoolean()).as(name + " is a service of the plan").isTrue();
      assertThat(s.get("spans").asLong()).as(name + " spans").isPositive();
      assertThat(s.get("inRequestLogs").asLong()).as(name + " in-request logs").isPositive();
      assertThat((double) s.get("correlatedInRequestLogs").asLong()
              / s.get("inRequestLogs").asLong())
          .as(name + " in-request log correlation").isGreaterThanOrEqualTo(0.99);
      printedTraceIds.add(traceIds(logs.resolve(name + ".log")));
    }
    assertThat(v.get("services")).hasSize(services.size());
    assertThat(sharedByTwo(printedTraceIds))
        .as("trace ids printed by two services (the console pattern onboard added)").isNotEmpty();
    if (!vendorSpans.isEmpty()) {
      assertVendorSpansKept(shape, vendorSpans, VendorSpans.seen(html));
    }

    for (Path service : services) {
      Run again = VerifyCommandTest.run("onboard", service.toString());
      assertThat(again.code()).as(again.out() + again.err()).isEqualTo(ExitCode.OK);
      assertThat(again.out()).as("a second onboard of " + service.getFileName())
          .contains("changed 0 file(s)");
    }
    System.out.printf(Locale.ROOT, "framework matrix %s: %.1f s in all%n", shape,
        seconds(started));
  }

  /**
   * Every span the vendor tracer made is there under its name in its service, with the attributes
   * its tags become; the services also have HTTP SERVER spans and the calls between them CLIENT
   * spans.
   */
  private static void assertVendorSpansKept(String shape,
      Map<String, Map<String, Set<String>>> expected, List<VendorSpans.Seen> seen) {
    expected.forEach((service, spans) -> spans.forEach((name, attributes) -> {
      assertThat(seen)
          .as("%s: %s spans named %s", shape, service, name)
          .filteredOn(s -> s.service().equals(service) && s.name().equals(name))
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.attributes()).as(name + " attributes")
              .containsAll(attributes));
      System.out.printf(Locale.ROOT, "framework matrix %s: %-12s span %-22s x%d with %s%n",
          shape, service, name, seen.stream()
              .filter(s -> s.service().equals(service) && s.name().equals(name)).count(),
          attributes);
    }));
    for (String service : expected.keySet()) {
      assertThat(seen).as(service + " SERVER spans")
          .anyMatch(s -> s.service().equals(service) && s.kind().equals("SERVER"));
    }
    assertThat(seen).as("CLIENT spans").anyMatch(s -> s.kind().equals("CLIENT"));
  }

  private static void onboardExpectingNoLoggingItem(Path service) {
    Run onboard = VerifyCommandTest.run("onboard", service.toString());
    assertThat(onboard.code()).as(onboard.out() + onboard.err()).isEqualTo(ExitCode.OK);
    assertThat(manualItems(onboard.out()))
        .as(service.getFileName() + ": manual items about logging configuration")
        .noneMatch(item -> LOGGING_ITEM.matcher(item).find());
  }

  /** The lines of the "Manual:" section of onboard's summary. */
  private static List<String> manualItems(String summary) {
    List<String> items = new ArrayList<>();
    boolean inManual = false;
    for (String line : summary.split("\n")) {
      if (line.equals("Manual:")) {
        inManual = true;
      } else if (inManual && line.startsWith("  ")) {
        items.add(line.strip());
      } else if (inManual) {
        inManual = false;
      }
    }
    return items;
  }

  private static List<Path> serviceDirectories(Path shape) throws IOException {
    try (Stream<Path> dirs = Files.list(shape)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
    }
  }

  private static Set<String> traceIds(Path log) throws IOException {
    Set<String> ids = new HashSet<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = TRACE_ID.matcher(line);
      if (m.find()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  private static Set<String> sharedByTwo(List<Set<String>> perService) {
    Set<String> shared = new HashSet<>();
    for (int i = 0; i < perService.size(); i++) {
      for (int j = i + 1; j < perService.size(); j++) {
        Set<String> both = new HashSet<>(perService.get(i));
        both.retainAll(perService.get(j));
        shared.addAll(both);
      }
    }
    return shared;
  }

  private static void printFigures(String shape, JsonNode v, Map<String, Double> buildSeconds,
      double verifySeconds) {
    System.out.printf(Locale.ROOT, "framework matrix %s: verify %.1f s, %d traces, %d "
            + "cross-service, %d orphan spans%n", shape, verifySeconds,
        v.get("totals").get("traces").asLong(), v.get("totals").get("crossServiceTraces").asLong(),
        v.get("totals").get("orphanSpans").asLong());
    for (JsonNode s : v.get("services")) {
      String name = s.get("service").asText();
      System.out.printf(Locale.ROOT, "framework matrix %s: %-12s spans %4d, logs %4d, "
              + "in-request %4d, correlated %4d (%.1f%%), orphans %d, build %.1f s%n",
          shape, name, s.get("spans").asLong(), s.get("logs").asLong(),
          s.get("inRequestLogs").asLong(), s.get("correlatedInRequestLogs").asLong(),
          s.get("logCorrelation").isNumber() ? 100.0 * s.get("logCorrelation").asDouble()
              : Double.NaN, s.get("orphanSpans").asLong(),
          buildSeconds.getOrDefault(name, Double.NaN));
    }
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
