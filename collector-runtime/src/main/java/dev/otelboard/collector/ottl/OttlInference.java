package dev.otelboard.collector.ottl;

import dev.otelboard.collector.ottl.OttlFunctions.Spec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Context inference for groups without {@code context:}, as the collector's
 * {@code priorityContextInferrer} (pkg/ottl/context_inferrer.go) does it: the candidate is the
 * deepest context named by a path prefix (log, datapoint, metric, spanevent, span, scope,
 * resource); it must register every function and enum symbol the group uses (a converter passed
 * by name, such as {@code SHA256}, is parsed as an enum symbol, which no context defines), else the
 * first lower context that sees it and does; a group whose paths name no context cannot be
 * inferred at all.
 */
final class OttlInference {
  private OttlInference() {}

  /** The inferred context, or null after adding the reason to {@code problems}. */
  static OttlContext infer(OttlSignal signal, List<OttlParsed> parsed,
      List<OttlProblem> problems) {
    if (parsed.isEmpty()) {
      return null;
    }
    OttlContext candidate = null;
    Set<String> functions = new TreeSet<>();
    Set<String> enums = new TreeSet<>();
    for (OttlParsed p : parsed) {
      for (Expr e : p.values()) {
        if (e instanceof Expr.Path path && path.context() != null) {
          OttlContext c = OttlContext.byId(path.context()).orElse(null);
          if (c != null && signal.contexts().contains(c)
              && (candidate == null || c.depth() > candidate.depth())) {
            candidate = c;
          }
        } else if (e instanceof Expr.Call call) {
          functions.add(call.name());
        } else if (e instanceof Expr.EnumSymbol symbol) {
          enums.add(symbol.name());
        }
      }
    }
    OttlParsed first = parsed.get(0);
    if (candidate == null && hasPath(parsed)) {
      // every path lacks a usable prefix: the checker names each one
      return signal.contexts().get(signal.contexts().size() - 1);
    }
    if (candidate == null) {
      problems.add(new OttlProblem(first.item(), first.index(), 1, "unable to infer the context:"
          + " no path starts with a context name (" + OttlValidator.ids(signal.contexts())
          + "); without an explicit context: every statement needs one, so a statement without"
          + " paths goes into a group with context: set"));
      return null;
    }
    String missing = unsupported(candidate, functions, enums);
    if (missing == null) {
      return candidate;
    }
    List<OttlContext> lower = new ArrayList<>();
    for (OttlContext c : signal.contexts()) {
      if (c != candidate && c.visible().contains(candidate)) {
        lower.add(c);
      }
    }
    lower.sort(Comparator.comparingInt(OttlContext::depth).reversed());
    for (OttlContext c : lower) {
      if (unsupported(c, functions, enums) == null) {
        return c;
      }
    }
    if (!missing.startsWith("the enum symbol") || !isConverter(missing)) {
      // an unknown enum or a function of another context: the checker says which, with hints
      return candidate;
    }
    problems.add(new OttlProblem(first.item(), first.index(), 1, "unable to infer a valid"
        + " context: inferred context \"" + candidate.id() + "\" does not support " + missing
        + " (a converter passed by name, such as SHA256, parses as an enum symbol: use a group"
        + " with an explicit context:)"));
    return null;
  }

  private static boolean hasPath(List<OttlParsed> parsed) {
    return parsed.stream().flatMap(p -> p.values().stream()).anyMatch(Expr.Path.class::isInstance);
  }

  private static boolean isConverter(String missing) {
    String name = missing.substring(missing.indexOf('"') + 1, missing.lastIndexOf('"'));
    return OttlFunctions.get(name) != null;
  }

  /** What {@code context} lacks of the functions and enum symbols used, or null. */
  private static String unsupported(OttlContext context, Set<String> functions,
      Set<String> enums) {
    for (String f : functions) {
      Spec spec = OttlFunctions.get(f);
      // an unknown function fails every context; the checker names it with a suggestion
      if (spec != null && !spec.contexts().isEmpty() && !spec.contexts().contains(context)) {
        return "the function \"" + f + "\"";
      }
    }
    for (String e : enums) {
      if (!context.enums().contains(e)) {
        return "the enum symbol \"" + e + "\"";
      }
    }
    return null;
  }
}
