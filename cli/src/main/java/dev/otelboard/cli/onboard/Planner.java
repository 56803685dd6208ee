package dev.otelboard.cli.onboard;

import static dev.otelboard.cli.onboard.ExistingTracers.existingTracing;
import static dev.otelboard.cli.onboard.ExistingTracers.tracerName;
import static dev.otelboard.cli.onboard.LogConfigPlanner.setsLoggingPattern;
import static dev.otelboard.cli.onboard.OnboardService.INSTRUMENTATION_VERSION;
import static dev.otelboard.cli.onboard.PomPlanner.INSTRUMENTATION_GROUP;
import static dev.otelboard.cli.onboard.PomPlanner.OTEL_GROUP;
import static dev.otelboard.cli.onboard.PomPlanner.instrumentation;
import static dev.otelboard.cli.onboard.ProjectFiles.basePackage;
import static dev.otelboard.cli.onboard.ProjectFiles.javaFiles;
import static dev.otelboard.cli.onboard.ProjectFiles.modules;
import static dev.otelboard.cli.onboard.ProjectFiles.read;
import static dev.otelboard.cli.onboard.ProjectFiles.usesJul;

import dev.otelboard.cli.buildfile.MavenDependency;
import dev.otelboard.cli.buildfile.PomEditor;
import dev.otelboard.cli.catalog.Artifact;
import dev.otelboard.cli.catalog.Coordinates;
import dev.otelboard.cli.catalog.HttpLibraries;
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.LibraryCatalog;
import dev.otelboard.cli.catalog.TracingLibraries;
import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.config.OtelboardConfig.Mode;
import dev.otelboard.cli.logconfig.SpringLoggingPatternEditor;
import dev.otelboard.cli.migrate.MicrometerBridge;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.Instrumentation;
import dev.otelboard.cli.rewrite.JavaFileRewriter;
import dev.otelboard.cli.rewrite.JavaRewrite;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.RewriteSettings;
import dev.otelboard.cli.rewrite.Rewrites;
import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import dev.otelboard.cli.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One planning pass over one project directory: the service's config, then each module's rewrites,
 * generated sources, logging config and pom.
 */
final class Planner {
  /** Artifacts that give SLF4J a backend, so other logging APIs can move to SLF4J. */
  private static final List<String> SLF4J_BACKENDS =
      LibraryCatalog.slf4jProviders().stream().map(Coordinates::artifactId).toList();

  private final Path mavenRepository;
  private final Path root;
  private final OnboardOptions options;
  private final ScanResult scan;
  private final PlanDraft draft;
  private final LogConfigPlanner logConfigs;
  private final PomPlanner poms;
  private final SourcePlanner sourcePlanner;
  private boolean anyModuleNeedsOtel;

