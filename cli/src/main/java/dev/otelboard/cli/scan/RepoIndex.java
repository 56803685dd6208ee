package dev.otelboard.cli.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repo's own top-level type names, from file paths alone (Foo.java declares Foo), so that type
 * resolution knows before parsing that {@code HttpClient} in package {@code com.acme} is the
 * repo's own class. Keyed by package (for files under {@code src/<set>/java}) and by directory
 * (for any layout).
 */
final class RepoIndex {
  private static final Pattern SOURCE_ROOT = Pattern.compile("(?:^|/)src/[^/]+/java/(?:(.*)/)?[^/]+\\.java$");

  private final Map<String, Set<String>> byPackage;
  private final Map<String, Set<String>> byDirectory;

  private RepoIndex(Map<String, Set<String>> byPackage, Map<String, Set<String>> byDirectory) {
    this.byPackage = byPackage;
    this.byDirectory = byDirectory;
  }

  /** Indexes the given repo-relative Java file paths. */
  static RepoIndex of(List<String> javaFiles) {
    Map<String, Set<String>> byPackage = new HashMap<>();
    Map<String, Set<String>> byDirectory = new HashMap<>();
    for (String file : javaFiles) {
      String type = simpleName(file);
      byDirectory.computeIfAbsent(directory(file), d -> new TreeSet<>()).add(type);
      String pkg = packageOf(file);
      if (pkg != null) {
        byPackage.computeIfAbsent(pkg, p -> new TreeSet<>()).add(type);
      }
    }
    return new RepoIndex(byPackage, byDirectory);
  }

  /** Whether the repo declares {@code pkg.simpleName}. */
  boolean hasType(String pkg, String simpleName) {
    Set<String> names = byPackage.get(pkg);
    return names != null && names.contains(simpleName);
  }

  /** Whether a file in {@code directory} of package {@code pkg} sees {@code simpleName} unqualified. */
  boolean inSamePackage(String directory, String pkg, String simpleName) {
    Set<String> names = byDirectory.get(directory);
    return (names != null && names.contains(simpleName)) || hasType(pkg, simpleName);
  }

  /** The package a path under {@code src/<set>/java/} implies, or null for other layouts. */
  static String packageOf(String file) {
    Matcher m = SOURCE_ROOT.matcher(file);
    if (!m.find()) {
      return null;
    }
    return m.group(1) == null ? "" : m.group(1).replace('/', '.');
  }

  static String directory(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash);
  }

  private static String simpleName(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
  }
}
