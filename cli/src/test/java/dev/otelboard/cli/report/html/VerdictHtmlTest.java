package dev.otelboard.cli.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerdictHtmlTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void thePageCarriesItsFiguresAsDataAttributesAndOneSectionPerTrace() {
    String html = VerdictHtml.render(Reports.sample(7), 200, NOW);

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<body data-verdict=\"fail\" data-trace-count=\"7\" data-rendered-traces=\"7\" data-cross-service-traces=\"7\">")
        .contains("<span id=\"trace-count\">7</span>");
    assertThat(html.split("<section class=\"trace", -1)).hasSize(8);
    assertThat(html).contains("class=\"trace has-problems\" data-trace-id=\"00000000000000000000000000000001\"");
  }

  @Test
  void everyTextFromTheServicesIsEscaped() {
    String html = VerdictHtml.render(Reports.sample(1), 200, NOW);

    assertThat(html)
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("Checkout started &lt;b&gt;&amp;&lt;/b&gt;");
  }

  @Test
  void thePageIsSelfContained() {
    String html = VerdictHtml.render(Reports.sample(3), 200, NOW);

    assertThat(html)
        .doesNotContain("<script src")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContain("url(")
        .contains("<style>")
        .contains("<script>");
  }

  @Test
  void atMostMaxTracesAreDrawnAndThePageSaysSo() {
    String html = VerdictHtml.render(Reports.sample(5), 2, NOW);

    assertThat(html).contains("data-trace-count=\"5\" data-rendered-traces=\"2\"")
        .contains("showing <span id=\"shown-traces\">2</span> of <span id=\"trace-count\">5</span> traces (the first 2");
    assertThat(html.split("<section class=\"trace", -1)).hasSize(3);
  }

  @Test
  void joinedAndUnjoinedLogLinesAreUnderTheirSpan() {
    String html = VerdictHtml.render(Reports.sample(1), 200, NOW);

    int span = html.indexOf("data-span-id=\"a0\"");
    int joined = html.indexOf("Checkout started");
    int unjoined = html.indexOf("<div class=\"log-row unjoined\"");
    int next = html.indexOf("data-span-id=\"b0\"");
    assertThat(span).isPositive().isLessThan(joined);
    assertThat(joined).isLessThan(unjoined);
    assertThat(unjoined).isLessThan(next);
    assertThat(html).contains("no trace context").contains("no SERVER child");
  }

  @Test
  void databaseCallsAreListedAsExternalDependenciesNotMissingServerChildren() {
    String html = VerdictHtml.render(Reports.sample(1), 200, NOW);
    String external = html.substring(html.indexOf("<section id=\"external\">"));
    assertThat(external.substring(0, external.indexOf("</section>")))
        .contains("<h2>External dependencies</h2>")
        .contains("<td>SELECT orders</td><td>h2</td>");
    String missing = html.substring(html.indexOf("<section id=\"missing\">"));
    assertThat(missing.substring(0, missing.indexOf("</section>"))).doesNotContain("SELECT orders");
  }
}
