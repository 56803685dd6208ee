package dev.otelboard.cli.check;

import dev.otelboard.cli.check.CheckItem.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one check found, immutable; the text, SARIF and JUnit writers all read this.
 *
 * @param root the checked directory as given
 * @param failOn which code findings fail
 * @param items every check, code findings first (in scan order), then correlation, OTTL, parse
 * @param testFindings findings in test code, which check ignores
 * @param generatedFindings findings in classes otelboard generated, which check ignores
 * @param baseline the baseline file applied, or null
 * @param staleBaselineEntries baseline occurrences that no longer match anything (fixed or moved)
 */
public record CheckResult(
    String root,
    FailOn failOn,
    List<CheckItem> items,
    int testFindings,
    int generatedFindings,
    String baseline,
    int staleBaselineEntries) {

  /** Copies the list. */
  public CheckResult {
    items = List.copyOf(items);
  }

  /** Whether any item fails the check. */
  public boolean failed() {
    return items.stream().anyMatch(CheckItem::fails);
  }

  /** The items with this outcome. */
  public List<CheckItem> items(Outcome outcome) {
    return items.stream().filter(i -> i.outcome() == outcome).toList();
  }

  /** The categories to report, in order: every code category, then those with items. */
  public List<CheckCategory> categories() {
    List<CheckCategory> out = new ArrayList<>();
    for (CheckCategory c : CheckCategory.values()) {
      if (CheckCategory.CODE.contains(c) || items.stream().anyMatch(i -> i.category() == c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The items of one category, in order. */
  public List<CheckItem> items(CheckCategory category) {
    return items.stream().filter(i -> i.category() == category).toList();
  }

  /** How many items of {@code category} have each outcome. */
  public Map<Outcome, Integer> counts(CheckCategory category) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      counts.put(o, 0);
    }
    for (CheckItem i : items(category)) {
      counts.merge(i.outcome(), 1, Integer::sum);
    }
    return counts;
  }

  CheckResult withItems(List<CheckItem> newItems, String newBaseline, int stale) {
    return new CheckResult(root, failOn, newItems, testFindings, generatedFindings, newBaseline,
        stale);
  }
}
