package dev.otelboard.cli.buildfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

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
}
