package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.Expr;
import dev.otelboard.collector.processor.Interpreter.Cursor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * replace_pattern, replace_all_patterns, replace_match and replace_all_matches (ottlfuncs), with
 * their optional {@code function} (a converter applied to each replacement, e.g. SHA256) and
 * {@code replacement_format} (a format with one %s the function's result goes into).
 */
final class ReplaceEditors {
  static final Set<String> NAMES = Set.of("replace_pattern", "replace_all_patterns",
      "replace_match", "replace_all_matches");
  /** Converters of one string argument that return a string: those a replace_* may apply. */
  static final Set<String> FUNCTIONS = Set.of("SHA1", "SHA256", "SHA512", "MD5", "FNV",
      "Murmur3Hash", "Murmur3Hash128", "ToLowerCase", "ToUpperCase", "ToSnakeCase",
      "ToCamelCase", "Base64Decode");
  private static final Pattern VALID_FORMAT = Pattern.compile("^(.*?%s.*?)$", Pattern.DOTALL);
  private static final Pattern INVALID_FORMAT = Pattern.compile("%[^s]");

  private ReplaceEditors() {}

  static void run(Expr.Call call, Cursor c) {
    Args a = new Args(call, c);
    switch (call.name()) {
      case "replace_pattern" -> {
        Paths.Ref target = Paths.ref(Interpreter.path(call.arguments().get(0)), c);
        Object original = target.get();
        if (original == null) {
          return;
        }
        String replacement = a.string(2);
        Re2Pattern re = Re2Pattern.compile(a.string(1));
        if (original instanceof String s && re.find(s)) {
          target.set(a.has(3) ? re.replaceEach(s, replacement, x -> apply(a, 3, x))
              : re.replaceAll(s, replacement));
        }
      }
      case "replace_all_patterns" -> {
        Paths.Ref target = Paths.ref(Interpreter.path(call.arguments().get(0)), c);
        Map<String, Object> m = Interpreter.mapOf(target.get(), call.name());
        boolean keys = a.string(1).equals("key");
        Re2Pattern re = Re2Pattern.compile(a.string(2));
        String replacement = a.string(3);
        boolean fn = a.has(4);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
          String key = e.getKey();
          Object value = e.getValue();
          try {
            if (keys && re.find(key)) {
              key = fn ? re.replaceEach(key, replacement, x -> apply(a, 4, x))
                  : re.replaceAll(key, replacement);
            } else if (!keys && value instanceof String s && re.find(s)) {
              value = fn ? re.replaceEach(s, replacement, x -> apply(a, 4, x))
                  : re.replaceAll(s, replacement);
            }
          } catch (OttlRuntimeException skipped) {
            // as the collector: a function that fails leaves this entry as it was
          }
          out.put(key, value);
        }
        m.clear();
        m.putAll(out);
        target.touch();
      }
      case "replace_match" -> {
        Paths.Ref target = Paths.ref(Interpreter.path(call.arguments().get(0)), c);
        GlobPattern glob = GlobPattern.compile(a.string(1));
        String replacement = replacement(a);
        if (target.get() instanceof String s && glob.matches(s)) {
          target.set(replacement);
        }
      }
      default -> {
        Paths.Ref target = Paths.ref(Interpreter.path(call.arguments().get(0)), c);
        GlobPattern glob = GlobPattern.compile(a.string(1));
        Map<String, Object> m = Interpreter.mapOf(target.get(), call.name());
        String replacement = replacement(a);
        m.replaceAll((k, v) -> v instanceof String s && glob.matches(s) ? replacement : v);
        target.touch();
      }
    }
  }

  /** replace_match / replace_all_matches: the replacement, through the function if given. */
  private static String replacement(Args a) {
    return a.has(3) ? apply(a, 3, a.string(2)) : a.string(2);
  }

  /** The function argument at {@code at} applied to {@code input}, then the format if given. */
  private static String apply(Args a, int at, String input) {
    String name = functionName(a.expr(at));
    Object out = Converters.apply(new Expr.Call(name, List.of(new Expr.Argument(null,
        new Expr.StringLiteral(input, 0), 0)), List.of(), 0), a.cursor());
    if (!(out instanceof String s)) {
      throw a.fail("the replacement value must be a string");
    }
    if (!a.has(at + 1)) {
      return s;
    }
    String format = a.string(at + 1);
    if (!VALID_FORMAT.matcher(format).matches() || INVALID_FORMAT.matcher(format).find()) {
      throw a.fail("replacementFormat must be format string containing a single %s and no"
          + " other format specifiers");
    }
    return format.replaceFirst("%s", java.util.regex.Matcher.quoteReplacement(s))
        .replace("%s", "%!s(MISSING)");
  }

  /** The converter named by a function argument, e.g. {@code SHA256}; null if it is not one. */
  static String functionName(Expr e) {
    if (e instanceof Expr.FunctionName f) {
      return f.name();
    }
    return e instanceof Expr.EnumSymbol s ? s.name() : null;
  }
}
