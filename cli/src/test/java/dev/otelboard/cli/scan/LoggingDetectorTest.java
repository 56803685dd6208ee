package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.rewrite.RewriteId;
import org.junit.jupiter.api.Test;

class LoggingDetectorTest {
  private static final String SERVICE = "src/main/java/com/acme/Service.java";

  @Test
  void slf4jLoggerFieldAndLogCallsByLevel() {
    ScanResult r = Repo.create()
        .pom("", "svc", "ch.qos.logback:logback-classic")
        .file(SERVICE, """
            package com.acme;

            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            public class Service {
              private static final Logger log = LoggerFactory.getLogger(Service.class);

              void run(String id) {
                log.info("started {}", id);
                log.info("again");
                log.warn("careful");
                log.debug("detail");
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "logging.slf4j.logger src/main/java/com/acme/Service.java:7:31 manual");
    Finding logger = r.findings().get(0);
    assertThat(logger.enclosingClass()).isEqualTo("com.acme.Service");
    assertThat(logger.enclosingMethod()).isNull();
    assertThat(logger.symbol()).isEqualTo("org.slf4j.Logger log");
    assertThat(logger.snippet()).isEqualTo("log = LoggerFactory.getLogger(Service.class);");
    assertThat(logger.reason()).contains("Logback runs with its default pattern");
    assertThat(r.modules().get(0).logCalls()).containsExactly(
        new ScanResult.LogCallCount("SLF4J", "debug", 1),
        new ScanResult.LogCallCount("SLF4J", "info", 2),
        new ScanResult.LogCallCount("SLF4J", "warn", 1));
    assertThat(r.modules().get(0).loggingFrameworks()).containsExactly("Logback", "SLF4J");
  }

  @Test
  void everyFrameworksLoggerIsItsOwnKind() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Loggers.java", """
            package a;

            import java.util.logging.Level;

            class Loggers {
              static final org.apache.logging.log4j.Logger L2 =
                  org.apache.logging.log4j.LogManager.getLogger(Loggers.class);
              static final java.util.logging.Logger JUL = java.util.logging.Logger.getLogger("a");
              static final org.apache.commons.logging.Log JCL =
                  org.apache.commons.logging.LogFactory.getLog(Loggers.class);
              static final org.apache.log4j.Logger L1 = org.apache.log4j.Logger.getLogger("a");
              static final ch.qos.logback.classic.Logger LB = null;

              void run() {
                JUL.severe("x");
                JUL.fine("y");
                JUL.log(Level.WARNING, "z");
                L2.fatal("f");
                JCL.error("e");
                L1.trace("t");
              }
            }
            """)
        .scan();
    assertThat(Repo.brief(r)).containsExactly(
        "logging.log4j2.logger src/main/java/a/Loggers.java:6:48",
        "logging.jul.logger src/main/java/a/Loggers.java:8:41",
        "logging.jcl.logger src/main/java/a/Loggers.java:9:47",
        "logging.log4j1.logger src/main/java/a/Loggers.java:11:40",
        "logging.logback.logger src/main/java/a/Loggers.java:12:46");
    assertThat(r.findings()).extracting(Finding::rewrite).containsExactly(
        RewriteId.MANUAL, RewriteId.MIGRATE_JUL_TO_SLF4J, RewriteId.MIGRATE_JCL_TO_SLF4J,
        RewriteId.MIGRATE_LOG4J1_TO_SLF4J, RewriteId.MANUAL);
    assertThat(r.modules().get(0).logCalls()).extracting(Object::toString).containsExactly(
        "LogCallCount[framework=JCL, level=error, count=1]",
        "LogCallCount[framework=JUL, level=debug, count=1]",
        "LogCallCount[framework=JUL, level=warn, count=1]",
        "LogCallCount[framework=JUL, level=error, count=1]",
        "LogCallCount[framework=Log4j1, level=trace, count=1]",
        "LogCallCount[framework=Log4j2, level=fatal, count=1]");
    assertThat(r.modules().get(0).buildTool()).isEqualTo("none");
  }

  @Test
  void lombokAnnotationsDeclareLoggers() {
    ScanResult r = Repo.create()
        .pom("", "svc", "org.apache.logging.log4j:log4j-core")
        .file(SERVICE, """
            package com.acme;

            import lombok.extern.slf4j.Slf4j;

            @Slf4j
            class Service {
              void run() {
                log.error("failed " + 42);
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "logging.slf4j.logger src/main/java/com/acme/Service.java:5:1 manual",
        "logging.concatenated-message src/main/java/com/acme/Service.java:8:5 "
            + "parameterize-log-message");
    assertThat(r.findings().get(0).reason()).contains("Log4j2 runs with its default pattern");
    assertThat(r.findings().get(1).enclosingMethod()).isEqualTo("run");
  }

  @Test
  void concatenatedMessagesAreParameterizedWhenOnboardCanDoItSafely() {
    ScanResult r = Repo.create()
        .file(SERVICE, """
            package com.acme;

            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            class Service {
              private static final Logger log = LoggerFactory.getLogger(Service.class);

              void run(String id, int a, int b) {
                log.info("order " + id + " placed");
                try {
                  run(id, a, b);
                } catch (IllegalStateException e) {
                  log.warn("order " + id + " failed", e);
                }
                log.info(a + b + " items");
                log.info("has {} already " + id, id);
                log.info("constant " + "folded");
                log.info("fine {}", id);
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "logging.slf4j.logger src/main/java/com/acme/Service.java:7:31 manual",
        "logging.concatenated-message src/main/java/com/acme/Service.java:10:5 "
            + "parameterize-log-message",
        "logging.concatenated-message src/main/java/com/acme/Service.java:14:7 "
            + "parameterize-log-message",
        "logging.concatenated-message src/main/java/com/acme/Service.java:16:5 manual",
        "logging.concatenated-message src/main/java/com/acme/Service.java:17:5 manual");
    assertThat(r.findings().get(3).reason()).contains("does not start with a string literal");
    assertThat(r.findings().get(4).reason()).contains("extra arguments");
  }

  @Test
  void julConcatenationIsManual() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/A.java", """
            package a;

            import java.util.logging.Logger;

            class A {
              private final Logger logger = Logger.getLogger("a");

              void run(String id) {
                logger.info("id " + id);
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "logging.jul.logger src/main/java/a/A.java:6:24 migrate-jul-to-slf4j",
        "logging.concatenated-message src/main/java/a/A.java:9:5 manual");
  }

  @Test
  void systemOutErrAndPrintStackTraceInServiceCodeOnly() {
    ScanResult r = Repo.create()
        .file(SERVICE, """
            package com.acme;

            class Service {
              void run() {
                System.out.println("hello");
                System.err.printf("%s%n", "bad");
                try {
                  run();
                } catch (RuntimeException e) {
                  e.printStackTrace();
                }
                String s = "System.out.println(x)";
                // System.out.println("commented out");
                /* System.err.println("block comment"); */
              }
            }
            """)
        .file("src/test/java/com/acme/ServiceTest.java", """
            package com.acme;

            class ServiceTest {
              void test() {
                System.out.println("tests may print");
              }
            }
            """)
        .scan();
    assertThat(Repo.brief(r)).containsExactly(
        "logging.system-out src/main/java/com/acme/Service.java:5:5",
        "logging.system-err src/main/java/com/acme/Service.java:6:5",
        "logging.print-stack-trace src/main/java/com/acme/Service.java:10:7");
    assertThat(r.findings()).allMatch(Finding::isManual);
  }

  @Test
  void printlnGoesThroughTheClassesSlf4jLoggerExceptInMain() {
    ScanResult r = Repo.create()
        .file(SERVICE, """
            package com.acme;

            class Service {
              private static final org.slf4j.Logger log =
                  org.slf4j.LoggerFactory.getLogger(Service.class);

              void run() {
                System.out.println("through the logger");
              }

              public static void main(String[] args) {
                System.err.println("usage: service");
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "logging.slf4j.logger src/main/java/com/acme/Service.java:4:41 manual",
        "logging.system-out src/main/java/com/acme/Service.java:8:5 migrate-system-out-to-slf4j",
        "logging.system-err src/main/java/com/acme/Service.java:12:5 none");
  }

  @Test
  void aClassOfYourOwnNamedSystemOrLoggerIsNotLogging() {
    ScanResult r = Repo.create()
        .file("src/main/java/com/acme/System.java", """
            package com.acme;

            public class System {
              public static final java.io.PrintStream out = null;
            }
            """)
        .file("src/main/java/com/acme/Logger.java", """
            package com.acme;

            public class Logger {
              public void info(String s) {}
            }
            """)
        .file(SERVICE, """
            package com.acme;

            import org.slf4j.*;

            class Service {
              private final Logger log = new Logger();

              void run(String id) {
                System.out.println("own System");
                log.info("own logger " + id);
              }
            }
            """)
        .scan();
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void loggersInTestsAreReportedAsTestFindingsAndNotCounted() {
    ScanResult r = Repo.create()
        .pom("", "svc", "ch.qos.logback:logback-classic")
        .file("src/test/java/com/acme/ServiceTest.java", """
            package com.acme;

            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            class ServiceTest {
              private static final Logger log = LoggerFactory.getLogger(ServiceTest.class);

              void test() {
                log.info("in a test");
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "logging.slf4j.logger src/test/java/com/acme/ServiceTest.java:7:31 manual test");
    assertThat(r.mainFindings()).isEmpty();
    assertThat(r.modules().get(0).logCalls()).isEmpty();
    ScanSummary summary = ScanSummary.of(r);
    assertThat(summary.coverable()).isZero();
    assertThat(summary.testFindings()).isEqualTo(1);
  }

  @Test
  void commentedOutAndStringLiteralLoggersAreNotFindings() {
    ScanResult r = Repo.create()
        .file(SERVICE, """
            package com.acme;

            class Service {
              // private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("x");
              /*
               * private static final org.slf4j.Logger LOG = null;
               */
              String text = "private static final org.slf4j.Logger log;";
            }
            """)
        .scan();
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void localVarLoggerIsResolvedFromItsInitializer() {
    ScanResult r = Repo.create()
        .file(SERVICE, """
            package com.acme;

            import org.slf4j.LoggerFactory;

            class Service {
              void run() {
                var log = LoggerFactory.getLogger(Service.class);
                log.info("local");
              }
            }
            """)
        .scan();
    assertThat(Repo.brief(r)).containsExactly(
        "logging.slf4j.logger src/main/java/com/acme/Service.java:7:9");
    assertThat(r.modules().get(0).logCalls()).hasSize(1);
  }
}
