package dev.otelboard.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as a credential, and what does not. */
class SecretScannerTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "0f3c9a7d21b84e6c9a5f3b1d7e2c8a4f",
      "AKIAIOSFODNN7EXAMPLE",
      "Bearer 7Hq2mXk9PzR4tLw8",
      "https://user:p4ss@collector.example:4318",
      "hcaik_01hq8z2v6r4k7m9n3p5s8t0w2y4"})
  void looksLikeACredential(String value) {
    assertThat(SecretScanner.looksLikeCredential(value)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "${env:DD_API_KEY}",
      "otel/opentelemetry-collector-contrib",
      "tempo-distributor.observability.svc:4317",
      "TraceID(0x00000000000000000000000000000000)",
      "resource.attributes[\"deployment.environment.name\"]",
      "http://$(NODE_IP):4318"})
  void doesNotLookLikeACredential(String value) {
    assertThat(SecretScanner.looksLikeCredential(value)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"authorization", "x-api-key", "x-honeycomb-team", "DD-API-KEY"})
  void credentialHeaders(String name) {
    assertThat(SecretScanner.isCredentialHeader(name)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"x-scope-orgid", "content-type"})
  void ordinaryHeaders(String name) {
    assertThat(SecretScanner.isCredentialHeader(name)).isFalse();
  }
}
