package dev.otelboard.cli.onboard;

/** A two-module build: a parent with dependencyManagement and one service module. */
final class MultiModuleFixture {
  private MultiModuleFixture() {}

  static final String PARENT =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.example</groupId>
        <artifactId>shop-parent</artifactId>
        <version>1.0.0</version>
        <packaging>pom</packaging>

        <modules>
          <module>orders</module>
        </modules>

        <properties>
          <maven.compiler.release>17</maven.compiler.release>
        </properties>

        <dependencyManagement>
          <dependencies>
            <!-- logging -->
            <dependency>
              <groupId>ch.qos.logback</groupId>
              <artifactId>logback-classic</artifactId>
              <version>1.5.18</version>
            </dependency>
          </dependencies>
        </dependencyManagement>
      </project>
      """;

  static final String MODULE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <parent>
          <groupId>com.example</groupId>
          <artifactId>shop-parent</artifactId>
          <version>1.0.0</version>
        </parent>
        <artifactId>orders</artifactId>

        <dependencies>
          <dependency>
            <groupId>ch.qos.logback</groupId>
            <artifactId>logback-classic</artifactId>
          </dependency>
          <dependency>
            <groupId>org.junit.jupiter</groupId>
            <artifactId>junit-jupiter</artifactId>
            <scope>test</scope>
          </dependency>
        </dependencies>
      </project>
      """;

  static final String JAVA =
      """
      package com.example.orders;

      import java.util.concurrent.ExecutorService;
      import java.util.concurrent.Executors;

      public final class Orders {
        static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);

        public static void main(String[] args) {
          WORKERS.submit(() -> {});
        }
      }
      """;
}
