package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.Expr;
import dev.otelboard.collector.ottl.OttlContext;
import dev.otelboard.collector.processor.Interpreter.Cursor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes OTTL paths on {@link Node}s. */
final class Paths {
  private static final Map<OttlContext, Set<String>> FIELDS = Map.of(
      OttlContext.RESOURCE, Set.of("attributes", "cache", "dropped_attributes_count"),
      OttlContext.SCOPE, Set.of("name", "version", "attributes", "cache",
          "dropped_attributes_count"),
      OttlContext.LOG, Set.of("body", "attributes", "cache", "trace_id", "span_id",
          "severity_number", "severity_text", "time_unix_nano", "observed_time_unix_nano", "flags",
          "event_name", "dropped_attributes_count"),
      OttlContext.SPAN, Set.of("name", "kind", "attributes", "cache", "trace_id", "span_id",
          "parent_span_id", "trace_state", "status", "start_time_unix_nano", "end_time_unix_nano",
          "dropped_attributes_count"),
      OttlContext.SPANEVENT, Set.of("name", "attributes", "cache", "time_unix_nano",
          "dropped_attributes_count"));
  private static final Map<String, Set<String>> SUBFIELDS = Map.of(
      "trace_id", Set.of("string"), "span_id", Set.of("string"), "parent_span_id", Set.of("string"),
      "body", Set.of("string"), "status", Set.of("code", "message"));

  private Paths() {}

  /** A readable, writable location. */
  interface Ref {
    Object get();

    void set(Object value);

    /** Marks the owner changed after an in-place edit of the value {@link #get} returned. */
    void touch();
  }

  /** Null when the sandbox can evaluate {@code p} in {@code context}, else why not. */
  static String unsupported(Expr.Path p, OttlContext context) {
    OttlContext owner = owner(p, context);
    List<Expr.Field> fields = p.fields();
    int i = fields.get(0).name().equals("instrumentation_scope") ? 1 : 0;
    if (owner == OttlContext.SCOPE && i == 1 && fields.size() == 1) {
      return "path " + p.display() + " (the whole scope)";
    }
    if (owner == null || !FIELDS.containsKey(owner) || i >= fields.size()) {
      return "path " + p.display();
    }
    String field = fields.get(i).name();
    if (!FIELDS.get(owner).contains(field)) {
      return "path " + p.display();
    }
    if (fields.size() > i + 2
        || (fields.size() == i + 2 && !SUBFIELDS.getOrDefault(field, Set.of())
            .contains(fields.get(i + 1).name()))) {
      return "path " + p.display();
    }
    return null;
  }

  private static OttlContext owner(Expr.Path p, OttlContext context) {
    if (p.fields().get(0).name().equals("instrumentation_scope")) {
      return OttlContext.SCOPE;
    }
    return p.context() == null ? context : OttlContext.byId(p.context()).orElse(null);
  }

  static Ref ref(Expr.Path p, Cursor c) {
    OttlContext owner = owner(p, c.context());
    List<Expr.Field> fields = p.fields();
    int i = fields.get(0).name().equals("instrumentation_scope") ? 1 : 0;
    Node node = switch (owner) {
      case RESOURCE -> c.resource();
      case SCOPE -> c.scope();
      case SPAN -> c.context() == OttlContext.SPANEVENT ? c.span() : c.item();
      default -> c.item();
    };
    if (node == null) {
      throw new OttlRuntimeException("path " + p.display() + " is not available here");
    }
    Expr.Field field = fields.get(i);
    Ref ref;
    if (field.name().equals("cache")) {
      Map<String, Object> cache = owner == c.context() ? c.cache() : node.cache;
      ref = new Ref() {
        @Override
        public Object get() {
          return cache;
        }

        @Override
        public void set(Object value) {
          if (!(value instanceof Map<?, ?> m)) {
            throw new OttlRuntimeException("cache must be a map");
          }
          cache.clear();
          cache.putAll(OttlValues.map(m));
        }

        @Override
        public void touch() {}
      };
    } else {
      ref = fieldRef(node, field.name());
    }
    if (fields.size() > i + 1) {
      field = fields.get(i + 1);
      ref = subRef(node, fields.get(i).name(), field.name(), ref);
    }
    for (Expr key : field.keys()) {
      ref = keyRef(ref, Interpreter.eval(key, c));
    }
    return ref;
  }

