package dev.otelboard.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicrometerBridgeTest {
  private static final String BOOT3_BRAVE =
      """
      <project>
        <parent>
          <groupId>org.springframework.boot</groupId>
          <artifactId>spring-boot-starter-parent</artifactId>
          <version>3.3.5</version>
        </parent>
        <artifactId>orders</artifactId>
        <dependencies>
          <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-actuator</artifactId>
          </dependency>
          <dependency>
            <groupId>io.micrometer</groupId>
            <artifactId>micrometer-tracing-bridge-brave</artifactId>
          </dependency>
          <dependency>
            <groupId>io.zipkin.reporter2</groupId>
            <artifactId>zipkin-reporter-brave</artifactId>
            <version>3.4.2</version>
          </dependency>
        </dependencies>
      </project>
      """;

  private static final String BOOT3_OTEL =
      """
      <project>
        <parent>
          <groupId>org.springframework.boot</groupId>
          <artifactId>spring-boot-starter-parent</artifactId>
          <version>3.3.5</version>
        </parent>
        <artifactId>orders</artifactId>
        <dependencies>
          <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-actuator</artifactId>
          </dependency>
          <dependency>
            <groupId>io.micrometer</groupId>
            <artifactId>micrometer-tracing-bridge-otel</artifactId>
          </dependency>
          <dependency>
            <groupId>io.opentelemetry</groupId>
            <artifactId>opentelemetry-exporter-otlp</artifactId>
          </dependency>
        </dependencies>
      </project>
      """;

  @Test
  void theBraveBridgeAndZipkinsReporterBecomeOpenTelemetrysAndASecondRunChangesNothing()
      throws Exception {
    MicrometerBridge.Swap swap = MicrometerBridge.swap(BOOT3_BRAVE, true, "1.68.0").orElseThrow();

    assertThat(swap.pom()).isEqualTo(BOOT3_OTEL);
    assertThat(swap.edits()).extracting(MicrometerBridge.Edit::line).containsExactly(13, 17);
    assertThat(MicrometerBridge.swap(swap.pom(), true, "1.68.0")).isEmpty();
    assertThat(MicrometerBridge.bridgesToBrave(swap.pom())).isFalse();
  }

  @Test
  void withoutSpringBootsDependencyManagementTheExporterGetsAVersionAndTheBridgeKeepsItsOwn()
      throws Exception {
    String before =
        """
        <project>
          <artifactId>orders</artifactId>
          <dependencies>
            <dependency>
              <groupId>io.micrometer</groupId>
              <artifactId>micrometer-tracing-bridge-brave</artifactId>
              <version>1.3.5</version>
            </dependency>
            <dependency>
              <groupId>io.zipkin.reporter2</groupId>
              <artifactId>zipkin-reporter-brave</artifactId>
              <version>3.4.2</version>
            </dependency>
          </dependencies>
        </project>
        """;
    String after =
        """
        <project>
          <artifactId>orders</artifactId>
          <dependencies>
            <dependency>
              <groupId>io.micrometer</groupId>
              <artifactId>micrometer-tracing-bridge-otel</artifactId>
              <version>1.3.5</version>
            </dependency>
            <dependency>
              <groupId>io.opentelemetry</groupId>
              <artifactId>opentelemetry-exporter-otlp</artifactId>
              <version>1.68.0</version>
            </dependency>
          </dependencies>
        </project>
        """;

    Optional<MicrometerBridge.Swap> swap = MicrometerBridge.swap(before, false, "1.68.0");

    assertThat(swap).map(MicrometerBridge.Swap::pom).contains(after);
    assertThat(MicrometerBridge.swap(after, false, "1.68.0")).isEmpty();
  }

  @Test
  void aPomWithoutTheBraveBridgeIsLeftAlone() throws Exception {
    assertThat(MicrometerBridge.swap(BOOT3_OTEL, true, "1.68.0")).isEmpty();
    assertThat(MicrometerBridge.bridgesToBrave(BOOT3_BRAVE)).isTrue();
  }
}
