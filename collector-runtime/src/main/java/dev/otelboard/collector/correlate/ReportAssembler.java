package dev.otelboard.collector.correlate;

import dev.otelboard.collector.correlate.CorrelationReport.MissingServerChild;
import dev.otelboard.collector.correlate.CorrelationReport.OrphanSpans;
import dev.otelboard.collector.correlate.CorrelationReport.ServiceFigures;
import dev.otelboard.collector.correlate.CorrelationReport.UncorrelatedLogs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the index's counts, kept by instance and by interned id, into the {@link
 * CorrelationReport}: sums by service, names for ids, the sorted top lists. Allocates per service,
 * name and template, never per span.
 */
final class ReportAssembler {
  static final String CONTEXT_MESSAGE = "(had trace context; its span was not received)";
  static final String NO_BODY_MESSAGE = "(no string body)";
  static final String OTHER_NAMES = "(other span names)";
  static final String OTHER_LOGGERS = "(other loggers)";
  private static final int TOP = 10;
  private static final int MAX_MISSING_LISTED = 100;

  private final Instances instances;
  private final Names names;

  ReportAssembler(Instances instances, Names names) {
    this.instances = instances;
    this.names = names;
  }

  /** The report of these windows, with their logs judged into {@code logFigures}. */
  CorrelationReport assemble(SpanWindow spans, LogWindow logs, LogFigures logFigures) {
    // Orphans first: resolving parents also marks CLIENT spans that have a SERVER child.
    long[] orphansByName = spans.orphansByName();
    long[] missingByName = spans.clientSpansWithoutServerChildByName();
    int[] serviceOfName = new int[names.spans.size()];
    for (int id = 0; id < serviceOfName.length; id++) {
      serviceOfName[id] = instances.serviceOf(names.spans.owner(id));
    }
    int[] serviceOfInstance = new int[instances.count()];
    for (int inst = 0; inst < serviceOfInstance.length; inst++) {
      serviceOfInstance[inst] = instances.serviceOf(inst);
    }
    TraceCounter.Counts traces = TraceCounter.count(spans.store, serviceOfName, serviceOfInstance);
    List<ServiceFigures> services =
        serviceFigures(spans, logs, logFigures, orphansByName, serviceOfName);

    long contextLogs = 0;
    long inRequest = 0;
    long correlatedInRequest = 0;
    long correlated = 0;
    long orphans = 0;
    for (ServiceFigures f : services) {
      contextLogs += f.logsWithTraceContext();
      inRequest += f.inRequestLogs();
      correlatedInRequest += f.correlatedInRequestLogs();
      correlated += f.correlatedLogs();
      orphans += f.orphanSpans();
    }
    List<UncorrelatedLogs> uncorrelated = new ArrayList<>();
    long unaggregated = uncorrelatedLogs(logFigures, uncorrelated);
    return new CorrelationReport(
        spans.received,
        logs.received,
        contextLogs,
        inRequest,
        correlatedInRequest,
        correlated,
        ratio(correlatedInRequest, inRequest),
        orphans,
        traces.traces(),
        traces.crossService(),
        services,
        first(missingServerChildren(missingByName), MAX_MISSING_LISTED),
        first(uncorrelated, TOP),
        unaggregated,
        first(orphanSpans(orphansByName), TOP),
        spans.evicted,
        logs.evicted,
        spans.duplicates);
  }

  /** Running sums of one service's instances. */
  private static final class ServiceTally {
    long spans;
    long logs;
    long contextLogs;
    long inRequest;
    long correlatedInRequest;
    long correlated;
    long orphans;
  }

