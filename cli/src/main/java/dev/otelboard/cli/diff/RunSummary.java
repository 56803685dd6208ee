package dev.otelboard.cli.diff;

import java.util.List;
import java.util.Map;

/**
 * What one captured run looked like, by shape: per service its span groups, loggers and
 * propagation figures. Everything a diff needs and nothing with ids in it; its size depends on the
 * number of shapes, not on the number of spans.
 *
 * @param info where the run came from
 * @param services per service, by name
 */
public record RunSummary(RunInfo info, List<ServiceSummary> services) {

  /** Copies the list. */
  public RunSummary {
    services = List.copyOf(services);
  }

  /** The service named {@code name}, or null. */
  public ServiceSummary service(String name) {
    for (ServiceSummary s : services) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /**
   * Where a run came from.
   *
   * @param label the path given on the command line
   * @param files the capture files read, in order
   * @param mode {@code agent} or {@code code} from the capture's {@code .meta.json}, else {@code ""}
   * @param plan the plan the run was made from, per the sidecar, else {@code ""}
   * @param lines OTLP JSON lines read
   * @param metricLines of those, metrics requests (skipped)
   * @param spans spans read
   * @param logs log records read
   * @param sampledShare 1 when propagation figures cover every trace, else the share of traces
   *     they were estimated from (very large runs)
   */
  public record RunInfo(
      String label,
      List<String> files,
      String mode,
      String plan,
      long lines,
      long metricLines,
      long spans,
      long logs,
      double sampledShare) {

    /** Copies the list. */
    public RunInfo {
      files = List.copyOf(files);
    }
  }

  /**
   * One service of a run.
   *
   * @param name {@code service.name}
   * @param spans spans
   * @param logs log records
   * @param traces traces with a span of this service
   * @param crossServiceTraces of those, traces with spans of another service too
   * @param orphanSpans spans whose parent never arrived
   * @param logsWithContext log records carrying a trace and span id
   * @param logsJoined of those, records whose span arrived (estimated when sampled)
   * @param resourceBlocks resource blocks (one per export request and SDK instance)
   * @param resourceKeys per resource attribute key, the resource blocks that had it
   * @param sdks the SDKs and distributions seen, e.g. {@code opentelemetry 1.65.0 +
   *     opentelemetry-java-instrumentation 2.31.1}
   * @param groups the span groups, by key
   * @param loggers the loggers (instrumentation scopes of log records), by name
   * @param groupsDropped spans that fell into the overflow group because the service had too many
   */
  public record ServiceSummary(
      String name,
      long spans,
      long logs,
      long traces,
      long crossServiceTraces,
      long orphanSpans,
      long logsWithContext,
      long logsJoined,
      long resourceBlocks,
      Map<String, Long> resourceKeys,
      List<String> sdks,
      List<GroupSummary> groups,
      List<LoggerSummary> loggers,
      long groupsDropped) {

    /** Copies the collections. */
    public ServiceSummary {
      resourceKeys = Map.copyOf(resourceKeys);
      sdks = List.copyOf(sdks);
      groups = List.copyOf(groups);
      loggers = List.copyOf(loggers);
    }

    /** Share of log records joined to a span that arrived; NaN without log records. */
    public double joinedShare() {
      return logs == 0 ? Double.NaN : (double) logsJoined / logs;
    }

    /** Share of this service's traces that hold another service too; NaN without traces. */
    public double crossServiceShare() {
      return traces == 0 ? Double.NaN : (double) crossServiceTraces / traces;
    }

    /** The group with {@code key}, or null. */
    public GroupSummary group(GroupKey key) {
      for (GroupSummary g : groups) {
        if (g.key().equals(key)) {
          return g;
        }
      }
      return null;
    }

    /** The logger named {@code name}, or null. */
    public LoggerSummary logger(String name) {
      for (LoggerSummary l : loggers) {
        if (l.name().equals(name)) {
          return l;
        }
      }
      return null;
    }
  }

  /**
   * The spans of one shape in one service.
   *
   * @param key the shape
   * @param count spans
   * @param errors spans with status ERROR
   * @param durationNanos summed durations
   * @param sampled spans the propagation figures below were counted on (all, unless sampled)
   * @param roots of the sampled, spans without a parent
   * @param remoteParents of the sampled, spans whose parent is a span of another service
   * @param orphans of the sampled, spans whose parent never arrived
   * @param attributes per attribute key, the spans that had it
   * @param scopes the instrumentation scopes that produced the spans (at most a few)
   */
  public record GroupSummary(
      GroupKey key,
      long count,
      long errors,
      long durationNanos,
      long sampled,
      long roots,
      long remoteParents,
      long orphans,
      Map<String, Long> attributes,
      List<String> scopes) {

    /** Copies the collections. */
    public GroupSummary {
      attributes = Map.copyOf(attributes);
      scopes = List.copyOf(scopes);
    }

    /** Share of spans with attribute {@code key}. */
    public double attributeShare(String key) {
      return count == 0 ? 0 : (double) attributes.getOrDefault(key, 0L) / count;
    }

    /** Share of sampled spans without a parent; NaN when none was sampled. */
    public double rootShare() {
      return sampled == 0 ? Double.NaN : (double) roots / sampled;
    }

    /** Share of sampled spans whose parent is another service's span; NaN when none was sampled. */
    public double remoteParentShare() {
      return sampled == 0 ? Double.NaN : (double) remoteParents / sampled;
    }

    /** Mean duration in milliseconds. */
    public double meanMillis() {
      return count == 0 ? 0 : durationNanos / 1e6 / count;
    }
  }

  /**
   * The log records of one logger (instrumentation scope) in one service.
   *
   * @param name the logger name
   * @param count log records
   * @param withContext records carrying a trace and span id
   * @param joined of those, records whose span arrived (estimated when sampled)
   * @param templates per message template (ids and numbers replaced by {@code {}}), the records
   * @param templatesDropped records whose template was not kept because the logger had too many
   */
  public record LoggerSummary(
      String name, long count, long withContext, long joined, Map<String, Long> templates, long templatesDropped) {

    /** Copies the map. */
    public LoggerSummary {
      templates = Map.copyOf(templates);
    }

    /** Share of records with trace context; NaN without records. */
    public double contextShare() {
      return count == 0 ? Double.NaN : (double) withContext / count;
    }

    /** Share of records joined to a span that arrived; NaN without records. */
    public double joinedShare() {
      return count == 0 ? Double.NaN : (double) joined / count;
    }
  }
}
