package dev.otelboard.cli.onboard;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.otelboard.cli.buildfile.MavenDependency;
import dev.otelboard.cli.buildfile.PomEditor;
import dev.otelboard.cli.logconfig.LogConfigEdit;
import dev.otelboard.cli.logconfig.VendorLogKeys;
import dev.otelboard.cli.migrate.MicrometerBridge;
import dev.otelboard.cli.migrate.Vendor;
import dev.otelboard.cli.migrate.VendorDependencies;
import dev.otelboard.cli.migrate.VendorDependencies.Declared;
import dev.otelboard.cli.migrate.VendorReferences;
import dev.otelboard.cli.migrate.VendorReferences.Reference;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.Instrumentation;
import dev.otelboard.cli.rewrite.JavaFileRewriter;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.RewriteSettings;
import dev.otelboard.cli.rewrite.Rewrites;
import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides what onboard does with a module's vendor tracer (dd-trace, OpenTracing, Sleuth, Brave),
 * telling use from presence: a dependency nothing in src/main/java references is removed (or kept
 * with {@code --keep-vendor-deps}); code that uses a vendor API is migrated by the rewrites of
 * {@link Rewrites#vendorMigration}, tried here first on every file; a use they leave behind refuses
 * the whole service, with file:line, so onboard never writes a service that runs two tracers.
 *
 * <p>Only SDK mode migrates: the javaagent mode changes no code.
 */
final class VendorMigration {
  private static final List<String> VENDOR_TEXT =
      List.of("datadog.", "io.opentracing", "io.jaegertracing", "brave.", "zipkin2.",
          "org.springframework.cloud.sleuth");
  /**
   * Imports of tracers this class does not handle (OnboardService's table of existing tracers):
   * a file that mentions a vendor tracer and imports one of these still goes to that check.
   */
  private static final List<String> OTHER_TRACERS =
      List.of("io.micrometer.tracing", "com.newrelic.api", "co.elastic.apm",
          "io.opentelemetry.sdk.OpenTelemetrySdk");
  /** The logging configs onboard edits, in each resources directory. */
  private static final List<String> LOG_CONFIGS =
      List.of("logback.xml", "logback-test.xml", "logback-spring.xml", "log4j2.xml",
          "log4j2-test.xml", "log4j2-spring.xml", "log4j2.properties", "application.properties",
          "application.yml", "application.yaml");
  private static final String OTEL_GROUP = "io.opentelemetry";
  private static final String INSTRUMENTATION_GROUP = "io.opentelemetry.instrumentation";

  private final Path root;
  private final Path module;
  private final OnboardOptions options;
  private final JavaParser parser =
      new JavaParser(new ParserConfiguration()
          .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));

  private VendorMigration(Path root, Path module, OnboardOptions options) {
    this.root = root;
    this.module = module;
    this.options = options;
  }

  /**
   * Plans the move off vendor tracers of one module.
   *
   * @param root the project directory (paths in the plan are relative to it)
   * @param module the module
   * @param javaFiles the module's src/main/java files
   * @param pom the module's pom.xml ("" without one)
   * @param options onboard's options
   * @param sdk whether onboard runs in SDK mode
   * @param starter whether the module gets the Spring Boot starter (and its @WithSpan aspect)
   * @param boot what onboard knows about the module as a Spring Boot application
   * @param settings the settings the module's rewrites run with
   */
  static VendorPlan plan(Path root, Path module, List<Path> javaFiles, String pom,
      OnboardOptions options, boolean sdk, boolean starter, SpringBootApp boot,
      RewriteSettings settings) throws IOException {
    if (!sdk) {
      return VendorPlan.none(javaFiles, pom, settings);
    }
    return new VendorMigration(root, module, options)
        .plan(javaFiles, pom, starter, boot, settings);
  }

  private VendorPlan plan(List<Path> javaFiles, String pom, boolean starter, SpringBootApp boot,
      RewriteSettings settings) throws IOException {
    List<Declared> declared;
    try {
      declared = pom.isEmpty() ? List.of() : VendorDependencies.in(pom);
    } catch (XmlParseException e) {
      return VendorPlan.none(javaFiles, pom, settings); // onboard's pom edit reports the line
    }
    List<ManualItem> blockers = new ArrayList<>();
    List<Path> otherFiles = new ArrayList<>();
    Map<Path, List<Reference>> main = references(javaFiles, blockers, otherFiles);
    String otherPom = withoutVendorDependencies(pom, declared);
    if (declared.isEmpty() && main.isEmpty() && blockers.isEmpty()) {
      return VendorPlan.none(javaFiles, otherPom, settings);
    }
    RewriteSettings migration = settings.withTracingHolder(holder(starter, boot, settings));
    JavaFileRewriter rewriter =
        new JavaFileRewriter(Rewrites.vendorMigration(starter), migration);
    Set<Instrumentation> needs = EnumSet.noneOf(Instrumentation.class);
    Set<Vendor> used = EnumSet.noneOf(Vendor.class);
    for (Map.Entry<Path, List<Reference>> e : main.entrySet()) {
      e.getValue().forEach(r -> used.add(r.vendor()));
      migrate(e.getKey(), e.getValue(), rewriter, needs, blockers);
    }
    if (!blockers.isEmpty()) {
      Set<String> titles = new LinkedHashSet<>();
      used.forEach(v -> titles.add(v.title()));
      return new VendorPlan(true, migration, List.of(), List.of(), List.copyOf(blockers),
          Optional.empty(), List.of(), otherFiles, otherPom,
          titles.isEmpty() ? "a vendor tracer" : String.join(", ", titles));
    }
    List<Change> changes = new ArrayList<>();
    List<ManualItem> manual = new ArrayList<>();
    Optional<String> pomAfter = pom.isEmpty() ? Optional.empty()
        : editPom(pom, declared, used, needs, starter, boot, changes, manual);
    List<VendorPlan.Generated> generated = new ArrayList<>();
    if (needs.contains(Instrumentation.TRACING_HOLDER)) {
      generated.add(holderSource(migration, starter));
    }
    return new VendorPlan(true, migration, List.copyOf(changes), List.copyOf(manual), List.of(),
        pomAfter, List.copyOf(generated), otherFiles, otherPom, null);
  }

  /**
   * The vendor references of each file that has some; a file that does not parse blocks. Files
   * that don't mention a vendor tracer, or import another tracer, go to {@code others}: onboard's
   * check for other tracers reads their text, where a vendor in a comment would count.
   */
  private Map<Path, List<Reference>> references(List<Path> files, List<ManualItem> blockers,
      List<Path> others) throws IOException {
    Map<Path, List<Reference>> found = new LinkedHashMap<>();
    for (Path file : files) {
      String text = ProjectFiles.read(file).orElse("");
      if (text.startsWith(GeneratedSources.STAMP_PREFIX)
          || VENDOR_TEXT.stream().noneMatch(text::contains)) {
        others.add(file);
        continue;
      }
      ParseResult<CompilationUnit> parsed = parser.parse(text);
      if (parsed.getResult().isEmpty() || !parsed.isSuccessful()) {
        blockers.add(new ManualItem(relative(file), 0, RewriteId.PARSE, "does not parse, and "
            + "mentions a vendor tracer: otelboard can't tell whether it uses one; fix it and "
            + "re-run onboard"));
        continue;
      }
      CompilationUnit unit = parsed.getResult().get();
      if (unit.getImports().stream().anyMatch(i -> OTHER_TRACERS.stream().anyMatch(
          o -> i.getNameAsString().startsWith(o)))) {
        others.add(file);
      }
      List<Reference> references = VendorReferences.in(unit);
      if (!references.isEmpty()) {
        found.put(file, references);
      }
    }
    return found;
  }

  /**
   * Runs the migration rewrites on one file as onboard will; every vendor reference they leave
   * behind blocks, with the rewrite's reason where it gave one.
   */
  private void migrate(Path file, List<Reference> references, JavaFileRewriter rewriter,
      Set<Instrumentation> needs, List<ManualItem> blockers) throws IOException {
    String text = ProjectFiles.read(file).orElse("");
    JavaFileRewriter.Result result = rewriter.rewrite(relative(file), text);
    if (result.failure() != null) {
      blockers.add(new ManualItem(relative(file), result.failureLine(), RewriteId.PARSE,
          result.failure()));
      return;
    }
    List<Reference> left = result.changed(text)
        ? parser.parse(result.text()).getResult().map(VendorReferences::in).orElse(references)
        : references;
    if (left.isEmpty()) {
      needs.addAll(result.needs());
      return;
    }
    // Lines in the original file: a rewrite that can't move a use leaves its part unchanged.
    List<Reference> residue = result.changed(text) ? references.stream()
        .filter(r -> left.stream().anyMatch(l -> l.name().equals(r.name()))).toList() : left;
    Set<Integer> lines = new java.util.HashSet<>();
    residue.forEach(r -> lines.add(r.line()));
    Set<Integer> explained = new java.util.HashSet<>();
    for (ManualItem item : result.manual()) {
      if (lines.contains(item.line())) {
        blockers.add(item);
        explained.add(item.line());
      }
    }
    List<Reference> uses = residue.stream().filter(r -> !r.isImport()).toList();
    Map<Integer, List<Reference>> byLine = new java.util.TreeMap<>();
    for (Reference r : uses.isEmpty() ? residue : uses) {
      if (!explained.contains(r.line())) {
        byLine.computeIfAbsent(r.line(), l -> new ArrayList<>()).add(r);
      }
    }
    byLine.forEach((line, refs) -> {
      Vendor vendor = refs.get(0).vendor();
      blockers.add(new ManualItem(relative(file), line, RewriteId.EXISTING_TRACING,
          (refs.get(0).isImport() ? "imports " : "uses ")
              + String.join(", ", refs.stream().map(Reference::name).distinct().sorted().toList())
              + " (" + vendor.title() + "), which no otelboard rewrite moves to "
              + "OpenTelemetry: " + vendor.advice()));
    });
  }

  /** Removes what nothing references any more, adds what the migrated code needs. */
  private Optional<String> editPom(String pom, List<Declared> declared, Set<Vendor> used,
      Set<Instrumentation> needs, boolean starter, SpringBootApp boot, List<Change> changes,
      List<ManualItem> manual) throws IOException {
    String pomFile = relative(module.resolve("pom.xml"));
    Map<Vendor, List<Use>> testUses = testReferences();
    try {
      PomEditor editor = PomEditor.of(pom);
      for (Declared d : declared) {
        List<Use> tests = testUses.getOrDefault(d.vendor(), List.of());
        if (!tests.isEmpty()) {
          Use first = tests.get(0);
          manual.add(new ManualItem(pomFile, d.line(), VendorDependencies.ID, "kept " + d.key()
              + ": tests use " + d.vendor().title() + " (" + first.reference().name() + " at "
              + relative(first.file()) + ":" + first.reference().line() + "); move them to "
              + "io.opentelemetry:opentelemetry-sdk-testing, then remove it"));
        } else if (options.keepVendorDeps()) {
          manual.add(new ManualItem(pomFile, d.line(), VendorDependencies.ID, "kept " + d.key()
              + " (--keep-vendor-deps): nothing in src/main/java references it now; remove it "
              + "once the vendor agent is gone"));
        } else {
          editor.removeDependency(d.groupId(), d.artifactId());
          changes.add(new Change(pomFile, d.line(), VendorDependencies.ID, "removed " + d.key()
              + " (" + d.vendor().title() + "): " + (used.contains(d.vendor())
                  ? "its uses moved to the OpenTelemetry API"
                  : "nothing in src/main/java references it")));
        }
      }
      int removals = editor.edits().size();
      for (MavenDependency dependency : additions(pom, needs, starter, boot)) {
        editor.addDependency(dependency);
      }
      for (PomEditor.Edit e : editor.edits().subList(removals, editor.edits().size())) {
        changes.add(new Change(pomFile, e.line(), PomEditor.ID, e.what()
            + " (for the code moved off the vendor tracer)"));
      }
      return editor.text().equals(pom) ? Optional.empty() : Optional.of(editor.text());
    } catch (XmlParseException e) {
      return Optional.empty();
    }
  }

  /** The dependencies migrated code needs (their versions come from the BOMs onboard imports). */
  private static List<MavenDependency> additions(String pom, Set<Instrumentation> needs,
      boolean starter, SpringBootApp boot) {
    List<MavenDependency> list = new ArrayList<>();
    if (needs.contains(Instrumentation.TRACING_API) || needs.contains(Instrumentation.WITH_SPAN)
        || needs.contains(Instrumentation.TRACING_HOLDER)) {
      list.add(MavenDependency.managed(OTEL_GROUP, "opentelemetry-api"));
    }
    if (needs.contains(Instrumentation.WITH_SPAN)) {
      list.add(MavenDependency.managed(INSTRUMENTATION_GROUP,
          "opentelemetry-instrumentation-annotations"));
      if (starter) {
        // The starter's @WithSpan aspect is only configured when AspectJ is on the classpath.
        boolean bootManaged = pom.contains("spring-boot-starter-parent")
            || pom.contains("spring-boot-dependencies");
        list.add(new MavenDependency("org.springframework.boot", "spring-boot-starter-aop",
            "compile", bootManaged ? null : boot.version().map(Object::toString).orElse(null),
            List.of()));
      }
    }
    return list;
  }

  /** A vendor reference in a file. */
  private record Use(Path file, Reference reference) {}

  private Map<Vendor, List<Use>> testReferences() throws IOException {
    Map<Vendor, List<Use>> found = new LinkedHashMap<>();
    Path tests = module.resolve("src/test/java");
    if (!Files.isDirectory(tests)) {
      return found;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(tests)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Map.Entry<Path, List<Reference>> e
        : references(files, new ArrayList<>(), new ArrayList<>()).entrySet()) {
      for (Reference r : e.getValue()) {
        found.computeIfAbsent(r.vendor(), v -> new ArrayList<>()).add(new Use(e.getKey(), r));
      }
    }
    return found;
  }

  /**
   * The pom without any vendor dependency, for onboard's check for other tracers: also without
   * the vendor entries of dependencyManagement, which put nothing on the classpath.
   */
  private static String withoutVendorDependencies(String pom, List<Declared> declared) {
    try {
      PomEditor editor = PomEditor.of(pom);
      for (Declared d : declared) {
        editor.removeDependency(d.groupId(), d.artifactId());
      }
      String text = editor.text();
      XmlTree tree = XmlTree.parse(text);
      Optional<XmlTree.Element> managed = tree.root().child("dependencyManagement")
          .flatMap(m -> m.child("dependencies"));
      if (managed.isEmpty()) {
        return text;
      }
      List<XmlTree.Element> vendor = managed.get().children("dependency").stream()
          .filter(d -> Vendor.ofArtifact(
              d.child("groupId").map(tree::textOf).orElse("").strip(),
              d.child("artifactId").map(tree::textOf).orElse("").strip()).isPresent())
          .toList();
      StringBuilder out = new StringBuilder(text);
      for (int i = vendor.size() - 1; i >= 0; i--) {
        out.delete(vendor.get(i).start(), vendor.get(i).end());
      }
      return out.toString();
    } catch (XmlParseException e) {
      return pom;
    }
  }

  /**
   * Where the tracing holder goes: next to the {@code @SpringBootApplication} class with the
   * starter (so component scanning finds it), else into the base package with the bootstrap.
   */
  private static String holder(boolean starter, SpringBootApp boot, RewriteSettings settings)
      throws IOException {
    if (starter && boot.application() != null) {
      String text = ProjectFiles.read(boot.application()).orElse("");
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(text);
      String pkg = m.find() ? m.group(1) : "";
      return pkg.isEmpty() ? RewriteSettings.TRACING_HOLDER
          : pkg + "." + RewriteSettings.TRACING_HOLDER;
    }
    return settings.tracingHolder();
  }

  /**
   * Micrometer Tracing's Brave bridge swapped for its OpenTelemetry one ({@link
   * MicrometerBridge}), when the module's code no longer uses Brave: after the swap Brave's
   * classes are gone from the classpath.
   */
  static Optional<MicrometerBridge.Swap> bridgeSwap(String pom, VendorPlan vendor) {
    if (!vendor.blockers().isEmpty() || vendor.changes().stream()
        .anyMatch(c -> c.rewriteId() == RewriteId.MIGRATE_BRAVE)) {
      return Optional.empty();
    }
    try {
      boolean bootManaged = pom.contains("spring-boot-starter-parent")
          || pom.contains("spring-boot-dependencies");
      return MicrometerBridge.swap(pom, bootManaged, OnboardService.OPENTELEMETRY_VERSION);
    } catch (XmlParseException e) {
      return Optional.empty(); // onboard's pom edit reports the line
    }
  }

  /** The text onboard has planned for a file so far, or the file's own. */
  @FunctionalInterface
  interface PlannedText {
    Optional<String> of(Path file) throws IOException;
  }

  /** One logging config with vendor MDC keys replaced. */
  record LogKeysEdit(Path file, String before, String after, List<Change> changes) {}

  /**
   * The module's logging configs (as planned so far) with vendor MDC keys replaced by {@code
   * trace_id}/{@code span_id} ({@link VendorLogKeys}). Datadog's keys always count; Sleuth's
   * generic {@code traceId}/{@code spanId} only when the module had a vendor tracer.
   */
  static List<LogKeysEdit> logKeys(Path root, Path module, OnboardOptions options,
      boolean hadVendor, PlannedText planned) throws IOException {
    List<LogKeysEdit> edits = new ArrayList<>();
    for (String resources : List.of("src/main/resources", "src/test/resources")) {
      for (String name : LOG_CONFIGS) {
        Path file = module.resolve(resources).resolve(name);
        Optional<String> text = planned.of(file);
        if (text.isEmpty()) {
          continue;
        }
        LogConfigEdit edit = VendorLogKeys.edit(text.get(), options.keepVendorLogKeys(), hadVendor);
        if (edit.text().equals(text.get())) {
          continue;
        }
        String path = relative(root, file);
        List<Change> changes = edit.changes().stream()
            .map(c -> new Change(path, c.line(), VendorLogKeys.ID, c.what())).toList();
        edits.add(new LogKeysEdit(file, ProjectFiles.read(file).orElse(null), edit.text(),
            changes));
      }
    }
    return edits;
  }

  private VendorPlan.Generated holderSource(RewriteSettings settings, boolean starter) {
    String qualified = settings.tracingHolder();
    int dot = qualified.lastIndexOf('.');
    String pkg = dot < 0 ? "" : qualified.substring(0, dot);
    String simple = qualified.substring(dot + 1);
    Path dir = module.resolve("src/main/java");
    Path file = (pkg.isEmpty() ? dir : dir.resolve(pkg.replace('.', '/'))).resolve(simple + ".java");
    String text = GeneratedSources.render("adapters/OtelTracing.java.ftl", Map.of(
        "version", GeneratedSources.version(),
        "packageName", pkg,
        "className", simple,
        "scopeName", pkg.isEmpty() ? simple : pkg,
        "bootstrapClass", settings.bootstrapClass(),
        "spring", starter));
    return new VendorPlan.Generated(file, text);
  }

  private String relative(Path file) {
    return relative(root, file);
  }

  private static String relative(Path root, Path file) {
    String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
        "/");
    return rel.isEmpty() ? "." : rel;
  }
}
