package dev.otelboard.cli.verify;

import dev.otelboard.cli.report.CollectorReportText;
import dev.otelboard.cli.verify.Expectations.Thresholds;
import dev.otelboard.cli.verify.Hints.Hint;
import dev.otelboard.cli.verify.Verdict.ExternalDependency;
import dev.otelboard.cli.verify.Verdict.Kinds;
import dev.otelboard.cli.verify.Verdict.MissingChild;
import dev.otelboard.cli.verify.Verdict.Offender;
import dev.otelboard.cli.verify.Verdict.ServiceVerdict;
import dev.otelboard.cli.verify.Verdict.Totals;
import dev.otelboard.collector.correlate.CorrelationReport;
import dev.otelboard.collector.correlate.CorrelationReport.MissingServerChild;
import dev.otelboard.collector.correlate.CorrelationReport.OrphanSpans;
import dev.otelboard.collector.correlate.CorrelationReport.ServiceFigures;
import dev.otelboard.collector.correlate.CorrelationReport.UncorrelatedLogs;
import dev.otelboard.collector.sink.CaptureSink.CapturedLog;
import dev.otelboard.collector.sink.CaptureSink.CapturedSpan;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the collector's correlation figures and the captured telemetry into a {@link Verdict}:
 * compares each service with its thresholds, names what is missing, ranks the offenders and
 * attaches a hint to each, and runs the semantic-convention checks.
 */
final class Judge {
  private Judge() {}

  /** A ranked offender before the cut to ten. */
  private record Ranked(int tier, long weight, Offender offender) {}

