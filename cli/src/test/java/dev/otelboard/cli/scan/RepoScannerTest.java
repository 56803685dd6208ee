package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoScannerTest {
  private static final String CLIENT = """
      package a;

      class C {
        Object c = java.net.http.HttpClient.newHttpClient();
      }
      """;

  @Test
  void gitignoreBuildOutputAndGeneratedSourcesAreSkipped() {
    ScanResult r = Repo.create()
        .file(".gitignore", "# build output\n/ignored/\n*.tmp.java\n!keep.tmp.java\nlocal/**/x/\n")
        .file("src/main/java/a/C.java", CLIENT)
        .file("ignored/src/main/java/a/C.java", CLIENT)
        .file("src/main/java/a/skip.tmp.java", CLIENT)
        .file("src/main/java/a/keep.tmp.java", CLIENT)
        .file("local/deep/x/C.java", CLIENT)
        .file("sub/.gitignore", "gen/\n")
        .file("sub/gen/C.java", CLIENT)
        .file("target/generated-sources/C.java", CLIENT)
        .file("build/C.java", CLIENT)
        .file(".git/C.java", CLIENT)
        .file("src/main/java/a/build/C.java", CLIENT)
        .file("src/main/java/a/Gen.java", """
            package a;

            @javax.annotation.processing.Generated("protoc")
            class Gen {
              Object c = java.net.http.HttpClient.newHttpClient();
            }
            """)
        .scan();
    assertThat(r.findings()).extracting(Finding::file).containsExactly(
        "src/main/java/a/C.java",
        "src/main/java/a/build/C.java",
        "src/main/java/a/keep.tmp.java");
    assertThat(r.stats().generatedFiles()).isEqualTo(1);
    assertThat(r.stats().javaFiles()).isEqualTo(3);
  }

  @Test
  void gitignoreCanBeTurnedOff() throws Exception {
    Repo repo = Repo.create()
        .file(".gitignore", "ignored/\n")
        .file("ignored/C.java", CLIENT);
    ScanResult r = RepoScanner.builder().setRespectGitignore(false).build().scan(repo.root());
    assertThat(r.findings()).hasSize(1);
  }

  @Test
  void monorepoModulesServicesAndGradle() {
    ScanResult r = Repo.create()
        .file("pom.xml", """
            <project>
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
              </parent>
              <artifactId>platform</artifactId>
              <packaging>pom</packaging>
            </project>
            """)
        .pom("orders", "orders-service", "org.springframework.boot:spring-boot-starter-web")
        .file("orders/src/main/java/com/acme/orders/OrdersApp.java", """
            package com.acme.orders;

            import org.springframework.boot.autoconfigure.SpringBootApplication;

            @SpringBootApplication
            public class OrdersApp {
              public static void main(String[] args) {}
            }
            """)
        .pom("billing", "billing-service")
        .file("billing/src/main/java/com/acme/billing/Main.java", """
            package com.acme.billing;

            public final class Main {
              public static void main(String... args) {
                new Thread(() -> {}).start();
              }
            }
            """)
        .pom("common", "common-lib")
        .file("common/src/main/java/com/acme/common/Util.java", """
            package com.acme.common;

            public final class Util {
              static void main(String[] args) {}
            }
            """)
        .file("legacy/build.gradle", """
            dependencies {
              implementation 'ch.qos.logback:logback-classic:1.5.0'
              // implementation 'io.opentelemetry:opentelemetry-api:1.0.0'
            }
            """)
        .scan();
    assertThat(r.modules()).extracting(m -> m.path() + "=" + m.name() + "/" + m.buildTool())
        .containsExactly("=platform/maven", "billing=billing-service/maven",
            "common=common-lib/maven", "legacy=legacy/gradle",
            "orders=orders-service/maven");
    assertThat(r.services()).containsExactly(
        new ScanResult.Service("billing", "billing-service", "com.acme.billing.Main",
            "billing/src/main/java/com/acme/billing/Main.java", false),
        new ScanResult.Service("common", "common-lib", "com.acme.common.Util",
            "common/src/main/java/com/acme/common/Util.java", false),
        new ScanResult.Service("orders", "orders-service", "com.acme.orders.OrdersApp",
            "orders/src/main/java/com/acme/orders/OrdersApp.java", true));
    assertThat(Repo.detailed(r)).containsExactly(
        "async.thread billing/src/main/java/com/acme/billing/Main.java:5:5 wrap-thread",
        "build.gradle legacy/build.gradle:1:1 manual");
    assertThat(r.findings().get(0).module()).isEqualTo("billing");
    assertThat(r.modules().get(3).loggingFrameworks()).containsExactly("Logback");
    assertThat(r.modules().get(4).loggingFrameworks()).containsExactly("Logback");
  }

  @Test
  void unparseableFilesAreListedWithTheParsersMessageAndTheScanCompletes() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Broken.java", """
            package a;

            class Broken {
              void run() {
                int x = ;
              }
            }
            """)
        .file("src/main/java/a/C.java", CLIENT)
        .scan();
    assertThat(r.parseFailures()).hasSize(1);
    ScanResult.ParseFailure failure = r.parseFailures().get(0);
    assertThat(failure.file()).isEqualTo("src/main/java/a/Broken.java");
    assertThat(failure.line()).isEqualTo(5);
    assertThat(failure.message()).startsWith("Parse error");
    assertThat(r.findings()).hasSize(1);
  }

  @Test
  void modernJavaParses() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Modern.java", """
            package a;

            sealed interface Shape permits Circle, Square {}

            record Circle(double r) implements Shape {}

            record Square(double s) implements Shape {}

            class Modern {
              String describe(Object o) {
                var text = \"""
                    text block
                    \""";
                return switch (o) {
                  case Circle c when c.r() > 1 -> "big circle";
                  case Circle c -> "circle";
                  default -> {
                    yield text == null ? "none" : text + "!";
                  }
                };
              }
            }
            """)
        .scan();
    assertThat(r.parseFailures()).isEmpty();
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads(@TempDir java.nio.file.Path root) throws Exception {
    SyntheticRepo.write(root, 60);
    ScanResult one = RepoScanner.builder().setThreads(1).build().scan(root);
    ScanResult four = RepoScanner.builder().setThreads(4).build().scan(root);
    assertThat(four.findings()).isEqualTo(one.findings());
    assertThat(four.modules()).isEqualTo(one.modules());
    int expected = 0;
    for (int i = 0; i < 60; i++) {
      expected += SyntheticRepo.findingsPerFile(i % SyntheticRepo.FILES_PER_MODULE);
    }
    long javaFindings = one.findings().stream().filter(f -> f.file().endsWith(".java")).count();
    assertThat(javaFindings).isEqualTo(expected);
  }

  @Test
  void testSourceRootsAreTestScope() {
    assertThat(RepoScanner.scopeOf("src/test/java/a/A.java")).isEqualTo(Scope.TEST);
    assertThat(RepoScanner.scopeOf("svc/src/it/java/a/A.java")).isEqualTo(Scope.TEST);
    assertThat(RepoScanner.scopeOf("svc/src/integrationTest/java/A.java")).isEqualTo(Scope.TEST);
    assertThat(RepoScanner.scopeOf("src/test/resources/logback-test.xml")).isEqualTo(Scope.TEST);
    assertThat(RepoScanner.scopeOf("src/main/java/a/test/A.java")).isEqualTo(Scope.MAIN);
    assertThat(RepoScanner.scopeOf("src/main/java/a/A.java")).isEqualTo(Scope.MAIN);
  }
}
