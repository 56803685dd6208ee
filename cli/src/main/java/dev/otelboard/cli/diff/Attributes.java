package dev.otelboard.cli.diff;

import dev.otelboard.cli.diff.CaptureDiff.Changes;
import dev.otelboard.cli.diff.DiffResult.Category;
import dev.otelboard.cli.diff.RunSummary.GroupSummary;
import dev.otelboard.cli.diff.RunSummary.ServiceSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Attribute coverage of a diff: per span group the keys on (many more of) one run's spans than the
 * other's, renames between deprecated and stable semantic-convention names told apart, and the
 * resource keys of each service. The same keys usually go missing from many groups at once (the
 * agent's {@code thread.name} on every span), so keys are gathered across groups and services and
 * reported once per set of places they went missing from.
 */
final class Attributes {
  private final Map<Category, Map<String, Places>> lost = new LinkedHashMap<>();
  private final Map<Category, Map<String, Places>> gained = new LinkedHashMap<>();

  /** Where a key went missing (or appeared) and on how many spans of the run that had it. */
  private static final class Places {
    final TreeSet<String> services = new TreeSet<>();
    final TreeSet<String> groups = new TreeSet<>();
    long weight;
  }

  void group(String service, GroupSummary ga, GroupSummary gb) {
    List<String> less = new ArrayList<>();
    List<String> more = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(ga.attributes().keySet());
    keys.addAll(gb.attributes().keySet());
    for (String k : keys) {
      double delta = gb.attributeShare(k) - ga.attributeShare(k);
      if (delta <= -CaptureDiff.SHARE_MARGIN) {
        less.add(k);
      } else if (delta >= CaptureDiff.SHARE_MARGIN) {
        more.add(k);
      }
    }
    String label = ga.key().label();
    for (String k : List.copyOf(less)) {
      String pair = rename(k, more, gb, ga.attributeShare(k));
      if (pair == null) {
        continue;
      }
      less.remove(k);
      more.remove(pair);
      if (SemconvNames.renamed(k, pair)) {
        note(gained, Category.SEMCONV, k + " -> " + pair, service, label, ga.attributes().get(k));
      } else {
        note(lost, Category.SEMCONV, k + " -> " + pair, service, label, ga.attributes().get(k));
      }
    }
    less.forEach(k -> note(lost, Category.ATTRIBUTE, k, service, label, ga.attributes().get(k)));
    more.forEach(k -> note(gained, Category.ATTRIBUTE, k, service, label, gb.attributes().get(k)));
  }

  /**
   * The key {@code k} became in B: a gained key that is its stable (or deprecated) name, or a stable
   * name B's spans already had as often as A's had {@code k} (B dropped a duplicate); else null.
   */
  private static String rename(String k, List<String> more, GroupSummary gb, double shareOfK) {
    for (String g : more) {
      if (SemconvNames.renamed(k, g) || SemconvNames.renamed(g, k)) {
        return g;
      }
    }
    for (String stable : SemconvNames.STABLE.getOrDefault(k, List.of())) {
      if (gb.attributeShare(stable) > shareOfK - CaptureDiff.SHARE_MARGIN) {
        return stable;
      }
    }
    return null;
  }

  void resource(ServiceSummary sa, ServiceSummary sb) {
    TreeSet<String> keys = new TreeSet<>(sa.resourceKeys().keySet());
    keys.addAll(sb.resourceKeys().keySet());
    for (String k : keys) {
      double share = share(sa, k);
      double other = share(sb, k);
      if (share - other >= CaptureDiff.SHARE_MARGIN) {
        note(lost, Category.RESOURCE, k, sa.name(), "", sa.spans() + sa.logs());
      } else if (other - share >= CaptureDiff.SHARE_MARGIN) {
        note(gained, Category.RESOURCE, k, sb.name(), "", sb.spans() + sb.logs());
      }
    }
  }

  private static double share(ServiceSummary s, String key) {
    return s.resourceBlocks() == 0 ? 0 : (double) s.resourceKeys().getOrDefault(key, 0L) / s.resourceBlocks();
  }

  private static void note(
      Map<Category, Map<String, Places>> into, Category category, String key, String service, String group, Long weight) {
    Places p = into.computeIfAbsent(category, c -> new TreeMap<>()).computeIfAbsent(key, k -> new Places());
    p.services.add(service);
    if (!group.isEmpty()) {
      p.groups.add(service + ": " + group);
    }
    p.weight += weight == null ? 0 : weight;
  }

  /** Adds one change per set of places, naming every key that went missing from exactly those. */
  void report(Changes lostChanges, Changes gainedChanges) {
    report(lost, lostChanges, "A", "B");
    report(gained, gainedChanges, "B", "A");
  }

  private static void report(Map<Category, Map<String, Places>> notes, Changes changes, String has, String lacks) {
    notes.forEach((category, keys) -> {
      Map<String, List<String>> byPlaces = new LinkedHashMap<>();
      Map<String, Places> places = new LinkedHashMap<>();
      keys.forEach((key, p) -> {
        String where = p.services + "|" + p.groups;
        byPlaces.computeIfAbsent(where, w -> new ArrayList<>()).add(key);
        places.merge(where, p, (x, y) -> x.weight >= y.weight ? x : y);
      });
      byPlaces.forEach((where, list) -> {
        Places p = places.get(where);
        changes.add(category, List.copyOf(p.services), String.join(", ", list), detail(category, p, has, lacks), p.weight);
      });
    });
  }

  private static String detail(Category category, Places p, String has, String lacks) {
    if (category == Category.RESOURCE) {
      return "on the resource in " + has + ", not in " + lacks;
    }
    List<String> groups = new ArrayList<>(p.groups);
    String where = groups.size() == 1
        ? groups.get(0)
        : groups.size() + " span groups (" + String.join("; ", groups.subList(0, Math.min(3, groups.size())))
            + (groups.size() > 3 ? "; ..." : "") + ")";
    if (category == Category.SEMCONV) {
      return (has.equals("B") ? "B has the stable name where A had the deprecated one, in "
          : "B has the deprecated name where A had the stable one, in ") + where;
    }
    return "on " + has + "'s spans, not on " + lacks + "'s, in " + where;
  }
}
