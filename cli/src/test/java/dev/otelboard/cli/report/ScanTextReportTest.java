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
}
