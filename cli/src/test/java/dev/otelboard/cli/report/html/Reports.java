package dev.otelboard.cli.report.html;

import dev.otelboard.cli.verify.TraceView;
import dev.otelboard.cli.verify.TraceView.LogView;
import dev.otelboard.cli.verify.TraceView.SpanView;
import dev.otelboard.cli.verify.Verdict;
import dev.otelboard.cli.verify.Verdict.Example;
import dev.otelboard.cli.verify.Verdict.MissingChild;
import dev.otelboard.cli.verify.Verdict.Offender;
import dev.otelboard.cli.verify.Verdict.SemconvFinding;
import dev.otelboard.cli.verify.Verdict.ServiceVerdict;
import dev.otelboard.cli.verify.Verdict.Totals;
import dev.otelboard.cli.verify.VerifyResult;
import dev.otelboard.collector.correlate.CorrelationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A verify result with {@code traces} two-service traces, one of them with problems, for report tests. */
public final class Reports {
  private Reports() {}

  public static VerifyResult sample(int traces) {
    List<TraceView> views = new ArrayList<>();
    for (int i = 0; i < traces; i++) {
      boolean bad = i == 0;
      String id = String.format("%032x", i + 1);
      List<LogView> logs = new ArrayList<>(List.of(new LogView(1_000_000, "INFO", "Checkout started <b>&</b>", true, "com.example.Checkout", "pool-1-thread-1")));
      if (bad) {
        logs.add(new LogView(2_000_000, "WARN", "<script>alert('x')</script>", false, "com.example.Bare", "Thread-7"));
      }
      views.add(new TraceView(id, 1_700_000_000_000_000_000L + i, 20_000_000, List.of("checkout", "inventory"),
          List.of(
              new SpanView("a" + i, "", "checkout", "POST /checkout", "SERVER", 0, 20_000_000, 0, false, false, false,
                  Map.of("http.request.method", "POST"), logs),
              new SpanView("b" + i, "a" + i, "checkout", "POST", "CLIENT", 2_000_000, 15_000_000, 1, false, false, bad,
                  Map.of(), List.of()),
              new SpanView("c" + i, "b" + i, "inventory", "POST /reserve", "SERVER", 3_000_000, 10_000_000, 2, false, false, false,
                  Map.of(), List.of(new LogView(4_000_000, "INFO", "Reserved", true, "com.example.Reserve", "")))),
          bad ? List.of("1 log record(s) written during a request without trace context") : List.of()));
    }
    Verdict verdict = new Verdict(
        false,
        List.of("checkout: in-request log correlation 90.0% (9 of 10) below 99.0%"),
        List.of(
            new ServiceVerdict("checkout", true, 2L * traces, 2L * traces, 10, 9, 0.9, 0, 0.99, 0, "defaults", false,
                List.of("in-request log correlation 90.0% (9 of 10) below 99.0%")),
            new ServiceVerdict("inventory", true, traces, traces, 5, 5, 1.0, 0, 0.99, 0, "defaults", true, List.of())),
        new Totals(3L * traces, 3L * traces, 3L * traces - 1, 15, 14, 14 / 15.0, 0, traces, traces),
        List.of(new MissingChild("checkout", "POST", 1, "inventory", true)),
        List.of(new Verdict.ExternalDependency("checkout", "SELECT orders", 4, "h2")),
        List.of(new Offender("uncorrelated-logs", "checkout", "com.example.Bare: <script>alert('x')</script>", 1, 1,
            "written during a request on a thread that did not get the request's context", List.of("wrap-thread"), "thread Thread-7")),
        List.of(new SemconvFinding("deprecated-http.method", "warning", "http.method is a pre-1.0 HTTP attribute", 1, 3,
            new Example("checkout", "POST", "CLIENT", "01", "b0", Map.of("http.method", "POST")))),
        List.of("a note"));
    CorrelationReport correlation = new CorrelationReport(3L * traces, 3L * traces, 3L * traces - 1, 15, 14, 14, 14 / 15.0,
        0, traces, traces, List.of(), List.of(), List.of(), 0, List.of(), 0, 0, 0);
    return new VerifyResult(verdict, views, correlation, Map.of("checkout", 20001), Optional.empty());
  }
}
