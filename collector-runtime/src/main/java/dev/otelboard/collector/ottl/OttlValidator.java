package dev.otelboard.collector.ottl;

import dev.otelboard.collector.ottl.OttlContext.FieldSpec;
import dev.otelboard.collector.ottl.OttlContext.ValueType;
import dev.otelboard.collector.ottl.OttlFunctions.Kind;
import dev.otelboard.collector.ottl.OttlFunctions.Param;
import dev.otelboard.collector.ottl.OttlFunctions.Spec;
import dev.otelboard.collector.ottl.OttlProblem.Item;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
    Objects.requireNonNull(signal, "signal");
    List<OttlProblem> problems = new ArrayList<>();
    List<Parsed> parsed = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      parse(Item.CONDITION, i, conditions.get(i), problems, parsed);
    }
    for (int i = 0; i < statements.size(); i++) {
      parse(Item.STATEMENT, i, statements.get(i), problems, parsed);
    }
    OttlContext effective = context;
    boolean inferred = context == null;
    if (context != null && !signal.contexts().contains(context)) {
      problems.add(new OttlProblem(Item.GROUP, -1, 0, "context \"" + context.id()
          + "\" is not valid for " + signal.statementsKey() + "; use one of "
          + ids(signal.contexts())));
      effective = null;
    } else if (inferred) {
      effective = infer(signal, parsed, problems);
    }
    if (effective != null) {
      for (Parsed p : parsed) {
        new Checker(effective, inferred, signal, p, problems).run();
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

  /** The signal whose statements can run in {@code context} (resource/scope: traces). */
  static OttlSignal signalOf(OttlContext context) {
    for (OttlSignal s : OttlSignal.values()) {
      if (s.contexts().contains(context) && context.depth() >= 2) {
        return s;
      }
    }
    return OttlSignal.TRACES;
  }

  // ---- parsing and context inference --------------------------------------------------------

  /** One successfully parsed statement or condition. */
  private record Parsed(Item item, int index, Statement statement, BoolExpr condition) {}

  private static void parse(Item item, int index, String text, List<OttlProblem> problems,
      List<Parsed> out) {
    try {
      if (item == Item.STATEMENT) {
        out.add(new Parsed(item, index, OttlParser.parseStatement(text), null));
      } else {
        out.add(new Parsed(item, index, null, OttlParser.parseCondition(text)));
      }
    } catch (OttlSyntaxException e) {
      problems.add(new OttlProblem(item, index, e.column(), e.reason()));
    }
  }

  private static OttlContext infer(OttlSignal signal, List<Parsed> parsed,
      List<OttlProblem> problems) {
    OttlContext deepest = null;
    Parsed deepestItem = null;
    Set<OttlContext> restricted = null;
    int before = problems.size();
    for (Parsed p : parsed) {
      for (Expr.Path path : paths(p)) {
        if (path.context() == null) {
          continue; // reported by the checker
        }
        OttlContext c = OttlContext.byId(path.context()).orElse(null);
        if (c == null) {
          problems.add(new OttlProblem(p.item(), p.index(), path.column(), "the "
              + path.context() + " context is not modelled by this validator"));
          continue;
        }
        if (!signal.contexts().contains(c)) {
          problems.add(new OttlProblem(p.item(), p.index(), path.column(), "path \""
              + path.display() + "\" is not valid in " + signal.statementsKey()
              + ": its contexts are " + ids(signal.contexts())));
          continue;
        }
        if (deepest == null || c.depth() > deepest.depth()) {
          deepest = c;
          deepestItem = p;
        }
      }
      for (Expr.Call call : calls(p)) {
        Spec spec = OttlFunctions.get(call.name());
        if (spec != null && !spec.contexts().isEmpty()) {
          restricted = spec.contexts();
        }
      }
    }
    if (problems.size() > before) {
      return null;
    }
    if (deepest == null) {
      if (restricted != null) {
        for (OttlContext c : signal.contexts()) {
          if (restricted.contains(c)) {
            return c;
          }
        }
      }
      return signal.contexts().get(0);
    }
    // every prefix used must be visible from the deepest one
    for (Parsed p : parsed) {
      for (Expr.Path path : paths(p)) {
        OttlContext c = path.context() == null ? null
            : OttlContext.byId(path.context()).orElse(null);
        if (c != null && signal.contexts().contains(c) && !deepest.visible().contains(c)) {
          problems.add(new OttlProblem(p.item(), p.index(), path.column(), "path \""
              + path.display() + "\" cannot be used with " + deepest.id() + " paths (used in "
              + describe(deepestItem) + ") in one group: a " + deepest.id()
              + " statement sees only " + ids(deepest.visible()) + "; split them into groups"));
        }
      }
    }
    return problems.size() > before ? null : deepest;
  }

  private static String describe(Parsed p) {
    return (p.item() == Item.STATEMENT ? "statement " : "condition ") + p.index();
  }

  private static String ids(Collection<OttlContext> contexts) {
    return contexts.stream().sorted(Comparator.comparingInt(OttlContext::depth).reversed())
        .map(OttlContext::id).collect(Collectors.joining(", "));
  }

  private static List<Expr.Path> paths(Parsed p) {
    List<Expr.Path> out = new ArrayList<>();
    walk(p, e -> {
      if (e instanceof Expr.Path path) {
        out.add(path);
      }
    });
    return out;
  }

  private static List<Expr.Call> calls(Parsed p) {
    List<Expr.Call> out = new ArrayList<>();
    walk(p, e -> {
      if (e instanceof Expr.Call c) {
        out.add(c);
      }
    });
    return out;
  }

  private static void walk(Parsed p, Consumer<Expr> visitor) {
    if (p.statement() != null) {
      walk(p.statement().editor(), visitor);
      if (p.statement().where() != null) {
        walk(p.statement().where(), visitor);
      }
    } else {
      walk(p.condition(), visitor);
    }
  }

  static void walk(BoolExpr b, Consumer<Expr> visitor) {
    if (b instanceof BoolExpr.Or or) {
      or.terms().forEach(t -> walk(t, visitor));
    } else if (b instanceof BoolExpr.And and) {
      and.terms().forEach(t -> walk(t, visitor));
    } else if (b instanceof BoolExpr.Not not) {
      walk(not.operand(), visitor);
    } else if (b instanceof BoolExpr.Comparison c) {
      walk(c.left(), visitor);
      walk(c.right(), visitor);
    } else if (b instanceof BoolExpr.ConverterCall cc) {
      walk(cc.call(), visitor);
    }
  }

  static void walk(Expr e, Consumer<Expr> visitor) {
    visitor.accept(e);
    if (e instanceof Expr.Call c) {
      c.arguments().forEach(a -> walk(a.value(), visitor));
      c.keys().forEach(k -> walk(k, visitor));
    } else if (e instanceof Expr.Path p) {
      p.fields().forEach(f -> f.keys().forEach(k -> walk(k, visitor)));
    } else if (e instanceof Expr.ListLiteral l) {
      l.items().forEach(i -> walk(i, visitor));
    } else if (e instanceof Expr.MapLiteral m) {
      m.entries().forEach(en -> walk(en.value(), visitor));
    } else if (e instanceof Expr.Math m) {
      walk(m.left(), visitor);
      walk(m.right(), visitor);
    }
  }

  // ---- semantic checks ----------------------------------------------------------------------

  /** Checks one parsed statement or condition in a known context. */
  private static final class Checker {
    private final OttlContext context;
    private final boolean prefixRequired;
    private final OttlSignal signal;
    private final Parsed item;
    private final List<OttlProblem> problems;

    Checker(OttlContext context, boolean prefixRequired, OttlSignal signal, Parsed item,
        List<OttlProblem> problems) {
      this.context = context;
      this.prefixRequired = prefixRequired;
      this.signal = signal;
      this.item = item;
      this.problems = problems;
    }

    void run() {
      if (item.statement() != null) {
        call(item.statement().editor(), true);
        if (item.statement().where() != null) {
          condition(item.statement().where());
        }
      } else {
        condition(item.condition());
      }
    }

    private void problem(int column, String message) {
      problems.add(new OttlProblem(item.item(), item.index(), column, message));
    }

    private void condition(BoolExpr b) {
      if (b instanceof BoolExpr.Or or) {
        or.terms().forEach(this::condition);
      } else if (b instanceof BoolExpr.And and) {
        and.terms().forEach(this::condition);
      } else if (b instanceof BoolExpr.Not not) {
        condition(not.operand());
      } else if (b instanceof BoolExpr.Comparison c) {
        value(c.left());
        value(c.right());
      } else if (b instanceof BoolExpr.ConverterCall cc) {
        Spec spec = call(cc.call(), false);
        if (spec != null && !spec.returnsBool() && cc.call().keys().isEmpty()) {
          problem(cc.column(), "converter " + spec.name()
              + " does not return a boolean; compare its result, e.g. " + spec.name()
              + "(...) != nil");
        }
      }
    }

    /** Checks a call; returns its spec when the function is known. */
    private Spec call(Expr.Call call, boolean asStatement) {
      Spec spec = OttlFunctions.get(call.name());
      if (spec == null) {
        String hint = suggest(call.name(), OttlFunctions.names().stream()
            .filter(n -> Character.isLowerCase(n.charAt(0)) == asStatement).toList());
        problem(call.column(), "undefined function \"" + call.name() + "\"" + hint);
        call.arguments().forEach(a -> value(a.value()));
        return null;
      }
      if (spec.gate() != null) {
        problem(call.column(), spec.name() + " needs the " + spec.gate()
            + " feature gate (lambda arguments); not supported by this validator");
        return spec;
      }
      if (!spec.contexts().isEmpty() && !spec.contexts().contains(context)) {
        problem(call.column(), spec.name() + " is only available in the "
            + ids(spec.contexts()) + " context, not in " + context.id()
            + (prefixRequired ? " (inferred from the paths used)" : ""));
      }
      arguments(spec, call);
      call.keys().forEach(this::value);
      return spec;
    }

    private void arguments(Spec spec, Expr.Call call) {
      List<Expr.Argument> args = call.arguments();
      List<Param> params = spec.params();
      Param[] bound = new Param[args.size()];
      boolean named = false;
      Set<String> seen = new LinkedHashSet<>();
      int positional = 0;
      for (int i = 0; i < args.size(); i++) {
        Expr.Argument a = args.get(i);
        if (a.name() == null) {
          if (named) {
            problem(a.column(), "positional argument after a named one in " + spec.name());
            return;
          }
          positional++;
          if (i < params.size()) {
            bound[i] = params.get(i);
            seen.add(params.get(i).name());
          }
        } else {
          named = true;
          String wanted = snake(a.name());
          Param p = params.stream().filter(x -> x.name().equals(wanted)).findFirst().orElse(null);
          if (p == null) {
            problem(a.column(), spec.name() + " has no parameter named \"" + a.name()
                + "\"; it takes " + spec.signature());
            continue;
          }
          if (!seen.add(p.name())) {
            problem(a.column(), "argument \"" + p.name() + "\" of " + spec.name()
                + " is given twice");
            continue;
          }
          bound[i] = p;
        }
      }
      if (positional > params.size()) {
        problem(args.get(params.size()).column(), "too many arguments for " + spec.name()
            + ": expected at most " + params.size() + ", got " + args.size() + "; "
            + spec.signature());
      }
      List<String> missing = params.stream().filter(p -> !p.optional() && !seen.contains(p.name()))
          .map(Param::name).toList();
      if (!missing.isEmpty()) {
        problem(call.column(), "too few arguments for " + spec.name() + ": missing "
            + String.join(", ", missing) + "; expected " + spec.signature());
      }
      for (int i = 0; i < args.size(); i++) {
        if (bound[i] != null) {
          argument(spec, bound[i], args.get(i).value());
        } else {
          value(args.get(i).value());
        }
      }
    }

    private void argument(Spec spec, Param p, Expr v) {
      String where = "argument \"" + p.name() + "\" of " + spec.name();
      switch (p.kind()) {
        case PATH -> {
          if (v instanceof Expr.Path path) {
            path(path);
          } else {
            problem(v.column(), where + " must be a path such as " + context.id()
                + ".attributes[\"key\"], got " + describe(v));
            value(v);
          }
        }
        case VALUE -> value(v);
        case STRING, REGEX -> {
          if (!(v instanceof Expr.StringLiteral s)) {
            problem(v.column(), where + " must be a string literal, got " + describe(v));
            value(v);
            return;
          }
          if (!p.choices().isEmpty() && !p.choices().contains(s.value())) {
            problem(v.column(), where + " must be one of " + p.choices().stream()
                .map(c -> "\"" + c + "\"").collect(Collectors.joining(", ")) + ", got \""
                + s.value() + "\"");
          }
          if (p.kind() == Kind.REGEX) {
            String error = Re2.check(s.value());
            if (error != null) {
              problem(v.column(), where + " is not a valid regular expression: " + error);
            }
          }
        }
        case INT -> {
          if (!(v instanceof Expr.IntLiteral)) {
            problem(v.column(), where + " must be an integer literal, got " + describe(v));
          } else if (((Expr.IntLiteral) v).value() < 0) {
            problem(v.column(), where + " must not be negative");
          }
        }
        case FLOAT -> {
          if (!(v instanceof Expr.FloatLiteral) && !(v instanceof Expr.IntLiteral)) {
            problem(v.column(), where + " must be a number literal, got " + describe(v));
          }
        }
        case BOOL -> {
          if (!(v instanceof Expr.BoolLiteral)) {
            problem(v.column(), where + " must be true or false, got " + describe(v));
          }
        }
        case STRING_LIST -> {
          if (!(v instanceof Expr.ListLiteral list)) {
            problem(v.column(), where + " must be a list of strings such as [\"a\", \"b\"], got "
                + describe(v));
            return;
          }
          for (Expr e : list.items()) {
            if (!(e instanceof Expr.StringLiteral)) {
              problem(e.column(), where + " must hold string literals only, got " + describe(e));
            }
          }
        }
        case LIST -> {
          if (v instanceof Expr.ListLiteral list) {
            list.items().forEach(this::value);
          } else {
            problem(v.column(), where + " must be a list literal such as [a, b], got "
                + describe(v));
            value(v);
          }
        }
        case FUNCTION -> {
          String name = v instanceof Expr.EnumSymbol e ? e.name()
              : v instanceof Expr.FunctionName f ? f.name() : null;
          Spec target = name == null ? null : OttlFunctions.get(name);
          if (target == null || target.isEditor()) {
            problem(v.column(), where + " must name a converter such as SHA256, got "
                + describe(v));
          }
        }
        default -> throw new IllegalStateException(p.kind().toString());
      }
    }

    private void value(Expr e) {
      if (e instanceof Expr.Path p) {
        path(p);
      } else if (e instanceof Expr.Call c) {
        call(c, false);
      } else if (e instanceof Expr.EnumSymbol s) {
        if (!context.enums().contains(s.name())) {
          Set<String> known = context.enums();
          problem(s.column(), "unknown enum symbol " + s.name() + " in the " + context.id()
              + " context" + (known.isEmpty() ? " (it defines none)"
                  : suggest(s.name(), known)));
        }
      } else if (e instanceof Expr.FunctionName f) {
        problem(f.column(), "a bare function name (" + f.name()
            + ") is only valid as a function argument; call it: " + f.name() + "(...)");
      } else if (e instanceof Expr.ListLiteral l) {
        l.items().forEach(this::value);
      } else if (e instanceof Expr.MapLiteral m) {
        m.entries().forEach(en -> value(en.value()));
      } else if (e instanceof Expr.Math m) {
        for (Expr side : List.of(m.left(), m.right())) {
          value(side);
        }
      }
    }

    private void path(Expr.Path path) {
      Map<String, FieldSpec> table;
      OttlContext owner;
      if (path.context() == null) {
        if (prefixRequired) {
          problem(path.column(), "missing context name for path \"" + path.display()
              + "\"; without an explicit context: every path starts with one of "
              + ids(signal.contexts()) + ", e.g. "
              + signal.contexts().get(signal.contexts().size() - 1).id() + "." + path.display());
          return;
        }
        owner = context;
      } else {
        owner = OttlContext.byId(path.context()).orElse(null);
        if (owner == null) {
          problem(path.column(), "the " + path.context()
              + " context is not modelled by this validator");
          return;
        }
        if (!signal.contexts().contains(owner)) {
          problem(path.column(), "path \"" + path.display() + "\" is not valid in "
              + signal.statementsKey() + ": its contexts are " + ids(signal.contexts()));
          return;
        }
        if (!context.visible().contains(owner)) {
          problem(path.column(), "path \"" + path.display() + "\" is not visible from the "
              + context.id() + " context, which sees " + ids(context.visible()));
          return;
        }
      }
      table = owner.fields();
      FieldSpec spec = null;
      for (int i = 0; i < path.fields().size(); i++) {
        Expr.Field f = path.fields().get(i);
        FieldSpec next = table.get(f.name());
        if (next == null) {
          if (spec != null && spec.isMapLike()) {
            problem(f.column(), "\"" + spec.name() + "\" has no field \"" + f.name()
                + "\"; index it instead: " + spec.name() + "[\"" + f.name() + "\"]");
          } else if (spec == null) {
            problem(f.column(), "segment \"" + f.name() + "\" from path \"" + path.display()
                + "\" is not a valid path for the " + owner.id() + " context"
                + suggest(f.name(), table.keySet()));
          } else {
            problem(f.column(), "\"" + spec.name() + "\" has no field \"" + f.name() + "\""
                + (table.isEmpty() ? "" : suggest(f.name(), table.keySet())));
          }
          return;
        }
        spec = next;
        if (!f.keys().isEmpty() && !spec.indexable()) {
          problem(f.column(), "path segment \"" + f.name() + "\" cannot be indexed");
        }
        f.keys().forEach(this::value);
        table = spec.children();
      }
    }

    private static String describe(Expr e) {
      if (e instanceof Expr.StringLiteral s) {
        return "the string \"" + s.value() + "\"";
      }
      if (e instanceof Expr.IntLiteral i) {
        return "the integer " + i.value();
      }
      if (e instanceof Expr.FloatLiteral f) {
        return "the number " + f.value();
      }
      if (e instanceof Expr.BoolLiteral b) {
        return String.valueOf(b.value());
      }
      if (e instanceof Expr.NilLiteral) {
        return "nil";
      }
      if (e instanceof Expr.Path p) {
        return "the path " + p.display();
      }
      if (e instanceof Expr.Call c) {
        return "a call of " + c.name();
      }
      if (e instanceof Expr.EnumSymbol s) {
        return "the symbol " + s.name();
      }
      if (e instanceof Expr.FunctionName f) {
        return "the function name " + f.name();
      }
      if (e instanceof Expr.ListLiteral) {
        return "a list";
      }
      if (e instanceof Expr.MapLiteral) {
        return "a map";
      }
      if (e instanceof Expr.BytesLiteral) {
        return "a byte literal";
      }
      return "an arithmetic expression";
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** camelCase or snake_case argument names compare as snake_case. */
  static String snake(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** "; did you mean X?" for the closest candidate within edit distance 2, else "". */
  static String suggest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null
          && (c.length() < best.length() || (c.length() == best.length() && c.compareTo(best) < 0)))) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 4)
        ? "; did you mean " + best + "?" : "";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Go's RE2 syntax checked with java.util.regex, after rejecting what RE2 does not support. */
  static final class Re2 {
    private static final Pattern UNSUPPORTED =
        Pattern.compile("\\(\\?(=|!|<=|<!|>)|\\\\[1-9]|[*+?}][+]");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<[^>=!]+>");

    private Re2() {}

    /** Null when {@code regex} is valid RE2 syntax, else why not. */
    static String check(String regex) {
      java.util.regex.Matcher m = UNSUPPORTED.matcher(regex);
      if (m.find()) {
        return "RE2 (Go regexp) does not support lookaround, backreferences, atomic groups or"
            + " possessive quantifiers (\"" + m.group() + "\" at offset " + m.start() + ")";
      }
      try {
        Pattern.compile(NAMED_GROUP.matcher(regex).replaceAll("("));
        return null;
      } catch (PatternSyntaxException e) {
        return e.getDescription() + " near offset " + Math.max(e.getIndex(), 0);
      }
    }
  }
}
