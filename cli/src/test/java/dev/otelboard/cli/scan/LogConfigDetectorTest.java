package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogConfigDetectorTest {
  private static final String LOGGER = """
      package com.acme;

      class Service {
        static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Service.class);
      }
      """;

  @Test
  void logbackPatternWithoutTraceIdsIsLocatedAndLoggersFollowIt() {
    ScanResult r = Repo.create()
        .pom("", "svc", "ch.qos.logback:logback-classic")
        .file("src/main/java/com/acme/Service.java", LOGGER)
        .file("src/main/resources/logback.xml", """
            <configuration>
              <!-- <pattern>%X{trace_id} %X{span_id} %msg%n</pattern> -->
              <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                <encoder>
                  <pattern>%d %-5level %logger - %msg%n</pattern>
                </encoder>
              </appender>
            </configuration>
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "logging.slf4j.logger src/main/java/com/acme/Service.java:4:33 logback-mdc",
        "logconfig.logback src/main/resources/logback.xml:5:16 logback-mdc");
    assertThat(r.findings().get(1).symbol()).isEqualTo("%d %-5level %logger - %msg%n");
    assertThat(r.findings().get(0).reason())
        .isEqualTo("src/main/resources/logback.xml does not print trace_id/span_id yet");
  }

  @Test
  void logbackPatternWithTraceIdsMakesLoggersInstrumented() {
    ScanResult r = Repo.create()
        .pom("", "svc", "ch.qos.logback:logback-classic")
        .file("src/main/java/com/acme/Service.java", LOGGER)
        .file("src/main/resources/logback.xml", """
            <configuration>
              <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                <encoder>
                  <pattern>%d trace_id=%X{trace_id} span_id=%X{span_id} %msg%n</pattern>
                </encoder>
              </appender>
              <appender name="JSON" class="ch.qos.logback.core.FileAppender">
                <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
              </appender>
            </configuration>
            """)
        .file("src/test/resources/logback-test.xml", """
            <configuration><appender><encoder><pattern>%msg%n</pattern></encoder></appender>
            </configuration>
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "logging.slf4j.logger src/main/java/com/acme/Service.java:4:33 logback-mdc instrumented",
        "logconfig.logback src/main/resources/logback.xml:4:16 logback-mdc instrumented",
        "logconfig.logback src/test/resources/logback-test.xml:1:44 logback-mdc test");
    assertThat(ScanSummary.of(r).coveragePercent()).isEqualTo(100);
  }

  @Test
  void log4j2XmlAndNonXmlConfigs() {
    ScanResult r = Repo.create()
        .file("a/src/main/resources/log4j2.xml", """
            <Configuration>
              <Appenders>
                <Console name="out">
                  <PatternLayout pattern="%d %p %c - %m%n"/>
                </Console>
              </Appenders>
            </Configuration>
            """)
        .file("b/src/main/resources/log4j2.yaml", """
            Configuration:
              Appenders:
                Console:
                  PatternLayout:
                    # pattern: "%X{trace_id} %X{span_id} %m%n"
                    pattern: "%d %X %m%n"
            """)
        .file("c/src/main/resources/log4j2.properties", """
            appender.console.layout.pattern = %d %m%n
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "logconfig.log4j2 a/src/main/resources/log4j2.xml:4:31 log4j2-context-data",
        "logconfig.log4j2 b/src/main/resources/log4j2.yaml:6:18 none instrumented",
        "logconfig.log4j2 c/src/main/resources/log4j2.properties:1:35 manual");
  }

  @Test
  void julLog4j1AndSpringPatterns() {
    ScanResult r = Repo.create()
        .file("src/main/resources/logging.properties", """
            handlers=java.util.logging.ConsoleHandler
            java.util.logging.SimpleFormatter.format=%1$tF %4$s %5$s%n
            """)
        .file("src/main/resources/log4j.properties", """
            log4j.appender.stdout.layout.ConversionPattern=%d %p %m%n
            """)
        .file("src/main/resources/application.yml", """
            server:
              port: 8080
            logging:
              level:
                root: INFO
              pattern:
                console: "%d %msg%n"
            """)
        .file("src/main/resources/application-prod.properties", """
            # logging.pattern.console=%msg
            logging.pattern.level=%5p [%X{traceId:-},%X{spanId:-}]
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "logconfig.spring-pattern src/main/resources/application-prod.properties:2:1 none "
            + "instrumented",
        "logconfig.spring-pattern src/main/resources/application.yml:7:5 manual",
        "logconfig.log4j1 src/main/resources/log4j.properties:1:48 manual",
        "logconfig.jul src/main/resources/logging.properties:2:1 manual");
  }

  @Test
  void patternsCarryTraceContextWithBothIdsOrTheWholeMdc() {
    assertThat(LogConfigDetector.carriesTraceContext("%X{trace_id} %X{span_id} %m")).isTrue();
    assertThat(LogConfigDetector.carriesTraceContext("[%X{traceId:-},%X{spanId:-}]")).isTrue();
    assertThat(LogConfigDetector.carriesTraceContext("%d %X %m%n")).isTrue();
    assertThat(LogConfigDetector.carriesTraceContext("%d %mdc %m%n")).isTrue();
    assertThat(LogConfigDetector.carriesTraceContext("%X{trace_id} %m")).isFalse();
    assertThat(LogConfigDetector.carriesTraceContext("%d %msg%n")).isFalse();
    assertThat(LogConfigDetector.carriesTraceContext("%X{user} %m")).isFalse();
  }
}
