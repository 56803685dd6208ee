package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrateLoggingTest {
  static final MigrateLoggerToSlf4j JUL = new MigrateLoggerToSlf4j(MigrateLoggerToSlf4j.JUL);
  static final MigrateLoggerToSlf4j JCL = new MigrateLoggerToSlf4j(MigrateLoggerToSlf4j.JCL);
  static final MigrateLoggerToSlf4j LOG4J1 =
      new MigrateLoggerToSlf4j(MigrateLoggerToSlf4j.LOG4J1);

  @Test
  void julLoggersMoveToSlf4jWithLevelsThrowablesAndMessageFormatParameters() {
    JavaFileRewriter.Result result =
        assertRewrite(
            JUL,
            """
            package com.example.shop;

            import java.util.logging.Level;
            import java.util.logging.Logger;

            class Shop {
              private static final Logger LOG = Logger.getLogger(Shop.class.getName());

              void order(String id, int count) {
                LOG.info("placing order");
                LOG.warning("stock low");
                if (LOG.isLoggable(Level.FINE)) {
                  LOG.fine("details");
                }
                LOG.log(Level.INFO, "order {0} x{1}", new Object[] {id, count});
                try {
                  place(id);
                } catch (IllegalStateException e) {
                  LOG.log(Level.SEVERE, "order failed", e);
                }
              }

              void place(String id) {}
            }
            """,
            """
            package com.example.shop;

            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            class Shop {
              private static final Logger LOG = LoggerFactory.getLogger(Shop.class);

              void order(String id, int count) {
                LOG.info("placing order");
                LOG.warn("stock low");
                if (LOG.isDebugEnabled()) {
                  LOG.debug("details");
                }
                LOG.info("order {} x{}", id, count);
                try {
                  place(id);
                } catch (IllegalStateException e) {
                  LOG.error("order failed", e);
                }
              }

              void place(String id) {}
            }
            """);
    assertThat(result.changes())
        .singleElement()
        .satisfies(c -> {
          assertThat(c.line()).isEqualTo(7);
          assertThat(c.rewriteId()).isEqualTo(RewriteId.MIGRATE_JUL_TO_SLF4J);
        });
  }

  @Test
  void julMigrationAndParameterizationHappenInOnePass() {
    JavaFileRewriter rewriter =
        new JavaFileRewriter(
            List.of(JUL, new ParameterizeLogMessage()), RewriteTester.SETTINGS);
    String before =
        """
        package com.example.shop;

        import java.util.logging.Logger;

        class Shop {
          private static final Logger LOG = Logger.getLogger("shop");

          void order(String id) {
            LOG.info("order " + id + " placed");
          }
        }
        """;
    JavaFileRewriter.Result first = rewriter.rewrite("Shop.java", before);
    assertThat(first.text())
        .isEqualTo(
            """
            package com.example.shop;

            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            class Shop {
              private static final Logger LOG = LoggerFactory.getLogger("shop");

              void order(String id) {
                LOG.info("order {} placed", id);
              }
            }
            """);
    assertThat(rewriter.rewrite("Shop.java", first.text()).text()).isEqualTo(first.text());
  }

  @Test
  void jclLogsMoveToSlf4jAndNonStringMessagesAreConverted() {
    assertRewrite(
        JCL,
        """
        package com.example.shop;

        import org.apache.commons.logging.Log;
        import org.apache.commons.logging.LogFactory;

        class Shop {
          private final Log log = LogFactory.getLog(Shop.class);

          void order(Object order, Exception e) {
            if (log.isDebugEnabled()) {
              log.debug(order);
            }
            log.fatal("cannot place order", e);
          }
        }
        """,
        """
        package com.example.shop;

        import org.slf4j.Logger;
        import org.slf4j.LoggerFactory;

        class Shop {
          private final Logger log = LoggerFactory.getLogger(Shop.class);

          void order(Object order, Exception e) {
            if (log.isDebugEnabled()) {
              log.debug(String.valueOf(order));
            }
            log.error("cannot place order", e);
          }
        }
        """);
  }

  @Test
  void log4j1LoggersMoveToSlf4j() {
    assertRewrite(
        LOG4J1,
        """
        package com.example.shop;

        import org.apache.log4j.Logger;

        class Shop {
          private static final Logger LOG = Logger.getLogger(Shop.class);

          void order(String id) {
            LOG.info("order " + id);
            LOG.warn("slow");
          }
        }
        """,
        """
        package com.example.shop;

        import org.slf4j.Logger;
        import org.slf4j.LoggerFactory;

        class Shop {
          private static final Logger LOG = LoggerFactory.getLogger(Shop.class);

          void order(String id) {
            LOG.info("order " + id);
            LOG.warn("slow");
          }
        }
        """);
  }

  @Test
  void aCallWithoutAnSlf4jEquivalentLeavesTheFileAloneWithAManualItem() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            JUL,
            """
            package com.example.shop;

            import java.util.logging.Logger;

            class Shop {
              private static final Logger LOG = Logger.getLogger("shop");

              void start() {
                LOG.addHandler(new java.util.logging.ConsoleHandler());
                LOG.info("started");
              }
            }
            """);
    assertThat(result.manual())
        .singleElement()
        .satisfies(m -> {
          assertThat(m.line()).isEqualTo(9);
          assertThat(m.reason()).contains("addHandler");
        });
  }

  @Test
  void aLoggerOtherFilesCanSeeIsLeftAloneWithAManualItem() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            JUL,
            """
            package com.example.shop;

            import java.util.logging.Logger;

            public class BaseService {
              protected static final Logger LOG = Logger.getLogger("shop");

              void start() {
                LOG.info("started");
              }
            }
            """);
    assertThat(result.manual())
        .singleElement()
        .satisfies(m -> {
          assertThat(m.line()).isEqualTo(6);
          assertThat(m.reason()).contains("non-private field");
        });
  }

  @Test
  void aLoggingClassCallWithoutAFactoryEquivalentLeavesTheFileAlone() {
    JavaFileRewriter.Result result =
        assertUnchanged(
            JUL,
            """
            package com.example.shop;

            import java.util.logging.Logger;

            class Shop {
              private static final Logger LOG = Logger.getGlobal();

              void start() {
                LOG.info("started");
              }
            }
            """);
    assertThat(result.manual())
        .singleElement()
        .satisfies(m -> assertThat(m.reason()).contains("Logger.getGlobal(...)"));
  }

  @Test
  void keepLoggingApiLeavesTheLoggerWithAManualItem() {
    JavaFileRewriter rewriter =
        new JavaFileRewriter(List.of(JUL), RewriteTester.SETTINGS.withMigrateLoggingApi(false));
    String source =
        """
        package com.example.shop;

        import java.util.logging.Logger;

        class Shop {
          private static final Logger LOG = Logger.getLogger("shop");
        }
        """;
    JavaFileRewriter.Result result = rewriter.rewrite("Shop.java", source);
    assertThat(result.text()).isEqualTo(source);
    assertThat(result.manual())
        .singleElement()
        .satisfies(m -> {
          assertThat(m.line()).isEqualTo(6);
          assertThat(m.rewriteId()).isEqualTo(RewriteId.MIGRATE_JUL_TO_SLF4J);
        });
  }

  @Test
  void systemOutLinesGoThroughTheClassLoggerButMainAndLoggerlessClassesAreManual() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new MigrateSystemOutToSlf4j(),
            """
            package com.example.shop;

            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            class Shop {
              private static final Logger LOG = LoggerFactory.getLogger(Shop.class);

              public static void main(String[] args) {
                System.out.println("usage: shop <port>");
              }

              void order(String id, int count) {
                System.out.println("order " + id);
                System.err.println(count);
              }

              static class Helper {
                void help() {
                  System.out.println("helping");
                }
              }
            }
            """,
            """
            package com.example.shop;

            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            class Shop {
              private static final Logger LOG = LoggerFactory.getLogger(Shop.class);

              public static void main(String[] args) {
                System.out.println("usage: shop <port>");
              }

              void order(String id, int count) {
                LOG.info("order " + id);
                LOG.error(String.valueOf(count));
              }

              static class Helper {
                void help() {
                  System.out.println("helping");
                }
              }
            }
            """);
    assertThat(result.manual()).extracting(ManualItem::line).containsExactly(20);
  }

  @Test
  void systemOutInAClassWithALog4j2LoggerGoesThroughIt() {
    assertRewrite(
        new MigrateSystemOutToSlf4j(),
        """
        package com.example.shop;

        import org.apache.logging.log4j.LogManager;
        import org.apache.logging.log4j.Logger;

        class Shop {
          private final Logger log = LogManager.getLogger();

          void order(String id) {
            System.out.println(id);
          }
        }
        """,
        """
        package com.example.shop;

        import org.apache.logging.log4j.LogManager;
        import org.apache.logging.log4j.Logger;

        class Shop {
          private final Logger log = LogManager.getLogger();

          void order(String id) {
            log.info(id);
          }
        }
        """);
  }
}
