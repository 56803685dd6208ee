package dev.otelboard.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Onboard plans the whole change and writes it as one unit: when a part the rest depends on can't
 * be made, the tree is byte-identical afterwards; files that only fail to parse are listed and the
 * rest is written.
 */
class AllOrNothingTest {
  private final OnboardFixture fixture = new OnboardFixture("/work/shop");
  private final Path project = fixture.root();
  private final OnboardService service = fixture.service();

  @BeforeEach
  void createProject() throws Exception {
    fixture.write("pom.xml", OnboardServiceTest.POM);
    fixture.write("src/main/java/com/example/shop/Shop.java", OnboardServiceTest.MAIN);
    fixture.write("src/main/resources/logback.xml", LogbackFixture.LOGBACK);
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  private void assertRefusedAndUntouched(String blockedFile) throws IOException {
    Map<String, String> before = fixture.tree();
    OnboardPlan plan = service.plan(project, OnboardOptions.defaults());

    assertThat(plan.writable()).isFalse();
    assertThat(plan.blockers()).first().satisfies(b -> {
      assertThat(b.file()).isEqualTo(blockedFile);
      assertThat(b.line()).isPositive();
    });
    assertThat(plan.edits()).as("the rest was planned, so the summary can say what was held back")
        .isNotEmpty();
    assertThatThrownBy(() -> service.apply(project, plan))
        .isInstanceOfSatisfying(OtelboardException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageContaining(blockedFile + ":")
        .hasMessageContaining("onboard wrote nothing");
    assertThat(fixture.tree()).isEqualTo(before);
  }

  @Test
  void aPomThatIsNotWellFormedLeavesTheTreeByteIdentical() throws IOException {
    fixture.write("pom.xml", OnboardServiceTest.POM.replace("</dependencies>", ""));

    assertRefusedAndUntouched("pom.xml");
  }

  @Test
  void aLogbackConfigThatMustChangeButDoesNotParseLeavesTheTreeByteIdentical() throws IOException {
    fixture.write("src/main/resources/logback.xml", LogbackFixture.LOGBACK.replace("</appender>", ""));

    assertRefusedAndUntouched("src/main/resources/logback.xml");
  }

  @Test
  void aHandWrittenFileWhereOnboardMustGenerateOneLeavesTheTreeByteIdentical() throws IOException {
    fixture.write("src/main/java/com/example/shop/OtelBootstrap.java", "package com.example.shop;\nclass OtelBootstrap {}\n");

    assertRefusedAndUntouched("src/main/java/com/example/shop/OtelBootstrap.java");
  }

  @Test
  void anUnparseableFileNoRewriteNeededIsListedAndTheRestIsWritten() throws IOException {
    String broken = "package com.example.shop;\n\nclass Notes {\n  int x = \n}\n";
    fixture.write("src/main/java/com/example/shop/Notes.java", broken);

    OnboardPlan plan = service.plan(project, OnboardOptions.defaults());
    service.apply(project, plan);

    assertThat(plan.complete()).isFalse();
    assertThat(plan.failures()).singleElement().satisfies(f -> {
      assertThat(f.file()).isEqualTo("src/main/java/com/example/shop/Notes.java");
      assertThat(f.line()).isEqualTo(4);
    });
    assertThat(Files.readString(project.resolve("src/main/java/com/example/shop/Notes.java"))).isEqualTo(broken);
    assertThat(Files.readString(project.resolve("pom.xml"))).contains("opentelemetry");
  }
}
