package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code otelboard scan} end to end through {@link Main#run}: output and exit codes. */
class ScanCommandTest {
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private void write(String path, String text) throws Exception {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private void service() throws Exception {
    write("pom.xml", "<project><artifactId>svc</artifactId></project>\n");
    write("src/main/java/a/Main.java", """
        package a;

        import java.net.http.HttpClient;

        public class Main {
          public static void main(String[] args) {
            HttpClient client = HttpClient.newHttpClient();
          }
        }
        """);
  }

  @Test
  void textReportOnStdoutExitZero() throws Exception {
    service();
    Run r = run("scan", dir.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("otelboard scan of " + dir)
        .contains("1 module (1 Maven), 1 service")
        .contains("Coverage: 0% (0 of 1 places that need trace context are instrumented)")
        .contains("http client")
        .contains("src/main/java/a/Main.java:7:25  http.client.java-net-http  "
            + "java.net.http.HttpClient.newHttpClient  -> wrap-java-http-client");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void jsonReportParsesAndCarriesTheSchemaVersion() throws Exception {
    service();
    Run r = run("scan", dir.toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.at("/findings/0/kind").asText()).isEqualTo("http.client.java-net-http");
    assertThat(json.at("/services/0/mainClass").asText()).isEqualTo("a.Main");
  }

  @Test
  void sarifReportToAFile() throws Exception {
    service();
    Path report = dir.resolve("out/scan.sarif");
    Files.createDirectories(report.getParent());
    Run r = run("scan", dir.toString(), "--format", "sarif", "--output", report.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("sarif report written to");
    JsonNode sarif = new ObjectMapper().readTree(Files.readString(report));
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode result = sarif.at("/runs/0/results/0");
    assertThat(result.get("ruleId").asText()).isEqualTo("http.client.java-net-http");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
  }

  @Test
  void unparseableFileIsListedExitZeroAndStrictExitsThreeWithFileAndLine() throws Exception {
    service();
    write("src/main/java/a/Broken.java", "package a;\n\nclass Broken {\n  void x( {}\n}\n");
    Run lenient = run("scan", dir.toString());
    assertThat(lenient.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(lenient.out()).contains("Unparseable (1)").contains("src/main/java/a/Broken.java:4: ");

    Run strict = run("scan", dir.toString(), "--strict", "--format", "json");
    assertThat(strict.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(strict.err()).contains("otelboard: src/main/java/a/Broken.java:4: Parse error");
    assertThat(new ObjectMapper().readTree(strict.out()).get("parseFailures")).hasSize(1);
  }

  @Test
  void usageErrors() throws Exception {
    assertThat(run("scan", dir.resolve("missing").toString()).exitCode())
        .isEqualTo(ExitCode.USAGE);
    Run badFormat = run("scan", dir.toString(), "--format", "xml");
    assertThat(badFormat.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(badFormat.err()).contains("--format must be text, json or sarif, not xml");
  }
}
