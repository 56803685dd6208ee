package dev.otelboard.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.rewrite.RewriteId;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibraryCatalogTest {

  @Test
  void idsAndNamesAreUnique() {
    List<String> ids = LibraryCatalog.all().stream().map(Library::id).toList();
    List<String> names = LibraryCatalog.all().stream().map(Library::name).toList();

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(names).doesNotHaveDuplicates();
  }

  @Test
  void everyEntryIsListedOnce() throws IllegalAccessException {
    List<Library> constants = new ArrayList<>();
    for (Class<?> holder : List.of(LoggingLibraries.class, HttpLibraries.class,
        MessagingLibraries.class, TracingLibraries.class)) {
      for (Field field : holder.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == Library.class) {
          constants.add((Library) field.get(null));
        }
      }
    }

    assertThat(LibraryCatalog.all()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        constants);
  }

  @Test
  void aTypeBelongsToOneLibrary() {
    Set<String> seen = new HashSet<>();
    for (Library library : LibraryCatalog.all()) {
      for (String type : library.typeNames()) {
        assertThat(seen.add(type)).as("%s in two libraries", type).isTrue();
      }
    }
  }

  @Test
  void theCatalogCannotBeChanged() {
    assertThatThrownBy(() -> LibraryCatalog.all().add(HttpLibraries.OKHTTP))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> HttpLibraries.OKHTTP.types().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> LoggingLibraries.LOGBACK.onboarding().artifacts().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "okhttp3.OkHttpClient, okhttp",
    "org.slf4j.Logger, slf4j",
    "lombok.extern.slf4j.Slf4j, slf4j",
    "org.apache.logging.log4j.core.Logger, log4j2",
    "jakarta.ws.rs.GET, jaxrs",
    "jakarta.ws.rs.client.ClientBuilder, jaxrs-client",
    "io.helidon.webserver.Routing.Builder, helidon",
    "reactor.core.publisher.Mono, spring-webflux",
    "org.springframework.boot.autoconfigure.SpringBootApplication, spring-boot",
    "io.opentelemetry.sdk.OpenTelemetrySdk, opentelemetry-sdk",
  })
  void findsTheLibraryOfAType(String type, String id) {
    assertThat(LibraryCatalog.byType(type)).map(Library::id).hasValue(id);
  }

  @Test
  void anUnknownTypeIsNoLibrary() {
    assertThat(LibraryCatalog.byType("com.acme.Logger")).isEmpty();
    assertThat(LibraryCatalog.byType("Logger")).isEmpty();
  }

  @ParameterizedTest(name = "{0}:{1} -> {2}")
  @CsvSource({
    "com.squareup.okhttp3, okhttp, okhttp",
    "ch.qos.logback, logback-classic, logback",
    "org.springframework.boot, spring-boot-starter-log4j2, log4j2 spring-boot",
    "org.apache.kafka, kafka-clients, kafka-clients",
    "org.springframework, spring-webflux, spring-webclient spring-webflux",
    "io.opentelemetry, opentelemetry-sdk-trace, opentelemetry-sdk opentelemetry-api",
    "io.opentelemetry, opentelemetry-opentracing-shim, opentracing-shim opentelemetry-api",
    "io.opentelemetry.instrumentation, opentelemetry-logback-mdc-1.0, opentelemetry-api",
    "io.micrometer, micrometer-tracing-bridge-otel, micrometer-tracing-otel micrometer-tracing",
    "io.zipkin.brave, brave-instrumentation-http, brave",
    "io.zipkin.brave, brave-sleuth, brave sleuth",
    "org.springframework.cloud, spring-cloud-starter-sleuth, sleuth",
    "io.opentracing.contrib, opentracing-spring-web, opentracing",
    "com.datadoghq, dd-trace-api, dd-trace",
  })
  void findsTheLibrariesOfADependencyMostSpecificFirst(
      String groupId, String artifactId, String ids) {
    assertThat(LibraryCatalog.byCoordinates(groupId, artifactId))
        .map(Library::id)
        .containsExactly(ids.split(" "));
  }

  @Test
  void anUnknownDependencyIsNoLibrary() {
    assertThat(LibraryCatalog.byCoordinates("com.acme", "orders-api")).isEmpty();
    assertThat(LibraryCatalog.byCoordinates("org.springframework.boot", "spring-boot"))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "io.opentelemetry.sdk.trace.SdkTracerProvider, opentelemetry-sdk",
    "io.opentelemetry.api.trace.Span, opentelemetry-api",
    "brave.Tracer, brave",
    "io.micrometer.tracing.Tracer, micrometer-tracing",
    "datadog.opentracing.DDTracer, dd-trace",
    "co.elastic.apm.api.ElasticApm, elastic-apm",
    "javax.jms.Session, jms",
  })
  void findsTheLibraryOfAnImport(String importName, String id) {
    assertThat(LibraryCatalog.byImport(importName)).map(Library::id).hasValue(id);
  }

  @Test
  void anImportOutsideEveryPackageIsNoLibrary() {
    assertThat(LibraryCatalog.byImport("bravenewworld.Huxley")).isEmpty();
    assertThat(LibraryCatalog.byImport("io.micrometer.core.instrument.Counter")).isEmpty();
  }

  @Test
  void findsALibraryById() {
    assertThat(LibraryCatalog.byId("kafka-clients")).hasValue(MessagingLibraries.KAFKA_CLIENTS);
    assertThat(LibraryCatalog.byId("kafka")).isEmpty();
  }

  @Test
  void categoriesKeepCatalogOrder() {
    assertThat(LibraryCatalog.inCategory(LibraryCategory.VENDOR_TRACER))
        .map(Library::id)
        .containsExactly("micrometer-tracing", "brave", "sleuth", "opentracing", "dd-trace",
            "newrelic", "elastic-apm");
  }

  @Test
  void everyCategoryHasLibraries() {
    for (LibraryCategory category : LibraryCategory.values()) {
      assertThat(LibraryCatalog.inCategory(category)).as(category.name()).isNotEmpty();
    }
  }

  @Test
  void onboardingNamesRewritesOnboardHas() {
    Set<String> known = new HashSet<>();
    for (RewriteId id : RewriteId.values()) {
      known.add(id.id());
    }

    for (Library library : LibraryCatalog.all()) {
      assertThat(known).as(library.id()).contains(library.onboarding().rewrite());
    }
  }

  @Test
  void manualLibrariesSayWhatToDoAndAddNothing() {
    for (Library library : LibraryCatalog.all()) {
      if (library.onboarding().isManual()) {
        assertThat(library.onboarding().note()).as(library.id()).isNotBlank();
        assertThat(library.onboarding().artifacts()).as(library.id()).isEmpty();
      }
    }
  }

  @Test
  void onboardAddsOpenTelemetryInstrumentationArtifacts() {
    assertThat(LibraryCatalog.all().stream().flatMap(l -> l.onboarding().artifacts().stream()))
        .isNotEmpty()
        .allSatisfy(a -> {
          assertThat(a.groupId()).isEqualTo("io.opentelemetry.instrumentation");
          assertThat(a.artifactId()).startsWith("opentelemetry-");
        });
    assertThat(LoggingLibraries.LOGBACK.onboarding().artifacts())
        .containsExactly(
            new Artifact("io.opentelemetry.instrumentation",
                "opentelemetry-logback-appender-1.0", false),
            new Artifact("io.opentelemetry.instrumentation",
                "opentelemetry-logback-mdc-1.0", true));
  }

  @Test
  void everyLoggingLibraryHasALoggerAndLombokAnnotationsOnlyWithOne() {
    for (Library library : LibraryCatalog.all()) {
      if (library.category() == LibraryCategory.LOGGING) {
        assertThat(library.types(JavaType.Role.LOGGER)).as(library.id()).isNotEmpty();
      } else {
        assertThat(library.types(JavaType.Role.LOGGER)).as(library.id()).isEmpty();
        assertThat(library.types(JavaType.Role.LOMBOK_LOGGER)).as(library.id()).isEmpty();
      }
    }
  }

  @Test
  void factoriesBelongToTheirLibrarysTypes() {
    for (Library library : LibraryCatalog.all()) {
      for (FactoryMethod factory : library.factories()) {
        assertThat(library.typeNames()).as(factory.key()).contains(factory.type());
        if (!factory.returns().isEmpty()) {
          assertThat(library.typeNames()).as(factory.key()).contains(factory.returns());
        }
      }
    }
  }

  @Test
  void slf4jProvidersAreBackendsOrSpringBootStarters() {
    assertThat(LibraryCatalog.slf4jProviders())
        .map(Coordinates::toString)
        .contains("ch.qos.logback:logback-classic", "org.slf4j:slf4j-simple",
            "org.springframework.boot:spring-boot-starter-web")
        .doesNotContain("org.apache.logging.log4j:log4j-core");
  }
}