  static Verdict judge(
      CorrelationReport report,
      List<CapturedSpan> spans,
      List<CapturedLog> logs,
      long spansNotCaptured,
      long logsNotCaptured,
      Expectations expected) {
    Hints hints = new Hints(expected, spans, logs);
    List<String> failures = new ArrayList<>();
    List<Ranked> ranked = new ArrayList<>();

    Map<String, ServiceFigures> figures = new LinkedHashMap<>();
    for (String name : expected.expectedServices()) {
      figures.put(name, new ServiceFigures(name, 0, 0, 0, 0, 0, 0, 0, 1.0));
    }
    report.services().forEach(f -> figures.put(f.service(), f));

    Map<String, Long> entrySpans = new LinkedHashMap<>();
    for (CapturedSpan s : spans) {
      if (s.kind() == SpanKinds.SERVER || s.kind() == SpanKinds.CONSUMER) {
        entrySpans.merge(s.service(), 1L, Long::sum);
      }
    }
    List<ServiceVerdict> services = new ArrayList<>();
    for (ServiceFigures f : figures.values()) {
      boolean isExpected = expected.expectedServices().contains(f.service());
      Thresholds t = expected.thresholdsOf(f.service());
      List<String> problems = new ArrayList<>();
      if (isExpected && f.spans() == 0) {
        problems.add("no spans");
        Hint h = hints.noSpans(f.service());
        ranked.add(new Ranked(0, Long.MAX_VALUE, offender(Kinds.NO_SPANS, f.service(), f.service(), 0, 0, h)));
      }
      // Judged on the captured spans, which hold every span unless the capture overflowed.
      if (isExpected && f.spans() > 0 && spansNotCaptured == 0
          && entrySpans.getOrDefault(f.service(), 0L) == 0) {
        Optional<ServerCoverage> coverage =
            ServerCoverage.of(expected.serviceDirectories().get(f.service()));
        Hint h = hints.noServerSpans(f.service(), coverage);
        boolean server = coverage.filter(ServerCoverage::hasServer).isPresent();
        if (server) {
          // It serves HTTP (scan says so), so its requests had to be traced.
          problems.add(String.format(Locale.ROOT,
              "%,d span(s) but no SERVER span: no request it served was traced (%s)",
              f.spans(), coverage.get().describe()));
        }
        ranked.add(new Ranked(server ? 0 : 2, f.spans(),
            offender(Kinds.NO_SERVER_SPANS, f.service(), f.service(), f.spans(), 0, h)));
      }
      long lines = expected.outputLines().getOrDefault(f.service(), 0L);
      if (isExpected && f.logs() == 0 && lines > 0) {
        problems.add("no log records");
        Hint h = hints.noLogs(f.service());
        ranked.add(new Ranked(0, Long.MAX_VALUE - 1, offender(Kinds.NO_LOGS, f.service(), f.service(), 0, 0, h)));
      }
      if (isExpected && f.logs() > 0 && f.spans() > 0 && f.inRequestLogs() == 0) {
        // "100% (0 of 0)" would hide that nothing was judged.
        problems.add(String.format(
            Locale.ROOT,
            "%,d log record(s) but none inside a SERVER or CONSUMER span: in-request correlation"
                + " could not be judged (no SERVER span received?)",
            f.logs()));
      } else if (f.inRequestLogs() > 0 && f.inRequestCorrelation() < t.minLogCorrelation()) {
        problems.add(String.format(
            Locale.ROOT,
            "in-request log correlation %s (%,d of %,d) below %s",
            CollectorReportText.percent(f.inRequestCorrelation()),
            f.correlatedInRequestLogs(),
            f.inRequestLogs(),
            CollectorReportText.percent(t.minLogCorrelation())));
      }
      if (f.orphanSpans() > t.maxOrphanSpans()) {
        problems.add(String.format(
            Locale.ROOT, "%,d orphan span(s), more than %,d allowed", f.orphanSpans(), t.maxOrphanSpans()));
      }
      services.add(
          new ServiceVerdict(
              f.service(),
              isExpected,
              f.spans(),
              f.logs(),
              f.inRequestLogs(),
              f.correlatedInRequestLogs(),
              f.inRequestCorrelation(),
              f.orphanSpans(),
              t.minLogCorrelation(),
              t.maxOrphanSpans(),
              t.source(),
              problems.isEmpty(),
              problems));
      for (String p : problems) {
        failures.add(f.service() + ": " + p);
      }
    }
    services.sort(
        Comparator.comparing((ServiceVerdict s) -> s.expected() ? 0 : 1)
            .thenComparing(s -> expectedIndex(expected, s.service()))
            .thenComparing(ServiceVerdict::service));

    Map<String, Long> spansByService = new LinkedHashMap<>();
    figures.values().forEach(f -> spansByService.put(f.service(), f.spans()));
    Map<String, Long> contextLogs = new LinkedHashMap<>();
    figures.values().forEach(f -> contextLogs.put(f.service(), f.logsWithTraceContext()));

    List<MissingChild> missing = new ArrayList<>();
    List<ExternalDependency> external = new ArrayList<>();
    for (MissingServerChild m : report.missingServerChildren()) {
      Optional<String> system = externalSystem(spans, m.clientService(), m.spanName());
      if (system.isPresent()) {
        // A database or broker call: its callee never sends a SERVER span.
        external.add(new ExternalDependency(m.clientService(), m.spanName(), m.count(),
            system.get()));
        continue;
      }
      String[] callee = callee(spans, expected, m.clientService(), m.spanName());
      boolean inRun = callee[1] != null;
      String calleeName = inRun ? callee[1] : callee[0];
      missing.add(new MissingChild(m.clientService(), m.spanName(), m.count(), calleeName, inRun));
      Hint h =
          hints.missingChild(
              m.clientService(), m.spanName(), calleeName, inRun, spansByService.getOrDefault(calleeName, 0L));
      ranked.add(
          new Ranked(
              inRun ? 1 : 3,
              m.count(),
              offender(Kinds.MISSING_SERVER_CHILD, m.clientService(), m.spanName(), m.count(), 0, h)));
      if (inRun) {
        failures.add(String.format(
            Locale.ROOT,
            "%s -> %s: %,d CLIENT span(s) '%s' without a SERVER span from %s",
            m.clientService(), calleeName, m.count(), m.spanName(), calleeName));
      }
    }

    for (UncorrelatedLogs u : report.topUncorrelatedLogs()) {
      String subject = (u.logger().isEmpty() ? "(no logger name)" : u.logger()) + ": " + u.messageTemplate();
      if (Hints.CONTEXT_BUT_NO_SPAN.equals(u.messageTemplate())) {
        ranked.add(new Ranked(1, u.count(), offender(Kinds.UNCORRELATED_LOGS, u.service(), subject, u.count(), u.inRequestCount(), hints.contextButNoSpan())));
      } else if (u.inRequestCount() > 0) {
        Hint h = hints.uncorrelatedInRequest(u.service(), u.logger(), contextLogs.getOrDefault(u.service(), 0L));
        ranked.add(new Ranked(1, u.inRequestCount(), offender(Kinds.UNCORRELATED_LOGS, u.service(), subject, u.count(), u.inRequestCount(), h)));
      } else {
        ranked.add(new Ranked(4, u.count(), offender(Kinds.LOGS_OUTSIDE_REQUESTS, u.service(), subject, u.count(), 0, hints.outsideRequests())));
      }
    }
    for (OrphanSpans o : report.topOrphanSpans()) {
      Hint h = hints.orphans(o.service(), o.spanName());
      ranked.add(new Ranked(1, o.count(), offender(Kinds.ORPHAN_SPANS, o.service(), o.spanName(), o.count(), 0, h)));
    }
    ranked.sort(
        Comparator.comparingInt(Ranked::tier)
            .thenComparing(Comparator.comparingLong(Ranked::weight).reversed()));
    List<Offender> offenders = new ArrayList<>();
    for (int i = 0; i < ranked.size() && i < Verdict.MAX_OFFENDERS; i++) {
      offenders.add(ranked.get(i).offender());
    }

    List<String> notes = new ArrayList<>(expected.notes());
    if (spansNotCaptured + logsNotCaptured > 0) {
      notes.add(String.format(
          Locale.ROOT,
          "waterfalls and semantic-convention checks cover the first %,d spans and %,d log records;"
              + " %,d spans and %,d log records came after, so whether a service sent no SERVER"
              + " span was not judged",
          spans.size(), logs.size(), spansNotCaptured, logsNotCaptured));
    }
    if (report.evictedSpans() + report.evictedLogs() > 0) {
      notes.add(String.format(
          Locale.ROOT,
          "the correlation index evicted %,d spans and %,d log records (window full); figures that"
              + " need them are approximate",
          report.evictedSpans(), report.evictedLogs()));
    }

    Totals totals =
        new Totals(
            report.spans(),
            report.logs(),
            report.logsWithTraceContext(),
            report.inRequestLogs(),
            report.correlatedInRequestLogs(),
            report.inRequestCorrelation(),
            report.orphanSpans(),
            report.traces(),
            report.crossServiceTraces());
    return new Verdict(
        failures.isEmpty(),
        failures,
        services,
        totals,
        missing,
        external,
        offenders,
        SemconvCheck.check(spans, logs),
        notes);
  }

