package dev.otelboard.cli.scan;

import static dev.otelboard.cli.scan.LoggingDetector.LOG4J2;
import static dev.otelboard.cli.scan.LoggingDetector.LOGBACK;

import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Puts a scan together once every file is read: assigns findings to modules, decides what the
 * logger findings need from the module's logging backend and its config, finds services, and
 * sorts everything.
 */
final class Assembler {
  private static final List<String> LEVEL_ORDER =
      List.of("trace", "debug", "info", "warn", "error", "fatal", "other");

  private record ModuleInfo(String path, String name, String buildTool, String buildFile,
      Set<String> backends) {}

  private record JavaFacts(String file, Scope scope, Map<String, Map<String, Integer>> logCalls,
      Map<String, Boolean> mainClasses, Set<String> frameworks) {}

  private final Map<String, ModuleInfo> modules = new TreeMap<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<ScanResult.ParseFailure> failures = new ArrayList<>();
  private final List<JavaFacts> facts = new ArrayList<>();
  private final List<String> files = new ArrayList<>();

  void addModule(String path, String buildTool, String buildFile, BuildFiles.BuildInfo info) {
    ModuleInfo existing = modules.get(path);
    Set<String> backends = new TreeSet<>(info.backends());
    if (existing != null) {
      backends.addAll(existing.backends());
      if (existing.buildTool().equals("maven") && buildTool.equals("gradle")) {
        modules.put(path, new ModuleInfo(path, existing.name(), existing.buildTool(),
            existing.buildFile(), backends));
        return;
      }
      if (existing.buildTool().equals("gradle") && buildTool.equals("gradle")
          && !buildFile.contains("/build.gradle") && !buildFile.startsWith("build.gradle")) {
        buildFile = existing.buildFile();
      }
    }
    modules.put(path, new ModuleInfo(path, info.name(), buildTool, buildFile, backends));
  }

  void addText(TextSource src) {
    findings.addAll(src.findings);
    files.add(src.file);
  }

  void addJava(String file, RepoScanner.FileOutcome outcome) {
    files.add(file);
    findings.addAll(outcome.findings());
    if (outcome.failure() != null) {
      failures.add(outcome.failure());
    }
    facts.add(new JavaFacts(file, outcome.scope(), outcome.logCalls(), outcome.mainClasses(),
        outcome.frameworks()));
  }

  ScanResult result(String root, ScanResult.Stats stats) {
    if (!modules.containsKey("") && files.stream().anyMatch(f -> moduleOf(f) == null)) {
      String name = rootName(root);
      modules.put("", new ModuleInfo("", name, "none", "", Set.of()));
    }
    List<Finding> assigned = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      assigned.add(f.withModule(moduleOf(f.file())));
    }
    Map<String, Set<String>> frameworks = new HashMap<>();
    Map<String, Map<String, Map<String, Integer>>> calls = new HashMap<>();
    Map<String, Map<String, Boolean>> mains = new HashMap<>();
    Map<String, String> mainFiles = new HashMap<>();
    for (JavaFacts f : facts) {
      if (f.scope() != Scope.MAIN) {
        continue;
      }
      String module = moduleOf(f.file());
      frameworks.computeIfAbsent(module, m -> new TreeSet<>()).addAll(f.frameworks());
      f.logCalls().forEach((fw, levels) -> levels.forEach((level, n) ->
          calls.computeIfAbsent(module, m -> new TreeMap<>())
              .computeIfAbsent(fw, x -> new TreeMap<>())
              .merge(level, n, Integer::sum)));
      f.mainClasses().forEach((cls, boot) -> {
        mains.computeIfAbsent(module, m -> new TreeMap<>()).put(cls, boot);
        mainFiles.put(cls, f.file());
      });
    }
    Map<String, Set<String>> backends = backends(assigned);
    List<Finding> correlated = new ArrayList<>(assigned.size());
    for (Finding f : assigned) {
      correlated.add(correlateLogger(f, backends.getOrDefault(f.module(), Set.of()), assigned));
    }
    correlated.sort(
        Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(f -> f.kind().id()));
    List<ScanResult.Module> moduleList = new ArrayList<>();
    List<ScanResult.Service> services = new ArrayList<>();
    for (ModuleInfo m : modules.values()) {
      Set<String> fw = new TreeSet<>(frameworks.getOrDefault(m.path(), Set.of()));
      fw.addAll(backends.getOrDefault(m.path(), Set.of()));
      moduleList.add(new ScanResult.Module(m.path(), m.name(), m.buildTool(), m.buildFile(),
          List.copyOf(fw), logCalls(calls.getOrDefault(m.path(), Map.of()))));
      Map<String, Boolean> moduleMains = mains.getOrDefault(m.path(), Map.of());
      moduleMains.entrySet().stream()
          .sorted(Map.Entry.<String, Boolean>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .findFirst()
          .ifPresent(e -> services.add(new ScanResult.Service(m.path(), m.name(), e.getKey(),
              mainFiles.get(e.getKey()), e.getValue())));
    }
    failures.sort(Comparator.comparing(ScanResult.ParseFailure::file));
    return new ScanResult(root, moduleList, services, correlated, failures, stats);
  }

  private static String rootName(String root) {
    String r = root.replace('\\', '/');
    while (r.endsWith("/") && r.length() > 1) {
      r = r.substring(0, r.length() - 1);
    }
    String name = r.substring(r.lastIndexOf('/') + 1);
    return name.isEmpty() || name.equals(".") ? "root" : name;
  }

  private String moduleOf(String file) {
    String best = null;
    for (String path : modules.keySet()) {
      if ((path.isEmpty() || file.startsWith(path + "/"))
          && (best == null || path.length() > best.length())) {
        best = path;
      }
    }
    return best;
  }

