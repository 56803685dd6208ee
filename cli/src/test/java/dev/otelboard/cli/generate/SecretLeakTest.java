package dev.otelboard.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.fleet.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No generated file ever holds a credential: keys come from Secrets through ${env:...}. */
class SecretLeakTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fleet-one.yaml", "fleet-three.yaml", "../../../../../examples/otelboard-fleet.yaml"})
  void generatedFilesHoldNoKeyLikeValues(String fleet) {
    HelmValuesGenerator.Output values = new HelmValuesGenerator(Fixtures.VERSION)
        .generate(Fixtures.fleet(fleet), null);
    List<String> texts = new ArrayList<>();
    texts.add(values.values());
    texts.addAll(values.agentEnvs().values());
    texts.add(new TransformGenerator(Fixtures.VERSION).generate(Fixtures.fleet(fleet)).text());

    for (String text : texts) {
      assertThat(SecretScanner.scan(text)).isEmpty();
      assertThat(text).doesNotContainPattern("(?i)(api[_-]?key|token|authorization|team)\\s*:\\s*(?!\\$\\{env:)[A-Za-z0-9]{16,}");
    }
    assertThat(values.values()).contains("key: ${env:DD_API_KEY}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "      key: 3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e4b6d8f0a",
      "    api_key: abcdef",
      "        x-honeycomb-team: hcaik_01hq8z2v6r4k7m9n3p5s8t0w2y4",
      "        authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature",
      "    endpoint: https://user:s3cr3t@otlp.example.com:4318",
      "    token: ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"})
  void theScannerCatchesPlantedKeys(String line) {
    String text = new HelmValuesGenerator(Fixtures.VERSION)
        .generate(Fixtures.fleet("fleet-one.yaml"), null).values() + line + "\n";

    assertThat(SecretScanner.scan(text)).isNotEmpty();
  }
}
