package dev.otelboard.collector.ottl;

import dev.otelboard.collector.ottl.OttlContext.FieldSpec;
import dev.otelboard.collector.ottl.OttlFunctions.Kind;
import dev.otelboard.collector.ottl.OttlFunctions.Param;
import dev.otelboard.collector.ottl.OttlFunctions.Spec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks one parsed statement or condition in a known context. */
final class OttlChecker {
  /** A named grok capture ({@code %{URI:url}}) or a named regex group. */
  private static final java.util.regex.Pattern GROK_NAMED =
      java.util.regex.Pattern.compile("%\\{[^}:]+:[^}]+}|\\(\\?P?<[A-Za-z]");
  /** The semconv versions set_semconv_span_name knows in 0.158.0: 1.37.0 to 1.40.0. */
  private static final java.util.regex.Pattern SEMCONV =
      java.util.regex.Pattern.compile("v?1\\.(3[7-9](\\.\\d+)?|40(\\.0)?)");
  private final OttlContext context;
  private final boolean prefixRequired;
  private final OttlSignal signal;
  private final OttlParsed item;
  private final List<OttlProblem> problems;
  private final boolean filter;
  /** Parameters the collector reads with a PSliceGetter (ottlcheck -functions). */
  private static final Set<String> SLICE_GETTERS = Set.of("ContainsValue.target",
      "SliceToMap.target");

