package dev.otelboard.collector.ottl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the config block of a {@code transform} or {@code filter} processor, as read from YAML
 * into plain maps and lists: its keys, error modes, contexts, and every OTTL statement and
 * condition in it. Problems name the exact key path, e.g. {@code log_statements[1].statements[0]},
 * and the column inside that statement.
 */
public final class OttlConfigValidator {
  private static final Set<String> ERROR_MODES = Set.of("ignore", "silent", "propagate");
  private static final Set<String> GROUP_KEYS = Set.of("context", "conditions", "statements",
      "error_mode");
  private static final Map<String, OttlContext> LEGACY_FILTER_CONTEXTS = Map.of(
      "span", OttlContext.SPAN, "spanevent", OttlContext.SPANEVENT, "metric", OttlContext.METRIC,
      "datapoint", OttlContext.DATAPOINT, "log_record", OttlContext.LOG,
      "resource", OttlContext.RESOURCE, "scope", OttlContext.SCOPE);

  private OttlConfigValidator() {}

  /**
   * One problem in a processor config.
   *
   * @param path the key path inside the processor's config, e.g. {@code log_statements[0]}
   * @param column 1-based column inside the statement at {@code path}; 0 when not about one
   * @param message what is wrong
   */
  public record Problem(String path, int column, String message) {
    @Override
    public String toString() {
      return column > 0 ? path + ", column " + column + ": " + message : path + ": " + message;
    }
  }

