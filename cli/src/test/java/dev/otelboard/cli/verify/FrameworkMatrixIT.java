package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.verify.VerifyCommandTest.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 *   <li>each service's SERVER spans are named as the javaagent names the un-onboarded copy's: the
 *       method and {@code http.route} (servlet mapping, Spring MVC pattern, JAX-RS template);
 *   <li>onboard leaves nothing about logging configuration to do by hand, and a second onboard
 *       changes nothing;
 *   <li>a shape written in the style of a vendor-instrumented app (dd-trace-api, OpenTracing,
 *       Sleuth/Brave) has no vendor import left after onboard, and every span its original source
 *       made (read from that source, not written here) is exported under the same name, with its
 *       tags as attributes, next to the HTTP SERVER and CLIENT spans.
 * </ul>
 *
 * <p>Every service copy of every shape (onboarded copies, un-onboarded copies for the javaagent
 * baseline, and one fixture with its packages and classes renamed) is built in ONE Maven reactor
 * ({@link MatrixReactor}) before the first shape runs. The un-onboarded copies run under {@code
 * otelboard verify --plan ... --agent} and must meet the same thresholds, or the shape is in
 * {@link #AGENT_GAPS} with the reason the agent's verdict gave (and fails once the gap closes).
 *
 * <p>The figures of each run, code mode and agent mode side by side, and each shape's seconds
 * (onboard, its share of the reactor build, verify, total) are printed, so they show in the build
 * log.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameworkMatrixIT {
  private static final Path MATRIX =
      Path.of("..").toAbsolutePath().normalize().resolve("examples/matrix");
  private static final Pattern TRACE_ID = Pattern.compile("trace_id=([0-9a-f]{32})");
  private static final Pattern LOGGING_ITEM =
      Pattern.compile("(?i)logging|logback|log4j|pattern|appender");
  /** The fixture copied with its names changed, and the names it gets. */
  private static final String RENAMED = "boot27-mvc";
  private static final Map<String, String> RENAMED_PACKAGES = Map.of(
      "com.example.front", "org.acme.shopfront", "com.example.back", "org.acme.stockroom");
  private static final Map<String, String> RENAMED_CLASSES = Map.of(
      "QuoteController", "PriceResource", "FrontApplication", "ShopfrontMain",
      "Pricing", "TariffTable", "BackApplication", "StockroomMain",
      "StockController", "InventoryResource");

  /**
   * Shapes whose un-onboarded services under the javaagent do not meet the thresholds, with the
   * reason from the agent run's verdict. A shape listed here whose agent run meets them fails, so
   * the list cannot go stale.
   */
  private static final Map<String, String> AGENT_GAPS = Map.of();

  @TempDir static Path temp;
  private MatrixReactor.Result reactor;
  private final Map<Path, Run> onboards = new HashMap<>();
  private final Map<Path, Double> onboardSeconds = new HashMap<>();
  private final Map<String, Map<String, Map<String, Set<String>>>> vendorSpans = new HashMap<>();

  /** The verify run of one copy: the verdict JSON, its HTML report, the services' logs. */
  private record Outcome(String mode, Run run, JsonNode verdict, Path html, Path logs,
      double seconds) {}

  /**
   * Copies every shape twice (to onboard, and as it is for the agent) plus the renamed fixture,
   * onboards the first kind, and builds them all in one reactor. Onboard results are asserted in
   * each shape's test, so one shape's failure names that shape only.
   */
  @BeforeAll
  void copyOnboardAndBuildEverythingInOneReactor() throws Exception {
    List<Path> all = new ArrayList<>();
    for (String shape : MatrixShapes.listed()) {
      if (!MatrixShapes.selected(shape)) {
        continue;
      }
      Path fixture = MATRIX.resolve(shape);
      if (!Files.isRegularFile(fixture.resolve("verify.yaml"))) {
        continue;
      }
      Map<String, Map<String, Set<String>>> spans = new HashMap<>();
      for (Path service : serviceDirectories(fixture)) {
        Map<String, Set<String>> expected = VendorSpans.expected(service);
        if (!expected.isEmpty()) {
          spans.put(service.getFileName().toString(), expected);
        }
      }
      vendorSpans.put(shape, spans);
      all.addAll(prepare(fixture, temp.resolve("code").resolve(shape), true));
      all.addAll(prepare(fixture, temp.resolve("agent").resolve(shape), false));
    }
    if (MatrixShapes.selected(RENAMED)) {
      Path renamed = VerifyExamplesIT.copy(MATRIX.resolve(RENAMED), temp.resolve("renamed")
          .resolve(RENAMED));
      assertThat(RenamedFixture.rename(renamed, RENAMED_PACKAGES, RENAMED_CLASSES))
          .as("names replaced in the renamed copy").isPositive();
      all.addAll(prepare(renamed, renamed, true));
    }
    reactor = MatrixReactor.build(temp, all);
    System.out.printf(Locale.ROOT, "framework matrix: one reactor built %d services in %.1f s%s%n",
        all.size(), reactor.seconds(), reactor.online() ? " (online: the local repository lacked "
            + "something)" : " (offline)");
  }

  /** Copies {@code fixture} (unless it is its own copy), gives each service a groupId of its own, onboards. */
  private List<Path> prepare(Path fixture, Path copy, boolean onboard) throws Exception {
    if (!copy.equals(fixture)) {
      VerifyExamplesIT.copy(fixture, copy);
    }
    String group = ("matrix." + temp.relativize(copy)).replace('/', '.').replace("-", "");
    List<Path> services = serviceDirectories(copy);
    for (Path service : services) {
      MatrixReactor.uniqueGroupId(service, group);
      if (onboard) {
        long start = System.nanoTime();
        onboards.put(service, VerifyCommandTest.run("onboard", service.toString()));
        onboardSeconds.put(service, seconds(start));
      }
    }
    return services;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"boot27-mvc", "boot27-jersey", "boot3-mvc", "boot3-webflux",
      "boot25-mvc", "jetty-jul", "dropwizard21", "datadog-style", "opentracing-style",
      "sleuth-style", "tomcat-log4j2"})
  void anOnboardedShapeCorrelatesItsLogsAndTracesAcrossServices(String shape) throws Exception {
    assumeTrue(MatrixShapes.selected(shape),
        shape + " is not in -D" + MatrixShapes.SELECTED_SHAPES);
    assumeTrue(Files.isRegularFile(MATRIX.resolve(shape).resolve("verify.yaml")),
        "no fixture " + shape);
    Path code = temp.resolve("code").resolve(shape);
    Path agent = temp.resolve("agent").resolve(shape);
    List<Path> services = serviceDirectories(code);
    assertThat(services).as("services of " + shape).isNotEmpty();
    assertOnboardedAndBuilt(services);
    assertThat(serviceDirectories(agent)).as("un-onboarded copies of " + shape)
        .allSatisfy(s -> assertThat(reactor.modules().get(s).built())
            .as(s + " build (agent baseline):\n" + reactor.modules().get(s).log()).isTrue());

    // The two runs wait mostly on JVM start-up and flush windows, so they run side by side: each
    // plan's ports are held by its own run until its services start.
    long verifyStart = System.nanoTime();
    CompletableFuture<Outcome> agentFuture =
        CompletableFuture.supplyAsync(() -> verifyUnchecked(shape, "agent", agent));
    Outcome codeRun = verify(shape, "code", code);
    Outcome agentRun = joined(agentFuture);
    double verifyWall = seconds(verifyStart);

    printSideBySide(shape, codeRun, agentRun);
    double onboard = services.stream().mapToDouble(onboardSeconds::get).sum();
    double buildCode = buildSeconds(services);
    double buildAgent = buildSeconds(serviceDirectories(agent));
    System.out.printf(Locale.ROOT, "framework matrix %s: seconds: onboard %.1f, build %.1f code + "
            + "%.1f agent (their share of the one reactor), verify %.1f code | %.1f agent "
            + "(side by side: %.1f), total %.1f%n", shape, onboard, buildCode, buildAgent,
        codeRun.seconds(), agentRun.seconds(), verifyWall,
        onboard + buildCode + buildAgent + verifyWall);
    assertCodeMode(shape, codeRun, services);
    MatrixShapes.assertServerSpansNamedAsTheAgentNamesThem(shape, codeRun.html(),
        agentRun.html());
    if (!vendorSpans.get(shape).isEmpty()) {
      assertVendorSpansKept(shape, vendorSpans.get(shape), VendorSpans.seen(codeRun.html()));
    }
    assertAgentBaseline(shape, agentRun, services.size());
    assertSecondOnboardChangesNothing(services);
  }

  /** No rewrite keys on fixture names or paths: the renamed copy passes the same checks. */
  @Test
  void aFixtureWithItsPackagesAndClassesRenamedPassesTheSameChecks() throws Exception {
    assumeTrue(MatrixShapes.selected(RENAMED),
        RENAMED + " is not in -D" + MatrixShapes.SELECTED_SHAPES);
    Path renamed = temp.resolve("renamed").resolve(RENAMED);
    List<Path> services = serviceDirectories(renamed);
    try (Stream<Path> files = Files.walk(renamed)) {
      assertThat(files.map(Path::toString).filter(f -> f.endsWith(".java")))
          .as("sources of the renamed copy").isNotEmpty()
          .noneMatch(f -> f.contains("com/example") || RENAMED_CLASSES.keySet().stream()
              .anyMatch(c -> f.endsWith("/" + c + ".java")));
    }
    assertOnboardedAndBuilt(services);
    Outcome run = verify("renamed-" + RENAMED, "code", renamed);
    printSideBySide("renamed-" + RENAMED, run, null);
    System.out.printf(Locale.ROOT, "framework matrix renamed-%s: seconds: build %.1f, verify %.1f%n",
        RENAMED, buildSeconds(services), run.seconds());
    assertCodeMode("renamed-" + RENAMED, run, services);
    assertSecondOnboardChangesNothing(services);
  }

  private void assertOnboardedAndBuilt(List<Path> services) throws IOException {
    for (Path service : services) {
      Run onboard = onboards.get(service);
      assertThat(onboard.code()).as(onboard.out() + onboard.err()).isEqualTo(ExitCode.OK);
      assertThat(manualItems(onboard.out()))
          .as(service.getFileName() + ": manual items about logging configuration")
          .noneMatch(item -> LOGGING_ITEM.matcher(item).find());
      assertThat(VendorSpans.vendorImports(service)).as("vendor imports left after onboard")
          .isEmpty();
      MatrixReactor.Module module = reactor.modules().get(service);
      assertThat(module.built()).as(service.getFileName() + " build:\n" + module.log()).isTrue();
    }
  }

  private Outcome verify(String shape, String mode, Path copy) throws IOException {
    String name = shape + "-" + mode;
    Path json = temp.resolve(name + ".json");
    Path html = temp.resolve(name + ".html");
    Path logs = temp.resolve(name + "-logs");
    List<String> args = new ArrayList<>(List.of("verify", "--plan",
        copy.resolve("verify.yaml").toString(), "--quiet", "--log-dir", logs.toString(),
        "--report-json", json.toString(), "--report-html", html.toString()));
    if (mode.equals("agent")) {
      args.add("--agent");
    }
    long start = System.nanoTime();
    Run r = VerifyCommandTest.run(args.toArray(String[]::new));
    double seconds = seconds(start);
    assertThat(json).as(name + " verdict JSON: " + r.out() + r.err()).isRegularFile();
    return new Outcome(mode, r, new ObjectMapper().readTree(json.toFile()), html, logs, seconds);
  }

  private Outcome verifyUnchecked(String shape, String mode, Path copy) {
    try {
      return verify(shape, mode, copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The future's outcome; its failure (an assertion, an I/O error) as it was thrown. */
  private static Outcome joined(CompletableFuture<Outcome> future) throws IOException {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof Error error) {
        throw error;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /** The thresholds the issue sets, as the list of those an outcome misses (empty: all met). */
  private static List<String> shortfalls(Outcome o, int services) {
    List<String> missed = new ArrayList<>();
    JsonNode v = o.verdict();
    JsonNode totals = v.get("totals");
    if (o.run().code() != ExitCode.OK) {
      missed.add("verify exit " + o.run().code() + ": " + firstLines(o.run().out(), 12));
    }
    if (totals.get("orphanSpans").asLong() != 0) {
      missed.add(totals.get("orphanSpans").asLong() + " orphan spans");
    }
    if (totals.get("crossServiceTraces").asLong() <= 0) {
      missed.add("no cross-service trace");
    }
    if (!v.get("missingServerChildren").isEmpty()) {
      missed.add("CLIENT spans without a SERVER child: " + v.get("missingServerChildren"));
    }
    if (v.get("services").size() != services) {
      missed.add(v.get("services").size() + " services reported, " + services + " in the plan");
    }
    for (JsonNode s : v.get("services")) {
      String name = s.get("service").asText();
      long inRequest = s.get("inRequestLogs").asLong();
      if (!s.get("expected").asBoolean()) {
        missed.add(name + " is not a service of the plan");
      }
      if (s.get("spans").asLong() <= 0) {
        missed.add(name + ": no spans");
      }
      if (inRequest <= 0) {
        missed.add(name + ": no in-request logs (so no SERVER span with logs)");
      } else if ((double) s.get("correlatedInRequestLogs").asLong() / inRequest < 0.99) {
        missed.add(name + ": " + s.get("correlatedInRequestLogs").asLong() + "/" + inRequest
            + " in-request logs correlated");
      }
    }
    return missed;
  }

  private static void assertCodeMode(String shape, Outcome o, List<Path> services)
      throws IOException {
    assertThat(shortfalls(o, services.size())).as(shape + " in code mode").isEmpty();
    List<Set<String>> printedTraceIds = new ArrayList<>();
    for (JsonNode s : o.verdict().get("services")) {
      printedTraceIds.add(traceIds(o.logs().resolve(s.get("service").asText() + ".log")));
    }
    assertThat(sharedByTwo(printedTraceIds))
        .as("trace ids printed by two services (the console pattern onboard added)").isNotEmpty();
  }

  /** The agent meets the same thresholds, or the shape's gap is listed with its reason. */
  private static void assertAgentBaseline(String shape, Outcome o, int services) {
    List<String> missed = shortfalls(o, services);
    String gap = AGENT_GAPS.get(shape);
    if (gap == null) {
      assertThat(missed).as(shape + " under the javaagent (un-onboarded); if this is a gap of "
          + "the agent, list it in AGENT_GAPS with this reason").isEmpty();
    } else {
      assertThat(missed).as(shape + " is listed in AGENT_GAPS (" + gap + ") but the agent now "
          + "meets every threshold: remove it").isNotEmpty();
      System.out.printf(Locale.ROOT, "framework matrix %s: AGENT GAP (recorded): %s; missed: %s%n",
          shape, gap, missed);
    }
  }

  private static void assertSecondOnboardChangesNothing(List<Path> services) {
    for (Path service : services) {
      Run again = VerifyCommandTest.run("onboard", service.toString());
      assertThat(again.code()).as(again.out() + again.err()).isEqualTo(ExitCode.OK);
      assertThat(again.out()).as("a second onboard of " + service.getFileName())
          .contains("changed 0 file(s)");
    }
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

  /** Each service's figures in code mode and agent mode on one line; totals below. */
  private static void printSideBySide(String shape, Outcome code, Outcome agent) {
    System.out.printf(Locale.ROOT, "framework matrix %s: %-12s | %-58s | %s%n", shape, "service",
        "code mode", agent == null ? "" : "agent mode (un-onboarded, javaagent)");
    Set<String> names = new java.util.TreeSet<>();
    for (Outcome o : agent == null ? List.of(code) : List.of(code, agent)) {
      o.verdict().get("services").forEach(s -> names.add(s.get("service").asText()));
    }
    for (String name : names) {
      System.out.printf(Locale.ROOT, "framework matrix %s: %-12s | %-58s | %s%n", shape, name,
          serviceFigures(code, name), agent == null ? "" : serviceFigures(agent, name));
    }
    System.out.printf(Locale.ROOT, "framework matrix %s: %-12s | %-58s | %s%n", shape, "totals",
        totals(code), agent == null ? "" : totals(agent));
  }

  private static String serviceFigures(Outcome o, String name) {
    for (JsonNode s : o.verdict().get("services")) {
      if (s.get("service").asText().equals(name)) {
        long inRequest = s.get("inRequestLogs").asLong();
        long correlated = s.get("correlatedInRequestLogs").asLong();
        return String.format(Locale.ROOT, "spans %4d, logs %4d, in-request %4d, corr %6s",
            s.get("spans").asLong(), s.get("logs").asLong(), inRequest, inRequest == 0 ? "n/a"
                : String.format(Locale.ROOT, "%5.1f%%", 100.0 * correlated / inRequest));
      }
    }
    return "(not in the verdict)";
  }

  private static String totals(Outcome o) {
    JsonNode t = o.verdict().get("totals");
    return String.format(Locale.ROOT, "exit %d, traces %d, cross-service %d, orphans %d, %.1f s",
        o.run().code(), t.get("traces").asLong(), t.get("crossServiceTraces").asLong(),
        t.get("orphanSpans").asLong(), o.seconds());
  }

  private double buildSeconds(List<Path> services) {
    return services.stream().mapToDouble(s -> reactor.modules().get(s).seconds()).sum();
  }

  private static String firstLines(String text, int n) {
    return String.join("\n", text.lines().limit(n).toList());
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
