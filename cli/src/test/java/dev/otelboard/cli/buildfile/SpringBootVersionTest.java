package dev.otelboard.cli.buildfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpringBootVersionTest {

  @Test
  void theStarterParentGivesTheVersion() {
    assertThat(SpringBootVersion.major(
            """
            <project>
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
                <version>3.4.5</version>
              </parent>
            </project>
            """))
        .hasValue(3);
  }

  @Test
  void anImportedBomWithAPropertyVersionGivesTheVersion() {
    assertThat(SpringBootVersion.major(
            """
            <project>
              <properties>
                <spring-boot.version>2.7.18</spring-boot.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-dependencies</artifactId>
                    <version>${spring-boot.version}</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>
            </project>
            """))
        .hasValue(2);
  }

  @Test
  void aPomWithoutSpringBootOrAnUnparseableOneSaysNothing() {
    assertThat(SpringBootVersion.major("<project><artifactId>shop</artifactId></project>"))
        .isEqualTo(OptionalInt.empty());
    assertThat(SpringBootVersion.major("<project><parent>")).isEqualTo(OptionalInt.empty());
  }

  @Test
  void thePluginVersionGivesMajorAndMinor() {
    assertThat(SpringBootVersion.of(
            """
            <project>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-maven-plugin</artifactId>
                    <version>2.6.15</version>
                  </plugin>
                </plugins>
              </build>
            </project>
            """))
        .hasValue(new SpringBootVersion.Version(2, 6));
  }

  @ParameterizedTest(name = "Spring Boot {0}.{1}: starter {2}")
  @CsvSource({
    "1, 5, false", "2, 5, false", "2, 6, true", "2, 7, true", "3, 0, false", "3, 1, true",
    "3, 5, true", "4, 0, true"
  })
  void theOpenTelemetryStarterRunsOnSpringBoot26AndUpAnd31AndUp(
      int major, int minor, boolean starter) {
    assertThat(new SpringBootVersion.Version(major, minor).hasOpenTelemetryStarter())
        .isEqualTo(starter);
  }
}
