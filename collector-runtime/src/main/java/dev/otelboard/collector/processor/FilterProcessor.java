package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.BoolExpr;
import dev.otelboard.collector.ottl.OttlConfigValidator;
import dev.otelboard.collector.ottl.OttlContext;
import dev.otelboard.collector.ottl.OttlSignal;
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
 * The collector's {@code filter} processor for the sandbox: a true condition drops the item it
 * ran on (a resource, scope, span, span event or log record). Reads {@code trace_conditions} and
 * {@code log_conditions} (collector-contrib >= 0.146) and the legacy
 * {@code traces: {span: [...]}} / {@code logs: {log_record: [...]}} form.
 */
public final class FilterProcessor implements Processor {
  private static final Map<String, OttlContext> LEGACY = Map.of("resource", OttlContext.RESOURCE,
      "scope", OttlContext.SCOPE, "span", OttlContext.SPAN, "spanevent", OttlContext.SPANEVENT,
      "log_record", OttlContext.LOG);

  private final String id;
  private final List<CompiledGroup> traceGroups;
  private final List<CompiledGroup> logGroups;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final List<Unsupported> notRun;
  private final java.util.concurrent.atomic.AtomicReference<String> firstError =
      new java.util.concurrent.atomic.AtomicReference<>();

  private FilterProcessor(String id, List<CompiledGroup> traceGroups,
      List<CompiledGroup> logGroups, List<Unsupported> notRun) {
    this.notRun = notRun;
    this.id = id;
    this.traceGroups = traceGroups;
    this.logGroups = logGroups;
  }

  /**
   * Builds the processor {@code id} (e.g. {@code filter/checkout}) from its config.
   *
   * @throws IllegalArgumentException listing every problem when the config is invalid
   */
  public static FilterProcessor fromConfig(String id, Map<?, ?> config) {
    List<OttlConfigValidator.Problem> problems = OttlConfigValidator.checkFilter(config);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(id + ": " + problems);
    }
    List<Unsupported> notRun = new ArrayList<>(TransformProcessor.notRun(
        config.get(OttlSignal.METRICS.conditionsKey()), OttlSignal.METRICS.conditionsKey(),
        "conditions"));
    if (config.get(OttlSignal.METRICS.legacyFilterKey()) instanceof Map<?, ?> legacy) {
      legacy.forEach((context, conditions) -> {
        List<String> items = TransformProcessor.strings(conditions);
        for (int j = 0; j < items.size(); j++) {
          notRun.add(new Unsupported(OttlSignal.METRICS.legacyFilterKey() + "." + context + "["
              + j + "]", items.get(j), TransformProcessor.METRICS));
        }
      });
    }
    return new FilterProcessor(id, groups(OttlSignal.TRACES, config),
        groups(OttlSignal.LOGS, config), notRun);
  }

  private static List<CompiledGroup> groups(OttlSignal signal, Map<?, ?> config) {
    List<CompiledGroup> out = new ArrayList<>();
    if (config.get(signal.conditionsKey()) instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String where = signal.conditionsKey() + "[" + i + "]";
        if (list.get(i) instanceof String condition) {
          out.add(CompiledGroup.compile(signal, null, List.of(condition), List.of(), false, where,
              false));
        } else if (list.get(i) instanceof Map<?, ?> g) {
          List<String> conditions = TransformProcessor.strings(g.get("conditions"));
          for (int j = 0; j < conditions.size(); j++) {
            out.add(CompiledGroup.compile(signal, null, List.of(conditions.get(j)), List.of(),
                false, where + ".conditions[" + j + "]", false));
          }
        }
      }
    }
    if (config.get(signal.legacyFilterKey()) instanceof Map<?, ?> byContext) {
      for (Map.Entry<?, ?> e : byContext.entrySet()) {
        OttlContext context = LEGACY.get(String.valueOf(e.getKey()));
        if (context != null) {
          List<String> conditions = TransformProcessor.strings(e.getValue());
          for (int j = 0; j < conditions.size(); j++) {
            out.add(CompiledGroup.compile(signal, context, List.of(conditions.get(j)), List.of(),
                false, signal.legacyFilterKey() + "." + e.getKey() + "[" + j + "]", false));
          }
        }
      }
    }
    return out;
  }

  @Override
  public String name() {
    return id;
  }

  /** Conditions (with why) that the sandbox skips; empty when it runs them all. */
  @Override
  public List<Unsupported> unsupported() {
    List<Unsupported> out = new ArrayList<>();
    traceGroups.forEach(g -> out.addAll(g.unsupported()));
    logGroups.forEach(g -> out.addAll(g.unsupported()));
    out.addAll(notRun); // metric conditions: refused like the rest
    return out;
  }

  /** Spans, span events and log records dropped so far (whole resources count their items). */
  public long dropped() {
    return dropped.get();
  }

  /** Conditions that failed to evaluate on an item (treated as false). */
  public long errors() {
    return errors.get();
  }

  @Override
  public List<String> runtimeProblems() {
    return errors.get() == 0 ? List.of() : List.of(id + ": " + errors.get()
        + " condition evaluation(s) failed at run time (treated as false); first: "
        + firstError.get());
  }

  @Override
  public Batch process(Batch batch) {
    List<CompiledGroup> groups = batch.signal() == Signal.LOGS ? logGroups
        : batch.signal() == Signal.TRACES ? traceGroups : List.of();
    if (batch.payload().length == 0 || groups.stream().allMatch(CompiledGroup::inert)) {
      return batch;
    }
    OtlpTree tree = OtlpTree.decode(batch);
    for (ResourceEntry r : tree.resources) {
      if (matches(groups, OttlContext.RESOURCE, r.node(), null, null, r.node())) {
        r.node().dropped = true;
        r.scopes().forEach(s -> dropped.addAndGet(s.records().size()));
        continue;
      }
      for (ScopeEntry s : r.scopes()) {
        if (matches(groups, OttlContext.SCOPE, r.node(), s.node(), null, s.node())) {
          s.node().dropped = true;
          dropped.addAndGet(s.records().size());
          continue;
        }
        for (RecordEntry rec : s.records()) {
          OttlContext recordContext = tree.signal == Signal.LOGS ? OttlContext.LOG : OttlContext.SPAN;
          if (matches(groups, recordContext, r.node(), s.node(), rec.node(), rec.node())) {
            rec.node().dropped = true;
            dropped.incrementAndGet();
            continue;
          }
          for (Node e : rec.events()) {
            if (matches(groups, OttlContext.SPANEVENT, r.node(), s.node(), rec.node(), e)) {
              e.dropped = true;
              dropped.incrementAndGet();
            }
          }
        }
      }
    }
    return tree.changed() ? tree.encode() : batch;
  }

  private boolean matches(List<CompiledGroup> groups, OttlContext level, Node resource, Node scope,
      Node span, Node item) {
    for (CompiledGroup g : groups) {
      if (g.context() != level) {
        continue;
      }
      Cursor c = new Cursor(level, resource, scope, span, item, new LinkedHashMap<>());
      for (BoolExpr condition : g.conditions()) {
        try {
          if (Interpreter.test(condition, c)) {
            return true;
          }
        } catch (OttlRuntimeException e) {
          errors.incrementAndGet();
          firstError.compareAndSet(null, e.getMessage());
        }
      }
    }
    return false;
  }
}
