package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.Expr;
import dev.otelboard.collector.processor.Interpreter.Cursor;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OTTL editors the sandbox runs, with the collector's semantics (pkg/ottl/ottlfuncs); their
 * arguments arrive in parameter order (named ones resolved by OttlArguments).
 */
final class Editors {
  static final Set<String> NAMES = names();

  private Editors() {}

  private static Set<String> names() {
    Set<String> all = new java.util.TreeSet<>(List.of("set", "delete_key",
        "delete_matching_keys", "keep_keys", "keep_matching_keys", "merge_maps", "truncate_all",
        "limit"));
    all.addAll(ReplaceEditors.NAMES);
    all.addAll(CollectionEditors.NAMES);
    return java.util.Collections.unmodifiableSet(all);
  }

  static void run(Expr.Call call, Cursor c) {
    List<Expr.Argument> args = call.arguments();
    switch (call.name()) {
      case "set" -> {
        Object v = Interpreter.eval(args.get(1).value(), c);
        if (v != null) {
          OttlValues.requireStorable(v);
          Paths.ref(Interpreter.path(args.get(0)), c).set(OttlValues.copy(v));
        }
      }
      case "delete_key" -> {
        Paths.Ref target = Paths.ref(Interpreter.path(args.get(0)), c);
        Map<String, Object> m = Interpreter.mapOf(target.get(), "delete_key");
        swapRemove(m, Interpreter.string(Interpreter.eval(args.get(1).value(), c), "key"));
        target.touch();
      }
      case "delete_matching_keys", "keep_matching_keys" -> {
        Paths.Ref target = Paths.ref(Interpreter.path(args.get(0)), c);
        Map<String, Object> m = Interpreter.mapOf(target.get(), call.name());
        Re2Pattern re = Re2Pattern.compile(Interpreter.string(Interpreter.eval(args.get(1).value(), c), "pattern"));
        boolean keep = call.name().startsWith("keep");
        m.keySet().removeIf(k -> re.find(k) != keep);
        target.touch();
      }
      case "keep_keys" -> {
        Paths.Ref target = Paths.ref(Interpreter.path(args.get(0)), c);
        Map<String, Object> m = Interpreter.mapOf(target.get(), "keep_keys");
        List<?> keys = (List<?>) Interpreter.eval(args.get(1).value(), c);
        m.keySet().removeIf(k -> !keys.contains(k));
        target.touch();
      }
      case "merge_maps" -> {
        Paths.Ref target = Paths.ref(Interpreter.path(args.get(0)), c);
        Map<String, Object> into = Interpreter.mapOf(target.get(), "merge_maps");
        Object source = Interpreter.eval(args.get(1).value(), c);
        if (!(source instanceof Map<?, ?> from)) {
          throw new OttlRuntimeException("merge_maps: source is not a map");
        }
        String strategy = Interpreter.string(Interpreter.eval(args.get(2).value(), c), "strategy");
        for (Map.Entry<String, Object> e : OttlValues.map(from).entrySet()) {
          boolean present = into.containsKey(e.getKey());
          if (strategy.equals("upsert") || (strategy.equals("insert") && !present)
              || (strategy.equals("update") && present)) {
            into.put(e.getKey(), OttlValues.copy(e.getValue()));
          }
        }
        target.touch();
      }
      case "truncate_all" -> {
        Paths.Ref target = Paths.ref(Interpreter.path(args.get(0)), c);
        Map<String, Object> m = Interpreter.mapOf(target.get(), "truncate_all");
        long limit = ((Number) Interpreter.eval(args.get(1).value(), c)).longValue();
        Object safe = args.size() > 2 ? Interpreter.eval(args.get(2).value(), c) : null;
        boolean utf8Safe = !(safe instanceof Boolean b) || b;
        Object marked = args.size() > 3 ? Interpreter.eval(args.get(3).value(), c) : null;
        String marker = marked == null ? "" : Interpreter.string(marked, "truncation_marker");
        m.replaceAll((k, v) -> v instanceof String s
            && s.getBytes(StandardCharsets.UTF_8).length > limit
            ? truncate(s, (int) limit - marker.getBytes(StandardCharsets.UTF_8).length, utf8Safe)
                + marker : v);
        target.touch();
      }
      case "limit" -> {
        Paths.Ref target = Paths.ref(Interpreter.path(args.get(0)), c);
        Map<String, Object> m = Interpreter.mapOf(target.get(), "limit");
        long limit = ((Number) Interpreter.eval(args.get(1).value(), c)).longValue();
        List<?> priority = (List<?>) Interpreter.eval(args.get(2).value(), c);
        if (m.size() > limit) {
          // as the collector: priority keys stay, then the first others in order up to the limit
          long[] kept = {priority.stream().filter(m::containsKey).count()};
          m.keySet().removeIf(k -> {
            if (priority.contains(k)) {
              return false;
            }
            if (kept[0] < limit) {
              kept[0]++;
              return false;
            }
            return true;
          });
          target.touch();
        }
      }
      default -> {
        if (ReplaceEditors.NAMES.contains(call.name())) {
          ReplaceEditors.run(call, c);
        } else if (CollectionEditors.NAMES.contains(call.name())) {
          CollectionEditors.run(call, c);
        } else {
          throw new OttlRuntimeException("unsupported editor " + call.name());
        }
      }
    }
  }

  /**
   * pcommon.Map.Remove: the last entry takes the removed one's place, so the order of what
   * follows (limit, the exported record) is the collector's.
   */
  static void swapRemove(Map<String, Object> m, String key) {
    if (!m.containsKey(key)) {
      return;
    }
    List<String> keys = new java.util.ArrayList<>(m.keySet());
    keys.set(keys.indexOf(key), keys.get(keys.size() - 1));
    keys.remove(keys.size() - 1);
    Map<String, Object> copy = new LinkedHashMap<>(m);
    m.clear();
    keys.forEach(k -> m.put(k, copy.get(k)));
  }

  /** The first {@code limitBytes} bytes, backed off to a rune start when {@code utf8Safe}. */
  private static String truncate(String s, int limitBytes, boolean utf8Safe) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int end = Math.max(limitBytes, 0);
    while (utf8Safe && end > 0 && (b[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(b, 0, end, StandardCharsets.UTF_8);
  }

}
