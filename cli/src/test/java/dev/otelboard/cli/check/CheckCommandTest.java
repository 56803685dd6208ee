package dev.otelboard.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.report.VerdictJson;
import dev.otelboard.cli.report.html.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code otelboard check} end to end through Main.run, on a copy of a small fixture repo. */
class CheckCommandTest {
  private static final String LEDGER = "src/main/java/com/acme/billing/LedgerClient.java";
  private static final String LEDGER_FAILURE = "uninstrumented call site: http.client.java-net-http"
      + " at " + LEDGER + ":11 — run `otelboard onboard` (rewrite wrap-java-http-client)";

  @TempDir Path tmp;
  Path repo;

  @BeforeEach
  void copyFixture() {
    repo = Cli.copy(Cli.FIXTURES.resolve("client-repo"), tmp.resolve("repo"));
  }

  @Test
  void anUninstrumentedClientFailsNamingFileLineAndRewrite() {
    Cli.Run r = Cli.run("check", repo.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out())
        .contains("FAILED (1 failing check)")
        .contains("FAIL " + LEDGER_FAILURE)
        .doesNotContain("TaxClient.java:7 —")
        .containsPattern("http-client\\s+1\\s+1\\s+0\\s+0\\s+0");
  }

  @Test
  void aWrittenBaselineAcceptsTodaysFindingsAndSurvivesUnrelatedEdits() throws Exception {
    Path baseline = tmp.resolve("otelboard-baseline.json");
    Cli.Run adopt = Cli.run("check", repo.toString(), "--write-baseline", baseline.toString());
    assertThat(adopt.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(adopt.err()).contains("baseline of 1 finding(s) written");
    JsonNode json = new ObjectMapper().readTree(baseline.toFile());
    assertThat(json.get("findings")).hasSize(1);
    assertThat(json.get("findings").get(0).get("where").asText())
        .isEqualTo("com.acme.billing.LedgerClient#<init>");
    assertThat(json.toString()).doesNotContain("\"line\"");

    // Lines added above the accepted site move it; it is still the same finding.
    Path ledger = repo.resolve(LEDGER);
    Files.writeString(ledger, "// Copyright Acme\n// All rights reserved\n" + Files.readString(ledger));
    Cli.Run later = Cli.run("check", repo.toString(), "--baseline", baseline.toString());

    assertThat(later.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(later.out()).contains("passed").contains("1 finding(s) accepted");
  }

  @Test
  void aNewUninstrumentedSiteFailsAloneWhenTheRestIsBaselined() throws Exception {
    Path baseline = tmp.resolve("baseline.json");
    Cli.run("check", repo.toString(), "--write-baseline", baseline.toString());
    Files.writeString(repo.resolve("src/main/java/com/acme/billing/RefundClient.java"), """
        package com.acme.billing;

        import java.net.http.HttpClient;

        final class RefundClient {
          final HttpClient http = HttpClient.newHttpClient();
        }
        """);

    Cli.Run r = Cli.run("check", repo.toString(), "--baseline", baseline.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out())
        .contains("FAILED (1 failing check)")
        .contains("FAIL uninstrumented call site: http.client.java-net-http at"
            + " src/main/java/com/acme/billing/RefundClient.java:6")
        .doesNotContain("FAIL " + LEDGER_FAILURE);
  }

  @Test
  void sarifHasErrorResultsWithRuleIdAndRegionAndSuppressesBaselinedOnes() throws Exception {
    Path sarif = tmp.resolve("out/check.sarif");
    Cli.Run r = Cli.run("check", repo.toString(), "--sarif", sarif.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);

    JsonNode log = new ObjectMapper().readTree(sarif.toFile());
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = log.get("runs").get(0);
    assertThat(run.get("results")).hasSize(1);
    JsonNode result = run.get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("http.client.java-net-http");
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.get("message").get("text").asText()).isEqualTo(LEDGER_FAILURE);
    assertThat(result.get("properties").get("rewrite").asText()).isEqualTo("wrap-java-http-client");
    assertThat(result.get("partialFingerprints").get("otelboard/v1").asText()).hasSize(32);
    JsonNode location = result.get("locations").get(0).get("physicalLocation");
    assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo(LEDGER);
    assertThat(location.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(location.get("region").get("startLine").asInt()).isEqualTo(11);
    assertThat(location.get("region").get("snippet").get("text").asText())
        .contains("HttpClient.newBuilder()");
    int ruleIndex = result.get("ruleIndex").asInt();
    assertThat(run.get("tool").get("driver").get("rules").get(ruleIndex).get("id").asText())
        .isEqualTo("http.client.java-net-http");

    Path baseline = tmp.resolve("baseline.json");
    Cli.run("check", repo.toString(), "--write-baseline", baseline.toString(), "--format", "sarif",
        "--output", sarif.toString());
    JsonNode accepted = new ObjectMapper().readTree(sarif.toFile()).get("runs").get(0)
        .get("results").get(0);
    assertThat(accepted.get("suppressions").get(0).get("kind").asText()).isEqualTo("external");
    assertThat(accepted.get("baselineState").asText()).isEqualTo("unchanged");
  }

  @Test
  void junitXmlParsesWithOneSuitePerCategoryAndTheExpectedCounts() throws Exception {
    Path junit = tmp.resolve("junit.xml");
    Cli.Run r = Cli.run("check", repo.toString(), "--junit", junit.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);

    Element root = parseXml(junit).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("2");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("errors")).isEqualTo("0");
    assertThat(root.getAttribute("skipped")).isEqualTo("0");
    Element http = suite(root, "http-client");
    assertThat(http.getAttribute("tests")).isEqualTo("2");
    assertThat(http.getAttribute("failures")).isEqualTo("1");
    Element failure = (Element) http.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo(LEDGER_FAILURE);
    assertThat(failure.getAttribute("type")).isEqualTo("http.client.java-net-http");
    assertThat(failure.getTextContent()).contains(LEDGER + ":11");
    Element failing = (Element) failure.getParentNode();
    assertThat(failing.getAttribute("file")).isEqualTo(LEDGER);
    assertThat(failing.getAttribute("line")).isEqualTo("11");
    assertThat(suite(root, "logging").getAttribute("tests")).isEqualTo("0");
    assertThat(suiteNames(root))
        .containsExactly("logging", "http-client", "http-server", "async", "messaging");
  }

  @Test
  void aFailingVerdictFailsTheCheckWithACorrelationTestCase() throws Exception {
    Path junit = tmp.resolve("junit.xml");
    Cli.Run r = Cli.run("check", repo.toString(), "--write-baseline", tmp.resolve("b.json").toString(),
        "--verdict", Cli.FIXTURES.resolve("verdicts/failing.json").toString(),
        "--junit", junit.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out()).contains("FAIL checkout: in-request log correlation 80.0% (40 of 50) is below"
        + " the 99.0% threshold (otelboard.yaml)");
    Element correlation = suite(parseXml(junit).getDocumentElement(), "correlation");
    assertThat(correlation.getAttribute("tests")).isEqualTo("4");
    assertThat(correlation.getAttribute("failures")).isEqualTo("2");
    NodeList failures = correlation.getElementsByTagName("failure");
    assertThat(((Element) failures.item(0).getParentNode()).getAttribute("name"))
        .isEqualTo("checkout: in-request log correlation");
    assertThat(((Element) failures.item(1)).getAttribute("message"))
        .isEqualTo("checkout: 2 orphan span(s), at most 0 allowed: trace context is lost between spans");
  }

  @Test
  void verdictResultsInSarifPointAtTheVerdictRelativeToTheCheckedDirectory() throws Exception {
    Path verdict = Files.copy(Cli.FIXTURES.resolve("verdicts/failing.json"), tmp.resolve("verdict.json"));
    Path sarif = tmp.resolve("check.sarif");

    Cli.run("check", repo.toString(), "--baseline", writeBaseline(), "--verdict", verdict.toString(),
        "--sarif", sarif.toString());

    JsonNode results = new ObjectMapper().readTree(sarif.toFile()).get("runs").get(0).get("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).has("suppressions")).as("the baselined client").isTrue();
    JsonNode correlation = results.get(1);
    assertThat(correlation.get("ruleId").asText()).isEqualTo("correlation.log-correlation");
    assertThat(correlation.get("level").asText()).isEqualTo("error");
    assertThat(results.get(2).get("ruleId").asText()).isEqualTo("correlation.orphan-spans");
    JsonNode location = correlation.get("locations").get(0).get("physicalLocation");
    assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("../verdict.json");
    assertThat(location.has("region")).isFalse();
  }

  @Test
  void theVerdictVerifyWritesIsRead() throws Exception {
    Path verdict = tmp.resolve("verdict.json");
    VerdictJson.write(Reports.sample(3), verdict);

    Cli.Run r = Cli.run("check", repo.toString(), "--baseline", writeBaseline(),
        "--verdict", verdict.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out()).contains("FAIL checkout: in-request log correlation 90.0% (9 of 10) is below"
        + " the 99.0% threshold").containsPattern("correlation\\s+3\\s+1\\s");
  }

  @Test
  void aPassingVerdictAndValidOttlPass() throws Exception {
    Path verdict = tmp.resolve("verdict.json");
    Files.writeString(verdict, Files.readString(Cli.FIXTURES.resolve("verdicts/failing.json"))
        .replace("\"passed\" : false", "\"passed\" : true")
        .replace("\"correlatedInRequestLogs\" : 40", "\"correlatedInRequestLogs\" : 50")
        .replace("\"logCorrelation\" : 0.8", "\"logCorrelation\" : 1.0")
        .replace("\"orphanSpans\" : 2", "\"orphanSpans\" : 0"));

    Cli.Run r = Cli.run("check", repo.toString(), "--baseline", writeBaseline(),
        "--verdict", verdict.toString(), "--ottl", Cli.FIXTURES.resolve("ottl/valid.yaml").toString());

    assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).containsPattern("correlation\\s+4\\s+0\\s").containsPattern("ottl\\s+1\\s+0\\s");
  }

  @Test
  void anOttlFileWithoutAnyOttlIsBadInputNotAPass() throws Exception {
    Path empty = tmp.resolve("no-ottl.yaml");
    Files.writeString(empty, "processors:\n  batch: {}\n");

    Cli.Run r = Cli.run("check", repo.toString(), "--baseline", writeBaseline(), "--ottl", empty.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains(empty + ": no OTTL in it");
  }

  @Test
  void anInvalidOttlStatementFailsWithItsIndexAndColumn() throws Exception {
    Path junit = tmp.resolve("junit.xml");
    Path ottl = Cli.copy(Cli.FIXTURES.resolve("ottl"), repo.resolve("deploy/otel"))
        .resolve("transform.yaml");

    Cli.Run r = Cli.run("check", repo.toString(), "--baseline", writeBaseline(),
        "--ottl", ottl.toString(), "--junit", junit.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    String expected = "invalid OTTL at deploy/otel/transform.yaml:8:"
        + " processors.transform/checkout.log_statements[0].statements[1]: column 5: segment";
    assertThat(r.out()).contains("FAIL " + expected);
    Element suite = suite(parseXml(junit).getDocumentElement(), "ottl");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    Element failure = (Element) suite.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).startsWith(expected);
    assertThat(((Element) failure.getParentNode()).getAttribute("name"))
        .isEqualTo("processors.transform/checkout.log_statements[0].statements[1]");
  }

  @Test
  void anUnparseableFileIsReportedAndFailsOnlyWithStrict() throws Exception {
    Files.writeString(repo.resolve("src/main/java/com/acme/billing/Broken.java"),
        "package com.acme.billing;\nclass Broken {\n  void f( {\n}\n");
    String baseline = writeBaseline();

    Cli.Run lenient = Cli.run("check", repo.toString(), "--baseline", baseline);
    assertThat(lenient.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(lenient.out()).contains("Not checked (1):")
        .contains("SKIP not parsed, so not checked: src/main/java/com/acme/billing/Broken.java:3");

    Path junit = tmp.resolve("junit.xml");
    Cli.Run strict = Cli.run("check", repo.toString(), "--baseline", baseline, "--strict",
        "--junit", junit.toString());
    assertThat(strict.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(strict.err()).contains("src/main/java/com/acme/billing/Broken.java:3");
    assertThat(suite(parseXml(junit).getDocumentElement(), "parse").getAttribute("errors"))
        .isEqualTo("1");
  }

  @Test
  void junitAndSarifCanGoToStdout() throws Exception {
    Cli.Run junit = Cli.run("check", repo.toString(), "--format", "junit");
    assertThat(junit.out()).startsWith("<?xml");
    Cli.Run sarif = Cli.run("check", repo.toString(), "--format", "SARIF");
    assertThat(new ObjectMapper().readTree(sarif.out()).get("version").asText()).isEqualTo("2.1.0");
  }

  @Test
  void badOptionsAreUsageErrorsAndBadFilesBadInput() {
    assertThat(Cli.run("check", repo.toString(), "--format", "html").exitCode())
        .isEqualTo(ExitCode.USAGE);
    assertThat(Cli.run("check", repo.toString(), "--fail-on", "everything").exitCode())
        .isEqualTo(ExitCode.USAGE);
    Cli.Run missing = Cli.run("check", repo.toString(), "--baseline", tmp.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(missing.err()).contains("no such baseline");
    Cli.Run notVerdict = Cli.run("check", repo.toString(), "--verdict",
        Cli.FIXTURES.resolve("ottl/valid.yaml").toString());
    assertThat(notVerdict.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void helpHasExamples() {
    Cli.Run r = Cli.run("check", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Examples:").contains("--write-baseline");
  }

  private String writeBaseline() {
    Path baseline = tmp.resolve("accepted.json");
    assertThat(Cli.run("check", repo.toString(), "--write-baseline", baseline.toString()).exitCode())
        .isZero();
    return baseline.toString();
  }

  static Document parseXml(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  static Element suite(Element root, String name) {
    NodeList suites = root.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      if (s.getAttribute("name").equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no testsuite " + name + " in " + suiteNames(root));
  }

  static java.util.List<String> suiteNames(Element root) {
    NodeList suites = root.getElementsByTagName("testsuite");
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < suites.getLength(); i++) {
      names.add(((Element) suites.item(i)).getAttribute("name"));
    }
    return names;
  }
}
