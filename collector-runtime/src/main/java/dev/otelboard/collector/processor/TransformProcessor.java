package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.BoolExpr;
import dev.otelboard.collector.ottl.OttlConfigValidator;
import dev.otelboard.collector.ottl.OttlContext;
import dev.otelboard.collector.ottl.OttlSignal;
import dev.otelboard.collector.ottl.Statement;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.processor.Interpreter.Cursor;
import dev.otelboard.collector.processor.OtlpTree.RecordEntry;
import dev.otelboard.collector.processor.OtlpTree.ResourceEntry;
import dev.otelboard.collector.processor.OtlpTree.ScopeEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The collector's {@code transform} processor for the sandbox: the same config block, the same
 * statements, run on each traces or logs batch before it reaches the sinks, so {@code verify}
 * measures correlation after the transforms, as production would. Built from a processor config
 * as read from YAML; the config is validated first (every problem is reported), and statements
 * the sandbox cannot evaluate are listed by {@link #unsupported()}. On metrics the sandbox runs
 * resource and scope statements; metric and datapoint statements are among the unsupported.
 */
public final class TransformProcessor implements Processor {
  private final String id;
  private final List<CompiledGroup> traceGroups;
  private final List<CompiledGroup> logGroups;
  private final List<CompiledGroup> metricGroups;
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong droppedBatches = new AtomicLong();
  private final Map<String, AtomicLong> errorsByStatement =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicReference<String> firstError =
      new java.util.concurrent.atomic.AtomicReference<>();

  private TransformProcessor(String id, List<CompiledGroup> traceGroups,
      List<CompiledGroup> logGroups, List<CompiledGroup> metricGroups) {
    this.id = id;
    this.traceGroups = traceGroups;
    this.logGroups = logGroups;
    this.metricGroups = metricGroups;
  }

  /**
   * Builds the processor {@code id} (e.g. {@code transform/checkout}) from its config.
   *
   * @throws IllegalArgumentException listing every problem when the config is invalid
   */
  public static TransformProcessor fromConfig(String id, Map<?, ?> config) {
    List<OttlConfigValidator.Problem> problems = OttlConfigValidator.checkTransform(config);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(id + ": " + problems);
    }
    boolean propagate = "propagate".equals(config.get("error_mode"));
    return new TransformProcessor(id,
        groups(OttlSignal.TRACES, config.get(OttlSignal.TRACES.statementsKey()), propagate),
        groups(OttlSignal.LOGS, config.get(OttlSignal.LOGS.statementsKey()), propagate),
        groups(OttlSignal.METRICS, config.get(OttlSignal.METRICS.statementsKey()), propagate));
  }

  static List<CompiledGroup> groups(OttlSignal signal, Object entries, boolean propagate) {
    List<CompiledGroup> out = new ArrayList<>();
    if (!(entries instanceof List<?> list)) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      Object entry = list.get(i);
      String where = signal.statementsKey() + "[" + i + "]";
      if (entry instanceof String statement) {
        out.add(CompiledGroup.compile(signal, null, List.of(), List.of(statement), propagate,
            where, false));
      } else if (entry instanceof Map<?, ?> g) {
        OttlContext context = g.get("context") == null ? null
            : OttlContext.byId(String.valueOf(g.get("context"))).orElseThrow();
        boolean groupPropagate = g.get("error_mode") == null ? propagate
            : "propagate".equals(g.get("error_mode"));
        out.add(CompiledGroup.compile(signal, context, strings(g.get("conditions")),
            strings(g.get("statements")), groupPropagate, where, true));
      }
    }
    return out;
  }

  /**
   * Entries of a metrics list: the sandbox does not run metric statements, so each is refused
   * like any other statement it cannot run (verify exits 3 unless --allow-partial-transform).
   */
  static List<Unsupported> notRun(Object entries, String key, String inner) {
    List<Unsupported> out = new ArrayList<>();
    if (entries instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String where = key + "[" + i + "]";
        if (list.get(i) instanceof Map<?, ?> g) {
          List<String> items = strings(g.get(inner));
          for (int j = 0; j < items.size(); j++) {
            out.add(new Unsupported(where + "." + inner + "[" + j + "]", items.get(j), METRICS));
          }
        } else {
          out.add(new Unsupported(where, String.valueOf(list.get(i)), METRICS));
        }
      }
    }
    return out;
  }

  static final String METRICS = "the sandbox does not filter metrics";

  static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }

  @Override
  public String name() {
    return id;
  }

  /** Statements (with why) that the sandbox skips; empty when it runs them all. */
  @Override
  public List<Unsupported> unsupported() {
    List<Unsupported> out = new ArrayList<>();
    traceGroups.forEach(g -> out.addAll(g.unsupported()));
    logGroups.forEach(g -> out.addAll(g.unsupported()));
    metricGroups.forEach(g -> out.addAll(g.unsupported()));
    return out;
  }

  /** Statement executions that failed on an item (error_mode ignore logs these). */
  public long errors() {
    return errors.get();
  }

  /** Failed executions per statement (or group condition), as the collector logs them. */
  public Map<String, Long> errorsByStatement() {
    Map<String, Long> out = new java.util.TreeMap<>();
    errorsByStatement.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Batches dropped because a statement failed under error_mode propagate. */
  public long droppedBatches() {
    return droppedBatches.get();
  }

  @Override
  public List<String> runtimeProblems() {
    List<String> out = new ArrayList<>();
    if (errors.get() > 0) {
      out.add(id + ": " + errors.get() + " statement execution(s) failed at run time; first: "
          + firstError.get());
    }
    if (droppedBatches.get() > 0) {
      out.add(id + ": " + droppedBatches.get() + " batch(es) dropped (error_mode: propagate)");
    }
    return out;
  }

  @Override
  public Batch process(Batch batch) {
    List<CompiledGroup> groups = batch.signal() == Signal.LOGS ? logGroups
        : batch.signal() == Signal.TRACES ? traceGroups : metricGroups;
    if (batch.payload().length == 0 || groups.stream().allMatch(CompiledGroup::inert)) {
      return batch; // not even decoded: e.g. metrics when only metric statements were given
    }
    OtlpTree tree = OtlpTree.decode(batch);
    for (CompiledGroup g : groups) {
      if (!run(g, tree)) {
        droppedBatches.incrementAndGet();
        return null;
      }
    }
    return tree.changed() ? tree.encode() : batch;
  }

  /** Runs one group over every item of its context; false when the batch must be dropped. */
  private boolean run(CompiledGroup g, OtlpTree tree) {
    for (ResourceEntry r : tree.resources) {
      if (g.context() == OttlContext.RESOURCE) {
        if (!apply(g, new Cursor(OttlContext.RESOURCE, r.node(), null, null, r.node(),
            new LinkedHashMap<>()))) {
          return false;
        }
        continue;
      }
      for (ScopeEntry s : r.scopes()) {
        if (g.context() == OttlContext.SCOPE) {
          if (!apply(g, new Cursor(OttlContext.SCOPE, r.node(), s.node(), null, s.node(),
              new LinkedHashMap<>()))) {
            return false;
          }
          continue;
        }
        for (RecordEntry rec : s.records()) {
          if (g.context() == OttlContext.SPANEVENT) {
            for (Node e : rec.events()) {
              if (!apply(g, new Cursor(OttlContext.SPANEVENT, r.node(), s.node(), rec.node(), e,
                  new LinkedHashMap<>()))) {
                return false;
              }
            }
          } else if (!apply(g, new Cursor(g.context(), r.node(), s.node(), rec.node(),
              rec.node(), new LinkedHashMap<>()))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private void failed(String what, OttlRuntimeException e) {
    errors.incrementAndGet();
    errorsByStatement.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    firstError.compareAndSet(null, what + ": " + e.getMessage());
  }

  private boolean apply(CompiledGroup g, Cursor c) {
    try {
      if (!g.conditions().isEmpty()) {
        boolean any = false;
        for (BoolExpr cond : g.conditions()) {
          if (Interpreter.test(cond, c)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return true;
        }
      }
    } catch (OttlRuntimeException e) {
      failed("condition of " + c.context().id() + " group", e);
      return !g.propagate();
    }
    for (Statement s : g.statements()) {
      try {
        Interpreter.execute(s, c);
      } catch (OttlRuntimeException e) {
        failed(s.text(), e);
        if (g.propagate()) {
          return false;
        }
      }
    }
    return true;
  }
}