  private List<ServiceFigures> serviceFigures(
      SpanWindow spans,
      LogWindow logs,
      LogFigures logFigures,
      long[] orphansByName,
      int[] serviceOfName) {
    ServiceTally[] tallies = new ServiceTally[instances.serviceCount()];
    for (int svc = 0; svc < tallies.length; svc++) {
      tallies[svc] = new ServiceTally();
    }
    long[] spansByInstance = spans.byInstance();
    long[] logsByInstance = logs.byInstance();
    long[] contextLogsByInstance = logs.contextByInstance();
    for (int inst = 0; inst < instances.count(); inst++) {
      ServiceTally t = tallies[instances.serviceOf(inst)];
      t.spans += at(spansByInstance, inst);
      t.logs += at(logsByInstance, inst);
      t.contextLogs += at(contextLogsByInstance, inst);
      t.inRequest += logFigures.inRequest[inst];
      t.correlatedInRequest += logFigures.correlatedInRequest[inst];
      t.correlated += logFigures.correlated[inst];
    }
    for (int id = 0; id < orphansByName.length; id++) {
      tallies[serviceOfName[id]].orphans += orphansByName[id];
    }
    List<ServiceFigures> services = new ArrayList<>(tallies.length);
    for (int svc = 0; svc < tallies.length; svc++) {
      ServiceTally t = tallies[svc];
      services.add(
          new ServiceFigures(
              instances.serviceName(svc),
              t.spans,
              t.logs,
              t.contextLogs,
              t.inRequest,
              t.correlatedInRequest,
              t.correlated,
              t.orphans,
              ratio(t.correlatedInRequest, t.inRequest)));
    }
    services.sort(Comparator.comparing(ServiceFigures::service));
    return services;
  }

  /** Per-instance arrays grow with the side that saw the instance; the other reads 0. */
  private static long at(long[] byInstance, int instance) {
    return instance < byInstance.length ? byInstance[instance] : 0;
  }

  /**
   * Fills {@code into} with the uncorrelated logs by (logger, message), in-request ones first, and
   * returns how many uncorrelated logs did not fit the bounded aggregation.
   */
  private long uncorrelatedLogs(LogFigures logFigures, List<UncorrelatedLogs> into) {
    Interner templates = names.templates;
    Interner loggers = names.loggers;
    long unaggregated = 0;
    for (int t = 0; t < templates.size(); t++) {
      long count = logFigures.uncorrelated[t];
      if (count == 0) {
        continue;
      }
      if (templates.tag(t) == Interner.OVERFLOW) {
        unaggregated += count;
        continue;
      }
      int logger = templates.owner(t);
      into.add(
          new UncorrelatedLogs(
              serviceName(loggers.owner(logger)),
              loggers.tag(logger) == Interner.OVERFLOW ? OTHER_LOGGERS : loggers.text(logger),
              switch (templates.tag(t)) {
                case Interner.CONTEXT -> CONTEXT_MESSAGE;
                case Interner.NO_BODY -> NO_BODY_MESSAGE;
                default -> templates.text(t);
              },
              count,
              logFigures.uncorrelatedInRequest[t]));
    }
    into.sort(
        Comparator.comparingLong(UncorrelatedLogs::inRequestCount)
            .thenComparingLong(UncorrelatedLogs::count)
            .reversed()
            .thenComparing(UncorrelatedLogs::service)
            .thenComparing(UncorrelatedLogs::logger)
            .thenComparing(UncorrelatedLogs::messageTemplate));
    return unaggregated;
  }

  private List<OrphanSpans> orphanSpans(long[] orphansByName) {
    List<OrphanSpans> orphans = new ArrayList<>();
    for (int id = 0; id < orphansByName.length; id++) {
      if (orphansByName[id] > 0) {
        orphans.add(new OrphanSpans(serviceOfNameId(id), spanName(id), orphansByName[id]));
      }
    }
    orphans.sort(
        Comparator.comparingLong(OrphanSpans::count)
            .reversed()
            .thenComparing(OrphanSpans::service)
            .thenComparing(OrphanSpans::spanName));
    return orphans;
  }

  private List<MissingServerChild> missingServerChildren(long[] missingByName) {
    List<MissingServerChild> missing = new ArrayList<>();
    for (int id = 0; id < missingByName.length; id++) {
      if (missingByName[id] > 0) {
        missing.add(new MissingServerChild(serviceOfNameId(id), spanName(id), missingByName[id]));
      }
    }
    missing.sort(
        Comparator.comparingLong(MissingServerChild::count)
            .reversed()
            .thenComparing(MissingServerChild::clientService)
            .thenComparing(MissingServerChild::spanName));
    return missing;
  }

  private String serviceName(int instance) {
    return instances.serviceName(instances.serviceOf(instance));
  }

  private String serviceOfNameId(int nameId) {
    return serviceName(names.spans.owner(nameId));
  }

  private String spanName(int nameId) {
    return names.spans.tag(nameId) == Interner.OVERFLOW ? OTHER_NAMES : names.spans.text(nameId);
  }

  static double ratio(long part, long whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }

  private static <T> List<T> first(List<T> list, int n) {
    return list.size() <= n ? list : list.subList(0, n);
  }
}
