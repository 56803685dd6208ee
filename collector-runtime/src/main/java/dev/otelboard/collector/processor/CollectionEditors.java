package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.Expr;
import dev.otelboard.collector.processor.Interpreter.Cursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * append, delete_index, flatten and stringify_all (ottlfuncs func_append, func_delete_index,
 * func_flatten, func_stringify_all): the editors that reshape lists and maps.
 */
final class CollectionEditors {
  static final Set<String> NAMES = Set.of("append", "delete_index", "flatten", "stringify_all");

  private CollectionEditors() {}

  static void run(Expr.Call call, Cursor c) {
    Args a = new Args(call, c);
    Paths.Ref target = Paths.ref(Interpreter.path(call.arguments().get(0)), c);
    switch (call.name()) {
      case "append" -> append(a, target);
      case "delete_index" -> deleteIndex(a, target);
      case "flatten" -> flatten(a, target);
      default -> {
        Map<String, Object> m = Interpreter.mapOf(target.get(), call.name());
        m.replaceAll((k, v) -> v == null ? "" : OttlValues.stringify(v));
        target.touch();
      }
    }
  }

  private static void append(Args a, Paths.Ref target) {
    if (!a.has(1) && !a.has(2)) {
      throw a.fail("at least one of the optional arguments ('value' or 'values') must be"
          + " provided");
    }
    Object current = target.get();
    List<Object> out = new ArrayList<>();
    if (current instanceof List<?> l) {
      out.addAll(l);
    } else if (current instanceof Map<?, ?> || current instanceof byte[]) {
      throw a.fail("unsupported type of target field: " + Args.type(current));
    } else if (current != null) {
      out.add(current);
    }
    if (a.has(1)) {
      out.add(a.value(1));
    }
    if (a.has(2)) {
      out.addAll(a.values(2));
    }
    for (Object v : out) {
      OttlValues.requireStorable(v);
    }
    target.set(OttlValues.copy(out));
  }

  private static void deleteIndex(Args a, Paths.Ref target) {
    Object current = target.get();
    if (!(current instanceof List<?> l)) {
      throw a.fail("expected pcommon.Slice but got " + Args.type(current));
    }
    long start = a.integer(1);
    long end = a.has(2) ? a.integer(2) : start + 1;
    long length = l.size();
    if (start == 0 && end == length) {
      target.set(new ArrayList<>());
      return;
    }
    if (start < 0 || start >= length) {
      throw a.fail("startIndex " + start + " out of bounds for slice of length " + length);
    }
    if (end < start) {
      throw a.fail("endIndex " + end + " cannot be less than startIndex " + start);
    }
    if (end > length) {
      throw a.fail("deletion range [" + start + ":" + end + "] out of bounds");
    }
    List<Object> out = new ArrayList<>(l.subList(0, (int) start));
    out.addAll(l.subList((int) end, l.size()));
    target.set(out);
  }

  private static void flatten(Args a, Paths.Ref target) {
    long depth = Long.MAX_VALUE;
    if (a.has(2)) {
      depth = a.integer(2);
      if (depth < 1) {
        throw a.fail("invalid depth '" + depth + "' for flatten function, must be greater than 0");
      }
    }
    String prefix = a.literal(1, "");
    boolean resolve = a.has(3) && Boolean.TRUE.equals(a.value(3));
    Map<String, Object> m = Interpreter.mapOf(target.get(), "flatten");
    Flattener f = new Flattener(resolve, depth);
    f.map(m, prefix, 0);
    target.set(f.result);
  }

  /** The collector's flattenData: the order of keys and the conflict suffixes are its. */
  private static final class Flattener {
    final Map<String, Object> result = new LinkedHashMap<>();
    final Map<String, Integer> existing = new HashMap<>();
    final boolean resolve;
    final long maxDepth;

    Flattener(boolean resolve, long maxDepth) {
      this.resolve = resolve;
      this.maxDepth = maxDepth;
    }

    void map(Map<String, Object> m, String prefix, long depth) {
      String p = prefix.isEmpty() ? "" : prefix + ".";
      m.forEach((k, v) -> value(k, v, depth, p));
    }

    /** As flattenSlice: the prefix gets no "." before the index ("a.0" + "0" is "a.00"). */
    void slice(List<?> s, String prefix, long depth) {
      for (int i = 0; i < s.size(); i++) {
        value(String.valueOf(i), s.get(i), depth + 1, prefix);
      }
    }

    void value(String k, Object v, long depth, String prefix) {
      if (v instanceof Map<?, ?> m && depth < maxDepth) {
        map(OttlValues.map(m), prefix + k, depth + 1);
      } else if (v instanceof List<?> l && depth < maxDepth) {
        for (int i = 0; i < l.size(); i++) {
          Object item = l.get(i);
          String key = prefix + k;
          if (item instanceof Map<?, ?> im && depth + 1 < maxDepth) {
            map(OttlValues.map(im), key + "." + i, depth + 2);
          } else if (item instanceof List<?> il && depth + 1 < maxDepth) {
            slice(il, key + "." + i, depth + 2);
          } else if (resolve) {
            put(key, item);
          } else {
            putEmpty(key + "." + i, item);
          }
        }
      } else if (resolve) {
        put(prefix + k, v);
      } else {
        putEmpty(prefix + k, v);
      }
    }

    private void put(String key, Object v) {
      if (result.containsKey(key)) {
        int n = existing.getOrDefault(key, 0);
        existing.put(key, n + 1);
        putEmpty(key + "." + n, v);
      } else {
        existing.put(key, 0);
        putEmpty(key, v);
      }
    }

    /** pcommon.Map.PutEmpty: an existing key is overwritten where it stands. */
    private void putEmpty(String key, Object v) {
      result.put(key, OttlValues.copy(v));
    }
  }
}
