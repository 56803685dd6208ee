package dev.otelboard.cli.diff;

import dev.otelboard.cli.diff.RunSummary.GroupSummary;
import dev.otelboard.cli.diff.RunSummary.LoggerSummary;
import dev.otelboard.cli.diff.RunSummary.RunInfo;
import dev.otelboard.cli.diff.RunSummary.ServiceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the spans and log records of one run into counts per shape as they are read: per service
 * its span groups ({@link GroupKey}) with attribute coverage, its loggers with trace-context shares
 * and message templates; ids go to the {@link TraceTable} only. Every map is bounded, so memory
 * depends on the number of shapes (capped) and the table's capacity, never on the run's length.
 */
final class RunAggregator {
  static final int MAX_SERVICES = 1000;
  static final int MAX_GROUPS = 2000;
  static final int MAX_KEYS = 256;
  static final int MAX_LOGGERS = 1000;
  static final int MAX_TEMPLATES = 200;
  private static final int MAX_SCOPES = 4;
  private static final int MAX_SDKS = 4;
  private static final String OTHER_SERVICES = "(other services)";

  private final Map<String, Service> services = new HashMap<>();
  private final List<Service> serviceList = new ArrayList<>();
  private final List<Group> groups = new ArrayList<>();
  private final List<Logger> loggers = new ArrayList<>();
  private final TraceTable table;
  private long lines;
  private long metricLines;
  private long spans;
  private long logs;

  RunAggregator(int tableCapacity) {
    this.table = new TraceTable(tableCapacity);
  }

  /** One service's counts while reading. */
  static final class Service {
    final String name;
    final int index;
    long spans;
    long logs;
    long resourceBlocks;
    final Map<String, long[]> resourceKeys = new HashMap<>();
    final Set<String> sdks = new LinkedHashSet<>();
    final Map<GroupKey, Group> groups = new HashMap<>();
    final Map<String, Logger> loggers = new HashMap<>();
    long groupsDropped;

    Service(String name, int index) {
      this.name = name;
      this.index = index;
    }
  }

  private static final class Group {
    final GroupKey key;
    final int index;
    final Service service;
    long count;
    long errors;
    long durationNanos;
    final Map<String, long[]> attributes = new HashMap<>();
    final Set<String> scopes = new LinkedHashSet<>();

    Group(GroupKey key, int index, Service service) {
      this.key = key;
      this.index = index;
      this.service = service;
    }
  }

  private static final class Logger {
    final String name;
    final int index;
    long count;
    long withContext;
    final Map<String, long[]> templates = new HashMap<>();
    long templatesDropped;

    Logger(String name, int index) {
      this.name = name;
      this.index = index;
    }
  }

  void line() {
    lines++;
  }

  void metricsLine() {
    metricLines++;
  }

  /** The service of a resource block, counting the block and its attribute keys. */
  Service resource(List<String> keys, List<String> values) {
    String name = "unknown_service";
    String sdk = "";
    String sdkVersion = "";
    String distro = "";
    String distroVersion = "";
    for (int i = 0; i < keys.size(); i++) {
      switch (keys.get(i)) {
        case "service.name" -> name = values.get(i);
        case "telemetry.sdk.name" -> sdk = values.get(i);
        case "telemetry.sdk.version" -> sdkVersion = values.get(i);
        case "telemetry.distro.name" -> distro = values.get(i);
        case "telemetry.distro.version" -> distroVersion = values.get(i);
        default -> { }
      }
    }
    Service s = services.get(name);
    if (s == null) {
      if (services.size() >= MAX_SERVICES) {
        name = OTHER_SERVICES;
        s = services.get(name);
      }
      if (s == null) {
        s = new Service(name, serviceList.size());
        services.put(name, s);
        serviceList.add(s);
      }
    }
    s.resourceBlocks++;
    for (String k : keys) {
      count(s.resourceKeys, k, MAX_KEYS);
    }
    if (s.sdks.size() < MAX_SDKS && !sdk.isEmpty()) {
      String id = (sdk + " " + sdkVersion).strip()
          + (distro.isEmpty() ? "" : " + " + (distro + " " + distroVersion).strip());
      s.sdks.add(id);
    }
    return s;
  }

