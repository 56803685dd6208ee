package dev.otelboard.cli.diff;

import static java.util.Objects.requireNonNull;

import dev.otelboard.cli.diff.DiffResult.Category;
import dev.otelboard.cli.diff.DiffResult.Change;
import dev.otelboard.cli.diff.DiffResult.Gate;
import dev.otelboard.cli.diff.DiffResult.GroupRow;
import dev.otelboard.cli.diff.DiffResult.LoggerRow;
import dev.otelboard.cli.diff.DiffResult.ServiceRow;
import dev.otelboard.cli.diff.RunSummary.GroupSummary;
import dev.otelboard.cli.diff.RunSummary.LoggerSummary;
import dev.otelboard.cli.diff.RunSummary.ServiceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Compares two {@link RunSummary runs} by shape and says what B lost and gained against A:
 * services, span groups, propagation (spans that stopped continuing their caller's trace or
 * started their own), log correlation per logger, counts beyond the tolerance, attribute coverage
 * (with semantic-convention renames told apart from losses), resource attributes and message
 * templates. Shares are compared with a margin of {@value #SHARE_MARGIN}: a key on every span of A's
 * group and on half of B's is a loss, one on 90% and 80% is not.
 */
public final class CaptureDiff {
  /** Span groups B may lose before the gate fails, by default {@value}. */
  public static final int DEFAULT_MAX_LOST_GROUPS = 0;
  /** Lowest B/A ratio of a service's correlation shares the gate accepts by default, {@value}. */
  public static final double DEFAULT_MIN_CORRELATION_RATIO = 0.9;
  /** Relative count change that is reported by default, {@value}. */
  public static final double DEFAULT_COUNT_TOLERANCE = 0.25;
  /** Smallest change of a share (attribute coverage, context, roots) that is reported, {@value}. */
  public static final double SHARE_MARGIN = 0.25;

  private final int maxLostGroups;
  private final double minCorrelationRatio;
  private final double countTolerance;

  private CaptureDiff(Builder b) {
    this.maxLostGroups = b.maxLostGroups;
    this.minCorrelationRatio = b.minCorrelationRatio;
    this.countTolerance = b.countTolerance;
  }

  /** A builder with the default thresholds. */
  public static Builder builder() {
    return new Builder();
  }

  /** What B lost and gained against A. */
  public DiffResult diff(RunSummary a, RunSummary b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    Changes lost = new Changes(true);
    Changes gained = new Changes(false);
    Attributes attributes = new Attributes();
    List<String> failures = new ArrayList<>();
    List<ServiceRow> rows = new ArrayList<>();
    int lostGroups = 0;
    TreeSet<String> names = new TreeSet<>();
    a.services().forEach(s -> names.add(s.name()));
    b.services().forEach(s -> names.add(s.name()));
    for (String name : names) {
      ServiceSummary sa = a.service(name);
      ServiceSummary sb = b.service(name);
      rows.add(row(name, sa, sb));
      if (sb == null) {
        lost.add(Category.SERVICE, name, name, String.format(Locale.ROOT,
            "sent %,d spans and %,d log records in A, nothing in B", sa.spans(), sa.logs()), sa.spans() + sa.logs());
        lostGroups += sa.groups().size();
        continue;
      }
      if (sa == null) {
        gained.add(Category.SERVICE, name, name, String.format(Locale.ROOT,
            "sent nothing in A, %,d spans and %,d log records in B", sb.spans(), sb.logs()), sb.spans() + sb.logs());
        continue;
      }
      lostGroups += groups(sa, sb, lost, gained, attributes, failures);
      propagation(sa, sb, lost, gained);
      loggers(sa, sb, lost, gained, failures);
      attributes.resource(sa, sb);
    }
    attributes.report(lost, gained);
    if (lostGroups > maxLostGroups) {
      failures.add(0, String.format(Locale.ROOT, "B lost %d span group(s); --max-lost-groups allows %d",
          lostGroups, maxLostGroups));
    }
    Gate gate = new Gate(failures.isEmpty(), failures, lostGroups, maxLostGroups, minCorrelationRatio, countTolerance);
    return new DiffResult(a.info(), b.info(), lost.ranked(), gained.ranked(), rows, gate);
  }

  private static ServiceRow row(String name, ServiceSummary sa, ServiceSummary sb) {
    TreeSet<GroupKey> keys = new TreeSet<>();
    TreeSet<String> loggers = new TreeSet<>();
    for (ServiceSummary s : new ServiceSummary[] {sa, sb}) {
      if (s != null) {
        s.groups().forEach(g -> keys.add(g.key()));
        s.loggers().forEach(l -> loggers.add(l.name()));
      }
    }
    List<GroupRow> groups = new ArrayList<>();
    keys.forEach(k -> groups.add(new GroupRow(k, sa == null ? null : sa.group(k), sb == null ? null : sb.group(k))));
    List<LoggerRow> logs = new ArrayList<>();
    loggers.forEach(l -> logs.add(new LoggerRow(l, sa == null ? null : sa.logger(l), sb == null ? null : sb.logger(l))));
    return new ServiceRow(name, sa, sb, groups, logs);
  }

  /** Compares the span groups of a service; returns the number B lost. */
  private int groups(
      ServiceSummary sa, ServiceSummary sb, Changes lost, Changes gained, Attributes attributes, List<String> failures) {
    int lostGroups = 0;
    String service = sa.name();
    for (GroupSummary ga : sa.groups()) {
      GroupSummary gb = sb.group(ga.key());
      if (gb == null) {
        lostGroups++;
        lost.add(Category.SPAN_GROUP, service, ga.key().label(),
            String.format(Locale.ROOT, "%,d span(s) in A, none in B", ga.count()) + similar(ga.key(), sb), ga.count());
        continue;
      }
      count(service, ga.key().label(), "spans", ga.count(), gb.count(), lost, gained);
      attributes.group(service, ga, gb);
      groupPropagation(service, ga, gb, lost, gained, failures);
    }
    for (GroupSummary gb : sb.groups()) {
      if (sa.group(gb.key()) == null) {
        gained.add(Category.SPAN_GROUP, service, gb.key().label(),
            String.format(Locale.ROOT, "none in A, %,d span(s) in B", gb.count()) + similar(gb.key(), sa), gb.count());
      }
    }
    return lostGroups;
  }

  /** Names a group of the other run with the same kind and name: the likely counterpart. */
  private static String similar(GroupKey key, ServiceSummary other) {
    for (GroupSummary g : other.groups()) {
      if (g.key().kind().equals(key.kind()) && g.key().name().equals(key.name())) {
        return String.format(Locale.ROOT, " (the other run has %s: %,d)", g.key().label(), g.count());
      }
    }
    return "";
  }

  private void count(String service, String subject, String what, long a, long b, Changes lost, Changes gained) {
    long max = Math.max(a, b);
    long delta = Math.abs(a - b);
    // Beyond the tolerance and beyond chance: small counts (a readiness probe more or less) vary.
    if (max == 0 || (double) delta / max <= countTolerance || delta <= 2 * Math.sqrt(max)) {
      return;
    }
    String detail = String.format(Locale.ROOT, "%,d %s in A, %,d in B (%+.0f%%)", a, what, b, 100.0 * (b - a) / a);
    (b < a ? lost : gained).add(Category.COUNT, service, subject, detail, delta);
  }

  private void groupPropagation(
      String service, GroupSummary ga, GroupSummary gb, Changes lost, Changes gained, List<String> failures) {
    String kind = ga.key().kind();
    if (kind.equals("SERVER") || kind.equals("CONSUMER")) {
      double pa = ga.remoteParentShare();
      double pb = gb.remoteParentShare();
      // Gated per group, not per service: health checks and other single-service requests would
      // dilute a service-wide share of cross-service traces.
      if (pa >= 0.5) {
        gateRatio(failures, service, ga.key().label() + " continues the calling service's trace", pa, pb);
      }
      if (pa - pb >= SHARE_MARGIN) {
        lost.add(Category.PROPAGATION, service, ga.key().label(),
            "continues the calling service's trace in " + pct(pa) + " of spans in A, " + pct(pb) + " in B",
            Math.round(ga.count() * (pa - pb)));
      } else if (pb - pa >= SHARE_MARGIN) {
        gained.add(Category.PROPAGATION, service, ga.key().label(),
            "continues the calling service's trace in " + pct(pa) + " of spans in A, " + pct(pb) + " in B",
            Math.round(gb.count() * (pb - pa)));
      }
    } else {
      double ra = ga.rootShare();
      double rb = gb.rootShare();
      if (rb - ra >= SHARE_MARGIN) {
        lost.add(Category.PROPAGATION, service, ga.key().label(),
            "starts a trace of its own in " + pct(rb) + " of spans in B, " + pct(ra) + " in A: context lost on the"
                + " way (a thread hop or an uninstrumented caller)",
            Math.round(ga.count() * (rb - ra)));
      } else if (ra - rb >= SHARE_MARGIN) {
        gained.add(Category.PROPAGATION, service, ga.key().label(),
            "is part of its caller's trace in " + pct(1 - rb) + " of spans in B, " + pct(1 - ra) + " in A",
            Math.round(gb.count() * (ra - rb)));
      }
    }
    double oa = ga.sampled() == 0 ? 0 : (double) ga.orphans() / ga.sampled();
    double ob = gb.sampled() == 0 ? 0 : (double) gb.orphans() / gb.sampled();
    if (ob - oa >= SHARE_MARGIN) {
      lost.add(Category.PROPAGATION, service, ga.key().label(),
          "orphans (parent never arrived): " + pct(oa) + " of spans in A, " + pct(ob) + " in B",
          Math.round(gb.count() * (ob - oa)));
    }
  }

  private static void propagation(ServiceSummary sa, ServiceSummary sb, Changes lost, Changes gained) {
    String service = sa.name();
    double ca = sa.crossServiceShare();
    double cb = sb.crossServiceShare();
    String detail = String.format(Locale.ROOT, "cross-service traces: %,d of %,d (%s) in A, %,d of %,d (%s) in B",
        sa.crossServiceTraces(), sa.traces(), pct(ca), sb.crossServiceTraces(), sb.traces(), pct(cb));
    if (ca - cb >= SHARE_MARGIN || (cb == 0 && ca > 0) || Double.isNaN(cb) && ca > 0) {
      lost.add(Category.PROPAGATION, service, "traces with other services", detail, sa.crossServiceTraces());
    } else if (cb - ca >= SHARE_MARGIN) {
      gained.add(Category.PROPAGATION, service, "traces with other services", detail, sb.crossServiceTraces());
    }
    if (sb.orphanSpans() > sa.orphanSpans() && sb.orphanSpans() - sa.orphanSpans() > 2 * Math.sqrt(sa.orphanSpans())) {
      lost.add(Category.PROPAGATION, service, "orphan spans", String.format(Locale.ROOT,
          "%,d span(s) in A, %,d in B whose parent never arrived", sa.orphanSpans(), sb.orphanSpans()),
          sb.orphanSpans() - sa.orphanSpans());
    }
  }

  private void loggers(ServiceSummary sa, ServiceSummary sb, Changes lost, Changes gained, List<String> failures) {
    String service = sa.name();
    for (LoggerSummary la : sa.loggers()) {
      LoggerSummary lb = sb.logger(la.name());
      if (lb == null) {
        lost.add(Category.LOG_CORRELATION, service, la.name(), String.format(Locale.ROOT,
            "%,d log record(s) in A (%s with trace context), none in B", la.count(), pct(la.contextShare())), la.count());
        continue;
      }
      double xa = la.contextShare();
      double xb = lb.contextShare();
      double ja = la.joinedShare();
      double jb = lb.joinedShare();
      if (xa - xb >= SHARE_MARGIN) {
        lost.add(Category.LOG_CORRELATION, service, la.name(), "records with trace context: " + pct(xa) + " in A, "
            + pct(xb) + " in B", Math.round(la.count() * (xa - xb)));
      } else if (ja - jb >= SHARE_MARGIN) {
        lost.add(Category.LOG_CORRELATION, service, la.name(), "records joined to a span that arrived: " + pct(ja)
            + " in A, " + pct(jb) + " in B", Math.round(la.count() * (ja - jb)));
      } else if (xb - xa >= SHARE_MARGIN) {
        gained.add(Category.LOG_CORRELATION, service, la.name(), "records with trace context: " + pct(xa) + " in A, "
            + pct(xb) + " in B", Math.round(lb.count() * (xb - xa)));
      }
      count(service, la.name(), "log records", la.count(), lb.count(), lost, gained);
      templates(service, la, lb, lost);
      templates(service, lb, la, gained);
    }
    for (LoggerSummary lb : sb.loggers()) {
      if (sa.logger(lb.name()) == null) {
        gained.add(Category.LOG_CORRELATION, service, lb.name(), String.format(Locale.ROOT,
            "none in A, %,d log record(s) in B (%s with trace context)", lb.count(), pct(lb.contextShare())),
            lb.count());
      }
    }
    gateRatio(failures, service, "log records joined to their trace", sa.joinedShare(), sb.joinedShare());
  }

  /** Templates of {@code from} that {@code other} never wrote, as one change. */
  private static void templates(String service, LoggerSummary from, LoggerSummary other, Changes changes) {
    if (other.templatesDropped() > 0) {
      return; // the other logger had more templates than were kept: absence proves nothing
    }
    List<String> only = new ArrayList<>();
    long weight = 0;
    for (var e : from.templates().entrySet()) {
      if (!other.templates().containsKey(e.getKey())) {
        only.add(e.getKey());
        weight += e.getValue();
      }
    }
    if (only.isEmpty()) {
      return;
    }
    only.sort(Comparator.comparing((String t) -> -from.templates().get(t)).thenComparing(t -> t));
    boolean fromA = changes.lost;
    String detail = only.size() + " message template(s) only in " + (fromA ? "A" : "B") + ": \""
        + String.join("\", \"", only.subList(0, Math.min(3, only.size()))) + "\""
        + (only.size() > 3 ? " and " + (only.size() - 3) + " more" : "");
    changes.add(Category.LOG_TEMPLATE, service, from.name(), detail, weight);
  }

  private void gateRatio(List<String> failures, String service, String what, double a, double b) {
    if (Double.isNaN(a) || a == 0) {
      return;
    }
    double ratio = Double.isNaN(b) ? 0 : b / a;
    if (ratio < minCorrelationRatio) {
      failures.add(String.format(Locale.ROOT, "%s: %s %s in A, %s in B: ratio %.2f below --min-correlation-ratio %.2f",
          service, what, pct(a), pct(b), ratio, minCorrelationRatio));
    }
  }

  static String pct(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  /** Changes of one direction, collected, then ranked. */
  static final class Changes {
    final boolean lost;
    private final List<Change> changes = new ArrayList<>();

    Changes(boolean lost) {
      this.lost = lost;
    }

    void add(Category category, String service, String subject, String detail, long weight) {
      add(category, List.of(service), subject, detail, weight);
    }

    void add(Category category, List<String> services, String subject, String detail, long weight) {
      changes.add(new Change(category, services, subject, detail, weight));
    }

    List<Change> ranked() {
      List<Change> out = new ArrayList<>(changes);
      out.sort(Comparator.comparing(Change::category)
          .thenComparing(Comparator.comparingLong(Change::weight).reversed())
          .thenComparing(c -> String.join(",", c.services()))
          .thenComparing(Change::subject));
      return out;
    }
  }

  /** Thresholds of a diff; each setter validates its argument. */
  public static final class Builder {
    private int maxLostGroups = DEFAULT_MAX_LOST_GROUPS;
    private double minCorrelationRatio = DEFAULT_MIN_CORRELATION_RATIO;
    private double countTolerance = DEFAULT_COUNT_TOLERANCE;

    Builder() {}

    /** Span groups B may lose; defaults to {@value CaptureDiff#DEFAULT_MAX_LOST_GROUPS}. */
    public Builder setMaxLostGroups(int groups) {
      if (groups < 0) {
        throw new IllegalArgumentException("--max-lost-groups must not be negative: " + groups);
      }
      this.maxLostGroups = groups;
      return this;
    }

    /**
     * Lowest acceptable B/A ratio of each service's share of log records joined to their trace,
     * and of each SERVER/CONSUMER group's share of spans continuing a calling service's trace
     * (for groups where A's share is at least half); defaults to {@value
     * CaptureDiff#DEFAULT_MIN_CORRELATION_RATIO}.
     */
    public Builder setMinCorrelationRatio(double ratio) {
      if (!(ratio >= 0 && ratio <= 1)) {
        throw new IllegalArgumentException("--min-correlation-ratio must be within 0..1: " + ratio);
      }
      this.minCorrelationRatio = ratio;
      return this;
    }

    /**
     * Relative change of a group's or logger's count that is reported (when also beyond chance);
     * defaults to {@value CaptureDiff#DEFAULT_COUNT_TOLERANCE}.
     */
    public Builder setCountTolerance(double tolerance) {
      if (!(tolerance >= 0)) {
        throw new IllegalArgumentException("--count-tolerance must not be negative: " + tolerance);
      }
      this.countTolerance = tolerance;
      return this;
    }

    /** The diff. */
    public CaptureDiff build() {
      return new CaptureDiff(this);
    }
  }
}