  Planner(Path mavenRepository, Path root, OnboardOptions options, ScanResult scan) {
    this.mavenRepository = mavenRepository;
    this.root = root;
    this.options = options;
    this.scan = scan;
    this.draft = new PlanDraft(root);
    this.logConfigs = new LogConfigPlanner(draft);
    this.poms = new PomPlanner(draft);
    this.sourcePlanner = new SourcePlanner(draft);
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
      poms.editPom(pom, List.of(), true, false);
    }
    if (config.mode() == Mode.AGENT) {
      AgentStarts.planEnvFile(root, config, draft);
    }
    AgentStarts.plan(root, scan, config.mode() == Mode.AGENT, draft);
    // Files no rewrite needed are not parsed by the rewriters; scan parsed them all.
    for (ScanResult.ParseFailure f : scan.parseFailures()) {
      if (draft.failures().stream().noneMatch(known -> known.file().equals(f.file()))) {
        draft.failures().add(new ManualItem(f.file(), f.line(), RewriteId.PARSE,
            "does not parse: " + f.message()));
      }
    }
    return draft.plan(config);
  }

  private OtelboardConfig config(Optional<String> rootPom) throws IOException {
    Path file = root.resolve(OtelboardConfig.FILE_NAME);
    Optional<String> existing = read(file);
    OtelboardConfig config;
    if (existing.isPresent()) {
      config = OtelboardConfig.parse(file, existing.get());
      if (options.mode() != null && options.mode() != config.mode()) {
        config = new OtelboardConfig(config.serviceName(), options.mode(), config.verify(), config.generate());
        draft.edit(file, existing.get(), OtelboardConfig.withMode(existing.get(), options.mode()));
      }
      return config;
    }
    String name = options.serviceName();
    if (name == null) {
      name = rootPom.flatMap(ProjectFiles::artifactId).orElse(
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
    draft.edit(file, null, config.toYaml());
    draft.changes().add(new Change(OtelboardConfig.FILE_NAME, 1, RewriteId.OTELBOARD_CONFIG,
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
          && parentArtifact.equals(read(parent).flatMap(ProjectFiles::artifactId));
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
    Library other = existingTracing(vendor.otherJavaFiles(), vendor.otherPom());
    Optional<MicrometerBridge.Swap> bridge = sdk && other == TracingLibraries.MICROMETER_TRACING
        ? VendorMigration.bridgeSwap(pomText.orElse(""), vendor) : Optional.empty();
    if (bridge.isPresent()) {
      // Micrometer Tracing now records with OpenTelemetry: the tracer the module keeps.
      draft.edit(module.resolve("pom.xml"), pomText.get(), bridge.get().pom());
      String pomFile = draft.relative(module.resolve("pom.xml"));
      bridge.get().edits().forEach(e -> draft.changes().add(
          new Change(pomFile, e.line(), MicrometerBridge.ID, e.what())));
      other = TracingLibraries.MICROMETER_TRACING_OTEL;
    }
    String refusal = null;
    if (other == null && vendor.found()) {
      settings = vendor.settings();
      draft.changes().addAll(vendor.changes());
      draft.manual().addAll(vendor.manual());
      draft.blockers().addAll(vendor.blockers());
      refusal = vendor.refusal();
      if (refusal == null) {
        vendor.pom().ifPresent(after -> draft.edit(module.resolve("pom.xml"), pomText.get(), after));
        for (VendorPlan.Generated source : vendor.generated()) {
          draft.generate(source.file(), source.text());
        }
      }
    }
    // Any tracer left in the way: none of the OpenTelemetry changes below are made.
    boolean traced = other != null || refusal != null;
    boolean starter = sdk && !traced && boot.starter();
    Optional<String> mvcFilter = boot.mvcFilterLine(buildFiles);
    if (sdk && !traced && !starter) {
      boot.withoutStarter(buildFiles).ifPresent(reason -> draft.manual().add(
          new ManualItem(draft.relative(boot.application()), 0, RewriteId.SPRING_BOOT_STARTER,
              reason)));
    }
    if (sdk && other != null) {
      draft.manual().add(new ManualItem(draft.relative(module.resolve("pom.xml")), 0,
          RewriteId.EXISTING_TRACING,
          "found " + tracerName(other) + ": otelboard does not add a second tracer. To "
              + "migrate: " + other.onboarding().note()
              + "; then re-run onboard (or run onboard --mode agent once it is removed)"));
    }
    if (sdk && !traced && !javaFiles.isEmpty()) {
      List<JavaRewrite> rewrites = starter ? Rewrites.springBootStarter() : Rewrites.sdkMode();
      if (!starter && boot.application() != null) {
        rewrites = new ArrayList<>(rewrites);
        rewrites.addAll(Rewrites.springBootWithoutStarter(mvcFilter.isPresent()));
      }
      Optional<ServletApi.Unsupported> oldServlet = ServletApi.unsupported(pomText.orElse(""));
      List<JavaRewrite> registrations =
          rewrites.stream().filter(r -> Rewrites.registersServletFilter(r.id())).toList();
      Optional<RewriteId> dropped = oldServlet.isPresent()
          ? ServletApi.registering(javaFiles, registrations) : Optional.empty();
      if (dropped.isPresent()) {
        // No filter registration the container can't run: a manual item at the pom line, under
        // the registration that would have run.
        rewrites = rewrites.stream().filter(r -> !registrations.contains(r)).toList();
        draft.manual().add(new ManualItem(draft.relative(module.resolve("pom.xml")),
            oldServlet.get().line(), dropped.get(), oldServlet.get().reason()));
      }
      JavaFileRewriter rewriter = new JavaFileRewriter(rewrites, settings);
      JavaFileRewriter outsideStarter =
          starter ? new JavaFileRewriter(Rewrites.outsideSpringBootStarter(), settings) : null;
      for (Path file : javaFiles) {
        Optional<String> text = read(file);
        if (text.isEmpty() || text.get().startsWith(GeneratedSources.STAMP_PREFIX)) {
          continue;
        }
        JavaFileRewriter.Result result = rewriter.rewrite(draft.relative(file), text.get());
        if (result.failure() != null) {
          draft.failures().add(new ManualItem(draft.relative(file), result.failureLine(),
              RewriteId.PARSE, result.failure()));
          continue;
        }
        draft.changes().addAll(result.changes());
        draft.manual().addAll(result.manual());
        needs.addAll(result.needs());
        if (result.changed(text.get())) {
          draft.edit(file, text.get(), result.text());
        }
        if (outsideStarter != null) {
          for (Change missed : outsideStarter.rewrite(draft.relative(file), text.get()).changes()) {
            draft.manual().add(new ManualItem(missed.file(), missed.line(), missed.rewriteId(),
                "the Spring Boot starter does not instrument this (" + missed.description()
                    + "); make it a Spring bean the starter knows, or instrument it with the "
                    + "starter's OpenTelemetry bean"));
          }
        }
      }
    }
    if (sdk && !traced && !starter && ServletApi.unsupported(pomText.orElse("")).isEmpty()) {
      WebXmlPlan.plan(draft, module, settings, needs);
    }
    // Boot's default logging gets a logback-spring.xml, unless no OpenTelemetry is added here.
    boolean bootDefaultLogging = boot.defaultLogging(module, buildFiles)
        && (!sdk || (!traced && !javaFiles.isEmpty()));
    LoggingFrameworks logging =
        logConfigs.planLogConfigs(module, sdk, pomText.orElse(""), bootDefaultLogging);
    // Sleuth's traceId/spanId keys stay where a tracer that fills them stays (Micrometer's).
    for (VendorMigration.LogKeysEdit keys : VendorMigration.logKeys(root, module, options,
        vendor.found() && other == null, f -> draft.edits().containsKey(draft.relative(f))
            ? Optional.ofNullable(draft.edits().get(draft.relative(f)).after()) : read(f))) {
      draft.changes().addAll(keys.changes());
      draft.edit(keys.file(), keys.before(), keys.after());
    }
    // JUL without an SLF4J backend: the generated handler exports its records (see below).
    boolean julOnly = sdk && !traced && !logging.logback() && !logging.log4j2() && !slf4jBackend
        && usesJul(javaFiles);
    if (!sdk || traced || javaFiles.isEmpty()) {
      return;
    }
    if (logging.dropwizard()) {
      logConfigs.checkDropwizardAppendersAttached(module, javaFiles);
    }
    if (!module.equals(root) && isLibrary(javaFiles, pomText.orElse(""), logging)
        && needs.stream().allMatch(n -> n == Instrumentation.CONTEXT)) {
      // A library module of a multi-module build: no SDK or bootstrap of its own (the service
      // that runs it has them), only the API its rewritten code calls.
      if (julOnly) {
        draft.manual().add(new ManualItem(draft.relative(module), 0,
            RewriteId.JUL_LOG_CORRELATION, "java.util.logging only, in a library module: its "
                + "records are exported with their trace context by the service that runs it "
                + "once that service is onboarded (its bootstrap installs the JUL handler)"));
      }
      if (!needs.isEmpty()) {
        anyModuleNeedsOtel = true;
        poms.editPom(module.resolve("pom.xml"),
            List.of(MavenDependency.managed(OTEL_GROUP, "opentelemetry-api")),
            !versionsInParent, true);
      }
      return;
    }
    anyModuleNeedsOtel = true;
    if (starter) {
      List<MavenDependency> extra = StarterBridge.plan(draft, sources, basePackage, javaFiles,
          buildFiles, needs, boot);
      planSpringBootStarter(module, pomText, versionsInParent, logging, boot, extra);
      return;
    }
    needs.add(Instrumentation.BOOTSTRAP);
    if (julOnly) {
      dropJulMigrationItems(module);
    }
    sourcePlanner.plan(sources, basePackage, settings, config, needs, logging, boot, mvcFilter,
        ServletApi.of(javaFiles, buildFiles, boot), julOnly);
    List<MavenDependency> dependencies = new ArrayList<>(poms.dependencies(needs, logging));
    if (needs.contains(Instrumentation.SPRING_MVC_FILTER)) {
      dependencies.add(MavenDependency.managed(INSTRUMENTATION_GROUP,
          "opentelemetry-spring-webmvc-" + mvcFilter.orElseThrow()));
    }
    Path pom = module.resolve("pom.xml");
    if (pomText.isEmpty()) {
      draft.manual().add(new ManualItem(draft.relative(module), 0, PomEditor.ID,
          "no pom.xml: add the dependencies yourself: "
          + dependencies.stream().map(MavenDependency::key).toList()));
      return;
    }
    poms.editPom(pom, dependencies, !versionsInParent, true);
  }

  /**
   * A Spring Boot 2.6+ or 3.1+ module gets opentelemetry-spring-boot-starter (which owns the SDK
   * and instruments Spring's clients, servers, spring-kafka, JDBC and the logging appenders)
   * instead of the bootstrap class and client rewrites.
   */
  private void planSpringBootStarter(Path module, Optional<String> pomText,
      boolean versionsInParent, LoggingFrameworks logging, SpringBootApp boot,
      List<MavenDependency> extra) throws IOException {
    boolean bootLogback = !pomText.orElse("").contains("spring-boot-starter-log4j2");
    List<MavenDependency> dependencies =
        PomPlanner.starterDependencies(logging, bootLogback, extra);
    if (bootLogback && !logging.hasConfig() && !setsLoggingPattern(module)) {
      draft.manual().add(new ManualItem(
          draft.relative(module.resolve("src/main/resources/application.properties")), 0,
          SpringLoggingPatternEditor.ID,
          "Spring Boot's default log pattern prints no trace ids: set "
              + "logging.pattern.correlation=[trace_id=%X{trace_id} span_id=%X{span_id}] "
              + "(Spring Boot 3.2+) or add them to logging.pattern.console in "
              + "application.properties"));
    }
    Path pom = module.resolve("pom.xml");
    if (pomText.isEmpty()) {
      draft.manual().add(new ManualItem(draft.relative(module), 0, RewriteId.SPRING_BOOT_STARTER,
          "no pom.xml: add " + dependencies.stream().map(MavenDependency::key).toList()));
      return;
    }
    poms.useStarterBom();
    int before = draft.changes().size();
    poms.editPom(pom, dependencies, !versionsInParent, true);
    int line = draft.changes().subList(before, draft.changes().size()).stream()
        .filter(c -> c.description().contains("opentelemetry-spring-boot-starter"))
        .mapToInt(Change::line).findFirst().orElse(0);
    if (line > 0) {
      draft.changes().add(new Change(draft.relative(pom), line, RewriteId.SPRING_BOOT_STARTER,
          boot.version().map(v -> "Spring Boot " + v).orElse("Spring Boot 3 (Jakarta EE)")
              + " application: opentelemetry-spring-boot-starter added instead of code "
              + "rewrites; it instruments RestTemplate/RestClient/WebClient beans, Spring "
              + "MVC/WebFlux, spring-kafka, JDBC and the Logback/Log4j2 appenders (configure it "
              + "with otel.* properties or OTEL_* variables)"));
    }
  }

  private RewriteSettings settings(String basePackage) {
    boolean library =
        switch (options.httpLibrary()) {
          case LIBRARY -> true;
          case ADAPTER -> false;
          case AUTO -> Files.isDirectory(mavenRepository.resolve(
              repositoryPath(HttpLibraries.JAVA_HTTP_CLIENT) + "/"
                  + INSTRUMENTATION_VERSION + "-alpha"));
        };
    return new RewriteSettings(basePackage, RewriteSettings.DEFAULT_BOOTSTRAP_CLASS, library,
        false, true);
  }

  /**
   * A module that logs only through java.util.logging gets its records exported by a generated
   * JUL Handler on the OpenTelemetry Logs bridge, which the bootstrap installs on the root logger
   * together with trace ids in the console lines (see generateSources). Its loggers then stay on
   * JUL, so the items that say they would need an SLF4J backend are dropped.
   */
  private void dropJulMigrationItems(Path module) {
    String prefix = draft.relative(module);
    draft.manual().removeIf(m -> m.rewriteId() == RewriteId.MIGRATE_JUL_TO_SLF4J
        && (prefix.equals(".") || m.file().startsWith(prefix + "/")));
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

  /** Where the local Maven repository keeps a library's one instrumentation artifact. */
  private static String repositoryPath(Library library) {
    Artifact artifact = library.onboarding().artifacts().get(0);
    return artifact.groupId().replace('.', '/') + "/" + artifact.artifactId();
  }
}