  OttlChecker(OttlContext context, boolean prefixRequired, OttlSignal signal, OttlParsed item,
      List<OttlProblem> problems, boolean filter) {
    this.filter = filter;
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
      // a converter that returns no boolean parses (the collector fails it at run time)
      call(cc.call(), false);
    }
  }

  /** Checks a call; returns its spec when the function is known. */
  private Spec call(Expr.Call call, boolean asStatement) {
    // the filter processor's own converters are unknown to the transform processor
    Spec spec = filter || !OttlFunctions.FILTER_ONLY.contains(call.name())
        ? OttlFunctions.get(call.name()) : null;
    if (spec == null) {
      String hint = OttlNames.suggest(call.name(), OttlFunctions.names().stream()
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
          + OttlValidator.ids(spec.contexts()) + " context, not in " + context.id()
          + (prefixRequired ? " (inferred from the paths used)" : ""));
    }
    if (!spec.noArguments()) {
      arguments(spec, call);
    }
    call.keys().forEach(this::value);
    return spec;
  }

  private void arguments(Spec spec, Expr.Call call) {
    List<Expr.Argument> args = call.arguments();
    List<Param> params = spec.params();
    Param[] bound = new Param[args.size()];
    boolean named = false;
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < args.size(); i++) {
      Expr.Argument a = args.get(i);
      if (a.name() == null) {
        if (named) {
          problem(a.column(), "positional argument after a named one in " + spec.name());
          return;
        }
        if (i < params.size()) {
          bound[i] = params.get(i);
          seen.add(params.get(i).name());
        }
      } else {
        named = true;
        // the collector looks the field up by strcase.ToCamel(name): case and '_' do not matter
        String wanted = OttlNames.loose(a.name());
        Param p = params.stream().filter(x -> x.nameable() && OttlNames.loose(x.name())
            .equals(wanted)).findFirst().orElse(null);
        if (p == null) {
          problem(a.column(), spec.name() + " has no parameter named \"" + a.name()
              + "\"; it takes " + spec.signature());
          continue;
        }
        // given twice: the collector accepts it (the later one wins) as long as the count fits
        seen.add(p.name());
        bound[i] = p;
      }
    }
    // the collector counts arguments (named ones included) against the struct's fields
    if (args.size() > params.size()) {
      problem(args.get(params.size()).column(), "too many arguments for " + spec.name()
          + ": expected at most " + params.size() + ", got " + args.size() + "; "
          + spec.signature());
    } else if (args.size() < spec.required()) {
      List<String> missing = params.stream()
          .filter(p -> !p.optional() && !seen.contains(p.name())).map(Param::name).toList();
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
    creation(spec, args, bound);
  }

  /** Checks the collector's function factories make on literal arguments when they are built. */
  private void creation(Spec spec, List<Expr.Argument> args, Param[] bound) {
    switch (spec.name()) {
      case "ExtractGrokPatterns" -> {
        Expr pattern = bound(args, bound, "pattern");
        Expr namedOnly = bound(args, bound, "named_captures_only");
        if (pattern instanceof Expr.StringLiteral s && namedOnly instanceof Expr.BoolLiteral b
            && b.value() && !GROK_NAMED.matcher(s.value()).find()) {
          problem(pattern.column(), "ExtractGrokPatterns with named_captures_only=true needs at"
              + " least 1 named capture group, e.g. %{URI:url}");
        }
        if (bound(args, bound, "pattern_definitions") instanceof Expr.ListLiteral list) {
          for (Expr e : list.items()) {
            if (e instanceof Expr.StringLiteral d && (!d.value().contains("=")
                || d.value().substring(0, d.value().indexOf('=')).contains(":"))) {
              problem(e.column(), "ExtractGrokPatterns pattern definition \"" + d.value()
                  + "\" must read NAME=pattern (no ':' in NAME)");
            }
          }
        }
      }
      case "append" -> {
        if (bound(args, bound, "value") == null && bound(args, bound, "values") == null) {
          problem(args.isEmpty() ? 1 : args.get(0).column(), "append needs value or values");
        }
      }
      case "set_semconv_span_name" -> {
        if (bound(args, bound, "semconv_version") instanceof Expr.StringLiteral v
            && !SEMCONV.matcher(v.value()).matches()) {
          problem(v.column(), "set_semconv_span_name supports semconv versions 1.37.0 to 1.40.0,"
              + " got \"" + v.value() + "\"");
        }
        if (bound(args, bound, "original_span_name_attribute") instanceof Expr.StringLiteral a
            && a.value().isEmpty()) {
          problem(a.column(), "original_span_name_attribute must not be empty");
        }
      }
      default -> { }
    }
  }

  private static Expr bound(List<Expr.Argument> args, Param[] bound, String name) {
    for (int i = 0; i < args.size(); i++) {
      if (bound[i] != null && bound[i].name().equals(name)) {
        return args.get(i).value();
      }
    }
    return null;
  }

  private static boolean holdsMapLiteral(Expr.ListLiteral l) {
    return l.items().stream().anyMatch(i -> i instanceof Expr.MapLiteral
        || (i instanceof Expr.ListLiteral inner && holdsMapLiteral(inner)));
  }

  private void argument(Spec spec, Param p, Expr v) {
    String where = "argument \"" + p.name() + "\" of " + spec.name();
    if (SLICE_GETTERS.contains(spec.name() + "." + p.name()) && v instanceof Expr.ListLiteral l
        && holdsMapLiteral(l)) {
      // a literal list for a PSliceGetter is converted at parse time, and pcommon.Slice.FromRaw
      // refuses the map literals in it ("<Invalid value type pcommon.Map>")
      problem(v.column(), where + ": a list literal holding map literals is refused by the"
          + " collector (<Invalid value type pcommon.Map>); set the list into an attribute first");
    }
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
      case STRING -> {
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
      }
      case REGEX -> {
        if (v instanceof Expr.StringLiteral s) {
          String error = OttlRe2.check(s.value());
          if (error != null) {
            problem(v.column(), where + " is not a valid regular expression: " + error);
          }
        } else {
          value(v);
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
        if (!(v instanceof Expr.FloatLiteral)) {
          problem(v.column(), where + " must be a float literal such as 1.0, got " + describe(v));
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
      case FLOAT_LIST -> {
        if (!(v instanceof Expr.ListLiteral list)) {
          problem(v.column(), where + " must be a list of floats such as [1.0, 10.0], got "
              + describe(v));
          return;
        }
        for (Expr e : list.items()) {
          if (!(e instanceof Expr.FloatLiteral)) {
            problem(e.column(), where + " must hold float literals only, got " + describe(e));
          }
        }
      }
      case LAMBDA -> problem(v.column(), where + " is a lambda expression, which needs the "
          + spec.gate() + " feature gate; not supported by this validator");
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
                : OttlNames.suggest(s.name(), known)));
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
            + OttlValidator.ids(signal.contexts()) + ", e.g. "
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
            + signal.statementsKey() + ": its contexts are " + OttlValidator.ids(signal.contexts()));
        return;
      }
      if (!context.visible().contains(owner)) {
        problem(path.column(), "path \"" + path.display() + "\" is not visible from the "
            + context.id() + " context, which sees " + OttlValidator.ids(context.visible()));
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
              + OttlNames.suggest(f.name(), table.keySet()));
        } else {
          problem(f.column(), "\"" + spec.name() + "\" has no field \"" + f.name() + "\""
              + (table.isEmpty() ? "" : OttlNames.suggest(f.name(), table.keySet())));
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
