package dev.otelboard.cli.onboard;

import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.buildfile.MavenDependency;
import dev.otelboard.cli.buildfile.PomEditor;
import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.config.OtelboardConfig.Mode;
import dev.otelboard.cli.io.AtomicFiles;
import dev.otelboard.cli.logconfig.ConfigParseException;
import dev.otelboard.cli.logconfig.Log4j2ConfigEditor;
import dev.otelboard.cli.logconfig.Log4j2PropertiesEditor;
import dev.otelboard.cli.logconfig.LogConfigEdit;
import dev.otelboard.cli.logconfig.LogbackConfigEditor;
import dev.otelboard.cli.logconfig.SpringBootLogbackConfig;
import dev.otelboard.cli.logconfig.SpringLoggingPatternEditor;
import dev.otelboard.cli.process.ProcessOutput;
import dev.otelboard.cli.process.ProcessResult;
import dev.otelboard.cli.process.ProcessRunner;
import dev.otelboard.cli.process.ProcessSpec;
import dev.otelboard.cli.process.RunningProcess;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.Instrumentation;
import dev.otelboard.cli.rewrite.JavaFileRewriter;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.RewriteSettings;
import dev.otelboard.cli.rewrite.Rewrites;
import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import dev.otelboard.cli.scan.RepoScanner;
import dev.otelboard.cli.scan.ScanResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

  static final String OTEL_GROUP = "io.opentelemetry";
  static final String INSTRUMENTATION_GROUP = "io.opentelemetry.instrumentation";

  /** Libraries whose presence means the service is traced by something else already. */
  private static final Map<String, String> EXISTING_TRACING =
      Map.of(
          "brave.", "Brave/Zipkin",
          "io.micrometer.tracing", "Micrometer Tracing",
          "org.springframework.cloud.sleuth", "Spring Cloud Sleuth",
          "io.opentracing", "OpenTracing",
          "datadog.trace", "dd-trace",
          "com.newrelic.api", "New Relic agent API",
          "co.elastic.apm", "Elastic APM",
          "io.opentelemetry.sdk.OpenTelemetrySdk", "a hand-built OpenTelemetry SDK");

  /** Artifacts that give SLF4J a backend, so other logging APIs can move to SLF4J. */
  private static final List<String> SLF4J_BACKENDS =
      List.of("logback-classic", "log4j-slf4j2-impl", "log4j-slf4j-impl", "slf4j-simple",
          "slf4j-jdk14", "slf4j-reload4j", "spring-boot-starter", "spring-boot-starter-web",
          "spring-boot-starter-logging", "spring-boot-starter-webflux");

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
      return new Planner(projectDir, options, scan).plan();
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

  /** One planning pass over one project directory. */
  private final class Planner {
    private final Path root;
    private final OnboardOptions options;
    private final Map<String, FileEdit> edits = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<ManualItem> manual = new ArrayList<>();
    private final List<ManualItem> failures = new ArrayList<>();
    /** Parts the rest of the change depends on that could not be made: nothing is written. */
    private final List<ManualItem> blockers = new ArrayList<>();

    private final ScanResult scan;

    Planner(Path root, OnboardOptions options, ScanResult scan) {
      this.root = root;
      this.options = options;
      this.scan = scan;
    }

    OnboardPlan plan() throws IOException {
      Path pom = root.resolve("pom.xml");
      Optional<String> rootPom = read(pom);
      OtelboardConfig config = config(rootPom);
      List<Path> modules = modules(root);
      boolean rootManagesVersions = rootPom.isPresent() && modules.size() > 1;
      for (Path module : modules) {
        planModule(module, config,
            rootManagesVersions && !module.equals(root) && parentIsRoot(module), rootPom);
      }
      if (rootManagesVersions && config.mode() == Mode.SDK && anyModuleNeedsOtel) {
        editPom(pom, List.of(), true, false);
      }
      if (config.mode() == Mode.AGENT) {
        planAgentEnv(config);
      }
      // Files no rewrite needed are not parsed by the rewriters; scan parsed them all.
      for (ScanResult.ParseFailure f : scan.parseFailures()) {
        if (failures.stream().noneMatch(known -> known.file().equals(f.file()))) {
          failures.add(new ManualItem(f.file(), f.line(), RewriteId.PARSE, "does not parse: " + f.message()));
        }
      }
      return new OnboardPlan(
          config, List.copyOf(edits.values()), List.copyOf(changes), List.copyOf(manual),
          List.copyOf(failures), List.copyOf(blockers));
    }

    private boolean anyModuleNeedsOtel;
    private boolean starterBom;

    private OtelboardConfig config(Optional<String> rootPom) throws IOException {
      Path file = root.resolve(OtelboardConfig.FILE_NAME);
      Optional<String> existing = read(file);
      OtelboardConfig config;
      if (existing.isPresent()) {
        config = OtelboardConfig.parse(file, existing.get());
        if (options.mode() != null && options.mode() != config.mode()) {
          config = new OtelboardConfig(config.serviceName(), options.mode(), config.verify(), config.generate());
          edit(file, existing.get(), OtelboardConfig.withMode(existing.get(), options.mode()));
        }
        return config;
      }
      String name = options.serviceName();
      if (name == null) {
        name = rootPom.flatMap(OnboardService::artifactId).orElse(
            root.toAbsolutePath().normalize().getFileName() == null
                ? "service"
                : root.toAbsolutePath().normalize().getFileName().toString());
      }
      // A directory or artifactId may hold characters a service.name should not.
      name = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
      config = OtelboardConfig.defaults(name.isEmpty() ? "service" : name);
      name = config.serviceName();
      if (options.mode() != null) {
        config = new OtelboardConfig(name, options.mode(), config.verify());
      }
      edit(file, null, config.toYaml());
      changes.add(new Change(OtelboardConfig.FILE_NAME, 1, RewriteId.OTELBOARD_CONFIG,
          "otelboard.yaml written (service " + name + ", " + config.mode().yamlName() + " mode)"));
      return config;
    }

    /** Whether {@code module}'s pom names the root pom as its parent. */
    private boolean parentIsRoot(Path module) throws IOException {
      Optional<String> pom = read(module.resolve("pom.xml"));
      if (pom.isEmpty()) {
        return false;
      }
      try {
        Optional<String> relativePath = PomEditor.of(pom.get()).parentRelativePath();
        if (relativePath.isEmpty()) {
          return false;
        }
        String path = relativePath.get().isBlank() ? "../pom.xml" : relativePath.get().strip();
        Path parent = module.resolve(path).normalize();
        if (!parent.toString().endsWith(".xml")) {
          parent = parent.resolve("pom.xml");
        }
        if (!parent.equals(root.resolve("pom.xml").normalize())) {
          return false;
        }
        // Maven uses the file at relativePath only when its coordinates match the <parent>.
        XmlTree modulePom = XmlTree.parse(pom.get());
        Optional<String> parentArtifact = modulePom.root().child("parent")
            .flatMap(p -> p.child("artifactId")).map(modulePom::textOf);
        return parentArtifact.isPresent()
            && parentArtifact.equals(read(parent).flatMap(OnboardService::artifactId));
      } catch (XmlParseException e) {
        return false;
      }
    }

    private void planModule(Path module, OtelboardConfig config, boolean versionsInParent,
        Optional<String> rootPom) throws IOException {
      Path sources = module.resolve("src/main/java");
      List<Path> javaFiles = javaFiles(sources);
      Optional<String> pomText = read(module.resolve("pom.xml"));
      boolean sdk = config.mode() == Mode.SDK;
      Set<Instrumentation> needs = EnumSet.noneOf(Instrumentation.class);
      String basePackage = basePackage(javaFiles, sources);
      String buildFiles = pomText.orElse("") + "\n" + rootPom.orElse("");
      boolean slf4jBackend = SLF4J_BACKENDS.stream().anyMatch(
          a -> buildFiles.contains("<artifactId>" + a + "</artifactId>"));
      RewriteSettings settings =
          settings(basePackage).withMigrateLoggingApi(!options.keepLoggingApi() && slf4jBackend);
      SpringBootApp boot = SpringBootApp.of(javaFiles, pomText.orElse(""), rootPom.orElse(""));
      // Vendor tracers: unreferenced dependencies go, used APIs are migrated, or onboard refuses.
      VendorPlan vendor = VendorMigration.plan(root, module, javaFiles, pomText.orElse(""),
          options, sdk, sdk && boot.starter(), boot, settings);
      String tracer = existingTracing(vendor.otherJavaFiles(), vendor.otherPom());
      if (tracer == null && vendor.found()) {
        settings = vendor.settings();
        changes.addAll(vendor.changes());
        manual.addAll(vendor.manual());
        blockers.addAll(vendor.blockers());
        tracer = vendor.refusal();
        if (tracer == null) {
          vendor.pom().ifPresent(after -> edit(module.resolve("pom.xml"), pomText.get(), after));
          for (VendorPlan.Generated source : vendor.generated()) {
            generate(source.file(), source.text());
          }
        }
      }
      boolean starter = sdk && tracer == null && boot.starter();
      if (sdk && tracer == null && !starter) {
        boot.withoutStarter().ifPresent(reason -> manual.add(
            new ManualItem(relative(boot.application()), 0, RewriteId.SPRING_BOOT_STARTER, reason)));
      }
      if (sdk && tracer != null) {
        manual.add(new ManualItem(relative(module.resolve("pom.xml")), 0,
            RewriteId.EXISTING_TRACING,
            "found " + tracer + ": otelboard does not add a second tracer. To migrate: "
                + MIGRATION_ADVICE.getOrDefault(tracer, "remove it")
                + "; then re-run onboard (or run onboard --mode agent once it is removed)"));
      }
      if (sdk && tracer == null && !javaFiles.isEmpty()) {
        JavaFileRewriter rewriter = new JavaFileRewriter(
            starter ? Rewrites.springBootStarter() : Rewrites.sdkMode(), settings);
        JavaFileRewriter outsideStarter =
            starter ? new JavaFileRewriter(Rewrites.outsideSpringBootStarter(), settings) : null;
        for (Path file : javaFiles) {
          Optional<String> text = read(file);
          if (text.isEmpty() || text.get().startsWith(GeneratedSources.STAMP_PREFIX)) {
            continue;
          }
          JavaFileRewriter.Result result = rewriter.rewrite(relative(file), text.get());
          if (result.failure() != null) {
            failures.add(new ManualItem(relative(file), result.failureLine(), RewriteId.PARSE,
                result.failure()));
            continue;
          }
          changes.addAll(result.changes());
          manual.addAll(result.manual());
          needs.addAll(result.needs());
          if (result.changed(text.get())) {
            edit(file, text.get(), result.text());
          }
          if (outsideStarter != null) {
            for (Change missed : outsideStarter.rewrite(relative(file), text.get()).changes()) {
              manual.add(new ManualItem(missed.file(), missed.line(), missed.rewriteId(),
                  "the Spring Boot starter does not instrument this (" + missed.description()
                      + "); make it a Spring bean the starter knows, or instrument it with the "
                      + "starter's OpenTelemetry bean"));
            }
          }
        }
      }
      // Boot's default logging gets a logback-spring.xml, unless no OpenTelemetry is added here.
      boolean bootDefaultLogging = boot.defaultLogging(module, buildFiles)
          && (!sdk || (tracer == null && !javaFiles.isEmpty()));
      LoggingFrameworks logging =
          planLogConfigs(module, sdk, pomText.orElse(""), bootDefaultLogging);
      for (VendorMigration.LogKeysEdit keys : VendorMigration.logKeys(root, module, options,
          vendor.found(), f -> edits.containsKey(relative(f))
              ? Optional.ofNullable(edits.get(relative(f)).after()) : read(f))) {
        changes.addAll(keys.changes());
        edit(keys.file(), keys.before(), keys.after());
      }
      if (sdk && tracer == null && !logging.logback && !logging.log4j2 && !slf4jBackend
          && usesJul(javaFiles)) {
        manual.add(new ManualItem(relative(module), 0, RewriteId.JUL_LOG_CORRELATION,
            "java.util.logging only: JUL has no MDC, so no pattern can print trace_id here. "
                + "Either add an SLF4J backend (logback-classic, plus jul-to-slf4j's "
                + "SLF4JBridgeHandler for third-party JUL output) and re-run onboard, which then "
                + "moves the loggers to SLF4J and correlates them; or run with the javaagent "
                + "(onboard --mode agent), whose java-util-logging instrumentation exports JUL "
                + "records over OTLP with their trace_id/span_id"));
      }
      if (!sdk || tracer != null || javaFiles.isEmpty()) {
        return;
      }
      if (!module.equals(root) && isLibrary(javaFiles, pomText.orElse(""), logging)
          && needs.stream().allMatch(n -> n == Instrumentation.CONTEXT)) {
        // A library module of a multi-module build: no SDK or bootstrap of its own (the service
        // that runs it has them), only the API its rewritten code calls.
        if (!needs.isEmpty()) {
          anyModuleNeedsOtel = true;
          editPom(module.resolve("pom.xml"),
              List.of(MavenDependency.managed(OTEL_GROUP, "opentelemetry-api")),
              !versionsInParent, true);
        }
        return;
      }
      anyModuleNeedsOtel = true;
      if (starter) {
        planSpringBootStarter(module, pomText, versionsInParent, logging, boot);
        return;
      }
      needs.add(Instrumentation.BOOTSTRAP);
      generateSources(sources, basePackage, settings, config, needs, logging);
      Path pom = module.resolve("pom.xml");
      if (pomText.isEmpty()) {
        manual.add(new ManualItem(relative(module), 0, PomEditor.ID, "no pom.xml: add the "
            + "dependencies yourself: "
            + dependencies(needs, logging).stream().map(MavenDependency::key).toList()));
        return;
      }
      editPom(pom, dependencies(needs, logging), !versionsInParent, true);
    }

    /**
     * A Spring Boot 2.6+ or 3.1+ module gets opentelemetry-spring-boot-starter (which owns the SDK
     * and instruments Spring's clients, servers, spring-kafka, JDBC and the logging appenders)
     * instead of the bootstrap class and client rewrites.
     */
    private void planSpringBootStarter(Path module, Optional<String> pomText,
        boolean versionsInParent, LoggingFrameworks logging, SpringBootApp boot)
        throws IOException {
      List<MavenDependency> dependencies = new ArrayList<>();
      // OkHttp 5 comes with the starter (its default OTLP sender, the AWS/Azure resource
      // providers). Boot's RestTemplateBuilder then picks OkHttp for the application's own
      // clients, and on Boot 2.x it fails for want of a newer Kotlin: the JDK sender instead, as
      // in SDK mode.
      dependencies.add(MavenDependency.managed(INSTRUMENTATION_GROUP,
              "opentelemetry-spring-boot-starter")
          .excluding(OTEL_GROUP + ":opentelemetry-exporter-sender-okhttp")
          .excluding("com.squareup.okhttp3:*"));
      dependencies.add(MavenDependency.runtime(OTEL_GROUP, "opentelemetry-exporter-sender-jdk"));
      dependencies.addAll(loggingDependencies(logging));
      boolean bootLogback = !pomText.orElse("").contains("spring-boot-starter-log4j2");
      MavenDependency mdc =
          MavenDependency.runtime(INSTRUMENTATION_GROUP, "opentelemetry-logback-mdc-1.0");
      if (bootLogback && !dependencies.contains(mdc)) {
        // The starter wraps Boot's Logback appenders with the MDC appender when it is present.
        dependencies.add(mdc);
      }
      if (bootLogback && !logging.hasConfig() && !setsLoggingPattern(module)) {
        manual.add(new ManualItem(
            relative(module.resolve("src/main/resources/application.properties")), 0,
            SpringLoggingPatternEditor.ID,
            "Spring Boot's default log pattern prints no trace ids: set "
                + "logging.pattern.correlation=[trace_id=%X{trace_id} span_id=%X{span_id}] "
                + "(Spring Boot 3.2+) or add them to logging.pattern.console in "
                + "application.properties"));
      }
      Path pom = module.resolve("pom.xml");
      if (pomText.isEmpty()) {
        manual.add(new ManualItem(relative(module), 0, RewriteId.SPRING_BOOT_STARTER,
            "no pom.xml: add " + dependencies.stream().map(MavenDependency::key).toList()));
        return;
      }
      starterBom = true;
      int before = changes.size();
      editPom(pom, dependencies, !versionsInParent, true);
      int line = changes.subList(before, changes.size()).stream()
          .filter(c -> c.description().contains("opentelemetry-spring-boot-starter"))
          .mapToInt(Change::line).findFirst().orElse(0);
      if (line > 0) {
        changes.add(new Change(relative(pom), line, RewriteId.SPRING_BOOT_STARTER,
            boot.version().map(v -> "Spring Boot " + v).orElse("Spring Boot 3 (Jakarta EE)")
                + " application: opentelemetry-spring-boot-starter added instead of code "
                + "rewrites; it instruments RestTemplate/RestClient/WebClient beans, Spring "
                + "MVC/WebFlux, spring-kafka, JDBC and the Logback/Log4j2 appenders (configure it "
                + "with otel.* properties or OTEL_* variables)"));
      }
    }

    private boolean setsLoggingPattern(Path module) throws IOException {
      for (String name : List.of("application.properties", "application.yml",
          "application.yaml")) {
        if (read(module.resolve("src/main/resources").resolve(name)).orElse("")
            .contains("pattern")) {
          return true;
        }
      }
      return false;
    }

    private RewriteSettings settings(String basePackage) {
      boolean library =
          switch (options.httpLibrary()) {
            case LIBRARY -> true;
            case ADAPTER -> false;
            case AUTO -> Files.isDirectory(mavenRepository.resolve(
                "io/opentelemetry/instrumentation/opentelemetry-java-http-client/"
                    + INSTRUMENTATION_VERSION + "-alpha"));
          };
      return new RewriteSettings(basePackage, RewriteSettings.DEFAULT_BOOTSTRAP_CLASS, library,
          false, true);
    }

    private void generateSources(
        Path sources, String basePackage, RewriteSettings settings, OtelboardConfig config,
        Set<Instrumentation> needs, LoggingFrameworks logging) throws IOException {
      Path dir = basePackage.isEmpty() ? sources : sources.resolve(basePackage.replace('.', '/'));
      String bootstrap = settings.bootstrapClass();
      generate(dir.resolve(bootstrap + ".java"),
          GeneratedSources.bootstrap(basePackage, bootstrap, config.serviceName(),
              logging.logback, logging.log4j2));
      if (needs.contains(Instrumentation.HTTP_CLIENT_ADAPTER)) {
        generate(dir.resolve(RewriteSettings.HTTP_CLIENT_ADAPTER + ".java"),
            GeneratedSources.adapter("OtelHttpClient", basePackage,
                RewriteSettings.HTTP_CLIENT_ADAPTER, bootstrap));
      }
      if (needs.contains(Instrumentation.HTTP_SERVER_ADAPTER)) {
        generate(dir.resolve(RewriteSettings.HTTP_SERVER_ADAPTER + ".java"),
            GeneratedSources.adapter("OtelHttpServer", basePackage,
                RewriteSettings.HTTP_SERVER_ADAPTER, bootstrap));
      }
      if (needs.contains(Instrumentation.KAFKA_ADAPTER)) {
        generate(dir.resolve(RewriteSettings.KAFKA_ADAPTER + ".java"),
            GeneratedSources.adapter("OtelKafka", basePackage, RewriteSettings.KAFKA_ADAPTER,
                bootstrap));
      }
      if (needs.contains(Instrumentation.SPRING_WEB_ADAPTER)) {
        generate(dir.resolve(RewriteSettings.SPRING_WEB_ADAPTER + ".java"),
            GeneratedSources.springWebAdapter(basePackage, RewriteSettings.SPRING_WEB_ADAPTER,
                bootstrap, needs.contains(Instrumentation.SPRING_REST_CLIENT)));
      }
      if (needs.contains(Instrumentation.OKHTTP_ADAPTER)) {
        generate(dir.resolve(RewriteSettings.OKHTTP_ADAPTER + ".java"),
            GeneratedSources.adapter("OtelOkHttp", basePackage, RewriteSettings.OKHTTP_ADAPTER,
                bootstrap));
      }
    }

    private void generate(Path file, String text) throws IOException {
      Optional<String> existing = read(file);
      if (existing.isPresent() && !existing.get().startsWith(GeneratedSources.STAMP_PREFIX)) {
        blockers.add(new ManualItem(relative(file), 1, GeneratedSources.ID,
            "exists and was not generated by otelboard; rename it so onboard can generate "
                + file.getFileName()));
        return;
      }
      if (existing.isPresent() && existing.get().equals(text)) {
        return;
      }
      edit(file, existing.orElse(null), text);
      changes.add(new Change(relative(file), 1, GeneratedSources.ID, existing.isPresent()
          ? "regenerated" : "generated " + file.getFileName()));
    }

    /** Which logging frameworks the module uses, from its config files and pom. */
    private record LoggingFrameworks(boolean logback, boolean log4j2, boolean hasConfig) {}

    private LoggingFrameworks planLogConfigs(Path module, boolean sdk, String pom,
        boolean bootDefaultLogging) throws IOException {
      boolean logback = pom.contains("<artifactId>logback-classic</artifactId>");
      if (bootDefaultLogging) {
        generateBootLogbackConfig(module, sdk);
        logback = true;
      }
      boolean log4j2 = pom.contains("<artifactId>log4j-core</artifactId>");
      for (String resources : List.of("src/main/resources", "src/test/resources")) {
        for (String name : List.of("logback.xml", "logback-test.xml", "logback-spring.xml")) {
          Path file = module.resolve(resources).resolve(name);
          Optional<String> text = read(file);
          if (text.isPresent()) {
            logback = true;
            editLogConfig(file, text.get(), sdk, true);
          }
        }
        for (String name : List.of("log4j2.xml", "log4j2-test.xml", "log4j2-spring.xml")) {
          Path file = module.resolve(resources).resolve(name);
          Optional<String> text = read(file);
          if (text.isPresent()) {
            log4j2 = true;
            editLogConfig(file, text.get(), sdk, false);
          }
        }
        Path log4j2Properties = module.resolve(resources).resolve("log4j2.properties");
        Optional<String> properties = read(log4j2Properties);
        if (properties.isPresent()) {
          log4j2 = true;
          applyTextEdit(log4j2Properties, properties.get(), Log4j2PropertiesEditor.ID,
              Log4j2PropertiesEditor.edit(properties.get(), sdk));
        }
        for (String name : List.of("log4j2.yaml", "log4j2.yml", "log4j2.json")) {
          Path file = module.resolve(resources).resolve(name);
          if (Files.exists(file)) {
            log4j2 = true;
            manual.add(new ManualItem(relative(file), 0, Log4j2ConfigEditor.ID,
                "Log4j2 " + name.substring(name.indexOf('.') + 1) + " configs are not edited: "
                    + "add trace_id=%X{trace_id} span_id=%X{span_id} before %m in each "
                    + "PatternLayout pattern" + (sdk ? ", and an appender of type OpenTelemetry "
                    + "referenced by the root logger" : "")));
          }
        }
        Path groovy = module.resolve(resources).resolve("logback.groovy");
        if (Files.exists(groovy)) {
          logback = true;
          manual.add(new ManualItem(relative(groovy), 0, LogbackConfigEditor.ID,
              "logback.groovy is not edited: add trace_id=%X{trace_id} span_id=%X{span_id} "
                  + "before %msg in each pattern" + (sdk ? " and wrap the appenders in io."
                  + "opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender" : "")));
        }
        for (String name : List.of("application.properties", "application.yml",
            "application.yaml")) {
          Path file = module.resolve(resources).resolve(name);
          Optional<String> text = read(file);
          if (text.isPresent() && text.get().contains("pattern")) {
            try {
              LogConfigEdit edit = name.endsWith(".properties")
                  ? SpringLoggingPatternEditor.editProperties(text.get())
                  : SpringLoggingPatternEditor.editYaml(text.get());
              applyTextEdit(file, text.get(), SpringLoggingPatternEditor.ID, edit);
            } catch (ConfigParseException e) {
              blockers.add(new ManualItem(relative(file), e.line(), RewriteId.PARSE,
                  "not valid YAML: " + e.getMessage()));
            }
          }
        }
      }
      planDropwizardLogging(module);
      boolean hasConfig = bootDefaultLogging;
      for (String name : List.of("logback.xml", "logback-spring.xml", "logback.groovy",
          "log4j2.xml", "log4j2-spring.xml", "log4j2.properties", "log4j2.yaml", "log4j2.yml",
          "log4j2.json")) {
        hasConfig |= Files.exists(module.resolve("src/main/resources").resolve(name));
      }
      return new LoggingFrameworks(logback, log4j2, hasConfig);
    }

    /**
     * Spring Boot's default logging prints no trace ids and installs no OpenTelemetry appender:
     * the module gets a logback-spring.xml that keeps Boot's defaults and adds both.
     */
    private void generateBootLogbackConfig(Path module, boolean sdk) throws IOException {
      Path file = module.resolve(SpringBootLogbackConfig.PATH);
      edit(file, null, SpringBootLogbackConfig.render(sdk, !SpringBootApp.setsOwnPattern(module),
          SpringBootApp.logsToFile(module)));
      changes.add(new Change(relative(file), 1, RewriteId.LOGBACK_MDC,
          "generated for Spring Boot's default logging: Boot's console"
              + (SpringBootApp.logsToFile(module) ? " and file" : "") + " appender with "
              + "trace_id/span_id"
              + (sdk ? ", the OpenTelemetry MDC and exporting appenders" : "")));
    }

    /**
     * Whether a module is a library rather than a service: no {@code main}, no
     * {@code @SpringBootApplication}, not a war, and no logging config of its own.
     */
    private boolean isLibrary(List<Path> javaFiles, String pom, LoggingFrameworks logging)
        throws IOException {
      if (pom.contains("<packaging>war</packaging>") || logging.hasConfig()) {
        return false;
      }
      for (Path file : javaFiles) {
        String text = read(file).orElse("");
        if (text.contains("static void main") || text.contains("@SpringBootApplication")) {
          return false;
        }
      }
      return true;
    }

    private void applyTextEdit(Path file, String text, RewriteId id, LogConfigEdit result) {
      for (LogConfigEdit.Change change : result.changes()) {
        changes.add(new Change(relative(file), change.line(), id, change.what()));
      }
      for (String item : result.manual()) {
        int line = 0;
        Matcher m = Pattern.compile("^line (\\d+): ").matcher(item);
        if (m.find()) {
          line = Integer.parseInt(m.group(1));
          item = item.substring(m.end());
        }
        manual.add(new ManualItem(relative(file), line, id, item));
      }
      if (!result.text().equals(text)) {
        edit(file, text, result.text());
      }
    }

    /**
     * Dropwizard configures Logback from its own YAML ({@code logging:}), so logback.xml edits
     * don't reach it: each appender there gets a precise manual item.
     */
    private void planDropwizardLogging(Path module) throws IOException {
      Optional<String> pom = read(module.resolve("pom.xml"));
      if (pom.isEmpty() || !pom.get().contains("<groupId>io.dropwizard</groupId>")) {
        return;
      }
      List<Path> candidates = new ArrayList<>();
      try (Stream<Path> files = Files.list(module)) {
        files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
            .sorted().forEach(candidates::add);
      }
      Path resources = module.resolve("src/main/resources");
      if (Files.isDirectory(resources)) {
        try (Stream<Path> files = Files.list(resources)) {
          files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
              .sorted().forEach(candidates::add);
        }
      }
      for (Path file : candidates) {
        String text = read(file).orElse("");
        String[] lines = text.split("\n", -1);
        int loggingLine = 0;
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].startsWith("logging:")) {
            loggingLine = i + 1;
            break;
          }
        }
        if (loggingLine == 0) {
          continue;
        }
        boolean hasFormat = text.contains("logFormat") && text.contains("trace_id");
        if (hasFormat) {
          continue;
        }
        manual.add(new ManualItem(relative(file), loggingLine, RewriteId.DROPWIZARD_LOGGING,
            "Dropwizard configures Logback from this YAML, not from logback.xml: under "
                + "logging.appenders, give each appender logFormat: \"%-5p [%d{ISO8601,UTC}] "
                + "%c: trace_id=%X{trace_id} span_id=%X{span_id} %m%n%rEx\". Dropwizard builds "
                + "its appenders in code, so nothing fills those MDC keys in SDK mode: run with "
                + "the javaagent (onboard --mode agent), or register an AppenderFactory that wraps "
                + "the appender in io.opentelemetry.instrumentation.logback.mdc.v1_0"
                + ".OpenTelemetryAppender (opentelemetry-logback-mdc-1.0)"));
      }
    }

    private void editLogConfig(Path file, String text, boolean sdk, boolean logback) {
      try {
        LogConfigEdit result =
            logback ? LogbackConfigEditor.edit(text, sdk) : Log4j2ConfigEditor.edit(text, sdk);
        RewriteId id = logback ? LogbackConfigEditor.ID : Log4j2ConfigEditor.ID;
        for (LogConfigEdit.Change change : result.changes()) {
          changes.add(new Change(relative(file), change.line(), id, change.what()));
        }
        for (String item : result.manual()) {
          manual.add(new ManualItem(relative(file), 0, id, item));
        }
        if (!result.text().equals(text)) {
          edit(file, text, result.text());
        }
      } catch (XmlParseException e) {
        blockers.add(new ManualItem(relative(file), e.line(), RewriteId.PARSE,
            "not well-formed XML: " + e.getMessage()));
      }
    }

    private void editPom(Path pom, List<MavenDependency> dependencies, boolean versions,
        boolean moduleDependencies) throws IOException {
      String before = edits.containsKey(relative(pom))
          ? edits.get(relative(pom)).after()
          : read(pom).orElseThrow();
      String original = edits.containsKey(relative(pom)) ? edits.get(relative(pom)).before()
          : before;
      try {
        PomEditor editor = PomEditor.of(before);
        Set<String> declared = editor.declaredKeys();
        boolean starter = starterBom || dependencies.stream().anyMatch(d -> d.artifactId().equals(
            "opentelemetry-spring-boot-starter"));
        if (versions) {
          // Spring Boot manages io.opentelemetry through this same property; the starter needs the
          // opentelemetry-java release its instrumentation version was built on.
          editor.addProperty("opentelemetry.version",
              starter ? STARTER_OPENTELEMETRY_VERSION : OPENTELEMETRY_VERSION);
          editor.addProperty("opentelemetry-instrumentation.version", INSTRUMENTATION_VERSION);
          editor.importBom(MavenDependency.bom(OTEL_GROUP, "opentelemetry-bom",
              "${opentelemetry.version}"));
          editor.importBom(MavenDependency.bom(OTEL_GROUP, "opentelemetry-bom-alpha",
              "${opentelemetry.version}-alpha"));
          editor.importBom(MavenDependency.bom(INSTRUMENTATION_GROUP,
              "opentelemetry-instrumentation-bom-alpha",
              "${opentelemetry-instrumentation.version}-alpha"));
          if (starter) {
            editor.importBom(MavenDependency.bom(INSTRUMENTATION_GROUP,
                "opentelemetry-instrumentation-bom", "${opentelemetry-instrumentation.version}"));
          }
        }
        if (moduleDependencies) {
          for (MavenDependency dependency : dependencies) {
            if (!declared.contains(dependency.key())) {
              editor.addDependency(dependency);
            }
          }
        }
        for (PomEditor.Edit e : editor.edits()) {
          changes.add(new Change(relative(pom), e.line(), PomEditor.ID, e.what()));
        }
        if (!editor.text().equals(before)) {
          edit(pom, original, editor.text());
        }
      } catch (XmlParseException e) {
        blockers.add(new ManualItem(relative(pom), e.line(), RewriteId.PARSE,
            "not well-formed XML: " + e.getMessage()));
      }
    }

    private List<MavenDependency> dependencies(
        Set<Instrumentation> needs, LoggingFrameworks logging) {
      List<MavenDependency> list = new ArrayList<>();
      list.add(MavenDependency.managed(OTEL_GROUP, "opentelemetry-api"));
      list.add(MavenDependency.managed(OTEL_GROUP, "opentelemetry-sdk-extension-autoconfigure"));
      // The JDK sender keeps OkHttp 5 (and Kotlin) off the service's classpath.
      list.add(MavenDependency.managed(OTEL_GROUP, "opentelemetry-exporter-otlp")
          .excluding(OTEL_GROUP + ":opentelemetry-exporter-sender-okhttp"));
      list.add(MavenDependency.runtime(OTEL_GROUP, "opentelemetry-exporter-sender-jdk"));
      if (needs.contains(Instrumentation.HTTP_CLIENT_ADAPTER)
          || needs.contains(Instrumentation.HTTP_SERVER_ADAPTER)
          || needs.contains(Instrumentation.OKHTTP_ADAPTER)) {
        list.add(MavenDependency.managed(INSTRUMENTATION_GROUP,
            "opentelemetry-instrumentation-api"));
      }
      if (needs.contains(Instrumentation.HTTP_CLIENT_LIBRARY)) {
        list.add(MavenDependency.managed(INSTRUMENTATION_GROUP, "opentelemetry-java-http-client"));
      }
      if (needs.contains(Instrumentation.KAFKA)) {
        list.add(MavenDependency.managed(INSTRUMENTATION_GROUP,
            "opentelemetry-kafka-clients-2.6"));
      }
      if (needs.contains(Instrumentation.SPRING_WEB)) {
        list.add(MavenDependency.managed(INSTRUMENTATION_GROUP, "opentelemetry-spring-web-3.1"));
      }
      list.addAll(loggingDependencies(logging));
      return list;
    }

    private List<MavenDependency> loggingDependencies(LoggingFrameworks logging) {
      List<MavenDependency> list = new ArrayList<>();
      if (logging.logback) {
        list.add(MavenDependency.managed(INSTRUMENTATION_GROUP,
            "opentelemetry-logback-appender-1.0"));
        list.add(MavenDependency.runtime(INSTRUMENTATION_GROUP, "opentelemetry-logback-mdc-1.0"));
      }
      if (logging.log4j2) {
        list.add(MavenDependency.managed(INSTRUMENTATION_GROUP,
            "opentelemetry-log4j-appender-2.17"));
        list.add(MavenDependency.runtime(INSTRUMENTATION_GROUP,
            "opentelemetry-log4j-context-data-2.17-autoconfigure"));
      }
      return list;
    }

    private void planAgentEnv(OtelboardConfig config) throws IOException {
      Path file = root.resolve("deploy/otel/agent.env");
      String text =
          "# Generated by otelboard " + GeneratedSources.version()
              + "; re-run otelboard onboard to update.\n"
              + "# The environment of the service's container in agent mode.\n"
              + "JAVA_TOOL_OPTIONS=-javaagent:/otel/opentelemetry-javaagent.jar\n"
              + "OTEL_SERVICE_NAME=" + config.serviceName() + "\n"
              + "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\n"
              + "OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4318\n"
              + "OTEL_LOGS_EXPORTER=otlp\n";
      generate(file, text);
    }

    private void edit(Path file, String before, String after) {
      String path = relative(file);
      FileEdit previous = edits.get(path);
      edits.put(path, new FileEdit(path, previous != null ? previous.before() : before, after));
    }

    private String relative(Path file) {
      String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
          "/");
      return rel.isEmpty() ? "." : rel;
    }
  }

  /** The project directory and, for a multi-module build, each module (recursively). */
  static List<Path> modules(Path root) throws IOException {
    List<Path> modules = new ArrayList<>();
    collectModules(root, modules);
    return modules;
  }

  private static void collectModules(Path dir, List<Path> modules) throws IOException {
    modules.add(dir);
    Optional<String> pom = read(dir.resolve("pom.xml"));
    if (pom.isEmpty()) {
      return;
    }
    try {
      XmlTree tree = XmlTree.parse(pom.get());
      Optional<XmlTree.Element> list = tree.root().child("modules");
      if (list.isEmpty()) {
        return;
      }
      for (XmlTree.Element module : list.get().children("module")) {
        Path child = dir.resolve(tree.textOf(module)).normalize();
        if (Files.isDirectory(child) && !modules.contains(child)) {
          collectModules(child, modules);
        }
      }
    } catch (XmlParseException e) {
      // Reported when the pom is edited.
    }
  }

  static Optional<String> artifactId(String pom) {
    try {
      XmlTree tree = XmlTree.parse(pom);
      return tree.root().child("artifactId").map(tree::textOf);
    } catch (XmlParseException e) {
      return Optional.empty();
    }
  }

  private static List<Path> javaFiles(Path sources) throws IOException {
    if (!Files.isDirectory(sources)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(sources)) {
      return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }

  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  /** The longest package prefix shared by the module's sources, or the main class's package. */
  static String basePackage(List<Path> javaFiles, Path sources) throws IOException {
    String common = null;
    String mainPackage = null;
    for (Path file : javaFiles) {
      String text = read(file).orElse("");
      if (text.startsWith(GeneratedSources.STAMP_PREFIX)) {
        continue;
      }
      Matcher m = PACKAGE.matcher(text);
      String pkg = m.find() ? m.group(1) : "";
      if (mainPackage == null && text.contains("static void main")) {
        mainPackage = pkg;
      }
      common = common == null ? pkg : commonPrefix(common, pkg);
    }
    if (common == null) {
      return "";
    }
    if (common.isEmpty() || !common.contains(".")) {
      return mainPackage != null ? mainPackage : common;
    }
    return common;
  }

  private static String commonPrefix(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(x[i]);
    }
    return out.toString();
  }

  /** What it takes to move from each tracer to OpenTelemetry. */
  private static final Map<String, String> MIGRATION_ADVICE =
      Map.of(
          "Micrometer Tracing", "swap the micrometer-tracing-bridge-brave dependency for "
              + "micrometer-tracing-bridge-otel (Observation API code stays), or remove the "
              + "bridge and let onboard add OpenTelemetry",
          "Spring Cloud Sleuth", "Sleuth ends with Spring Boot 2.7: move to Spring Boot 3 "
              + "(Micrometer Tracing) or remove spring-cloud-starter-sleuth",
          "OpenTracing", "keep the OpenTracing API calls on opentelemetry-opentracing-shim "
              + "(OpenTracingShim.createTracerShim(openTelemetry)) and drop the OpenTracing tracer",
          "dd-trace", "either keep dd-java-agent and let it read OpenTelemetry API spans "
              + "(dd.trace.otel.enabled=true), or replace dd-trace-api calls by the "
              + "OpenTelemetry API",
          "New Relic agent API", "replace newrelic-api calls (@Trace, NewRelic.*) by the "
              + "OpenTelemetry API and drop the New Relic agent",
          "Elastic APM", "replace apm-agent-api calls by the OpenTelemetry API (Elastic accepts "
              + "OTLP) and drop the Elastic agent",
          "Brave/Zipkin", "replace Brave by OpenTelemetry (keep B3 headers with "
              + "OTEL_PROPAGATORS=tracecontext,b3multi while peers still use them)",
          "Micrometer Tracing on OpenTelemetry", "nothing to migrate, it already is "
              + "OpenTelemetry: configure its export (management.otlp.*) rather than adding a "
              + "second SDK",
          "OpenTracing on OpenTelemetry", "nothing to migrate: the shim already runs on "
              + "OpenTelemetry; move calls to the OpenTelemetry API at your pace",
          "a hand-built OpenTelemetry SDK", "nothing to migrate: wire the existing "
              + "OpenTelemetry instance into the instrumentation yourself, or replace it by the "
              + "generated bootstrap");

  /** Artifacts (by a part of their artifactId) that bring a tracer, for poms. */
  private static final List<Map.Entry<String, String>> TRACING_ARTIFACTS =
      List.of(
          Map.entry("micrometer-tracing-bridge-otel", "Micrometer Tracing on OpenTelemetry"),
          Map.entry("opentelemetry-opentracing-shim", "OpenTracing on OpenTelemetry"),
          Map.entry("micrometer-tracing", "Micrometer Tracing"),
          Map.entry("sleuth", "Spring Cloud Sleuth"),
          Map.entry("opentracing", "OpenTracing"),
          Map.entry("dd-trace", "dd-trace"),
          Map.entry("newrelic-api", "New Relic agent API"),
          Map.entry("apm-agent-api", "Elastic APM"),
          Map.entry("brave", "Brave/Zipkin"));

  private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>\\s*([^<\\s]+)");

  private static String existingTracing(List<Path> javaFiles, String pom) throws IOException {
    Matcher artifacts = ARTIFACT_ID.matcher(pom);
    while (artifacts.find()) {
      for (Map.Entry<String, String> e : TRACING_ARTIFACTS) {
        if (artifacts.group(1).contains(e.getKey())) {
          return e.getValue();
        }
      }
    }
    for (Map.Entry<String, String> e : EXISTING_TRACING.entrySet()) {
      String marker = e.getKey();
      if (pom.contains(marker.endsWith(".") ? marker.substring(0, marker.length() - 1) + "<"
          : marker)) {
        return e.getValue();
      }
    }
    for (Path file : javaFiles) {
      String text = read(file).orElse("");
      if (text.startsWith(GeneratedSources.STAMP_PREFIX)) {
        continue;
      }
      for (Map.Entry<String, String> e : EXISTING_TRACING.entrySet()) {
        if (text.contains("import " + e.getKey())) {
          return e.getValue();
        }
      }
    }
    return null;
  }

  private static boolean usesJul(List<Path> javaFiles) throws IOException {
    for (Path file : javaFiles) {
      if (read(file).orElse("").contains("import java.util.logging.")) {
        return true;
      }
    }
    return false;
  }

  static Optional<String> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file));
    } catch (MalformedInputException e) {
      return Optional.empty();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
