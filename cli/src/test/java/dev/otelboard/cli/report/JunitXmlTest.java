package dev.otelboard.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.report.JunitXml.Status;
import dev.otelboard.cli.report.JunitXml.TestCase;
import dev.otelboard.cli.report.JunitXml.TestSuite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** JUnit XML that CI test reporters accept: well-formed, escaped, counted on every level. */
class JunitXmlTest {
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void countsAreOnTheRootAndEverySuite() throws Exception {
    String xml = JunitXml.toXml("otelboard check", List.of(
        new TestSuite("http-client", List.of(
            new TestCase("ok", "otelboard.check.http-client", "A.java", 3, Status.PASSED, null, null, null, null),
            new TestCase("bad", "otelboard.check.http-client", "B.java", 4, Status.FAILED, "m", "rule", "B.java:4", null),
            new TestCase("old", "otelboard.check.http-client", "C.java", 5, Status.SKIPPED, "baselined", null, null, null))),
        new TestSuite("parse", List.of(
            new TestCase("D.java", "otelboard.check.parse", "D.java", 0, Status.ERROR, "not parsed", "parse", null, null))),
        new TestSuite("messaging", List.of())));

    Element root = parse(xml).getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("4");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    Element http = (Element) root.getElementsByTagName("testsuite").item(0);
    assertThat(http.getAttribute("tests")).isEqualTo("3");
    assertThat(http.getAttribute("failures")).isEqualTo("1");
    assertThat(http.getAttribute("skipped")).isEqualTo("1");
    Element messaging = (Element) root.getElementsByTagName("testsuite").item(2);
    assertThat(messaging.getAttribute("tests")).isEqualTo("0");
    Element parseCase = (Element) ((Element) root.getElementsByTagName("testsuite").item(1))
        .getElementsByTagName("testcase").item(0);
    assertThat(parseCase.hasAttribute("line")).isFalse();
    assertThat(parseCase.getElementsByTagName("error").getLength()).isEqualTo(1);
  }

  @Test
  void markupQuotesAndControlCharactersCannotBreakTheDocument() throws Exception {
    String nasty = "if (a < b && c > \"d\") { log.info('x'); } ]]> \u0000\u0007\u001b[31m \ud83d\ude80 \ud800";
    String xml = JunitXml.toXml("n", List.of(new TestSuite("s", List.of(
        new TestCase(nasty, "c", "F<1>.java", 1, Status.FAILED, nasty, "t", nasty, nasty)))));

    Element testcase = (Element) parse(xml).getElementsByTagName("testcase").item(0);
    String expected = "if (a < b && c > \"d\") { log.info('x'); } ]]> [31m \ud83d\ude80 ";
    assertThat(testcase.getAttribute("name")).isEqualTo(expected);
    assertThat(testcase.getAttribute("file")).isEqualTo("F<1>.java");
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo(expected);
    assertThat(failure.getTextContent()).isEqualTo(expected);
    assertThat(testcase.getElementsByTagName("system-out").item(0).getTextContent())
        .isEqualTo(expected);
  }
}
