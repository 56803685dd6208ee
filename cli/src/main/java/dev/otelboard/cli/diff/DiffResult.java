package dev.otelboard.cli.diff;

import dev.otelboard.cli.diff.RunSummary.GroupSummary;
import dev.otelboard.cli.diff.RunSummary.LoggerSummary;
import dev.otelboard.cli.diff.RunSummary.RunInfo;
import dev.otelboard.cli.diff.RunSummary.ServiceSummary;
import java.util.List;

/**
 * Two runs compared by shape: what B lost and gained against A, ranked, the figures side by side,
 * and whether the losses stay within the thresholds.
 *
 * @param a the first run (the reference: the agent run, the old version, vendor A)
 * @param b the second run
 * @param lost what A had and B has not, most important first
 * @param gained what B has and A had not, most important first
 * @param services both runs' figures per service, side by side
 * @param gate the thresholds and what broke them
 */
public record DiffResult(
    RunInfo a, RunInfo b, List<Change> lost, List<Change> gained, List<ServiceRow> services, Gate gate) {

  /** Copies the lists. */
  public DiffResult {
    lost = List.copyOf(lost);
    gained = List.copyOf(gained);
    services = List.copyOf(services);
  }

  /**
   * What a change is about; the order is the rank: a missing service outweighs a missing span
   * group, which outweighs broken propagation, and so on down to message templates.
   */
  public enum Category {
    /** A service sent nothing in one run. */
    SERVICE("service"),
    /** A span group is in one run only. */
    SPAN_GROUP("span-group"),
    /** Trace context: a group's spans stopped continuing their caller's trace, or started their own. */
    PROPAGATION("propagation"),
    /** A logger's records lost their trace context, or the logger went silent. */
    LOG_CORRELATION("log-correlation"),
    /** A span group's or logger's count changed beyond the tolerance. */
    COUNT("count"),
    /** A deprecated attribute name replaced by its stable one, or the other way round. */
    SEMCONV("semconv"),
    /** Span attributes present in one run's spans of a group and not in the other's. */
    ATTRIBUTE("attribute"),
    /** Resource attributes present in one run and not in the other. */
    RESOURCE("resource"),
    /** Log message templates written in one run only. */
    LOG_TEMPLATE("log-template");

    private final String id;

    Category(String id) {
      this.id = id;
    }

    /** The id shown in reports, e.g. {@code span-group}. */
    public String id() {
      return id;
    }
  }

  /**
   * One thing B lost or gained.
   *
   * @param category what it is about (and its rank)
   * @param services the services it concerns
   * @param subject the span group, logger or attribute keys
   * @param detail the figures, in words
   * @param weight spans or log records affected in the run that had them (ranks within a category)
   */
  public record Change(Category category, List<String> services, String subject, String detail, long weight) {
    /** Copies the list. */
    public Change {
      services = List.copyOf(services);
    }
  }

  /**
   * One service's figures in both runs; {@code a} or {@code b} is null when the service sent
   * nothing in that run.
   */
  public record ServiceRow(
      String service, ServiceSummary a, ServiceSummary b, List<GroupRow> groups, List<LoggerRow> loggers) {
    /** Copies the lists. */
    public ServiceRow {
      groups = List.copyOf(groups);
      loggers = List.copyOf(loggers);
    }
  }

  /** One span group in both runs; a side is null when the group is not in that run. */
  public record GroupRow(GroupKey key, GroupSummary a, GroupSummary b) {}

  /** One logger in both runs; a side is null when the logger wrote nothing in that run. */
  public record LoggerRow(String name, LoggerSummary a, LoggerSummary b) {}

  /**
   * The thresholds and the verdict.
   *
   * @param passed whether B's losses stay within the thresholds (exit 0; else exit 1)
   * @param failures one line per broken threshold
   * @param lostGroups span groups in A and not in B (with those of services missing from B)
   * @param maxLostGroups {@code --max-lost-groups}
   * @param minCorrelationRatio {@code --min-correlation-ratio}
   * @param countTolerance {@code --count-tolerance}
   */
  public record Gate(
      boolean passed,
      List<String> failures,
      int lostGroups,
      int maxLostGroups,
      double minCorrelationRatio,
      double countTolerance) {
    /** Copies the list. */
    public Gate {
      failures = List.copyOf(failures);
    }
  }
}
