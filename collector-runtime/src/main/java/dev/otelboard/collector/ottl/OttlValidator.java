package dev.otelboard.collector.ottl;

import dev.otelboard.collector.ottl.OttlProblem.Item;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Checks OTTL offline, before anything reaches a cluster: the grammar, the context, the path names
 * the context accepts, enum symbols, function names, arities and argument forms. Problems carry
 * the statement or condition index and the column.
 *
 * <p>Two modes, as in the transform processor: with an explicit {@code context:} a path may omit
 * its context prefix; without one the context is inferred from the prefixes, which every path must
 * then carry.
 */
public final class OttlValidator {

  private OttlValidator() {}

  /** The result of checking a group: the context it runs in (null when unknown) and problems. */
  public record Result(OttlContext context, List<OttlProblem> problems) {
    /** Creates a result; {@code problems} is copied. */
    public Result {
      problems = List.copyOf(problems);
    }

    /** Whether nothing is wrong. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Checks one statement group of a transform processor.
   *
   * @param signal the statements key it sits under ({@code log_statements} = LOGS)
   * @param context the group's explicit {@code context:}, or null to infer it
   * @param conditions the group's {@code conditions:} (OR-ed), possibly empty
   * @param statements the group's statements
   */
  public static Result checkGroup(OttlSignal signal, OttlContext context, List<String> conditions,
      List<String> statements) {
    return checkGroup(signal, context, conditions, statements, false);
  }

  /** As {@link #checkGroup(OttlSignal, OttlContext, List, List)}; {@code filter}: the filter processor's functions. */
  static Result checkGroup(OttlSignal signal, OttlContext context, List<String> conditions,
      List<String> statements, boolean filter) {
    Objects.requireNonNull(signal, "signal");
    List<OttlProblem> problems = new ArrayList<>();
    List<OttlParsed> parsed = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      add(parsed, OttlParsed.parse(Item.CONDITION, i, conditions.get(i), problems));
    }
    for (int i = 0; i < statements.size(); i++) {
      add(parsed, OttlParsed.parse(Item.STATEMENT, i, statements.get(i), problems));
    }
    OttlContext effective = context;
    boolean inferred = context == null;
    if (context != null && !signal.contexts().contains(context)) {
      problems.add(new OttlProblem(Item.GROUP, -1, 0, "context \"" + context.id()
          + "\" is not valid for " + signal.statementsKey() + "; use one of "
          + ids(signal.contexts())));
      effective = null;
    } else if (inferred) {
      // the collector infers from the statements only when all of them parse
      effective = problems.isEmpty() ? OttlInference.infer(signal, parsed, problems) : null;
    }
    if (effective != null) {
      for (OttlParsed p : parsed) {
        new OttlChecker(effective, inferred, signal, p, problems, filter).run();
      }
    }
    problems.sort(Comparator.comparing(OttlProblem::item).thenComparingInt(OttlProblem::index)
        .thenComparingInt(OttlProblem::column));
    return new Result(effective, problems);
  }

  /** Checks one statement in an explicit context. */
  public static List<OttlProblem> checkStatement(String statement, OttlContext context) {
    return checkGroup(signalOf(context), context, List.of(), List.of(statement)).problems();
  }

  /** Checks one statement whose context is inferred from its path prefixes. */
  public static List<OttlProblem> checkStatement(String statement, OttlSignal signal) {
    return checkGroup(signal, null, List.of(), List.of(statement)).problems();
  }

  /** Checks one condition (a {@code where} clause on its own) in an explicit context. */
  public static List<OttlProblem> checkCondition(String condition, OttlContext context) {
    return checkGroup(signalOf(context), context, List.of(condition), List.of()).problems();
  }

  /** Checks one condition whose context is inferred from its path prefixes. */
  public static List<OttlProblem> checkCondition(String condition, OttlSignal signal) {
    return checkGroup(signal, null, List.of(condition), List.of()).problems();
  }

  private static void add(List<OttlParsed> parsed, OttlParsed p) {
    if (p != null) {
      parsed.add(p);
    }
  }

  /** Context ids, deepest first, for messages. */
  static String ids(Collection<OttlContext> contexts) {
    return contexts.stream().sorted(Comparator.comparingInt(OttlContext::depth).reversed())
        .map(OttlContext::id).collect(Collectors.joining(", "));
  }

  /** The signal whose statements can run in {@code context} (resource/scope: traces). */
  static OttlSignal signalOf(OttlContext context) {
    for (OttlSignal s : OttlSignal.values()) {
      if (s.contexts().contains(context) && context.depth() >= 2) {
        return s;
      }
    }
    return OttlSignal.TRACES;
  }

}
