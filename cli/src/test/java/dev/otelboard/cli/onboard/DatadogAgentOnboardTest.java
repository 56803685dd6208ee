package dev.otelboard.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.config.OtelboardConfig.Mode;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Onboard over a service whose Dockerfile starts dd-java-agent: agent mode and SDK mode. */
class DatadogAgentOnboardTest {
  private static final String DOCKERFILE =
      """
      FROM eclipse-temurin:17-jre
      ADD https://dtdg.co/latest-java-tracer /dd-java-agent.jar
      ENV DD_SERVICE=shop
      COPY target/shop.jar /shop.jar
      ENTRYPOINT ["java", "-javaagent:/dd-java-agent.jar", "-jar", "/shop.jar"]
      """;

  private final OnboardFixture fixture = new OnboardFixture("/work/shop");
  private final Path root = fixture.root();
  private final OnboardService service = fixture.service();

  @BeforeEach
  void createFileSystem() throws Exception {
    fixture.write("pom.xml", """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <artifactId>shop</artifactId>
        </project>
        """);
    fixture.write("src/main/java/com/example/shop/Shop.java", """
        package com.example.shop;

        public final class Shop {
          public static void main(String[] args) {}
        }
        """);
    fixture.write("Dockerfile", DOCKERFILE);
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void agentModeStartsTheOpenTelemetryJavaagentWhereDatadogsWasAndShowsItInTheDiff()
      throws Exception {
    OnboardOptions agent =
        new OnboardOptions(Mode.AGENT, null, OnboardOptions.HttpLibrary.AUTO, false);

    OnboardPlan plan = service.plan(root, agent);

    assertThat(plan.diff())
        .contains("-ENTRYPOINT [\"java\", \"-javaagent:/dd-java-agent.jar\", \"-jar\", \"/shop.jar\"]",
            "+ENTRYPOINT [\"java\", \"-javaagent:/opentelemetry-javaagent.jar\", \"-jar\", "
                + "\"/shop.jar\"]",
            "+ENV OTEL_SERVICE_NAME=shop");
    assertThat(plan.changes()).filteredOn(c -> c.rewriteId() == RewriteId.MIGRATE_DATADOG_AGENT)
        .extracting(Change::file, Change::line)
        .contains(org.assertj.core.groups.Tuple.tuple("Dockerfile", 5),
            org.assertj.core.groups.Tuple.tuple("Dockerfile", 3));
    service.apply(root, plan);
    assertThat(Files.readString(root.resolve("Dockerfile"))).doesNotContain("dd-java-agent");
    OnboardPlan second = service.plan(root, agent);
    assertThat(second.edits()).as("a second onboard changes nothing").isEmpty();
  }

  @Test
  void sdkModeLeavesTheDockerfileAndSaysWhereTheDatadogAgentStarts() throws Exception {
    OnboardPlan plan = service.plan(root, OnboardOptions.defaults());

    assertThat(plan.edits()).extracting(FileEdit::path).doesNotContain("Dockerfile");
    assertThat(plan.manual()).filteredOn(m -> m.rewriteId() == RewriteId.MIGRATE_DATADOG_AGENT)
        .extracting(ManualItem::file, ManualItem::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Dockerfile", 5));
  }
}
