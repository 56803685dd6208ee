package dev.otelboard.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.report.html.Reports;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VerdictTextTest {
  private static String text() {
    StringWriter out = new StringWriter();
    VerdictText.write(Reports.sample(2).verdict(), new PrintWriter(out));
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void theOutcomeAndEveryFailureComeFirst() {
    assertThat(text()).startsWith(
        "Verdict: FAIL (1 problem)\n  - checkout: in-request log correlation 90.0% (9 of 10) below 99.0%\n\nServices\n");
  }

  @Test
  void servicesShowTheirFiguresAndThresholds() {
    assertThat(text())
        .contains("  checkout                           4         4          10       90.0%        0  >=99.0%, <=0 orphans (defaults)  FAIL\n")
        .contains("  traces 2, cross-service 2; log records with trace context 5\n");
  }

  @Test
  void offendersComeWithTheirFixRewritesAndExample() {
    assertThat(text()).contains("""
        Worst offenders
           1. [uncorrelated-logs] checkout  com.example.Bare: <script>alert('x')</script>  x1 (1 in requests)
              fix: written during a request on a thread that did not get the request's context
              rewrites: wrap-thread
              e.g. thread Thread-7
        """);
  }

  @Test
  void semanticConventionFindingsShowAnExampleSpan() {
    assertThat(text())
        .contains("  warning deprecated-http.method                    1 of 3  http.method is a pre-1.0 HTTP attribute\n")
        .contains("          e.g. checkout CLIENT 'POST' trace 01 span b0 {http.method=POST}\n");
  }
}
