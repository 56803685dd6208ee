package dev.otelboard.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.otelboard.cli.scan.FindingKind;
import dev.otelboard.cli.scan.RepoScanner;
import dev.otelboard.cli.scan.ScanResult;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON output against the documented schema in docs/scan-schema.json. */
class ScanJsonReportTest {
  private static final Path SCHEMA = Path.of("../docs/scan-schema.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void realOutputValidatesAgainstTheDocumentedSchema() throws Exception {
    JsonNode json = scanFixture();
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(MAPPER.readTree(Files.readString(SCHEMA)));
    List<Error> errors = schema.validate(json);
    assertThat(errors).isEmpty();
    assertThat(json.get("findings").size()).isGreaterThan(5);
    assertThat(json.get("parseFailures")).hasSize(1);
  }

  @Test
  void everyKeyTheOutputHasIsDocumentedAndEveryRequiredKeyIsPresent() throws Exception {
    JsonNode json = scanFixture();
    JsonNode schema = MAPPER.readTree(Files.readString(SCHEMA));
    List<String> problems = new ArrayList<>();
    checkKeys(json, schema, schema, "$", problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void theSchemaListsEveryFindingKind() throws Exception {
    JsonNode kinds = MAPPER.readTree(Files.readString(SCHEMA)).at("/$defs/finding/properties/kind/enum");
    List<String> documented = new ArrayList<>();
    kinds.forEach(k -> documented.add(k.asText()));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(
        java.util.Arrays.stream(FindingKind.values()).map(FindingKind::id).toList());
  }

  /** Each object's keys must be declared properties; each required property must be there. */
  private static void checkKeys(
      JsonNode value, JsonNode schema, JsonNode root, String path, List<String> problems) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText().substring(1);
      checkKeys(value, root.at(ref), root, path, problems);
      return;
    }
    if (value.isObject() && schema.has("properties")) {
      JsonNode properties = schema.get("properties");
      for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!properties.has(key)) {
          problems.add(path + "." + key + " is not documented");
        } else {
          checkKeys(value.get(key), properties.get(key), root, path + "." + key, problems);
        }
      }
      schema.path("required").forEach(r -> {
        if (!value.has(r.asText())) {
          problems.add(path + "." + r.asText() + " is required but missing");
        }
      });
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        checkKeys(value.get(i), schema.get("items"), root, path + "[" + i + "]", problems);
      }
    }
  }

  private JsonNode scanFixture() throws Exception {
    write("pom.xml", "<project><artifactId>svc</artifactId><dependencies><dependency>"
        + "<groupId>ch.qos.logback</groupId><artifactId>logback-classic</artifactId>"
        + "</dependency></dependencies></project>\n");
    write("src/main/resources/logback.xml",
        "<configuration><appender><encoder><pattern>%msg%n</pattern></encoder></appender>"
            + "</configuration>\n");
    write("src/main/java/a/Main.java", """
        package a;

        import java.net.http.HttpClient;
        import java.util.concurrent.Executors;
        import org.slf4j.Logger;
        import org.slf4j.LoggerFactory;

        public class Main {
          static final Logger log = LoggerFactory.getLogger(Main.class);

          public static void main(String[] args) {
            HttpClient client = HttpClient.newHttpClient();
            Executors.newFixedThreadPool(2).submit(() -> log.info("job " + args.length));
            new Thread(() -> {}).start();
            System.out.println("hi");
          }
        }
        """);
    write("src/test/java/a/MainTest.java", """
        package a;

        class MainTest {
          static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("t");
        }
        """);
    write("src/main/java/a/Broken.java", "package a; class Broken {");
    ScanResult result = RepoScanner.builder().build().scan(dir);
    StringWriter out = new StringWriter();
    ScanJsonReport.write(result, "test", out);
    return MAPPER.readTree(out.toString());
  }

  private void write(String path, String text) throws Exception {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