  private static int expectedIndex(Expectations e, String service) {
    int i = e.expectedServices().indexOf(service);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  private static Offender offender(
      String kind, String service, String subject, long count, long inRequest, Hint h) {
    return new Offender(kind, service, subject, count, inRequest, h.text(), h.rewriteIds(), h.example());
  }

  /**
   * Where the CLIENT spans of {@code service} named {@code spanName} went: {@code [address,
   * service of this run or null]}.
   */
  /** Semconv attributes that mark a CLIENT span as a call to a database, broker or RPC system. */
  private static final List<String> EXTERNAL_SYSTEM_KEYS =
      List.of("db.system", "db.system.name", "messaging.system", "rpc.system");

  /**
   * The database, broker or RPC system the captured CLIENT spans of this name call, by their
   * semconv attributes; empty when they are not such calls.
   */
  private static Optional<String> externalSystem(
      List<CapturedSpan> spans, String service, String spanName) {
    for (CapturedSpan s : spans) {
      if (s.kind() == SpanKinds.CLIENT && s.service().equals(service) && s.name().equals(spanName)) {
        return EXTERNAL_SYSTEM_KEYS.stream().map(s.attributes()::get)
            .filter(v -> v != null).findFirst();
      }
    }
    return Optional.empty();
  }

  private static String[] callee(
      List<CapturedSpan> spans, Expectations e, String service, String spanName) {
    for (CapturedSpan s : spans) {
      if (s.kind() != SpanKinds.CLIENT || !s.service().equals(service) || !s.name().equals(spanName)) {
        continue;
      }
      Map<String, String> a = s.attributes();
      String host = first(a, "server.address", "net.peer.name");
      String port = first(a, "server.port", "net.peer.port");
      String url = first(a, "url.full", "http.url");
      if ((host == null || port == null) && url != null) {
        try {
          URI uri = URI.create(url);
          host = host == null ? uri.getHost() : host;
          if (port == null && uri.getPort() > 0) {
            port = Integer.toString(uri.getPort());
          }
        } catch (IllegalArgumentException ignored) {
          // Not a URL: fall back to what the attributes say.
        }
      }
      if (host == null && port == null) {
        continue;
      }
      String address = (host == null ? "?" : host) + (port == null ? "" : ":" + port);
      String owner = null;
      if (port != null && isLocal(host)) {
        try {
          owner = e.servicePorts().get(Integer.parseInt(port));
        } catch (NumberFormatException ignored) {
          owner = null;
        }
      }
      return new String[] {address, owner};
    }
    return new String[] {"", null};
  }

  private static boolean isLocal(String host) {
    return host == null
        || host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("::1")
        || host.equals("[::1]")
        || host.equals("0.0.0.0");
  }

  private static String first(Map<String, String> a, String... keys) {
    for (String k : keys) {
      String v = a.get(k);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }
}
