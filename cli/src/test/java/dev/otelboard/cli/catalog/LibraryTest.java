package dev.otelboard.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibraryTest {

  @ParameterizedTest(name = "{0} matches {1}:{2}: {3}")
  @CsvSource({
    "com.squareup.okhttp3:okhttp, com.squareup.okhttp3, okhttp, true",
    "com.squareup.okhttp3:okhttp, com.squareup.okhttp3, okhttp-sse, false",
    "io.zipkin.brave*:*, io.zipkin.brave, brave, true",
    "io.zipkin.brave*:*, io.zipkin.brave.cassandra, brave-cassandra, true",
    "io.zipkin.brave*:*, io.zipkin.reporter2, zipkin-reporter-brave, false",
    "*:*sleuth*, org.springframework.cloud, spring-cloud-sleuth-zipkin, true",
    "*:*sleuth*, org.springframework.cloud, spring-cloud-gateway, false",
    "io.micrometer:micrometer-tracing*, io.micrometer, micrometer-tracing, true",
    "io.micrometer:micrometer-tracing*, io.micrometer, micrometer-core, false",
    "a*b*c:*, abc, x, true",
    "a*b*c:*, aXbYc, x, true",
    "a*b*c:*, acb, x, false",
    "a*b*c:*, ab, x, false",
    "io.opentelemetry*:*, IO.OpenTelemetry, api, false",
  })
  void coordinatesMatchWithWildcards(
      String pattern, String groupId, String artifactId, boolean matches) {
    assertThat(Coordinates.parse(pattern).matches(groupId, artifactId)).isEqualTo(matches);
  }

  @Test
  void coordinatesMatchAnArtifactWhateverTheGroup() {
    Coordinates logback = Coordinates.parse("ch.qos.logback:logback-classic");

    assertThat(logback.matchesArtifact("logback-classic")).isTrue();
    assertThat(logback.matchesArtifact("logback-core")).isFalse();
    assertThat(logback).hasToString("ch.qos.logback:logback-classic");
  }

  @Test
  void coordinatesNeedAGroupAndAnArtifact() {
    assertThatThrownBy(() -> Coordinates.parse("okhttp"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Coordinates.parse(":okhttp"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Coordinates.parse("a:b:c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nestedTypesAreThoseInsideAType() {
    assertThat(new JavaType("io.helidon.webserver.Routing.Builder", JavaType.Role.FLUENT)
        .isNested()).isTrue();
    assertThat(new JavaType("io.helidon.webserver.Routing", JavaType.Role.API).isNested())
        .isFalse();
    assertThat(new JavaType("spark.Spark", JavaType.Role.API).isNested()).isFalse();
  }

  @Test
  void typeFindsOneTypeBySimpleOrQualifiedName() {
    assertThat(LoggingLibraries.LOG4J1.type("LogManager")).isEqualTo("org.apache.log4j.LogManager");
    assertThat(MessagingLibraries.JMS.type("javax.jms.Session")).isEqualTo("javax.jms.Session");
    assertThatThrownBy(() -> MessagingLibraries.JMS.type("Session"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("several types");
    assertThatThrownBy(() -> LoggingLibraries.LOG4J1.type("org.slf4j.Logger"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no type");
  }

  @Test
  void typesNamedTakesJavaxAndJakartaAlike() {
    assertThat(HttpLibraries.SERVLET.typesNamed("HttpServlet"))
        .containsExactlyInAnyOrder(
            "javax.servlet.http.HttpServlet", "jakarta.servlet.http.HttpServlet");
    assertThatThrownBy(() -> HttpLibraries.SERVLET.typesNamed("HttpServlet", "Servlet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servlet has no type named Servlet");
  }

  @Test
  void importsMatchByPrefix() {
    assertThat(TracingLibraries.BRAVE.matchesImport("brave.propagation.B3Propagation")).isTrue();
    assertThat(TracingLibraries.BRAVE.matchesImport("bravo.Thing")).isFalse();
  }

  @Test
  void anIdIsLowerCaseWordsWithDashes() {
    assertThatThrownBy(() -> Library.builder("OkHttp", "OkHttp", LibraryCategory.HTTP_CLIENT)
            .setOnboarding(Onboarding.none(""))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case");
  }

  @Test
  void aManualLibraryNeedsItsReason() {
    assertThatThrownBy(() -> Onboarding.manual(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