  /** Checks a transform processor's config ({@code error_mode}, {@code *_statements}). */
  public static List<Problem> checkTransform(Map<?, ?> config) {
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<?, ?> e : config.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object value = e.getValue();
      switch (key) {
        case "error_mode" -> errorMode(key, value, problems);
        case "flatten_data" -> {
          if (!(value instanceof Boolean)) {
            problems.add(new Problem(key, 0, "must be true or false"));
          }
        }
        case "profile_statements" -> { } // profiles are not modelled
        default -> {
          OttlSignal signal = signalFor(key, true);
          if (signal == null) {
            problems.add(new Problem(key, 0, "unknown key; a transform processor takes"
                + " error_mode, trace_statements, metric_statements, log_statements"));
          } else {
            statementsList(signal, key, value, problems);
          }
        }
      }
    }
    return problems;
  }

  /**
   * Checks a filter processor's config: the {@code *_conditions} lists (collector-contrib
   * >= 0.146) and the legacy {@code traces: {span: [...]}} form.
   */
  public static List<Problem> checkFilter(Map<?, ?> config) {
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<?, ?> e : config.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object value = e.getValue();
      if (key.equals("error_mode")) {
        errorMode(key, value, problems);
        continue;
      }
      OttlSignal signal = signalFor(key, false);
      if (signal != null) {
        conditionsList(signal, key, value, problems);
        continue;
      }
      OttlSignal legacy = legacySignal(key);
      if (legacy == null) {
        problems.add(new Problem(key, 0, "unknown key; a filter processor takes error_mode,"
            + " trace_conditions, metric_conditions, log_conditions (or legacy traces/metrics/logs)"));
        continue;
      }
      if (!(value instanceof Map<?, ?> byContext)) {
        problems.add(new Problem(key, 0, "must be a map of context to conditions"));
        continue;
      }
      for (Map.Entry<?, ?> c : byContext.entrySet()) {
        String ctxKey = String.valueOf(c.getKey());
        String path = key + "." + ctxKey;
        OttlContext ctx = LEGACY_FILTER_CONTEXTS.get(ctxKey);
        if (ctxKey.equals("include") || ctxKey.equals("exclude")) {
          continue; // pre-OTTL match properties; not checked here
        }
        if (ctx == null || !legacy.contexts().contains(ctx)) {
          problems.add(new Problem(path, 0, "unknown context for " + key));
          continue;
        }
        List<String> conditions = strings(path, c.getValue(), problems);
        if (conditions != null) {
          OttlValidator.Result r = OttlValidator.checkGroup(legacy, ctx, conditions, List.of(), true);
          for (OttlProblem p : r.problems()) {
            problems.add(new Problem(p.item() == OttlProblem.Item.GROUP ? path
                : path + "[" + p.index() + "]", p.column(), p.message()));
          }
        }
      }
    }
    return problems;
  }

  private static void statementsList(OttlSignal signal, String key, Object value,
      List<Problem> problems) {
    if (!(value instanceof List<?> list)) {
      problems.add(new Problem(key, 0, "must be a list of statements or statement groups"));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String path = key + "[" + i + "]";
      Object entry = list.get(i);
      if (entry instanceof String statement) {
        report(path, true, OttlValidator.checkGroup(signal, null, List.of(), List.of(statement)),
            problems);
      } else if (entry instanceof Map<?, ?> group) {
        group(signal, path, group, true, problems);
      } else {
        problems.add(new Problem(path, 0, "must be a statement string or a group with statements"));
      }
    }
  }

  private static void conditionsList(OttlSignal signal, String key, Object value,
      List<Problem> problems) {
    if (!(value instanceof List<?> list)) {
      problems.add(new Problem(key, 0, "must be a list of conditions or condition groups"));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String path = key + "[" + i + "]";
      Object entry = list.get(i);
      if (entry instanceof String condition) {
        report(path, true, OttlValidator.checkGroup(signal, null, List.of(condition), List.of(),
            true), problems);
      } else if (entry instanceof Map<?, ?> group) {
        group(signal, path, group, false, problems);
      } else {
        problems.add(new Problem(path, 0, "must be a condition string or a group with conditions"));
      }
    }
  }

  private static void group(OttlSignal signal, String path, Map<?, ?> group, boolean transform,
      List<Problem> problems) {
    for (Object k : group.keySet()) {
      String key = String.valueOf(k);
      if (!GROUP_KEYS.contains(key) || (!transform && key.equals("statements"))) {
        problems.add(new Problem(path + "." + key, 0, "unknown key in a "
            + (transform ? "statement" : "condition") + " group"));
      }
    }
    if (group.containsKey("error_mode")) {
      errorMode(path + ".error_mode", group.get("error_mode"), problems);
    }
    OttlContext context = null;
    if (group.get("context") != null) {
      String id = String.valueOf(group.get("context"));
      context = OttlContext.byId(id).orElse(null);
      if (context == null || !signal.contexts().contains(context)) {
        problems.add(new Problem(path + ".context", 0, "\"" + id + "\" is not a context of "
            + signal.statementsKey() + "; use one of " + idList(signal)));
        return;
      }
    }
    List<String> conditions = group.containsKey("conditions")
        ? strings(path + ".conditions", group.get("conditions"), problems) : List.of();
    List<String> statements = List.of();
    if (transform) {
      if (!group.containsKey("statements")) {
        problems.add(new Problem(path, 0, "a statement group needs statements"));
        return;
      }
      statements = strings(path + ".statements", group.get("statements"), problems);
    }
    if (conditions == null || statements == null) {
      return;
    }
    report(path, false, OttlValidator.checkGroup(signal, context, conditions, statements,
        !transform), problems);
  }

  /**
   * Adds a group's problems under {@code path}. A flat entry ({@code log_statements[2]}, a single
   * string) is its own location; a group's items get {@code .statements[i]} / {@code .conditions[i]}.
   */
  private static void report(String path, boolean flat, OttlValidator.Result result,
      List<Problem> problems) {
    for (OttlProblem p : result.problems()) {
      String where = switch (p.item()) {
        case GROUP -> path;
        case STATEMENT -> flat ? path : path + ".statements[" + p.index() + "]";
        case CONDITION -> flat ? path : path + ".conditions[" + p.index() + "]";
      };
      problems.add(new Problem(where, p.column(), p.message()));
    }
  }

  private static List<String> strings(String path, Object value, List<Problem> problems) {
    if (!(value instanceof List<?> list)) {
      problems.add(new Problem(path, 0, "must be a list of strings"));
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        problems.add(new Problem(path + "[" + i + "]", 0, "must be a string"));
        return null;
      }
      out.add(s);
    }
    return out;
  }

  private static void errorMode(String path, Object value, List<Problem> problems) {
    if (!ERROR_MODES.contains(String.valueOf(value))) {
      problems.add(new Problem(path, 0, "must be one of ignore, silent, propagate"));
    }
  }

  private static OttlSignal signalFor(String key, boolean statements) {
    for (OttlSignal s : OttlSignal.values()) {
      if (key.equals(statements ? s.statementsKey() : s.conditionsKey())) {
        return s;
      }
    }
    return null;
  }

  private static OttlSignal legacySignal(String key) {
    for (OttlSignal s : OttlSignal.values()) {
      if (key.equals(s.legacyFilterKey())) {
        return s;
      }
    }
    return null;
  }

  private static String idList(OttlSignal signal) {
    return String.join(", ", signal.contexts().stream().map(OttlContext::id).toList());
  }
}
