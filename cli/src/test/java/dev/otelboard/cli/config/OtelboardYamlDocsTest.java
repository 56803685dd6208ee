package dev.otelboard.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.otelboard.cli.fleet.Fleet;
import dev.otelboard.cli.fleet.FleetException;
import dev.otelboard.cli.fleet.FleetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/otelboard-yaml.md documents every key of otelboard.yaml in one example; this test holds the
 * example, the JSON Schema beside it and the readers to one another.
 */
class OtelboardYamlDocsTest {
  private static final Path DOC = Path.of("../docs/otelboard-yaml.md");
  private static final Path SCHEMA = Path.of("../docs/otelboard-yaml.schema.json");
  private static final Pattern BLOCK_KEY = Pattern.compile("^(\\s*(?:- )?)([A-Za-z_]+):");

  @TempDir Path tmp;

  private static String example() throws IOException {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    return doc.substring(start, doc.indexOf("```", start));
  }

  private Path serviceWith(String yaml) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("svc-" + Integer.toHexString(yaml.hashCode())));
    Files.writeString(dir.resolve(OtelboardConfig.FILE_NAME), yaml);
    return dir;
  }

  @Test
  void everyDocumentedKeyParsesWithTheValueWritten() throws IOException {
    String yaml = example();

    OtelboardConfig config = OtelboardConfig.parse(Path.of(OtelboardConfig.FILE_NAME), yaml);
    Fleet fleet = FleetReader.readService(serviceWith(yaml));

    assertThat(config.serviceName()).isEqualTo("checkout-service");
    assertThat(config.mode()).isEqualTo(OtelboardConfig.Mode.SDK);
    assertThat(config.verify()).isEqualTo(new OtelboardConfig.Verify(0.99, 0));
    assertThat(config.generate().keySet()).isEqualTo(FleetReader.GENERATE_KEYS);
    Fleet.Service s = fleet.services().get(0);
    assertThat(s.name()).isEqualTo(config.serviceName());
    assertThat(s.namespace()).isEqualTo("shop");
    assertThat(s.environment()).isEqualTo("production");
    assertThat(s.healthCheckPaths()).containsExactly("/health");
    assertThat(s.redactKeys()).containsExactly("password");
    assertThat(fleet.datadog().site()).isEqualTo("datadoghq.com");
    assertThat(fleet.backends()).extracting(Fleet.Backend::name).containsExactly("tempo");
  }

  @Test
  void theSchemaAcceptsTheExampleAndNamesExactlyTheKeysTheReadersKnow() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode schemaNode = json.readTree(SCHEMA.toFile());
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaNode);
    Object example = new Yaml().load(example());

    assertThat(schema.validate(json.valueToTree(example))).isEmpty();
    assertThat(names(schemaNode.path("properties"))).isEqualTo(OtelboardConfig.KEYS);
    assertThat(names(schemaNode.at("/properties/verify/properties"))).isEqualTo(OtelboardConfig.VERIFY_KEYS);
    assertThat(names(schemaNode.at("/properties/generate/properties"))).isEqualTo(FleetReader.GENERATE_KEYS);
    assertThat(schema.validate(json.valueToTree(new Yaml().load("service_name: a\nmod: sdk\n")))).isNotEmpty();
  }

  private static Set<String> names(JsonNode properties) {
    Set<String> names = new HashSet<>();
    for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  /** One test per documented key: the key misspelt must be named with its line and the fix. */
  @TestFactory
  Stream<DynamicTest> everyMisspeltKeyIsNamedWithFileLineAndDidYouMean() throws IOException {
    String[] lines = example().split("\n", -1);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = BLOCK_KEY.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      String key = m.group(2);
      int lineNo = i + 1;
      String[] misspelt = lines.clone();
      misspelt[i] = m.group(1) + key + key.charAt(key.length() - 1) + lines[i].substring(m.end() - 1);
      String yaml = String.join("\n", misspelt);
      tests.add(DynamicTest.dynamicTest(key + " (line " + lineNo + ")", () -> {
        Path dir = serviceWith(yaml);
        Path file = dir.resolve(OtelboardConfig.FILE_NAME);
        assertThatThrownBy(() -> FleetReader.readService(dir))
            .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.problems())
                .anySatisfy(p -> assertThat(p)
                    .startsWith(file + ":" + lineNo + ": ")
                    .contains("did you mean " + key + "?")));
      }));
    }
    assertThat(tests).hasSizeGreaterThan(40);
    return tests.stream();
  }

  @Test
  void misspeltTopLevelAndVerifyKeysStopEveryCommandThatReadsTheFile() {
    String yaml = "service_name: a\nmode: sdk\nverify:\n  min_log_corelation: 0.9\n";
    assertThatThrownBy(() -> OtelboardConfig.parse(Path.of("otelboard.yaml"), yaml))
        .hasMessageStartingWith("otelboard.yaml:4: ")
        .hasMessageContaining("verify.min_log_corelation: unknown key (did you mean min_log_correlation?)");
  }
}
