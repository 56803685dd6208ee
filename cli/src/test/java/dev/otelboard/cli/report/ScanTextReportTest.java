package dev.otelboard.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.scan.RepoScanner;
import dev.otelboard.cli.scan.ScanResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanTextReportTest {
  @TempDir Path dir;

  private void write(String path, String text) throws Exception {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private void service(String name, String body) throws Exception {
    write(name + "/pom.xml", "<project><artifactId>" + name + "</artifactId></project>\n");
    write(name + "/src/main/java/a/Main.java", """
        package a;

        public class Main {
          public static void main(String[] args) {
            %s
          }
        }
        """.formatted(body));
  }

  @Test
  void monorepoGetsOneSectionPerServiceAndTheFindingListIsCapped() throws Exception {
    write("pom.xml", "<project><artifactId>shop</artifactId></project>\n");
    service("orders", "new Thread(() -> {}).start(); new Thread(() -> {}).start();");
    service("billing", "java.net.http.HttpClient.newHttpClient();");
    ScanResult result = RepoScanner.builder().build().scan(dir);
    StringWriter out = new StringWriter();
    ScanTextReport.write(result, new PrintWriter(out), 2);
    String text = out.toString();
    assertThat(text)
        .contains("3 modules (3 Maven), 2 services")
        .contains("Coverage: 0% (0 of 3 places that need trace context are instrumented); "
            + "onboard rewrites 3, 0 manual")
        .contains("  ... and 1 more: --format json lists them all")
        .contains("== service billing (billing, main a.Main)")
        .contains("== service orders (orders, main a.Main)");
    String billing = text.substring(text.indexOf("== service billing"));
    assertThat(billing.substring(0, billing.indexOf("== service orders")))
        .contains("Coverage: 0% (0 of 1 places")
        .contains("http client");
  }

  @Test
  void theForecastNamesEachEntryPointAndClientPerService() throws Exception {
    write("pom.xml", "<project><artifactId>shop</artifactId></project>\n");
    service("orders", "java.net.http.HttpClient.newHttpClient();");
    write("orders/src/main/java/a/Hello.java", """
        package a;

        public class Hello extends javax.servlet.http.HttpServlet {}
        """);
    ScanResult result = RepoScanner.builder().build().scan(dir);
    StringWriter out = new StringWriter();
    ScanTextReport.write(result, new PrintWriter(out));
    String text = out.toString();
    assertThat(text)
        .contains("Forecast (what onboard will instrument; proven only by `otelboard verify`):")
        .contains("  service orders (orders)")
        .contains("    outbound java.net.http HttpClient, java.net.http.HttpClient created"
            + " (orders/src/main/java/a/Main.java:5): will be instrumented by wrap-java-http-client");
    String servlet = "    inbound  Servlet API, Servlet (orders/src/main/java/a/Hello.java:3): ";
    if (dev.otelboard.cli.catalog.HttpLibraries.SERVLET.onboarding().isManual()) {
      assertThat(text).contains(servlet + "not covered: ")
          .contains("    => no SERVER spans in code mode: `otelboard check` fails");
    } else {
      assertThat(text).contains(servlet + "will be instrumented by ");
    }
  }
}
