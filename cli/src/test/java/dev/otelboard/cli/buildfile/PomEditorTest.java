package dev.otelboard.cli.buildfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import org.junit.jupiter.api.Test;

class PomEditorTest {
  static final String BEFORE =
      """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <artifactId>shop</artifactId>

        <properties>
          <maven.compiler.release>17</maven.compiler.release>
        </properties>

        <dependencies>
          <!-- logging -->
          <dependency>
            <groupId>org.slf4j</groupId>
            <artifactId>slf4j-api</artifactId>
            <version>2.0.17</version>
          </dependency>
          <dependency>
            <groupId>org.junit.jupiter</groupId>
            <artifactId>junit-jupiter</artifactId>
            <scope>test</scope>
          </dependency>
        </dependencies>
      </project>
      """;

  static PomEditor edit(String pom) throws XmlParseException {
    return PomEditor.of(pom)
        .addProperty("opentelemetry.version", "1.68.0")
        .importBom(MavenDependency.bom("io.opentelemetry", "opentelemetry-bom",
            "${opentelemetry.version}"))
        .addDependency(MavenDependency.managed("io.opentelemetry", "opentelemetry-api"))
        .addDependency(MavenDependency.runtime("io.opentelemetry",
            "opentelemetry-exporter-sender-jdk"));
  }

  @Test
  void addsPropertyBomAndDependenciesBeforeTheTestDependencies() throws Exception {
    PomEditor editor = edit(BEFORE);
    assertThat(editor.text())
        .isEqualTo(
            """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <artifactId>shop</artifactId>

              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <opentelemetry.version>1.68.0</opentelemetry.version>
              </properties>

              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>io.opentelemetry</groupId>
                    <artifactId>opentelemetry-bom</artifactId>
                    <version>${opentelemetry.version}</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>

              <dependencies>
                <!-- logging -->
                <dependency>
                  <groupId>org.slf4j</groupId>
                  <artifactId>slf4j-api</artifactId>
                  <version>2.0.17</version>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry</groupId>
                  <artifactId>opentelemetry-api</artifactId>
                </dependency>
                <dependency>
                  <groupId>io.opentelemetry</groupId>
                  <artifactId>opentelemetry-exporter-sender-jdk</artifactId>
                  <scope>runtime</scope>
                </dependency>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <scope>test</scope>
                </dependency>
              </dependencies>
            </project>
            """);
    assertThat(editor.edits()).extracting(PomEditor.Edit::line).containsExactly(7, 12, 29, 33);
  }

  @Test
  void applyingTwiceChangesNothingAndNeverDuplicates() throws Exception {
    String once = edit(BEFORE).text();
    PomEditor twice = edit(once);
    assertThat(twice.text()).isEqualTo(once);
    assertThat(twice.edits()).isEmpty();
  }

  @Test
  void anExistingDependencyWithItsOwnVersionIsKept() throws Exception {
    String pom = BEFORE.replace("slf4j-api", "opentelemetry-api").replace("org.slf4j",
        "io.opentelemetry");
    PomEditor editor =
        PomEditor.of(pom).addDependency(MavenDependency.managed("io.opentelemetry",
            "opentelemetry-api"));
    assertThat(editor.text()).isEqualTo(pom);
  }

  @Test
  void aMalformedPomIsRefusedWithItsLine() {
    assertThatThrownBy(() -> PomEditor.of("<project>\n<dependencies>\n</project>\n"))
        .isInstanceOf(XmlParseException.class)
        .satisfies(e -> assertThat(((XmlParseException) e).line()).isEqualTo(3));
  }
  @Test
  void removesADependencyWithItsLinesAndOnlyFromTheDependencies() throws Exception {
    String pom =
        """
        <project>
          <dependencyManagement>
            <dependencies>
              <dependency>
                <groupId>io.opentracing</groupId>
                <artifactId>opentracing-api</artifactId>
                <version>0.33.0</version>
              </dependency>
            </dependencies>
          </dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>io.opentracing</groupId>
              <artifactId>opentracing-api</artifactId>
            </dependency>
            <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></dependency>
          </dependencies>
        </project>
        """;

    PomEditor editor = PomEditor.of(pom).removeDependency("io.opentracing", "opentracing-api");

    assertThat(editor.text())
        .isEqualTo(
            """
            <project>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>io.opentracing</groupId>
                    <artifactId>opentracing-api</artifactId>
                    <version>0.33.0</version>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></dependency>
              </dependencies>
            </project>
            """);
    assertThat(editor.edits())
        .extracting(PomEditor.Edit::line, PomEditor.Edit::what)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(12, "removed dependency io.opentracing:opentracing-api"));
    PomEditor again = PomEditor.of(editor.text()).removeDependency("io.opentracing", "opentracing-api");
    assertThat(again.text()).isEqualTo(editor.text());
    assertThat(again.edits()).isEmpty();
  }
}