  void span(Service service, SpanRecord r) {
    spans++;
    service.spans++;
    GroupKey key = GroupKey.of(r);
    Group g = service.groups.get(key);
    if (g == null) {
      if (service.groups.size() >= MAX_GROUPS) {
        key = GroupKey.OTHER;
        service.groupsDropped++;
        g = service.groups.get(key);
      }
      if (g == null) {
        g = new Group(key, groups.size(), service);
        service.groups.put(key, g);
        groups.add(g);
      }
    }
    g.count++;
    if (r.statusCode == 2) {
      g.errors++;
    }
    if (r.endNanos > r.startNanos && r.startNanos > 0) {
      g.durationNanos += r.endNanos - r.startNanos;
    }
    for (String k : r.keys) {
      count(g.attributes, k, MAX_KEYS);
    }
    if (g.scopes.size() < MAX_SCOPES) {
      g.scopes.add(r.scope);
    }
    table.addSpan(TraceTable.traceHash(r.traceHi, r.traceLo), r.spanId, r.parentId, g.index);
  }

  void log(Service service, String scope, long traceHi, long traceLo, long spanId, String body) {
    logs++;
    service.logs++;
    String name = scope.isEmpty() ? "(no logger name)" : scope;
    Logger l = service.loggers.get(name);
    if (l == null) {
      if (service.loggers.size() >= MAX_LOGGERS) {
        name = "(other loggers)";
        l = service.loggers.get(name);
      }
      if (l == null) {
        l = new Logger(name, loggers.size());
        service.loggers.put(name, l);
        loggers.add(l);
      }
    }
    l.count++;
    if (!count(l.templates, Normalize.template(body), MAX_TEMPLATES)) {
      l.templatesDropped++;
    }
    if (traceHi != 0 || traceLo != 0) {
      l.withContext++;
      table.addLog(TraceTable.traceHash(traceHi, traceLo), spanId, l.index);
    }
  }

  private static boolean count(Map<String, long[]> counts, String key, int max) {
    long[] c = counts.get(key);
    if (c == null) {
      if (counts.size() >= max) {
        return false;
      }
      c = new long[1];
      counts.put(key, c);
    }
    c[0]++;
    return true;
  }

  /** The summary of everything read; {@code info} gets the totals filled in. */
  RunSummary finish(String label, List<String> files, String mode, String plan) {
    int[] groupService = new int[groups.size()];
    for (Group g : groups) {
      groupService[g.index] = g.service.index;
    }
    TraceTable.Figures f = table.figures(groupService, loggers.size(), serviceList.size());
    double share = table.sampledShare();
    List<ServiceSummary> out = new ArrayList<>();
    for (Service s : serviceList) {
      List<GroupSummary> gs = new ArrayList<>();
      long orphans = 0;
      for (Group g : s.groups.values()) {
        int i = g.index;
        gs.add(new GroupSummary(g.key, g.count, g.errors, g.durationNanos, f.groupSampled()[i],
            f.groupRoots()[i], f.groupRemoteParents()[i], f.groupOrphans()[i], counts(g.attributes),
            List.copyOf(g.scopes)));
        orphans += scale(f.groupOrphans()[i], g.count, f.groupSampled()[i]);
      }
      gs.sort(Comparator.comparing(GroupSummary::key));
      List<LoggerSummary> ls = new ArrayList<>();
      long withContext = 0;
      long joined = 0;
      for (Logger l : s.loggers.values()) {
        long j = scale(f.loggerJoined()[l.index], l.withContext, f.loggerSampled()[l.index]);
        ls.add(new LoggerSummary(l.name, l.count, l.withContext, j, counts(l.templates), l.templatesDropped));
        withContext += l.withContext;
        joined += j;
      }
      ls.sort(Comparator.comparing(LoggerSummary::name));
      out.add(new ServiceSummary(s.name, s.spans, s.logs,
          Math.round(f.serviceTraces()[s.index] / share), Math.round(f.serviceCrossTraces()[s.index] / share),
          orphans, withContext, joined, s.resourceBlocks, counts(s.resourceKeys), List.copyOf(s.sdks), gs, ls,
          s.groupsDropped));
    }
    out.sort(Comparator.comparing(ServiceSummary::name));
    return new RunSummary(
        new RunInfo(label, files, mode, plan, lines, metricLines, spans, logs, share), out);
  }

  /** {@code part} of {@code sampled} scaled to {@code total}: exact when nothing was sampled out. */
  private static long scale(long part, long total, long sampled) {
    if (sampled == 0) {
      return 0;
    }
    return sampled == total ? part : Math.round((double) part * total / sampled);
  }

  private static Map<String, Long> counts(Map<String, long[]> counts) {
    Map<String, Long> m = new HashMap<>();
    counts.forEach((k, v) -> m.put(k, v[0]));
    return m;
  }
}