  private static Ref fieldRef(Node node, String name) {
    return new Ref() {
      @Override
      public Object get() {
        return node.fields.get(name);
      }

      @Override
      public void set(Object value) {
        Interpreter.checkFieldType(name, value);
        node.fields.put(name, value);
        node.dirty = true;
      }

      @Override
      public void touch() {
        node.dirty = true;
      }
    };
  }

  private static Ref subRef(Node node, String field, String sub, Ref parent) {
    return new Ref() {
      @Override
      public Object get() {
        Object v = parent.get();
        if (sub.equals("string")) {
          if (v instanceof byte[] b) {
            return OttlValues.hex(b);
          }
          return v == null ? "" : OttlValues.stringify(v);
        }
        return v instanceof Map<?, ?> m ? m.get(sub) : null;
      }

      @Override
      public void set(Object value) {
        if (sub.equals("string")) {
          if (!(value instanceof String s)) {
            return; // pdata ignores non-string values for the .string setters
          }
          int length = Interpreter.idLength(field);
          parent.set(length > 0 ? OttlValues.parseHexId(s, length, field.replace("_id", "")) : s);
          return;
        }
        Object status = parent.get();
        Map<String, Object> m = status instanceof Map<?, ?> x ? OttlValues.map(x)
            : new LinkedHashMap<>();
        if (sub.equals("code") && !(value instanceof Long)) {
          throw new OttlRuntimeException("status.code must be an int64");
        }
        if (sub.equals("message") && !(value instanceof String)) {
          throw new OttlRuntimeException("status.message must be a string");
        }
        m.put(sub, value);
        node.fields.put(field, m);
        node.dirty = true;
      }

      @Override
      public void touch() {
        node.dirty = true;
      }
    };
  }

  private static Ref keyRef(Ref parent, Object key) {
    return new Ref() {
      @Override
      public Object get() {
        return index(parent.get(), key);
      }

      @Override
      public void set(Object value) {
        Object container = parent.get();
        if (container == null && key instanceof String) {
          container = new LinkedHashMap<String, Object>();
          parent.set(container);
        }
        if (container instanceof Map<?, ?> m && key instanceof String k) {
          OttlValues.map(m).put(k, value);
        } else if (container instanceof List<?> l && key instanceof Long i
            && i >= 0 && i < l.size()) {
          @SuppressWarnings("unchecked")
          List<Object> list = (List<Object>) l;
          list.set(i.intValue(), value);
        } else {
          throw new OttlRuntimeException("cannot index " + describe(container) + " with " + key);
        }
        parent.touch();
      }

      @Override
      public void touch() {
        parent.touch();
      }
    };
  }

  /** {@code container[key]}; a missing map key or a nil container is nil. */
  static Object index(Object container, Object key) {
    if (container == null) {
      return null;
    }
    if (container instanceof Map<?, ?> m) {
      if (!(key instanceof String)) {
        throw new OttlRuntimeException("map keys are strings, got " + key);
      }
      return m.get(key);
    }
    if (container instanceof List<?> l) {
      if (!(key instanceof Long i) || i < 0 || i >= l.size()) {
        throw new OttlRuntimeException("index " + key + " out of range");
      }
      return l.get(i.intValue());
    }
    throw new OttlRuntimeException("cannot index " + describe(container));
  }

  private static String describe(Object v) {
    return v == null ? "nil" : v.getClass().getSimpleName();
  }
}
