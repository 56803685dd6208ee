package dev.otelboard.cli.scan;

import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The numbers the reports print, computed from a {@link ScanResult}: per category counts,
 * coverage and the files with most findings. Only service code (main scope) is counted.
 *
 * @param categories one row per category that has findings, in category order
 * @param coverable findings that count toward coverage
 * @param instrumented of which already instrumented
 * @param rewritable main findings an onboard rewrite handles (not yet instrumented)
 * @param manual main findings a person has to handle (not yet instrumented)
 * @param testFindings findings in tests (not counted anywhere else)
 * @param topFiles files with most main findings, most first, at most 10
 */
public record ScanSummary(
    List<CategoryCount> categories,
    int coverable,
    int instrumented,
    int rewritable,
    int manual,
    int testFindings,
    List<FileCount> topFiles) {

  /** How many top files the summary keeps. */
  public static final int TOP_FILES = 10;

  /** Copies the lists. */
  public ScanSummary {
    categories = List.copyOf(categories);
    topFiles = List.copyOf(topFiles);
  }

  /**
   * One category's counts.
   *
   * @param category the category
   * @param found main findings
   * @param instrumented of which already instrumented
   * @param rewritable not instrumented, handled by a rewrite
   * @param manual not instrumented, for a person
   * @param coverable counting toward coverage
   * @param covered of which instrumented
   */
  public record CategoryCount(
      Category category,
      int found,
      int instrumented,
      int rewritable,
      int manual,
      int coverable,
      int covered) {
    /** Coverage in percent, or -1 when nothing counts. */
    public int coveragePercent() {
      return percent(covered, coverable);
    }
  }

  /**
   * A file and how many main findings it has.
   *
   * @param file the file, relative
   * @param findings how many
   */
  public record FileCount(String file, int findings) {}

  /** Overall coverage in percent, or -1 when nothing counts. */
  public int coveragePercent() {
    return percent(instrumented, coverable);
  }

  /** The summary of a whole scan. */
  public static ScanSummary of(ScanResult result) {
    return of(result.findings(), f -> true);
  }

  /** The summary of one module. */
  public static ScanSummary ofModule(ScanResult result, String modulePath) {
    return of(result.findings(), f -> f.module().equals(modulePath));
  }

  private static ScanSummary of(List<Finding> all, Predicate<Finding> filter) {
    Map<Category, int[]> rows = new EnumMap<>(Category.class);
    Map<String, Integer> perFile = new TreeMap<>();
    int coverable = 0;
    int instrumented = 0;
    int rewritable = 0;
    int manual = 0;
    int tests = 0;
    for (Finding f : all) {
      if (!filter.test(f)) {
        continue;
      }
      if (f.scope() == Scope.TEST) {
        tests++;
        continue;
      }
      int[] row = rows.computeIfAbsent(f.kind().category(), c -> new int[6]);
      row[0]++;
      perFile.merge(f.file(), 1, Integer::sum);
      if (f.instrumented()) {
        row[1]++;
      } else if (f.isManual()) {
        row[3]++;
        manual++;
      } else if (f.rewrite() != RewriteId.NONE) {
        row[2]++;
        rewritable++;
      }
      if (f.countsTowardCoverage()) {
        row[4]++;
        coverable++;
        if (f.instrumented()) {
          row[5]++;
          instrumented++;
        }
      }
    }
    List<CategoryCount> categories = new ArrayList<>();
    rows.forEach(
        (c, r) -> categories.add(new CategoryCount(c, r[0], r[1], r[2], r[3], r[4], r[5])));
    List<FileCount> top =
        perFile.entrySet().stream()
            .map(e -> new FileCount(e.getKey(), e.getValue()))
            .sorted(Comparator.comparingInt(FileCount::findings).reversed()
                .thenComparing(FileCount::file))
            .limit(TOP_FILES)
            .toList();
    return new ScanSummary(categories, coverable, instrumented, rewritable, manual, tests, top);
  }

  private static int percent(int part, int whole) {
    return whole == 0 ? -1 : (int) Math.floor(100.0 * part / whole);
  }
}
