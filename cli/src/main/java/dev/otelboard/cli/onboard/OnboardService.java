package dev.otelboard.cli.onboard;

import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.buildfile.MavenDependency;
import dev.otelboard.cli.buildfile.PomEditor;
import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.config.OtelboardConfig.Mode;
import dev.otelboard.cli.io.AtomicFiles;
import dev.otelboard.cli.logconfig.Log4j2ConfigEditor;
import dev.otelboard.cli.logconfig.LogConfigEdit;
import dev.otelboard.cli.logconfig.LogbackConfigEditor;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.Instrumentation;
import dev.otelboard.cli.rewrite.JavaFileRewriter;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteSettings;
import dev.otelboard.cli.rewrite.Rewrites;
import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
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

  private final Path mavenRepository;

  /** A service that finds official library jars (for {@code --http-library auto}) in {@code repo}. */
  public OnboardService(Path mavenRepository) {
    this.mavenRepository = mavenRepository;
  }

  /** A service using {@code ~/.m2/repository}. */
  public static OnboardService withUserMavenRepository() {
    return new OnboardService(Path.of(System.getProperty("user.home"), ".m2", "repository"));
  }

  /** Computes everything onboard would change in {@code projectDir}; writes nothing. */
  public OnboardPlan plan(Path projectDir, OnboardOptions options) {
    try {
      return new Planner(projectDir, options).plan();
    } catch (IOException e) {
      throw OtelboardException.environment("cannot read " + projectDir + ": " + e.getMessage());
    }
  }

  /** Writes the plan's files, each one atomically. */
  public void apply(Path projectDir, OnboardPlan plan) throws IOException {
    for (FileEdit edit : plan.edits()) {
      AtomicFiles.write(projectDir.resolve(edit.path()), edit.after());
    }
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
      ProcessRunner.Result inside =
          ProcessRunner.run(
              List.of("git", "rev-parse", "--is-inside-work-tree"), projectDir,
              Duration.ofSeconds(30));
      if (inside.exitCode() != 0 || !inside.output().strip().equals("true")) {
        return;
      }
      List<String> command = new ArrayList<>(List.of("git", "status", "--porcelain", "--"));
      command.addAll(existing);
      ProcessRunner.Result status = ProcessRunner.run(command, projectDir, Duration.ofSeconds(60));
      if (status.exitCode() != 0) {
        throw OtelboardException.environment("git status failed: " + status.output().strip());
      }
      List<String> dirty =
          status.output().lines().filter(l -> l.length() > 3).map(l -> l.substring(3)).toList();
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

  /** One planning pass over one project directory. */
  private final class Planner {
    private final Path root;
    private final OnboardOptions options;
    private final Map<String, FileEdit> edits = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<ManualItem> manual = new ArrayList<>();
    private final List<ManualItem> failures = new ArrayList<>();

    Planner(Path root, OnboardOptions options) {
      this.root = root;
      this.options = options;
    }

    OnboardPlan plan() throws IOException {
      Path pom = root.resolve("pom.xml");
      Optional<String> rootPom = read(pom);
      OtelboardConfig config = config(rootPom);
      List<Path> modules = modules(root);
      boolean rootManagesVersions = rootPom.isPresent() && modules.size() > 1;
      for (Path module : modules) {
        planModule(module, config, rootManagesVersions && !module.equals(root));
      }
      if (rootManagesVersions && config.mode() == Mode.SDK && anyModuleNeedsOtel) {
        editPom(pom, List.of(), true, false);
      }
      if (config.mode() == Mode.AGENT) {
        planAgentEnv(config);
      }
      return new OnboardPlan(
          config, List.copyOf(edits.values()), List.copyOf(changes), List.copyOf(manual),
          List.copyOf(failures));
    }

    private boolean anyModuleNeedsOtel;

    private OtelboardConfig config(Optional<String> rootPom) throws IOException {
      Path file = root.resolve(OtelboardConfig.FILE_NAME);
      Optional<String> existing = read(file);
      OtelboardConfig config;
      if (existing.isPresent()) {
        config = OtelboardConfig.parse(file, existing.get());
        if (options.mode() != null && options.mode() != config.mode()) {
          config = new OtelboardConfig(config.serviceName(), options.mode(), config.verify());
          edit(file, existing.get(), config.toYaml());
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
      config = OtelboardConfig.defaults(name);
      if (options.mode() != null) {
        config = new OtelboardConfig(name, options.mode(), config.verify());
      }
      edit(file, null, config.toYaml());
      changes.add(new Change(OtelboardConfig.FILE_NAME, 1, "otelboard-config",
          "otelboard.yaml written (service " + name + ", " + config.mode().yamlName() + " mode)"));
      return config;
    }

    private void planModule(Path module, OtelboardConfig config, boolean versionsInParent)
        throws IOException {
      Path sources = module.resolve("src/main/java");
      List<Path> javaFiles = javaFiles(sources);
      Optional<String> pomText = read(module.resolve("pom.xml"));
      String tracer = existingTracing(javaFiles, pomText.orElse(""));
      boolean sdk = config.mode() == Mode.SDK;
      Set<Instrumentation> needs = EnumSet.noneOf(Instrumentation.class);
      String basePackage = basePackage(javaFiles, sources);
      RewriteSettings settings = settings(basePackage);
      if (sdk && tracer != null) {
        manual.add(new ManualItem(relative(module.resolve("pom.xml")), 0, "existing-tracing",
            "found " + tracer + ": otelboard does not add a second tracer; migrate it to "
                + "OpenTelemetry first (or run onboard --mode agent and remove it)"));
      }
      if (sdk && tracer == null && !javaFiles.isEmpty()) {
        JavaFileRewriter rewriter = new JavaFileRewriter(Rewrites.sdkMode(), settings);
        for (Path file : javaFiles) {
          Optional<String> text = read(file);
          if (text.isEmpty() || text.get().startsWith(GeneratedSources.STAMP_PREFIX)) {
            continue;
          }
          JavaFileRewriter.Result result = rewriter.rewrite(relative(file), text.get());
          if (result.failure() != null) {
            failures.add(new ManualItem(relative(file), result.failureLine(), "parse",
                result.failure()));
            continue;
          }
          changes.addAll(result.changes());
          manual.addAll(result.manual());
          needs.addAll(result.needs());
          if (result.changed(text.get())) {
            edit(file, text.get(), result.text());
          }
        }
      }
      LoggingFrameworks logging = planLogConfigs(module, sdk, pomText.orElse(""));
      if (!sdk || tracer != null || javaFiles.isEmpty()) {
        return;
      }
      needs.add(Instrumentation.BOOTSTRAP);
      anyModuleNeedsOtel = true;
      generateSources(sources, basePackage, settings, config, needs, logging);
      Path pom = module.resolve("pom.xml");
      if (pomText.isEmpty()) {
        manual.add(new ManualItem(relative(module), 0, "pom", "no pom.xml: add the dependencies "
            + "yourself: " + dependencies(needs, logging).stream().map(MavenDependency::key)
                .toList()));
        return;
      }
      editPom(pom, dependencies(needs, logging), !versionsInParent, true);
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
          false);
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
      if (needs.contains(Instrumentation.OKHTTP_ADAPTER)) {
        generate(dir.resolve(RewriteSettings.OKHTTP_ADAPTER + ".java"),
            GeneratedSources.adapter("OtelOkHttp", basePackage, RewriteSettings.OKHTTP_ADAPTER,
                bootstrap));
      }
    }

    private void generate(Path file, String text) throws IOException {
      Optional<String> existing = read(file);
      if (existing.isPresent() && !existing.get().startsWith(GeneratedSources.STAMP_PREFIX)) {
        failures.add(new ManualItem(relative(file), 1, "generate",
            "exists and was not generated by otelboard; rename it so onboard can generate "
                + file.getFileName()));
        return;
      }
      if (existing.isPresent() && existing.get().equals(text)) {
        return;
      }
      edit(file, existing.orElse(null), text);
      changes.add(new Change(relative(file), 1, "generate", existing.isPresent()
          ? "regenerated" : "generated " + file.getFileName()));
    }

    /** Which logging frameworks the module uses, from its config files and pom. */
    private record LoggingFrameworks(boolean logback, boolean log4j2) {}

    private LoggingFrameworks planLogConfigs(Path module, boolean sdk, String pom)
        throws IOException {
      boolean logback = pom.contains("<artifactId>logback-classic</artifactId>");
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
        for (String name : List.of("log4j2.properties", "log4j2.yaml", "log4j2.yml",
            "log4j2.json", "logback.groovy")) {
          Path file = module.resolve(resources).resolve(name);
          if (Files.exists(file)) {
            manual.add(new ManualItem(relative(file), 0, "log-config",
                "only XML logging configs are edited: add trace_id=%X{trace_id} "
                    + "span_id=%X{span_id} to the pattern and the OpenTelemetry appender"));
          }
        }
        for (String name : List.of("application.properties", "application.yml",
            "application.yaml")) {
          Path file = module.resolve(resources).resolve(name);
          Optional<String> text = read(file);
          if (text.isPresent() && text.get().contains("logging.pattern")) {
            manual.add(new ManualItem(relative(file), 0, "log-config",
                "logging.pattern.* is set here: add trace_id=%X{trace_id} span_id=%X{span_id}"));
          }
        }
      }
      return new LoggingFrameworks(logback, log4j2);
    }

    private void editLogConfig(Path file, String text, boolean sdk, boolean logback) {
      try {
        LogConfigEdit result =
            logback ? LogbackConfigEditor.edit(text, sdk) : Log4j2ConfigEditor.edit(text, sdk);
        String id = logback ? "logback-mdc" : "log4j2-context-data";
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
        failures.add(new ManualItem(relative(file), e.line(), "parse",
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
        if (versions) {
          editor.addProperty("opentelemetry.version", OPENTELEMETRY_VERSION);
          editor.addProperty("opentelemetry-instrumentation.version", INSTRUMENTATION_VERSION);
          editor.importBom(MavenDependency.bom(OTEL_GROUP, "opentelemetry-bom",
              "${opentelemetry.version}"));
          editor.importBom(MavenDependency.bom(OTEL_GROUP, "opentelemetry-bom-alpha",
              "${opentelemetry.version}-alpha"));
          editor.importBom(MavenDependency.bom(INSTRUMENTATION_GROUP,
              "opentelemetry-instrumentation-bom-alpha",
              "${opentelemetry-instrumentation.version}-alpha"));
        }
        if (moduleDependencies) {
          for (MavenDependency dependency : dependencies) {
            if (!declared.contains(dependency.key())) {
              editor.addDependency(dependency);
            }
          }
        }
        for (PomEditor.Edit e : editor.edits()) {
          changes.add(new Change(relative(pom), e.line(), "pom", e.what()));
        }
        if (!editor.text().equals(before)) {
          edit(pom, original, editor.text());
        }
      } catch (XmlParseException e) {
        failures.add(new ManualItem(relative(pom), e.line(), "parse",
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

  private static String existingTracing(List<Path> javaFiles, String pom) throws IOException {
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