  /** Logging backends per module: its build (and its parents'), its config files. */
  private Map<String, Set<String>> backends(List<Finding> assigned) {
    Map<String, Set<String>> result = new HashMap<>();
    Set<String> repoWide = new TreeSet<>();
    for (ModuleInfo m : modules.values()) {
      Set<String> b = new TreeSet<>();
      for (ModuleInfo other : modules.values()) {
        if (other.path().isEmpty() || m.path().equals(other.path())
            || m.path().startsWith(other.path() + "/")) {
          b.addAll(other.backends());
        }
      }
      for (Finding f : assigned) {
        if (f.module().equals(m.path()) && f.scope() == Scope.MAIN) {
          if (f.kind() == FindingKind.LOGBACK_CONFIG) {
            b.add(LOGBACK);
          } else if (f.kind() == FindingKind.LOG4J2_CONFIG) {
            b.add(LOG4J2);
          }
        }
      }
      if (b.remove(BuildFiles.SPRING_BOOT_DEFAULT) && !b.contains(LOG4J2)) {
        b.add(LOGBACK);
      }
      result.put(m.path(), b);
      repoWide.addAll(b);
    }
    if (repoWide.size() == 1) {
      for (Set<String> b : result.values()) {
        if (b.isEmpty()) {
          b.addAll(repoWide);
        }
      }
    }
    return result;
  }

  private static Finding correlateLogger(Finding f, Set<String> backends, List<Finding> all) {
    return switch (f.kind()) {
      case SLF4J_LOGGER -> {
        String backend = slf4jBackend(f.module(), backends, all);
        yield backend == null
            ? f.withRewrite(RewriteId.MANUAL, false, "no SLF4J backend in the build "
                + "(logback-classic or log4j-slf4j2-impl): add one, then a pattern with trace_id "
                + "and span_id")
            : viaBackend(f, backend, all);
      }
      case LOGBACK_LOGGER -> viaBackend(f, LOGBACK, all);
      case LOG4J2_LOGGER -> viaBackend(f, LOG4J2, all);
      case JUL_LOGGER -> f.withRewrite(RewriteId.MIGRATE_JUL_TO_SLF4J, false,
          "java.util.logging cannot print trace ids: bridge it to SLF4J (jul-to-slf4j) or "
              + "migrate the logger");
      case JCL_LOGGER -> f.withRewrite(RewriteId.MIGRATE_JCL_TO_SLF4J, false,
          "Commons Logging does not reach the backend's trace_id/span_id pattern by itself: "
              + "the logger moves to SLF4J");
      case LOG4J1_LOGGER -> f.withRewrite(RewriteId.MIGRATE_LOG4J1_TO_SLF4J, false,
          "Log4j 1.x is end of life and has no OpenTelemetry support: the logger moves to "
              + "SLF4J");
      default -> f;
    };
  }

  private static String slf4jBackend(String module, Set<String> backends, List<Finding> all) {
    boolean logback = backends.contains(LOGBACK);
    boolean log4j2 = backends.contains(LOG4J2);
    if (logback && log4j2) {
      return configs(module, FindingKind.LOG4J2_CONFIG, all, false).isEmpty() ? LOGBACK : LOG4J2;
    }
    return logback ? LOGBACK : log4j2 ? LOG4J2 : null;
  }

  private static Finding viaBackend(Finding f, String backend, List<Finding> all) {
    FindingKind configKind = backend.equals(LOGBACK) ? FindingKind.LOGBACK_CONFIG
        : FindingKind.LOG4J2_CONFIG;
    RewriteId rewrite = backend.equals(LOGBACK) ? RewriteId.LOGBACK_MDC
        : RewriteId.LOG4J2_CONTEXT_DATA;
    String configName = backend.equals(LOGBACK) ? "logback.xml" : "log4j2.xml";
    List<Finding> configs = configs(f.module(), configKind, all, true);
    if (configs.isEmpty()) {
      return f.withRewrite(RewriteId.MANUAL, false, backend + " runs with its default pattern "
          + "(no " + configName + " found): add one that prints trace_id and span_id");
    }
    boolean instrumented = configs.stream().allMatch(Finding::instrumented);
    Optional<Finding> manual = configs.stream().filter(Finding::isManual).findFirst();
    if (!instrumented && manual.isPresent()) {
      return f.withRewrite(RewriteId.MANUAL, false, manual.get().file()
          + " is not edited by onboard: " + manual.get().reason());
    }
    String files = String.join(", ", configs.stream().map(Finding::file).toList());
    return f.withRewrite(rewrite, instrumented, instrumented
        ? files + " prints trace_id and span_id"
        : files + " does not print trace_id/span_id yet");
  }

  /** Main-scope config findings of a kind in the module, else anywhere (when {@code fallback}). */
  private static List<Finding> configs(
      String module, FindingKind kind, List<Finding> all, boolean fallback) {
    List<Finding> own = all.stream()
        .filter(c -> c.kind() == kind && c.scope() == Scope.MAIN && c.module().equals(module))
        .toList();
    if (!own.isEmpty() || !fallback) {
      return own;
    }
    return all.stream().filter(c -> c.kind() == kind && c.scope() == Scope.MAIN).toList();
  }

  private static List<ScanResult.LogCallCount> logCalls(Map<String, Map<String, Integer>> calls) {
    List<ScanResult.LogCallCount> list = new ArrayList<>();
    calls.forEach((fw, levels) -> levels.forEach((level, n) ->
        list.add(new ScanResult.LogCallCount(fw, level, n))));
    list.sort(Comparator.comparing(ScanResult.LogCallCount::framework)
        .thenComparingInt(c -> LEVEL_ORDER.indexOf(c.level())));
    return list;
  }
}
